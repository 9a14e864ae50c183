#include "rdf/ntriples_writer.h"

namespace kg::rdf {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void AppendU4(std::string* out, unsigned char c) {
  out->append("\\u00");
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 0xF]);
}

bool IsLabelAscii(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.';
}

}  // namespace

void AppendIri(std::string* out, std::string_view iri) {
  out->push_back('<');
  size_t run = 0;
  for (size_t i = 0; i < iri.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(iri[i]);
    bool plain = c > 0x20 && c != '<' && c != '>' && c != '"' && c != '{' && c != '}' && c != '|' &&
                 c != '^' && c != '`' && c != '\\';
    if (plain) continue;
    out->append(iri.data() + run, i - run);
    AppendU4(out, c);
    run = i + 1;
  }
  out->append(iri.data() + run, iri.size() - run);
  out->push_back('>');
}

void AppendBlankNode(std::string* out, std::string_view label) {
  out->append("_:");
  if (label.empty()) {
    out->push_back('b');
    return;
  }
  size_t start = out->size();
  for (char c : label) {
    unsigned char u = static_cast<unsigned char>(c);
    out->push_back(u >= 0x80 || IsLabelAscii(c) ? c : '_');
  }
  // The first character may not be '-' or '.', the last not '.'.
  if ((*out)[start] == '-' || (*out)[start] == '.') (*out)[start] = '_';
  if (out->back() == '.') out->back() = '_';
}

void AppendLiteral(std::string* out, std::string_view lexical, std::string_view datatype,
                   std::string_view language) {
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < lexical.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(lexical[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(lexical.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        AppendU4(out, c);
        break;
    }
  }
  out->append(lexical.data() + run, lexical.size() - run);
  out->push_back('"');
  if (!language.empty()) {
    out->push_back('@');
    out->append(language);
  } else if (!datatype.empty() && datatype != kXsdString) {
    out->append("^^");
    AppendIri(out, datatype);
  }
}

void AppendTerm(std::string* out, const Term& term) {
  switch (term.kind) {
    case TermKind::kIri:
      AppendIri(out, term.value);
      break;
    case TermKind::kBlankNode:
      AppendBlankNode(out, term.value);
      break;
    case TermKind::kLiteral:
      AppendLiteral(out, term.value, term.datatype, term.language);
      break;
  }
}

void AppendQuad(std::string* out, const Quad& quad, Syntax syntax) {
  AppendTerm(out, quad.subject);
  out->push_back(' ');
  AppendTerm(out, quad.predicate);
  out->push_back(' ');
  AppendTerm(out, quad.object);
  if (syntax == Syntax::kNQuads && quad.has_graph) {
    out->push_back(' ');
    AppendTerm(out, quad.graph);
  }
  out->append(" .\n");
}

}  // namespace kg::rdf
