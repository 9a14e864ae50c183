// The data of one article as handed to storage: its metadata, sentences,
// entities and facts. The loader produces an ArticleData from text; library
// users may also build one by hand and store it with DB::AddArticle.
#ifndef KG_ARTICLE_H_
#define KG_ARTICLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "kg/value.h"

namespace kg {

// Modality of an assertion. Hedged facts ("may invest", "is expected to") are
// stored but left out of query results unless QueryOptions::include_hedged.
enum class Modality : uint8_t { kAsserted = 0, kHedged = 1 };

// One fact: subject -predicate-> object, with provenance in the article.
struct Fact {
  Value subject;            // usually an entity; may be a literal only for events
  std::string predicate;    // normalized name, e.g. "invests_in"
  Value object;             // entity or literal
  double confidence = 1.0;  // in [0, 1]
  uint32_t sentence = 0;    // index into ArticleData::sentences
  uint32_t span_begin = 0;  // byte span of the evidence in the sentence text
  uint32_t span_end = 0;
  Modality modality = Modality::kAsserted;
};

// A fact that is not asserted as a triple but kept so nothing stated is lost:
// negated facts ("X did not invest in Y") and the raw Open IE form of every
// extraction (relation phrase as written).
struct RawFact {
  std::string arg1;
  std::string relation;           // as written, e.g. "has announced a $10 billion investment in"
  std::vector<std::string> args;  // arg2, arg3, …
  uint32_t sentence = 0;
  double confidence = 1.0;
  bool negated = false;
  bool hedged = false;
};

// An entity mentioned by the article, with its type and the surface forms
// under which it can be found (aliases are matched case-insensitively).
struct EntityData {
  std::string name;                  // canonical name
  std::string type;                  // "Company", "Country", … (stored as X -is_a-> Type); empty if unknown
  std::vector<std::string> aliases;  // other names: "METI", "Microsoft Corp."
  std::string iri;                   // source IRI for imported RDF; empty otherwise
};

struct ArticleData {
  std::string name;     // unique id of the article in the database, e.g. "aws-japan"
  std::string source;   // file it came from; may be empty
  std::string title;    // may be empty
  std::string date;     // ISO 8601 date when known, else empty
  std::string content;  // the full text; its hash decides "already loaded"
  std::vector<std::string> sentences;
  std::vector<EntityData> entities;
  std::vector<Fact> facts;
  std::vector<RawFact> raw_facts;
  std::vector<std::string> warnings;  // loader warnings, reported to the user
};

// What the database records about a stored article.
struct ArticleInfo {
  std::string name;
  std::string source;
  std::string title;
  std::string date;
  std::string content_hash;  // hex
  int64_t loaded_at = 0;     // Unix seconds
  uint64_t sentences = 0;
  uint64_t facts = 0;  // triples this article asserts
  uint64_t entities = 0;
};

enum class LoadOutcome : uint8_t {
  kLoaded,     // new article stored
  kUnchanged,  // identical content already stored under this name: no-op
  kReplaced,   // an article of that name was replaced (WriteOptions::replace)
};

struct LoadReport {
  std::string article;
  LoadOutcome outcome = LoadOutcome::kLoaded;
  uint64_t sentences = 0;
  uint64_t facts = 0;
  uint64_t entities = 0;
  std::vector<std::string> warnings;
};

}  // namespace kg

#endif  // KG_ARTICLE_H_
