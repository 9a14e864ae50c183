// The key codec: the only code in kg that knows how terms, keys and stored
// records are laid out in bytes (see storage/FORMAT.md). Everything here is a
// pure function over strings, so it is tested without RocksDB.
//
// Invariants callers rely on:
//  - ids are 8-byte big-endian, so byte order of keys = numeric order of ids;
//  - EncodeTerm(v) for two literals of the same kind orders bytewise like
//    Value::Compare orders the values (money: by amount, then currency);
//  - DecodeTerm(EncodeTerm(v)) == v for every non-null Value.
#ifndef KG_STORAGE_KEY_CODEC_H_
#define KG_STORAGE_KEY_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kg/article.h"
#include "kg/result.h"
#include "kg/value.h"
#include "storage/triple_source.h"

namespace kg::storage::codec {

// Term-kind tags: the first byte of an encoded term.
enum class TermTag : uint8_t {
  kEntity = 1,
  kPredicate = 2,
  kArticle = 3,
  kString = 4,
  kInteger = 5,
  kDecimal = 6,
  kMoneyDouble = 7,  // format versions 1-2: a double amount; read, never written
  kDate = 8,
  kBool = 9,
  kMoney = 10,  // an exact amount (sortable 128-bit money units)
};
inline constexpr int kNumTermTags = 11;  // tags are 1..10

// The tag for a Value's kind; InvalidArgument for null.
Result<TermTag> TagOf(const Value& v);

// --- fixed-width integers -------------------------------------------------
void PutU64(std::string* out, uint64_t v);
// Writes v big-endian into p[0..7] (hot paths building fixed-size keys).
inline void StoreU64(char* p, uint64_t v) {
  for (int i = 7; i >= 0; --i, v >>= 8) p[i] = static_cast<char>(v & 0xff);
}
void PutU32(std::string* out, uint32_t v);
// Big-endian reads; inline because every index entry a scan steps over is
// three of them (gcc turns the loops into one load and a byte swap).
inline uint64_t GetU64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}
inline uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}
std::string IdKey(TermId id);  // 8 bytes big-endian

// --- dictionary groups (format version 5; FORMAT.md, "Dictionary") --------
// The `dict` entry of the ids first .. first + 63 (first a multiple of 64)
// holds all of their encodings: a zero byte (no term encoding starts with
// one), a u64 mask of the ids present (bit i = first + i), a u32 end offset
// per present id in id order, then the encodings back to back.
inline constexpr TermId kDictGroupSize = 64;
inline TermId DictGroupOf(TermId id) { return id & ~(kDictGroupSize - 1); }
// True if a `dict` value is a group, false if it is one term's encoding
// (the layout of versions 1-4, which a database being upgraded still mixes).
inline bool IsDictGroup(std::string_view value) { return !value.empty() && value[0] == '\0'; }
struct DictGroupEntry {
  uint32_t slot;          // id - first, below kDictGroupSize
  std::string_view term;  // the term's encoding, not empty
};
// The group holding `entries` (ascending, distinct slots).
std::string EncodeDictGroup(const std::vector<DictGroupEntry>& entries);
// The entries of a group, in slot order (views into `group`); false when
// `group` is not a well-formed group.
bool DecodeDictGroup(std::string_view group, std::vector<DictGroupEntry>* entries);
// The encoding of the id at `slot` in `group`; empty when absent or when
// `group` is malformed. Reads only the mask and two offsets.
std::string_view DictGroupTerm(std::string_view group, uint32_t slot);

// Sortable encodings of numbers (big-endian, sign handled so that bytewise
// order is numeric order; -0.0 is stored as 0.0, NaN sorts after +inf).
void PutSortableI64(std::string* out, int64_t v);
int64_t GetSortableI64(const char* p);
void PutSortableDouble(std::string* out, double v);
double GetSortableDouble(const char* p);
void PutSortableMoneyUnits(std::string* out, MoneyUnits v);  // 16 bytes
MoneyUnits GetSortableMoneyUnits(const char* p);

// --- terms ----------------------------------------------------------------
// The exact, round-tripping encoding of a term: tag byte + payload.
//   entity/predicate/article/string: the UTF-8 text
//   integer: sortable i64; decimal: sortable double
//   money: sortable 128-bit money units (16 bytes) + currency code bytes
//   (tag kMoney; DecodeTerm also reads the kMoneyDouble encoding of format
//   versions 1-2: a sortable double amount + currency)
//   date: sortable i32 year (4 bytes, sign bit flipped) + month + day
//   bool: one byte 0/1
// Stored as the value of the id → term dictionary.
Result<std::string> EncodeTerm(const Value& v);
Result<Value> DecodeTerm(std::string_view bytes);

// The key under which a term is found in the term → id dictionary: the same
// as EncodeTerm except that entities and predicates use their case-folded
// name (kg::FoldCase, api/case_fold.h), so "microsoft" and "Microsoft" are
// one entity and "hasCEO" and "hasceo" one predicate.
Result<std::string> TermLookupKey(const Value& v);
// The lookup key format versions 1-2 gave a money value (kMoneyDouble), for
// readers of a database that no writer has upgraded yet. Empty for non-money.
std::string LegacyMoneyLookupKey(const Value& v);

