#include "loader/tree/open_ie.h"

namespace kg::loader::tree {

std::vector<RawFact> OpenIeFromTree(const syntax::Sentence& parse, std::string_view text) {
  (void)parse;
  (void)text;
  return {};
}

}  // namespace kg::loader::tree
