// Finding and loading the syntax model file: one implementation for the
// public API (kg::SyntaxModel, api/syntax_api.cc) and the loader, so both
// look in the same places, report the same errors and share loaded models.
#ifndef KG_SYNTAX_MODEL_REGISTRY_H_
#define KG_SYNTAX_MODEL_REGISTRY_H_

#include <memory>
#include <string>
#include <vector>

#include "kg/result.h"
#include "syntax/model.h"

namespace kg::syntax {

// The environment variable that overrides the default model location.
inline constexpr const char* kModelEnvVar = "KG_SYNTAX_MODEL";

// Where the default model may be, most specific first, whether or not the
// files exist: <dir of the binary holding this code>/<relative data dir>/
// kg/en.kgm (libkg.so when kg_syntax is linked into it, else the
// executable; the relative path is the install layout's lib→share or
// bin→share), then <source tree>/models/en.kgm, then <install
// prefix>/share/kg/en.kgm. Thread-safe.
std::vector<std::string> DefaultModelCandidates();

// The default model file: $KG_SYNTAX_MODEL when set and not empty (even if
// it does not exist, so that loading reports it); else the first existing
// file of DefaultModelCandidates(); "" when none exists. Thread-safe.
std::string DefaultModelPath();

// The file LoadModel(path) reads: `path` itself, or DefaultModelPath() when
// `path` is empty, checked to be an existing non-directory. Errors, each
// with a hint saying what to do: NotFound naming the file (and
// KG_SYNTAX_MODEL when the path came from it) or, when no default exists,
// every location tried; InvalidArgument when the path is a directory.
Result<std::string> ResolveModelPath(const std::string& path = "");

// Loads the model file at `path` (DefaultModelPath() when empty), and
// WordNet meanwhile on another thread. A file is read once per process and
// canonical path (~25 ms for models/en.kgm); later calls return the same
// object, which lives until the process ends. Errors: those of
// ResolveModelPath; Corruption for a file that is not a kg syntax model or
// is damaged, NotSupported for a model in another format version, older or
// newer (each naming the file, with a hint). Thread-safe: concurrent first calls read the
// file once.
Result<std::shared_ptr<const Model>> LoadModel(const std::string& path);

// LoadModel("").
Result<std::shared_ptr<const Model>> LoadDefaultModel();

}  // namespace kg::syntax

#endif  // KG_SYNTAX_MODEL_REGISTRY_H_
