#include "kg/result.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "api/escape_controls.h"

namespace kg::internal {

// A program that dereferences a failed Result has a bug, but the error it
// ignored is what its author needs to see: print it before aborting, escaped
// like every error kg shows (it may quote untrusted text).
void AbortOnFailedResult(const Status& status) {
  std::string text = "kg: value of a failed Result used: " + status.ToString();
  if (!status.hint().empty()) text += " (hint: " + status.hint() + ")";
  std::fprintf(stderr, "%s\n", EscapeControls(text, ControlEscape::kTerminal).c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace kg::internal
