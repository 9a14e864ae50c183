#include "loader/tree/word_lists.h"

#include <algorithm>
#include <sstream>

#include "loader/text/ascii_lower.h"

namespace kg::loader::data {
extern const char kData_roles_tsv[];
extern const char kData_nouns_tsv[];
}  // namespace kg::loader::data

namespace kg::loader::tree {
namespace {

// Tab-separated lines without comments or blanks, as (first, second).
template <typename Fn>
void ForEachRow(const char* data, Fn fn) {
  std::istringstream in(data);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    fn(line.substr(0, tab), line.substr(tab + 1));
  }
}

}  // namespace

const WordLists& WordLists::Get() {
  static const WordLists lists;
  return lists;
}

WordLists::WordLists() {
  ForEachRow(data::kData_roles_tsv, [this](const std::string& words, const std::string& pred) {
    roles_[words] = pred;
    max_role_words_ =
        std::max(max_role_words_, 1 + static_cast<int>(std::count(words.begin(), words.end(), ' ')));
  });
  ForEachRow(data::kData_nouns_tsv, [this](const std::string& cls, const std::string& lemma) {
    classed_.insert(cls + "\t" + lemma);
  });
}

std::string WordLists::RolePredicate(std::string_view words) const {
  // "Vice-President" and "vice - president" are "vice president".
  std::string key;
  for (char c : text::AsciiLower(words)) {
    if (c == '-') c = ' ';
    if (c != ' ' || (!key.empty() && key.back() != ' ')) key.push_back(c);
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  auto it = roles_.find(key);
  return it == roles_.end() ? "" : it->second;
}

bool WordLists::InClass(std::string_view cls, std::string_view lemma) const {
  std::string key(cls);
  key += '\t';
  key += lemma;
  return classed_.count(key) > 0;
}

}  // namespace kg::loader::tree
