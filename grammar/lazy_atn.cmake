# Run after the ANTLR tool (grammar/CMakeLists.txt):
#   cmake -DFILE=KgQueryParser.cpp -DCLASS=KgQueryParser -P lazy_atn.cmake
# ANTLR 4.7's C++ target deserializes a recognizer's ATN in a static
# initializer (`Class::Initializer Class::_init;`), so every process linking
# the parser paid for it at start, `kg --version` included (about 4 ms of its
# 14). This moves it into the constructor as a function-local static: the
# same code, run once, thread-safe, the first time a query is parsed.
file(READ ${FILE} text)
set(init "${CLASS}::Initializer ${CLASS}::_init;")
string(FIND "${text}" "${init}" at)
string(REGEX MATCH "${CLASS}::${CLASS}\\([A-Za-z]+ \\*input\\) : [A-Za-z]+\\(input\\) {" ctor "${text}")
if(at EQUAL -1 OR ctor STREQUAL "")
  message(FATAL_ERROR "lazy_atn.cmake: ${FILE} does not have the shape ANTLR 4.7 generates; check grammar/README.md")
endif()
string(REPLACE "${init}" "// ${CLASS}::_init: initialized on first construction (grammar/lazy_atn.cmake)." text "${text}")
string(REPLACE "${ctor}" "${ctor}\n  static Initializer lazy_init;" text "${text}")
# Character sets with their intervals in descending order, which ANTLR 4.9's
# IntervalSet::add inserts in constant time each (grammar/atn_sets.h).
set(deserialize "_atn = deserializer.deserialize(_serializedATN);")
string(FIND "${text}" "${deserialize}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "lazy_atn.cmake: ${FILE} has no '${deserialize}'; check grammar/README.md")
endif()
string(REPLACE "${deserialize}" "_atn = deserializer.deserialize(kg_grammar::SetsInDescendingOrder(_serializedATN));"
       text "${text}")
# ANTLR's check of the ATN's structure only where kg_grammar::VerifyAtnOnLoad()
# asks for it (the tests): the ATN is fixed at build time (grammar/atn_sets.h).
set(deserializer "atn::ATNDeserializer deserializer;")
string(FIND "${text}" "${deserializer}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "lazy_atn.cmake: ${FILE} has no '${deserializer}'; check grammar/README.md")
endif()
string(REPLACE "${deserializer}"
       "atn::ATNDeserializationOptions kg_options;\n  kg_options.setVerifyATN(kg_grammar::VerifyAtnOnLoad());\n  atn::ATNDeserializer deserializer(kg_options);"
       text "${text}")
string(REPLACE "#include \"${CLASS}.h\"" "#include \"${CLASS}.h\"\n#include \"atn_sets.h\"" text "${text}")
file(WRITE ${FILE} "${text}")
