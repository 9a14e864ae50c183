// The heap of a kg process that reads: backed by transparent huge pages.
#ifndef KG_CLI_HUGE_PAGE_HEAP_H_
#define KG_CLI_HUGE_PAGE_HEAP_H_

namespace kg::cli {

// Makes the blocks malloc hands out from now on come from 2 MB transparent
// huge pages where the kernel allows them (THP "always" or "madvise"), so a
// process touching a few MB of fresh heap takes a few page faults instead
// of one per 4 KB. glibc malloc only: reserves 64 MB of address space at
// the top of the heap (untouched memory costs nothing), serves blocks up to
// 32 MB from the heap instead of their own mappings, and, with
// `one_arena`, makes threads started later allocate from the same heap
// (glibc otherwise gives each its own arena, in 4 KB pages). Memory freed
// inside the reserve stays with the process until it exits. Call it early,
// before the threads it should cover start; a second call does nothing.
// Never fails: without THP (or on another allocator) it changes nothing
// but the thresholds.
void BackHeapWithHugePages(bool one_arena);

}  // namespace kg::cli

#endif  // KG_CLI_HUGE_PAGE_HEAP_H_
