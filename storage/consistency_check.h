// The full consistency check of a store: every invariant of
// storage/FORMAT.md that ties the column families together, verified by
// recomputation (`kg check`, DB::Check and every storage test scenario).
#ifndef KG_STORAGE_CONSISTENCY_CHECK_H_
#define KG_STORAGE_CONSISTENCY_CHECK_H_

#include <string>

#include "storage/store.h"

namespace kg::storage {

// Checks invariants 1-5 and 7: spo/pos/osp hold the same triples; every
// triple has provenance only from registered articles and its hedged flag
// matches; every registered article's triple list is present with its
// provenance and its counts match; the stored statistics and per-key counts
// equal a recomputation. Returns "" or a description of the first
// violation. Reads the whole database; memory grows with the triples
// (about 200 bytes each).
std::string FindInconsistency(const Store& store);

// Invariant 7 alone (for a version-1 store: CountKey still answers right).
std::string FindKeyCountInconsistency(const Store& store);

}  // namespace kg::storage

#endif  // KG_STORAGE_CONSISTENCY_CHECK_H_
