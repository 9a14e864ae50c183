// storage::Store: names to ids (terms, aliases, predicates, literals,
// articles) and ids to terms — the dictionary, read one id at a time or a
// batch at a time, and the term cache in front of it.
#include <rocksdb/db.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "storage/key_codec.h"
#include "storage/rocks_status.h"
#include "storage/store.h"
#include "storage/store_internal.h"

namespace kg::storage {

TermId Store::LookupId(std::string_view term_key) const {
  std::string v;
  if (!Get(Cf::kTerms, term_key, &v).ok() || v.size() != 8) return kNoTerm;
  return codec::GetU64(v.data());
}

TermId Store::LookupAlias(std::string_view folded) const {
  std::string prefix = codec::AliasPrefix(folded);
  std::string upper = codec::PrefixSuccessor(prefix);
  rocksdb::Slice ub(upper);
  rocksdb::ReadOptions ro;
  ro.iterate_upper_bound = &ub;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kAlias)));
  it->Seek(prefix);
  if (!it->Valid() || it->value().size() < 8) return kNoTerm;
  return codec::GetU64(it->value().data());
}

TermId Store::FindEntity(std::string_view name) const {
  auto key = codec::TermLookupKey(Value::Entity(std::string(name)));
  if (!key.ok()) return kNoTerm;
  TermId id = LookupId(*key);
  if (id != kNoTerm) return id;
  return LookupAlias(key->substr(1));
}

std::optional<std::string> Store::ResolveEntityName(std::string_view surface) const {
  TermId id = FindEntity(surface);
  if (id == kNoTerm) return std::nullopt;
  auto v = GetTerm(id);
  if (!v.ok()) return std::nullopt;
  return v->text();
}

TermId Store::FindPredicate(std::string_view name) const {
  auto key = codec::TermLookupKey(Value::Predicate(std::string(name)));
  TermId id = key.ok() ? LookupId(*key) : kNoTerm;
  // A reader of a database no writer has upgraded yet: version 2 kept
  // predicates under their name as written (FORMAT.md, 2 → 3).
  if (id == kNoTerm && format_version_ < 3) {
    auto exact = codec::EncodeTerm(Value::Predicate(std::string(name)));
    if (exact.ok()) id = LookupId(*exact);
  }
  // Version 4 moved entity types from `type` to `is_a` (FORMAT.md, 3 → 4);
  // the old term stays in the dictionary without triples. Not finding it
  // lets the query say "no predicate 'type'" and suggest is_a.
  if (id != kNoTerm && format_version_ >= 4 && key->size() == 1 + kLegacyTypePredicate.size() &&
      std::string_view(*key).substr(1) == kLegacyTypePredicate && PredicateStats(id).triples == 0) {
    id = kNoTerm;
  }
  if (id != kNoTerm || !predicate_fallback_) return id;
  for (const std::string& candidate : predicate_fallback_(name)) {
    if (candidate == name) continue;
    key = codec::TermLookupKey(Value::Predicate(candidate));
    if (key.ok() && (id = LookupId(*key)) != kNoTerm) return id;
  }
  return kNoTerm;
}

TermId Store::FindLiteral(const Value& literal) const {
  if (!literal.is_literal()) return kNoTerm;
  auto key = codec::TermLookupKey(literal);
  if (!key.ok()) return kNoTerm;
  TermId id = LookupId(*key);
  // A reader of a database no writer has upgraded yet (FORMAT.md, 2 → 3).
  if (id == kNoTerm && format_version_ < 3 && literal.kind() == ValueKind::kMoney)
    id = LookupId(codec::LegacyMoneyLookupKey(literal));
  return id;
}

TermId Store::FindArticle(std::string_view name) const {
  std::string v;
  if (!Get(Cf::kArticles, name, &v).ok() || v.size() < 8) return kNoTerm;
  return codec::GetU64(v.data());
}

