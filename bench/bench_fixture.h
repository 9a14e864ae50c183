// Shared set-up for the storage benchmarks: synthetic graphs written to a
// scratch directory once per process, and stores imported from them.
//
// The scratch directory is $KG_BENCH_DIR if set, else /tmp/kg-bench-<pid>;
// it is removed at exit unless $KG_BENCH_KEEP is set.
#ifndef KG_BENCH_BENCH_FIXTURE_H_
#define KG_BENCH_BENCH_FIXTURE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "storage/store.h"

namespace kg::bench {

std::string ScratchDir();

// Path of an N-Triples file holding the synthetic graph of `triples` triples
// (seed 42), generating it on first use.
const std::string& GraphFile(uint64_t triples);

// A store holding that graph (imported once, then compacted); aborts the
// process with a message if the import fails.
storage::Store* GraphStore(uint64_t triples);

// Closes the stores GraphStore opened. Call before returning from main:
// closing RocksDB during static destruction crashes in its logger.
void CloseStores();

// Total size of the files under `path` in bytes.
uint64_t DirectoryBytes(const std::string& path);

// Peak resident set size of this process in KiB.
uint64_t PeakRssKib();

}  // namespace kg::bench

#endif  // KG_BENCH_BENCH_FIXTURE_H_
