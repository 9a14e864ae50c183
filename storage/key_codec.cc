#include "storage/key_codec.h"

#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

#include "api/case_fold.h"

namespace kg::storage::codec {

namespace {

// A bounds-checked reader for the length-prefixed records below.
class Reader {
 public:
  explicit Reader(std::string_view v) : v_(v) {}
  bool U32(uint32_t* x) {
    if (v_.size() < 4) return false;
    *x = GetU32(v_.data());
    v_.remove_prefix(4);
    return true;
  }
  bool U64(uint64_t* x) {
    if (v_.size() < 8) return false;
    *x = GetU64(v_.data());
    v_.remove_prefix(8);
    return true;
  }
  bool Str(std::string* s) {
    uint32_t n;
    if (!U32(&n) || v_.size() < n) return false;
    s->assign(v_.data(), n);
    v_.remove_prefix(n);
    return true;
  }
  bool Byte(uint8_t* b) {
    if (v_.empty()) return false;
    *b = static_cast<uint8_t>(v_[0]);
    v_.remove_prefix(1);
    return true;
  }

 private:
  std::string_view v_;
};

void PutStr(std::string* out, std::string_view s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

void PutDoubleBits(std::string* out, double d) { PutU64(out, std::bit_cast<uint64_t>(d)); }
double GetDoubleBits(uint64_t bits) { return std::bit_cast<double>(bits); }

}  // namespace

Result<TermTag> TagOf(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kEntity:
      return TermTag::kEntity;
    case ValueKind::kPredicate:
      return TermTag::kPredicate;
    case ValueKind::kArticle:
      return TermTag::kArticle;
    case ValueKind::kString:
      return TermTag::kString;
    case ValueKind::kInteger:
      return TermTag::kInteger;
    case ValueKind::kDecimal:
      return TermTag::kDecimal;
    case ValueKind::kMoney:
      return TermTag::kMoney;
    case ValueKind::kDate:
      return TermTag::kDate;
    case ValueKind::kBool:
      return TermTag::kBool;
    case ValueKind::kNull:
      break;
  }
  return Status::InvalidArgument("a null value cannot be stored as a term");
}

void PutU64(std::string* out, uint64_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  out->append(buf, 8);
}

void PutU32(std::string* out, uint32_t v) {
  char buf[4];
  for (int i = 3; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  out->append(buf, 4);
}

std::string IdKey(TermId id) {
  std::string k;
  PutU64(&k, id);
  return k;
}

std::string EncodeDictGroup(const std::vector<DictGroupEntry>& entries) {
  std::string out(1, '\0');
  uint64_t mask = 0;
  size_t bytes = 0;
  for (const DictGroupEntry& e : entries) mask |= uint64_t{1} << e.slot, bytes += e.term.size();
  out.reserve(1 + 8 + 4 * entries.size() + bytes);
  PutU64(&out, mask);
  uint32_t end = 0;
  for (const DictGroupEntry& e : entries) PutU32(&out, end += static_cast<uint32_t>(e.term.size()));
  for (const DictGroupEntry& e : entries) out.append(e.term);
  return out;
}

bool DecodeDictGroup(std::string_view group, std::vector<DictGroupEntry>* entries) {
  entries->clear();
  if (group.size() < 9 || group[0] != '\0') return false;
  const uint64_t mask = GetU64(group.data() + 1);
  const size_t n = static_cast<size_t>(std::popcount(mask));
  const size_t data = 9 + 4 * n;
  if (group.size() < data) return false;
  uint32_t begin = 0;
  uint64_t rest = mask;
  for (size_t k = 0; k < n; ++k, rest &= rest - 1) {
    const uint32_t end = GetU32(group.data() + 9 + 4 * k);
    if (end <= begin || end > group.size() - data) return false;
    entries->push_back(
        {static_cast<uint32_t>(std::countr_zero(rest)), group.substr(data + begin, end - begin)});
    begin = end;
  }
  return begin == group.size() - data;
}

std::string_view DictGroupTerm(std::string_view group, uint32_t slot) {
  if (group.size() < 9 || group[0] != '\0' || slot >= kDictGroupSize) return {};
  const uint64_t mask = GetU64(group.data() + 1);
  if ((mask >> slot & 1) == 0) return {};
  const size_t n = static_cast<size_t>(std::popcount(mask));
  const size_t k = static_cast<size_t>(std::popcount(mask & ((uint64_t{1} << slot) - 1)));
  const size_t data = 9 + 4 * n;
  if (group.size() < data) return {};
  const uint32_t begin = k == 0 ? 0 : GetU32(group.data() + 9 + 4 * (k - 1));
  const uint32_t end = GetU32(group.data() + 9 + 4 * k);
  if (end <= begin || end > group.size() - data) return {};
  return group.substr(data + begin, end - begin);
}

// Flipping the sign bit maps two's complement onto unsigned order.
void PutSortableI64(std::string* out, int64_t v) { PutU64(out, static_cast<uint64_t>(v) ^ (1ull << 63)); }
int64_t GetSortableI64(const char* p) { return static_cast<int64_t>(GetU64(p) ^ (1ull << 63)); }

// IEEE 754: for positives set the sign bit, for negatives invert every bit;
// the result orders like the numbers.
void PutSortableDouble(std::string* out, double v) {
  if (v == 0) v = 0.0;  // -0.0 and 0.0 are one value
  if (std::isnan(v)) v = std::numeric_limits<double>::quiet_NaN();
  uint64_t bits = std::bit_cast<uint64_t>(v);
  bits = (bits & (1ull << 63)) ? ~bits : (bits | (1ull << 63));
  PutU64(out, bits);
}

double GetSortableDouble(const char* p) {
  uint64_t bits = GetU64(p);
  bits = (bits & (1ull << 63)) ? (bits & ~(1ull << 63)) : ~bits;
  return std::bit_cast<double>(bits);
}

// Two big-endian halves with the sign bit of the high one flipped, like
// PutSortableI64.
void PutSortableMoneyUnits(std::string* out, MoneyUnits v) {
  auto high = static_cast<uint64_t>(static_cast<int64_t>(v >> 64));
  auto low = static_cast<uint64_t>(v);
  PutU64(out, high ^ (1ull << 63));
  PutU64(out, low);
}

MoneyUnits GetSortableMoneyUnits(const char* p) {
  auto high = static_cast<int64_t>(GetU64(p) ^ (1ull << 63));
  uint64_t low = GetU64(p + 8);
  return static_cast<MoneyUnits>(high) * (static_cast<MoneyUnits>(1) << 64) + static_cast<MoneyUnits>(low);
}

Result<std::string> EncodeTerm(const Value& v) {
  KG_ASSIGN_OR_RETURN(TermTag tag, TagOf(v));
  std::string out(1, static_cast<char>(tag));
  switch (tag) {
    case TermTag::kEntity:
    case TermTag::kPredicate:
    case TermTag::kArticle:
    case TermTag::kString:
      out += v.text();
      break;
    case TermTag::kInteger:
      PutSortableI64(&out, v.integer());
      break;
    case TermTag::kDecimal:
      PutSortableDouble(&out, v.number());
      break;
    case TermTag::kMoney:
      PutSortableMoneyUnits(&out, v.money_units());
      out += v.currency();
      break;
    case TermTag::kMoneyDouble:  // never written since format version 3
      return Status::Internal("money is encoded with TermTag::kMoney");
    case TermTag::kDate: {
      PutU32(&out, static_cast<uint32_t>(v.date().year) ^ (1u << 31));
      out.push_back(static_cast<char>(v.date().month));
      out.push_back(static_cast<char>(v.date().day));
      break;
    }
    case TermTag::kBool:
      out.push_back(v.integer() ? 1 : 0);
      break;
  }
  return out;
}

Result<Value> DecodeTerm(std::string_view b) {
  if (b.empty()) return Status::Corruption("empty term encoding");
  auto tag = static_cast<TermTag>(b[0]);
  std::string_view payload = b.substr(1);
  auto need = [&](size_t n) { return payload.size() >= n; };
  switch (tag) {
    case TermTag::kEntity:
      return Value::Entity(std::string(payload));
    case TermTag::kPredicate:
      return Value::Predicate(std::string(payload));
    case TermTag::kArticle:
      return Value::Article(std::string(payload));
    case TermTag::kString:
      return Value::String(std::string(payload));
    case TermTag::kInteger:
      if (!need(8)) break;
      return Value::Integer(GetSortableI64(payload.data()));
    case TermTag::kDecimal:
      if (!need(8)) break;
      return Value::Decimal(GetSortableDouble(payload.data()));
    case TermTag::kMoney:
      if (!need(16)) break;
      return Value::MoneyExact(GetSortableMoneyUnits(payload.data()), std::string(payload.substr(16)));
    case TermTag::kMoneyDouble:
      if (!need(8)) break;
      return Value::Money(GetSortableDouble(payload.data()), std::string(payload.substr(8)));
    case TermTag::kDate: {
      if (!need(6)) break;
      Date d;
      d.year = static_cast<int32_t>(GetU32(payload.data()) ^ (1u << 31));
      d.month = static_cast<uint8_t>(payload[4]);
      d.day = static_cast<uint8_t>(payload[5]);
      return Value::DateValue(d);
    }
    case TermTag::kBool:
      if (!need(1)) break;
      return Value::Bool(payload[0] != 0);
  }
  return Status::Corruption("malformed term encoding (tag " + std::to_string(static_cast<int>(b[0])) + ")");
}

Result<std::string> TermLookupKey(const Value& v) {
  if (v.kind() == ValueKind::kEntity || v.kind() == ValueKind::kPredicate) {
    std::string out(
        1, static_cast<char>(v.kind() == ValueKind::kEntity ? TermTag::kEntity : TermTag::kPredicate));
    out += FoldCase(v.text());
    return out;
  }
  return EncodeTerm(v);
}

std::string LegacyMoneyLookupKey(const Value& v) {
  if (v.kind() != ValueKind::kMoney) return "";
  std::string out(1, static_cast<char>(TermTag::kMoneyDouble));
  PutSortableDouble(&out, v.amount());
  out += v.currency();
  return out;
}

void AppendTripleKey(std::string* out, Index index, TermId s, TermId p, TermId o) {
  switch (index) {
    case Index::kSpo:
      PutU64(out, s), PutU64(out, p), PutU64(out, o);
      break;
    case Index::kPos:
      PutU64(out, p), PutU64(out, o), PutU64(out, s);
      break;
    case Index::kOsp:
      PutU64(out, o), PutU64(out, s), PutU64(out, p);
      break;
  }
}

std::string TripleKey(Index index, TermId s, TermId p, TermId o) {
  std::string k;
  k.reserve(24);
  AppendTripleKey(&k, index, s, p, o);
  return k;
}

IdTriple DecodeTripleKey(Index index, std::string_view key) {
  uint64_t a = GetU64(key.data()), b = GetU64(key.data() + 8), c = GetU64(key.data() + 16);
  IdTriple t;
  switch (index) {
    case Index::kSpo:
      t.s = a, t.p = b, t.o = c;
      break;
    case Index::kPos:
      t.p = a, t.o = b, t.s = c;
      break;
    case Index::kOsp:
      t.o = a, t.s = b, t.p = c;
      break;
  }
  return t;
}

ScanPlan PlanScan(TermId s, TermId p, TermId o) {
  ScanPlan plan;
  bool bs = s != kNoTerm, bp = p != kNoTerm, bo = o != kNoTerm;
  if (bs && bp && bo) {
    plan.index = Index::kSpo;
    plan.prefix = TripleKey(Index::kSpo, s, p, o);
  } else if (bs && bp) {
    plan.index = Index::kSpo;
    PutU64(&plan.prefix, s), PutU64(&plan.prefix, p);
  } else if (bs && bo) {
    plan.index = Index::kOsp;
    PutU64(&plan.prefix, o), PutU64(&plan.prefix, s);
  } else if (bs) {
    plan.index = Index::kSpo;
    PutU64(&plan.prefix, s);
  } else if (bp && bo) {
    plan.index = Index::kPos;
    PutU64(&plan.prefix, p), PutU64(&plan.prefix, o);
  } else if (bp) {
    plan.index = Index::kPos;
    PutU64(&plan.prefix, p);
  } else if (bo) {
    plan.index = Index::kOsp;
    PutU64(&plan.prefix, o);
  } else {
    plan.index = Index::kSpo;
  }
  return plan;
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string out(prefix);
  while (!out.empty()) {
    auto c = static_cast<unsigned char>(out.back());
    if (c != 0xff) {
      out.back() = static_cast<char>(c + 1);
      return out;
    }
    out.pop_back();
  }
  return out;
}

std::string ProvenanceKey(TermId s, TermId p, TermId o, TermId article, uint32_t sentence) {
  std::string k;
  k.reserve(36);
  AppendTripleKey(&k, Index::kSpo, s, p, o);
  PutU64(&k, article);
  PutU32(&k, sentence);
  return k;
}

std::string EncodeProvenanceValue(const Provenance& p) {
  if (p.span_begin == 0 && p.span_end == 0 && p.confidence == 1.0f && !p.hedged) return {};
  std::string v;
  PutU32(&v, p.span_begin);
  PutU32(&v, p.span_end);
  PutU32(&v, std::bit_cast<uint32_t>(p.confidence));
  v.push_back(p.hedged ? 1 : 0);
  return v;
}

Status DecodeProvenance(std::string_view key, std::string_view value, IdTriple* t, Provenance* p) {
  if (key.size() != 36) return Status::Corruption("malformed provenance key");
  *t = DecodeTripleKey(Index::kSpo, key);
  *p = Provenance();
  p->article = GetU64(key.data() + 24);
  p->sentence = GetU32(key.data() + 32);
  if (value.empty()) return Status::OK();
  if (value.size() != 13) return Status::Corruption("malformed provenance value");
  p->span_begin = GetU32(value.data());
  p->span_end = GetU32(value.data() + 4);
  p->confidence = std::bit_cast<float>(GetU32(value.data() + 8));
  p->hedged = value[12] != 0;
  return Status::OK();
}

std::string AliasPrefix(std::string_view folded_alias) {
  std::string k(folded_alias);
  k.push_back('\0');
  return k;
}

std::string AliasKey(std::string_view folded_alias, TermId article) {
  std::string k = AliasPrefix(folded_alias);
  PutU64(&k, article);
  return k;
}

std::string ArticleDataPrefix(TermId article) { return IdKey(article); }

std::string ArticleDataPrefix(TermId article, ArticleDataKind kind) {
  std::string k = IdKey(article);
  k.push_back(static_cast<char>(kind));
  return k;
}

std::string ArticleDataKey(TermId article, ArticleDataKind kind, uint32_t index) {
  std::string k = ArticleDataPrefix(article, kind);
  PutU32(&k, index);
  return k;
}

std::string EncodeRawFact(const RawFact& f) {
  std::string v;
  PutStr(&v, f.arg1);
  PutStr(&v, f.relation);
  PutU32(&v, static_cast<uint32_t>(f.args.size()));
  for (const auto& a : f.args) PutStr(&v, a);
  PutU32(&v, f.sentence);
  PutDoubleBits(&v, f.confidence);
  v.push_back(static_cast<char>((f.negated ? 1 : 0) | (f.hedged ? 2 : 0)));
  return v;
}

Result<RawFact> DecodeRawFact(std::string_view v) {
  Reader r(v);
  RawFact f;
  uint32_t n = 0;
  uint64_t conf = 0;
  uint8_t flags = 0;
  bool ok = r.Str(&f.arg1) && r.Str(&f.relation) && r.U32(&n);
  for (uint32_t i = 0; ok && i < n; ++i) ok = r.Str(&f.args.emplace_back());
  ok = ok && r.U32(&f.sentence) && r.U64(&conf) && r.Byte(&flags);
  if (!ok) return Status::Corruption("malformed raw fact record");
  f.confidence = GetDoubleBits(conf);
  f.negated = flags & 1;
  f.hedged = flags & 2;
  return f;
}

std::string EncodeEntity(const EntityData& e) {
  std::string v;
  AppendEntity(&v, e);
  return v;
}

void AppendEntity(std::string* out, const EntityData& e) {
  PutStr(out, e.name);
  PutStr(out, e.type);
  PutStr(out, e.iri);
  PutU32(out, static_cast<uint32_t>(e.aliases.size()));
  for (const auto& a : e.aliases) PutStr(out, a);
}

Result<EntityData> DecodeEntity(std::string_view v) {
  Reader r(v);
  EntityData e;
  uint32_t n = 0;
  bool ok = r.Str(&e.name) && r.Str(&e.type) && r.Str(&e.iri) && r.U32(&n);
  for (uint32_t i = 0; ok && i < n; ++i) ok = r.Str(&e.aliases.emplace_back());
  if (!ok) return Status::Corruption("malformed entity record");
  return e;
}

std::string EncodeArticleRecord(const ArticleRecord& rec) {
  std::string v;
  PutU64(&v, rec.id);
  PutStr(&v, rec.info.source);
  PutStr(&v, rec.info.title);
  PutStr(&v, rec.info.date);
  PutStr(&v, rec.info.content_hash);
  PutU64(&v, static_cast<uint64_t>(rec.info.loaded_at));
  PutU64(&v, rec.info.sentences);
  PutU64(&v, rec.info.facts);
  PutU64(&v, rec.info.entities);
  return v;
}

Result<ArticleRecord> DecodeArticleRecord(std::string_view name, std::string_view v) {
  Reader r(v);
  ArticleRecord rec;
  uint64_t loaded = 0;
  bool ok = r.U64(&rec.id) && r.Str(&rec.info.source) && r.Str(&rec.info.title) && r.Str(&rec.info.date) &&
            r.Str(&rec.info.content_hash) && r.U64(&loaded) && r.U64(&rec.info.sentences) &&
            r.U64(&rec.info.facts) && r.U64(&rec.info.entities);
  if (!ok) return Status::Corruption("malformed article record for '" + std::string(name) + "'");
  rec.info.name = std::string(name);
  rec.info.loaded_at = static_cast<int64_t>(loaded);
  return rec;
}

std::string EncodeStats(const TermStats& s) {
  std::string v;
  PutU64(&v, s.triples);
  PutU64(&v, s.distinct_subjects);
  PutU64(&v, s.distinct_objects);
  return v;
}

TermStats DecodeStats(std::string_view v) {
  TermStats s;
  if (v.size() < 24) return s;
  s.triples = GetU64(v.data());
  s.distinct_subjects = GetU64(v.data() + 8);
  s.distinct_objects = GetU64(v.data() + 16);
  return s;
}

void StoreCountsKey(char* out, TermId p, bool by_object, TermId key) {
  StoreU64(out, p);
  out[8] = static_cast<char>(by_object ? 1 : 0);
  StoreU64(out + 9, key);
}

std::string CountsKey(TermId p, bool by_object, TermId key) {
  std::string k(kCountsKeySize, '\0');
  StoreCountsKey(k.data(), p, by_object, key);
  return k;
}

std::string CountsPrefix(TermId p, bool by_object) {
  std::string k;
  PutU64(&k, p);
  k.push_back(static_cast<char>(by_object ? 1 : 0));
  return k;
}

bool DecodeCountsKey(std::string_view key, TermId* p, bool* by_object, TermId* id) {
  if (key.size() != kCountsKeySize || static_cast<uint8_t>(key[8]) > 1) return false;
  *p = GetU64(key.data());
  *by_object = key[8] == 1;
  *id = GetU64(key.data() + 9);
  return true;
}

std::string EncodeKeyCount(const KeyCount& c) {
  std::string v;
  PutU64(&v, c.triples);
  PutU64(&v, c.hedged);
  return v;
}

Result<KeyCount> DecodeKeyCount(std::string_view v) {
  if (v.size() != 16)
    return Status::Corruption("malformed key count (" + std::to_string(v.size()) + " bytes)");
  KeyCount c{GetU64(v.data()), GetU64(v.data() + 8)};
  if (c.hedged > c.triples) return Status::Corruption("malformed key count (more hedged than triples)");
  return c;
}

std::string MetaTermCountKey(TermTag tag) { return "term_count/" + std::to_string(static_cast<int>(tag)); }

// Two FNV-1a style lanes with different primes and offsets, mixed at the end;
// enough to tell article versions apart.
void ContentHasher::Update(std::string_view bytes) {
  for (unsigned char c : bytes) {
    a_ = (a_ ^ c) * 0x100000001b3ull;
    b_ = (b_ ^ c) * 0x9E3779B97F4A7C15ull;
    b_ ^= b_ >> 29;
  }
  n_ += bytes.size();
}

std::string ContentHasher::HexDigest() const {
  auto mix = [](uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
  };
  uint64_t h1 = mix(a_ ^ n_), h2 = mix(b_ + n_ * 0x9E3779B97F4A7C15ull);
  char buf[33];
  std::snprintf(buf, sizeof(buf), "%016llx%016llx", static_cast<unsigned long long>(h1),
                static_cast<unsigned long long>(h2));
  return buf;
}

}  // namespace kg::storage::codec
