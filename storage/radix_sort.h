// RadixSortIds: the in-memory sort of the bulk importer's records (four ids
// each, storage/bulk_import.cc).
#ifndef KG_STORAGE_RADIX_SORT_H_
#define KG_STORAGE_RADIX_SORT_H_

#include <array>
#include <cstddef>
#include <cstdint>

namespace kg::storage {

using IdRecord = std::array<uint64_t, 4>;

// Sorts recs[0, n) into lexicographic order (the order of std::sort on
// std::array), using scratch[0, n) as working space. Returns true when the
// sorted records ended up in `scratch` (then `recs` holds garbage), false
// when they are in `recs`.
//
// A least-significant-digit radix sort: 11-bit digits of each id's offset
// from the smallest id in that position, skipping digits that every record
// shares. The records of an import have small, dense ids, so a run of 10^6
// records costs six or seven linear passes, not the ~20 comparisons per
// record of a comparison sort.
bool RadixSortIds(IdRecord* recs, IdRecord* scratch, size_t n);

}  // namespace kg::storage

#endif  // KG_STORAGE_RADIX_SORT_H_