Status Store::GetTermEncoding(TermId id, std::string* encoding) const {
  // Version 5 reads the id's group; versions 1-4 its own entry. A database
  // a writer is upgrading (readers follow it) holds both: look at the other
  // before saying there is none.
  const TermId first = codec::DictGroupOf(id);
  std::string v;
  for (const bool group : {format_version_ >= 5, format_version_ < 5}) {
    if (!group && id == first) continue;  // its own entry is the group's key: looked at
    Status s = Get(Cf::kDict, codec::IdKey(group ? first : id), &v);
    if (s.code() == Status::Code::kNotFound) continue;
    KG_RETURN_IF_ERROR(s);
    if (codec::IsDictGroup(v)) {
      if (!group) continue;  // a group under an id that does not start one: not kg's layout
      const std::string_view term = codec::DictGroupTerm(v, static_cast<uint32_t>(id - first));
      if (term.empty()) continue;
      encoding->assign(term);
      return Status::OK();
    }
    if (group && id != first) continue;  // the separate entry of the group's first id
    *encoding = std::move(v);
    return Status::OK();
  }
  return Status::NotFound("no term with id " + std::to_string(id));
}

Status Store::ReadDictGroup(TermId first, std::map<uint32_t, std::string>* terms,
                            std::vector<std::string>* separate) const {
  terms->clear();
  const std::string begin = codec::IdKey(first), end = codec::IdKey(first + codec::kDictGroupSize);
  rocksdb::ReadOptions ro;
  rocksdb::Slice upper(end);
  ro.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kDict)));
  std::vector<codec::DictGroupEntry> entries;
  for (it->Seek(begin); it->Valid(); it->Next()) {
    if (it->key().size() != 8) continue;
    const TermId id = codec::GetU64(it->key().data());
    const std::string_view value = ToView(it->value());
    if (codec::IsDictGroup(value)) {
      if (id != first || !codec::DecodeDictGroup(value, &entries))
        return Status::Corruption("database damaged: malformed dictionary group at id " + std::to_string(id));
      // A committed state never holds a group and entries of one id each
      // in the same range (both change in one batch); were it so, they
      // would hold the same terms.
      for (const codec::DictGroupEntry& e : entries) terms->try_emplace(e.slot, e.term);
      continue;
    }
    if (value.empty()) continue;
    (*terms)[static_cast<uint32_t>(id - first)] = std::string(value);
    if (separate != nullptr && id != first) separate->emplace_back(ToView(it->key()));
  }
  return FromRocks(it->status(), "read the dictionary");
}

Status Store::WriteDictGroups(std::vector<std::pair<TermId, std::string_view>>* terms,
                              const std::function<Status(std::string_view key, std::string_view value)>& put,
                              const std::function<void(std::string_view key)>& del) const {
  std::map<uint32_t, std::string> stored;
  std::map<uint32_t, std::string_view> group;
  std::vector<std::string> separate;
  std::vector<codec::DictGroupEntry> entries;
  for (auto at = terms->begin(); at != terms->end();) {
    const TermId first = codec::DictGroupOf(at->first);
    separate.clear();
    stored.clear();
    group.clear();
    // Only the group of the last ids allocated before holds stored ones.
    if (first < next_id_) KG_RETURN_IF_ERROR(ReadDictGroup(first, &stored, &separate));
    for (const auto& [slot, term] : stored) group[slot] = term;
    for (; at != terms->end() && codec::DictGroupOf(at->first) == first; ++at)
      group[static_cast<uint32_t>(at->first - first)] = at->second;
    entries.clear();
    for (const auto& [slot, term] : group) entries.push_back({slot, term});
    KG_RETURN_IF_ERROR(put(codec::IdKey(first), codec::EncodeDictGroup(entries)));
    if (!separate.empty() && !del)
      return Status::Corruption("database damaged: dictionary entries of format version 4 in version " +
                                std::to_string(format_version_));
    for (const std::string& key : separate) del(key);
  }
  terms->clear();
  return Status::OK();
}

Result<Value> Store::GetTerm(TermId id) const {
  if (const Value* cached = term_cache_.Find(id)) return *cached;
  std::string v;
  KG_RETURN_IF_ERROR(GetTermEncoding(id, &v));
  Result<Value> term = codec::DecodeTerm(v);
  // Query results decode the same entities over and over.
  if (term.ok() && !term->is_null()) term_cache_.Fill(id, *term);
  return term;
}

