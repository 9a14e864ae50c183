# Warning and sanitizer flags applied to kg's own targets (not to generated or
# third-party code). Use kg_target_defaults(<target>) on every kg target.
function(kg_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local
    -Wnon-virtual-dtor -Wno-missing-field-initializers)
  if(KG_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  # GCC 12 at -O3 reports -Wrestrict inside std::string's inlined memcpy for
  # ordinary string concatenation (GCC PR 105651, a false positive); Release
  # builds with KG_WERROR would fail on library code that is correct.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  target_link_libraries(${target} PRIVATE kg_includes)
endfunction()

if(KG_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
