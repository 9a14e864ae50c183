// TextArena: copies of many short strings in large blocks that never move.
#ifndef KG_STORAGE_TEXT_ARENA_H_
#define KG_STORAGE_TEXT_ARENA_H_

#include <algorithm>
#include <cstring>
#include <string_view>
#include <vector>

#include "storage/huge_pages.h"

namespace kg::storage {

// The import keeps 10^5+ short strings (dictionary encodings, lookup keys,
// entity records, IRIs) until it writes them. As std::strings each was an
// allocation; end to end in one std::string, every doubling copied all of
// them into fresh pages. Here they go into 4 MiB blocks in huge pages
// (ZeroedArray): one page fault per 2 MiB, no copy after the first. Views
// stay valid until the arena is cleared or destroyed. Not thread-safe.
class TextArena {
 public:
  // A copy of `text` in the arena.
  std::string_view Add(std::string_view text) {
    if (text.empty()) return {};
    if (blocks_.empty() || used_ + text.size() > blocks_.back().size()) {
      blocks_.emplace_back(std::max(kBlock, text.size()));
      used_ = 0;
    }
    char* at = blocks_.back().begin() + used_;
    std::memcpy(at, text.data(), text.size());
    used_ += text.size();
    return std::string_view(at, text.size());
  }

  // Releases every block (all views become invalid).
  void Clear() {
    std::vector<ZeroedArray<char>>().swap(blocks_);
    used_ = 0;
  }

 private:
  static constexpr size_t kBlock = size_t{4} << 20;
  std::vector<ZeroedArray<char>> blocks_;
  size_t used_ = 0;  // in the last block
};

}  // namespace kg::storage

#endif  // KG_STORAGE_TEXT_ARENA_H_
