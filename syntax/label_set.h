// A small string ↔ id table (tag classes, dependency labels), kept in the
// order strings were first added so ids are stable for a given training set.
#ifndef KG_SYNTAX_LABEL_SET_H_
#define KG_SYNTAX_LABEL_SET_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/binary_io.h"

namespace kg::syntax {

class LabelSet {
 public:
  static constexpr int kMissing = -1;

  int Add(std::string_view s) {
    auto it = ids_.find(std::string(s));
    if (it != ids_.end()) return it->second;
    int id = static_cast<int>(names_.size());
    names_.emplace_back(s);
    ids_.emplace(names_.back(), id);
    return id;
  }
  int Find(std::string_view s) const {
    auto it = ids_.find(std::string(s));
    return it == ids_.end() ? kMissing : it->second;
  }
  const std::string& Name(int id) const { return names_[static_cast<size_t>(id)]; }
  int size() const { return static_cast<int>(names_.size()); }

  void Save(ByteWriter& out) const { out.PutStrings(names_); }
  bool Load(ByteReader& in) {
    names_.clear();
    ids_.clear();
    for (auto& s : in.GetStrings()) {
      if (ids_.count(s) != 0) return false;
      Add(s);
    }
    return in.ok();
  }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, int> ids_;
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_LABEL_SET_H_