// --- triple index keys ----------------------------------------------------
enum class Index : uint8_t { kSpo, kPos, kOsp };
// 24-byte key of `t` in `index` (ids in the index's order).
std::string TripleKey(Index index, TermId s, TermId p, TermId o);
void AppendTripleKey(std::string* out, Index index, TermId s, TermId p, TermId o);
// Inverse of TripleKey; `key` must be at least 24 bytes.
IdTriple DecodeTripleKey(Index index, std::string_view key);

// The index and key prefix that answer the pattern (kNoTerm = unbound) with
// one prefix scan.
struct ScanPlan {
  Index index = Index::kSpo;
  std::string prefix;
};
ScanPlan PlanScan(TermId s, TermId p, TermId o);

// The smallest key greater than every key starting with `prefix`; empty if
// there is none (prefix of all 0xff bytes or empty prefix).
std::string PrefixSuccessor(std::string_view prefix);

// Provenance key: spo triple (24) + article (8) + sentence (4).
std::string ProvenanceKey(TermId s, TermId p, TermId o, TermId article, uint32_t sentence);
// Value: span_begin (4) + span_end (4) + confidence (float bits, 4) + hedged (1).
// An empty value means span 0..0, confidence 1, not hedged (bulk imports).
std::string EncodeProvenanceValue(const Provenance& p);
Status DecodeProvenance(std::string_view key, std::string_view value, IdTriple* t, Provenance* p);

// --- alias table -----------------------------------------------------------
// Key: folded alias + 0x00 + article id (8). Value: entity id (8) + alias as
// written (aliases are folded with kg::FoldCase, which drops NUL bytes).
std::string AliasKey(std::string_view folded_alias, TermId article);
std::string AliasPrefix(std::string_view folded_alias);  // folded + 0x00

// --- per-article data --------------------------------------------------------
// Key: article id (8) + kind (1) + index (4).
enum class ArticleDataKind : uint8_t {
  kSentence = 1,     // value: sentence text
  kTripleChunk = 2,  // value: packed spo triples (24 bytes each), sorted
  kRawFact = 3,      // value: EncodeRawFact
  kEntity = 4,       // value: EncodeEntity (what the article said about it)
};
std::string ArticleDataKey(TermId article, ArticleDataKind kind, uint32_t index);
std::string ArticleDataPrefix(TermId article, ArticleDataKind kind);
std::string ArticleDataPrefix(TermId article);
inline constexpr size_t kTriplesPerChunk = 4096;

std::string EncodeRawFact(const RawFact& f);
Result<RawFact> DecodeRawFact(std::string_view v);
std::string EncodeEntity(const EntityData& e);
// Appends EncodeEntity(e) to *out (one allocation for many records).
void AppendEntity(std::string* out, const EntityData& e);
Result<EntityData> DecodeEntity(std::string_view v);

// --- article registry ----------------------------------------------------------
// Key: article name. Value: id (8) + the fields of ArticleInfo.
struct ArticleRecord {
  TermId id = kNoTerm;
  ArticleInfo info;
};
std::string EncodeArticleRecord(const ArticleRecord& r);
Result<ArticleRecord> DecodeArticleRecord(std::string_view name, std::string_view v);

// --- statistics ---------------------------------------------------------------
// Key: predicate id (8; 0 = whole store). Value: triples, distinct subjects,
// distinct objects as three u64.
std::string EncodeStats(const TermStats& s);
TermStats DecodeStats(std::string_view v);

// --- per-key counts (the `counts` column family) ------------------------------
// Key: predicate id (8) + role (1: 0 = grouped by subject, 1 = by object) +
// key term id (8) = 17 bytes, so one predicate's keys of one role are a
// prefix range in key-id order. Value: number of triples (u64) + number of
// those whose hedged flag is set (u64).
inline constexpr size_t kCountsKeySize = 17;
struct KeyCount {
  uint64_t triples = 0;
  uint64_t hedged = 0;
  bool operator==(const KeyCount&) const = default;
};
std::string CountsKey(TermId p, bool by_object, TermId key);
// Writes the 17 key bytes into out[0..16] (hot paths).
void StoreCountsKey(char* out, TermId p, bool by_object, TermId key);
std::string CountsPrefix(TermId p, bool by_object);  // p (8) + role (1)
// Inverse of CountsKey; false for a key of another size or role byte.
bool DecodeCountsKey(std::string_view key, TermId* p, bool* by_object, TermId* id);
std::string EncodeKeyCount(const KeyCount& c);
// Corruption for a value that is not 16 bytes or has hedged > triples.
Result<KeyCount> DecodeKeyCount(std::string_view v);

// --- metadata keys ---------------------------------------------------------------
inline constexpr std::string_view kMetaFormatVersion = "format_version";  // u32
inline constexpr std::string_view kMetaNextId = "next_id";                // u64
// "term_count/<tag digit>" → u64 number of terms of that kind.
std::string MetaTermCountKey(TermTag tag);

// A 128-bit content hash as 32 hex digits (not cryptographic: it only decides
// whether an article was already loaded).
class ContentHasher {
 public:
  void Update(std::string_view bytes);
  std::string HexDigest() const;

 private:
  uint64_t a_ = 0xcbf29ce484222325ull;
  uint64_t b_ = 0x84222325cbf29ce4ull;
  uint64_t n_ = 0;
};

}  // namespace kg::storage::codec

#endif  // KG_STORAGE_KEY_CODEC_H_
