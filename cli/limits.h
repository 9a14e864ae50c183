// Parsing of the query limits the command line and the shell take:
// `--memory-limit 500MB`, `--timeout 30s`, `.memory-limit 2GB`.
#ifndef KG_CLI_LIMITS_H_
#define KG_CLI_LIMITS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "kg/result.h"

namespace kg::cli {

// A byte count: a number (fractions allowed) with an optional unit, case-
// insensitive, space allowed before it: B, KB, MB, GB, TB (powers of 1000,
// as DuckDB reads them) or KiB, MiB, GiB, TiB (powers of 1024); no unit is
// bytes. "0" and "default" mean the default limit (returns 0).
// Errors: InvalidArgument naming the text and the accepted forms.
Result<uint64_t> ParseByteSize(std::string_view text);

// A duration in milliseconds: a number with an optional unit ms, s, min, h
// (no unit: seconds). "0" and "none" mean no limit (returns 0).
// Errors: InvalidArgument naming the text and the accepted forms.
Result<uint64_t> ParseDuration(std::string_view text);

// "500 MB (default: a quarter of memory)" style text for `.memory-limit`
// without an argument.
std::string DescribeMemoryLimit(uint64_t bytes);
std::string DescribeTimeout(uint64_t ms);

}  // namespace kg::cli

#endif  // KG_CLI_LIMITS_H_
