// Reading a script for the shell's `.read FILE`: a text file of statements
// and dot-commands, read whole and checked before any of it runs.
#ifndef KG_CLI_SCRIPT_FILE_H_
#define KG_CLI_SCRIPT_FILE_H_

#include <cstdint>
#include <string>

#include "kg/result.h"

namespace kg::cli {

// The largest script `.read` accepts. Scripts are typed by people; a file
// this big is almost certainly not one, and reading it whole must not
// exhaust memory (`.read /dev/urandom` once grew the shell to 2.4 GB).
// Default: 16 MiB.
inline constexpr uint64_t kMaxScriptBytes = uint64_t{16} << 20;

// The text of the script at `path`: UTF-8 without NUL bytes, at most
// `max_bytes` long. Reading stops at the first NUL byte or once past
// `max_bytes`, so a device or a binary file costs little.
// Errors (each with a hint): InvalidArgument "'P' is a directory, not a
// script"; InvalidArgument "'P' is not a text file: line L, column C holds a
// NUL byte" (or "a byte that is not UTF-8"); InvalidArgument "'P' is larger
// than 16 MiB"; NotFound / IOError "cannot read 'P': <reason>".
Result<std::string> ReadScriptFile(const std::string& path, uint64_t max_bytes = kMaxScriptBytes);

}  // namespace kg::cli

#endif  // KG_CLI_SCRIPT_FILE_H_
