// The defaults of QueryOptions that depend on the machine.
#include <unistd.h>

#include "kg/options.h"

namespace kg {

uint64_t DefaultQueryMemoryLimit() {
  // A quarter leaves room for the block cache, other queries of the same
  // process and the rest of the machine; physical memory, not the address
  // space, because a query that pages is as stuck as one that fails.
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return uint64_t{1} << 30;
  return static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size) / 4;
}

}  // namespace kg
