// BackHeapWithHugePages: after it, blocks come from past the first 2 MB
// boundary above the heap's top, where the huge pages start. (Its block
// below the boundary was once removed by the compiler as unused, and blocks
// went on filling the space below it in 4 KB pages.)
#include "cli/huge_page_heap.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

namespace kg::cli {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
constexpr bool kSanitized = __has_feature(address_sanitizer);
#else
constexpr bool kSanitized = false;
#endif

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;

bool ThpPossible() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(in, modes);
  return !modes.empty() && modes.find("[never]") == std::string::npos;
}

TEST(HugePageHeap, BlocksStartPastTheFirstBoundary) {
  if (kSanitized) GTEST_SKIP() << "the sanitizers' allocator is not glibc's heap";
  if (!ThpPossible()) GTEST_SKIP() << "transparent huge pages are off here";
  const uintptr_t top_before = reinterpret_cast<uintptr_t>(sbrk(0));
  BackHeapWithHugePages(/*one_arena=*/false);
  // Larger than any block freed so far, so it comes from the top of the heap.
  void* block = std::malloc(size_t{1} << 20);
  ASSERT_NE(block, nullptr);
  const uintptr_t at = reinterpret_cast<uintptr_t>(block);
  const uintptr_t boundary = (top_before + kHugePage - 1) & ~(kHugePage - 1);
  EXPECT_GE(at, boundary) << "the block is below the first boundary past the heap's old top";
  EXPECT_LT(at - boundary, kHugePage + 4096) << "the block is not at the next boundary";
  std::free(block);
}

}  // namespace
}  // namespace kg::cli
