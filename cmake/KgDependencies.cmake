# Third-party dependencies, all from Debian packages (see ../shared/BUILD-NOTES.md
# and docs/architecture.md). Each is wrapped so kg targets link one name.
find_package(RocksDB CONFIG REQUIRED)
find_package(fmt CONFIG REQUIRED)
find_package(nlohmann_json CONFIG REQUIRED)
find_package(CLI11 CONFIG QUIET)
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
# ICU (libicu-dev): Unicode case folding of names (api/case_fold.h).
find_package(ICU REQUIRED COMPONENTS uc)
pkg_check_modules(LIBEDIT REQUIRED IMPORTED_TARGET libedit)

if(NOT TARGET CLI11::CLI11)
  # Debian's libcli11-dev ships the header; its CMake config may be missing.
  add_library(CLI11::CLI11 INTERFACE IMPORTED)
endif()

# ANTLR 4 runtime: Debian's config defines bare targets without include
# directories; wrap it (headers as SYSTEM so their warnings stay quiet).
find_package(antlr4-runtime CONFIG REQUIRED)
if(NOT ANTLR4_INCLUDE_DIR)
  set(ANTLR4_INCLUDE_DIR /usr/include/antlr4-runtime)
endif()
add_library(kg_antlr4 INTERFACE)
target_include_directories(kg_antlr4 SYSTEM INTERFACE ${ANTLR4_INCLUDE_DIR})
target_link_libraries(kg_antlr4 INTERFACE antlr4_shared)
find_program(ANTLR4_TOOL NAMES antlr4 REQUIRED)

# Linguistic data for the loader.
find_library(LINK_GRAMMAR_LIB NAMES link-grammar REQUIRED)
find_path(LINK_GRAMMAR_INCLUDE link-grammar/link-includes.h REQUIRED)
add_library(kg_link_grammar INTERFACE)
target_include_directories(kg_link_grammar SYSTEM INTERFACE ${LINK_GRAMMAR_INCLUDE})
target_link_libraries(kg_link_grammar INTERFACE ${LINK_GRAMMAR_LIB})
find_library(WORDNET_LIB NAMES wordnet WN REQUIRED)
find_path(WORDNET_INCLUDE wn.h REQUIRED)
add_library(kg_wordnet INTERFACE)
target_include_directories(kg_wordnet SYSTEM INTERFACE ${WORDNET_INCLUDE})
target_link_libraries(kg_wordnet INTERFACE ${WORDNET_LIB})

if(KG_BUILD_TESTS)
  find_package(GTest CONFIG REQUIRED)
  include(GoogleTest)
endif()
if(KG_BUILD_BENCH)
  find_package(benchmark CONFIG REQUIRED)
endif()
