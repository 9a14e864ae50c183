#include "loader/extract_format.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "loader/text/document.h"

namespace kg::loader {
namespace internal {
std::vector<RawFact> ExtractOneSentence(const std::string& sentence, uint32_t index,
                                        const LoaderOptions& options, std::vector<std::string>* warnings);
}  // namespace internal

namespace {

std::string Clean(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string Conf(double c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

nlohmann::json ValueJson(const Value& v) {
  nlohmann::json j;
  j["kind"] = std::string(v.KindName());
  switch (v.kind()) {
    case ValueKind::kMoney:
      j["amount"] = v.amount();
      j["currency"] = v.currency();
      break;
    case ValueKind::kInteger:
      j["value"] = v.integer();
      break;
    case ValueKind::kDecimal:
      j["value"] = v.number();
      break;
    default:
      j["value"] = v.ToString();
  }
  return j;
}

}  // namespace

bool IsExtractionFormat(std::string_view f) { return f == "tsv" || f == "jsonl" || f == "openie"; }

std::string FormatExtraction(const ArticleData& data, std::string_view format) {
  std::string out;
  auto sentence = [&](uint32_t i) -> std::string {
    return i < data.sentences.size() ? Clean(data.sentences[i]) : std::string();
  };
  if (format == "openie") {
    for (const auto& f : data.raw_facts) {
      if (f.negated) continue;
      out +=
          sentence(f.sentence) + "\t" + Conf(f.confidence) + "\t" + Clean(f.relation) + "\t" + Clean(f.arg1);
      for (const auto& a : f.args) {
        out += '\t';
        out += Clean(a);
      }
      out += "\n";
    }
    return out;
  }
  if (format == "jsonl") {
    for (const auto& e : data.entities) {
      nlohmann::json j;
      j["kind"] = "entity";
      j["name"] = e.name;
      j["type"] = e.type;
      j["aliases"] = e.aliases;
      out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    for (const auto& f : data.facts) {
      nlohmann::json j;
      j["kind"] = "fact";
      j["subject"] = ValueJson(f.subject);
      j["predicate"] = f.predicate;
      j["object"] = ValueJson(f.object);
      j["confidence"] = f.confidence;
      j["sentence"] = f.sentence;
      j["span"] = {f.span_begin, f.span_end};
      j["modality"] = f.modality == Modality::kHedged ? "hedged" : "asserted";
      out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    for (const auto& f : data.raw_facts) {
      nlohmann::json j;
      j["kind"] = "raw";
      j["arg1"] = f.arg1;
      j["relation"] = f.relation;
      j["args"] = f.args;
      j["sentence"] = f.sentence;
      j["confidence"] = f.confidence;
      j["negated"] = f.negated;
      j["hedged"] = f.hedged;
      out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    return out;
  }
  out = "subject\tpredicate\tobject\tconfidence\tsentence\n";
  for (const auto& f : data.facts) {
    out += Clean(f.subject.ToString()) + "\t" + f.predicate + "\t" + Clean(f.object.ToString()) + "\t" +
           Conf(f.confidence) + "\t" + sentence(f.sentence) + "\n";
  }
  return out;
}

Result<SentenceExtraction> ExtractSentences(std::string_view lines, const LoaderOptions& options) {
  KG_RETURN_IF_ERROR(text::CheckInput(lines));
  SentenceExtraction out;
  size_t pos = 0;
  while (pos <= lines.size()) {
    size_t nl = lines.find('\n', pos);
    if (nl == std::string_view::npos) nl = lines.size();
    std::string line(lines.substr(pos, nl - pos));
    pos = nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    size_t b = 0;
    while (b < line.size() && line[b] == ' ') ++b;
    line = line.substr(b);
    if (line.empty()) {
      if (nl >= lines.size()) break;
      continue;
    }
    const auto index = static_cast<uint32_t>(out.sentences.size());
    out.sentences.push_back(line);
    auto facts = internal::ExtractOneSentence(text::NormalizeText(line), index, options, &out.warnings);
    for (auto& f : facts) out.facts.push_back(std::move(f));
    if (nl >= lines.size()) break;
  }
  return out;
}

std::string FormatOpenIe(const SentenceExtraction& ex) {
  std::string out;
  for (const auto& f : ex.facts) {
    const std::string s = f.sentence < ex.sentences.size() ? Clean(ex.sentences[f.sentence]) : "";
    out += s + "\t" + Conf(f.confidence) + "\t" + Clean(f.relation) + "\t" + Clean(f.arg1);
    for (const auto& a : f.args) {
      out += '\t';
      out += Clean(a);
    }
    out += "\n";
  }
  return out;
}

}  // namespace kg::loader
