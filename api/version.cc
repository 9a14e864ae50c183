#include "kg/kg.h"

namespace kg {
const char* Version() { return "0.1.0"; }
}  // namespace kg