void Store::PrefetchTerms(std::vector<TermId>* ids) const {
  // Only what the cache lacks; a batch of a few ids is not worth an iterator.
  std::erase_if(*ids,
                [&](TermId id) { return id == kNoTerm || id >= TermCache::kMaxId || term_cache_.Find(id); });
  if (ids->size() < 8) return;
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  rocksdb::ReadOptions ro;
  // The decoded terms are what is kept (the term cache), so the dictionary
  // blocks read here stay out of the block cache — each is read into the
  // iterator's buffer, whose memory the next block reuses (cached, a cold
  // 25,000-name answer put 4 MB of fresh pages into it) — unless this batch
  // overlaps the id range of the one before. A long answer decoded in
  // batches (RowStream) whose ids come in index order (a scan by subject)
  // reads each block once; one whose ids do not (the amounts of a join, in
  // the order of its companies) swept the same blocks in every batch: the
  // literal filter + join read 5,800 dictionary blocks of about 900.
  const TermId lo = ids->front(), hi = ids->back();
  ro.fill_cache = lo <= last_prefetch_hi_.load(std::memory_order_relaxed) &&
                  last_prefetch_lo_.load(std::memory_order_relaxed) <= hi;
  last_prefetch_lo_.store(lo, std::memory_order_relaxed);
  last_prefetch_hi_.store(hi, std::memory_order_relaxed);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kDict)));
  // Keys are dense: a group of 64 ids per entry (version 5), or one id per
  // entry (versions 1-4; a database being upgraded mixes both, and what
  // this pass misses GetTerm finds). A target a few entries ahead is
  // reached by stepping (sequential, in the same block), a far one by a
  // seek. Stepping once per 64 ids instead of once per id is what version
  // 5 is for: a dense batch (25,000 of 180,000 ids) stepped through every
  // entry between them at about 0.1 µs each.
  const bool grouped = format_version_ >= 5;
  constexpr TermId kStepLimit = 16;
  std::vector<std::pair<TermId, Value>> decoded;
  decoded.reserve(ids->size());
  // The id (key) of the entry `it` is at; valid false when none. (Group 0,
  // of ids 1-63, has key 0.)
  bool valid = false;
  TermId at = 0;
  auto settle = [&] {
    valid = it->Valid() && it->key().size() == 8;
    at = valid ? codec::GetU64(it->key().data()) : 0;
  };
  for (TermId id : *ids) {
    const TermId first = codec::DictGroupOf(id);
    const TermId target = grouped ? first : id;
    const bool covered = valid && (at == id || (at == first && codec::IsDictGroup(ToView(it->value()))));
    if (!covered) {
      const TermId step = grouped ? codec::kDictGroupSize : 1;
      if (!valid || at > target || (target - at) / step > kStepLimit) {
        it->Seek(ToSlice(codec::IdKey(target)));
        settle();
      } else {
        while (valid && at < target) {
          it->Next();
          settle();
        }
      }
    }
    if (!valid) continue;
    std::string_view enc;
    const std::string_view value = ToView(it->value());
    if (codec::IsDictGroup(value)) {
      if (at == first) enc = codec::DictGroupTerm(value, static_cast<uint32_t>(id - first));
    } else if (at == id) {
      enc = value;
    }
    if (enc.empty()) continue;
    Result<Value> term = codec::DecodeTerm(enc);
    if (term.ok() && !term->is_null()) decoded.emplace_back(id, std::move(term).value());
  }
  term_cache_.Fill(&decoded);
}

const Value* Store::StableTerm(TermId id) const {
  if (const Value* cached = term_cache_.Find(id)) return cached;
  if (id == kNoTerm || id >= TermCache::kMaxId || !GetTerm(id).ok()) return nullptr;
  return term_cache_.Find(id);
}

std::string Store::GetIri(TermId id) const {
  std::string v;
  if (!Get(Cf::kIri, codec::IdKey(id), &v).ok()) return {};
  return v;
}

}  // namespace kg::storage
