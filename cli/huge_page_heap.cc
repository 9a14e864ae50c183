// Why: on the VMs kg is measured on, a first touch of a fresh 4 KB page costs
// 12-17 µs, and a one-shot query touches 2-10 MB of heap (RocksDB's table
// readers and memtables, the term cache, hash tables): the page faults were
// a third of its CPU time. A 2 MB transparent huge page costs about 1.4 µs
// per 4 KB it holds (docs/performance.md, "Third pass").
#include "cli/huge_page_heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace kg::cli {

namespace {

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
constexpr uintptr_t kPage = 4096;
// Address space kept at the top of the heap: what a one-shot query uses.
constexpr size_t kReserve = size_t{64} << 20;
// Blocks up to this size come from the heap (glibc's default, 128 KB, gives
// larger ones a mapping of their own, faulted in 4 KB at a time).
constexpr size_t kMmapThreshold = size_t{32} << 20;
// A block that makes malloc grow the heap by kReserve; below the threshold,
// so it is carved from the heap. malloc writes only its header and the
// header of the top beyond it, 30 MB on.
constexpr size_t kGrowBlock = size_t{30} << 20;

// The block below the first huge page's boundary, held for the life of the
// process. volatile: nothing reads it, and GCC 12 at -O2 removed the
// allocation of a block nothing reads, so every reading process filled the
// space below the boundary in 4 KB pages (on average 1 MB: about 250 page
// faults, docs/performance.md "Sixth pass").
void* volatile below_boundary = nullptr;

}  // namespace

void BackHeapWithHugePages(bool one_arena) {
  static bool done = false;
  if (done) return;
  done = true;
  if (one_arena) mallopt(M_ARENA_MAX, 1);
  mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
  mallopt(M_TOP_PAD, kReserve);
  void* grow = std::malloc(kGrowBlock);
  if (grow == nullptr) return;
  const uintptr_t top = reinterpret_cast<uintptr_t>(grow);
  const uintptr_t end = reinterpret_cast<uintptr_t>(sbrk(0));
  // A huge page needs an aligned 2 MB range that nothing has touched yet
  // (a range with one 4 KB page mapped keeps 4 KB pages), so the advice
  // starts at the first boundary past the block's header and is given
  // before anything is written there.
  const uintptr_t aligned = (top + kPage + kHugePage - 1) & ~(kHugePage - 1);
  if (end <= aligned || madvise(reinterpret_cast<void*>(aligned), end - aligned, MADV_HUGEPAGE) != 0) {
    std::free(grow);
    return;
  }
  std::free(grow);
  // The next blocks start at the boundary: the space below it is held by a
  // block that is never freed (address space only; its pages are not
  // touched beyond its header).
  below_boundary = std::malloc(aligned - top);
}

}  // namespace kg::cli
