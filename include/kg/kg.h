// Umbrella header for the kg library.
#ifndef KG_KG_H_
#define KG_KG_H_

#include "kg/article.h"
#include "kg/db.h"
#include "kg/options.h"
#include "kg/query_cursor.h"
#include "kg/query_result.h"
#include "kg/result.h"
#include "kg/status.h"
#include "kg/syntax.h"
#include "kg/value.h"

namespace kg {
// The library version, e.g. "0.1.0".
const char* Version();
}  // namespace kg

#endif  // KG_KG_H_
