// The word lists of the tree patterns (loader/data/roles.tsv, nouns.tsv),
// parsed once from the copies embedded in the library.
#ifndef KG_LOADER_TREE_WORD_LISTS_H_
#define KG_LOADER_TREE_WORD_LISTS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace kg::loader::tree {

class WordLists {
 public:
  static const WordLists& Get();  // thread-safe, built on first use

  // The predicate of a role ("chief executive" → "ceo_of"); "" if not a role.
  std::string RolePredicate(std::string_view words) const;
  // Longest role length in words (for matching multiword roles).
  int max_role_words() const { return max_role_words_; }
  // Whether `lemma` (lower case) is in noun class `cls` ("funding", "part",
  // "facility", "job").
  bool InClass(std::string_view cls, std::string_view lemma) const;

 private:
  WordLists();
  std::unordered_map<std::string, std::string> roles_;
  std::unordered_set<std::string> classed_;  // "class\tlemma"
  int max_role_words_ = 1;
};

}  // namespace kg::loader::tree

#endif  // KG_LOADER_TREE_WORD_LISTS_H_
