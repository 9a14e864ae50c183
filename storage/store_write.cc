// storage::Store: writes — a batch's new terms (Store::Batch), committing
// it and carrying the kept pair tables over, and adding, replacing and
// deleting one article with its indexes, counts and statistics.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "api/case_fold.h"
#include "storage/disk_space.h"
#include "storage/key_codec.h"
#include "storage/rocks_status.h"
#include "storage/store.h"
#include "storage/store_internal.h"

namespace kg::storage {

using codec::Index;
using codec::TermTag;

// The pending state of one write: terms allocated in it (not yet visible in
// the database) and the term counts to persist with it.
class Store::Batch {
 public:
  Batch(Store* store, rocksdb::WriteBatch* wb) : store_(store), wb_(wb) {}

  // The id of `v`, allocating one (dict + terms entries) if it is new.
  // Entities resolve by canonical name, then alias (committed or pending).
  Result<TermId> GetOrCreate(const Value& v) {
    KG_ASSIGN_OR_RETURN(std::string key, codec::TermLookupKey(v));
    if (auto it = pending_.find(key); it != pending_.end()) return it->second;
    TermId id = store_->LookupId(key);
    if (id != kNoTerm) return id;
    if (v.kind() == ValueKind::kEntity) {
      std::string folded = key.substr(1);
      if (auto it = pending_alias_.find(folded); it != pending_alias_.end()) return it->second;
      id = store_->LookupAlias(folded);
      if (id != kNoTerm) return id;
    }
    KG_ASSIGN_OR_RETURN(std::string enc, codec::EncodeTerm(v));
    id = store_->next_id_ + allocated_;
    ++allocated_;
    wb_->Put(store_->cf(Cf::kTerms), key, codec::IdKey(id));
    pending_dict_.emplace_back(id, std::move(enc));
    pending_.emplace(std::move(key), id);
    ++count_delta_[static_cast<int>(pending_dict_.back().second[0])];
    return id;
  }
  void AddPendingAlias(std::string folded, TermId id) { pending_alias_.emplace(std::move(folded), id); }

  // Adds the new terms' dictionary groups and the metadata updates (next
  // id, term counts) to the batch.
  Status Finish() {
    if (allocated_ == 0) return Status::OK();
    // New ids are the next ones of the counter, so they fill the last group
    // and start new ones (FORMAT.md, "Dictionary").
    std::vector<std::pair<TermId, std::string_view>> views(pending_dict_.begin(), pending_dict_.end());
    KG_RETURN_IF_ERROR(store_->WriteDictGroups(
        &views,
        [&](std::string_view key, std::string_view value) {
          wb_->Put(store_->cf(Cf::kDict), ToSlice(key), ToSlice(value));
          return Status::OK();
        },
        [&](std::string_view key) { wb_->Delete(store_->cf(Cf::kDict), ToSlice(key)); }));
    pending_dict_.clear();
    std::string v;
    codec::PutU64(&v, store_->next_id_ + allocated_);
    wb_->Put(store_->cf(Cf::kMeta), ToSlice(codec::kMetaNextId), v);
    for (int t = 1; t < codec::kNumTermTags; ++t) {
      if (count_delta_[t] == 0) continue;
      std::string c;
      codec::PutU64(&c, store_->term_counts_[t] + count_delta_[t]);
      wb_->Put(store_->cf(Cf::kMeta), codec::MetaTermCountKey(static_cast<TermTag>(t)), c);
    }
    return Status::OK();
  }
  // After a successful write: make the allocation permanent.
  void Commit() {
    store_->next_id_ += allocated_;
    for (int t = 1; t < codec::kNumTermTags; ++t) store_->term_counts_[t] += count_delta_[t];
  }

 private:
  Store* store_;
  rocksdb::WriteBatch* wb_;
  std::unordered_map<std::string, TermId> pending_;
  std::unordered_map<std::string, TermId> pending_alias_;
  std::vector<std::pair<TermId, std::string>> pending_dict_;  // new ids (ascending), their encodings
  uint64_t allocated_ = 0;
  std::array<uint64_t, 11> count_delta_{};  // by TermTag (codec::kNumTermTags)
};

Result<TermId> Store::EnsurePredicate(std::string_view name) {
  rocksdb::WriteBatch wb;
  Batch batch(this, &wb);
  KG_ASSIGN_OR_RETURN(TermId id, batch.GetOrCreate(Value::Predicate(std::string(name))));
  KG_RETURN_IF_ERROR(batch.Finish());
  if (wb.Count() > 0) KG_RETURN_IF_ERROR(Write(&wb));
  batch.Commit();
  return id;
}

Status Store::Write(rocksdb::WriteBatch* b, const std::vector<CountDelta>* changes) {
  if (read_only_) return Status::NotSupported("the database is open read-only");
  if (!write_error_.ok()) return write_error_;
  // Refused before RocksDB sees it: a WAL append that fails for lack of
  // space leaves RocksDB 7.8 in a state where the next append aborts.
  // Twice the batch: its WAL record, then its share of a memtable flush.
  KG_RETURN_IF_ERROR(CheckFreeSpace(path_, 2 * b->GetDataSize(), "this write"));
  const DataVersion before = CurrentDataVersion();
  rocksdb::Status rs = db_->Write(rocksdb::WriteOptions(), b);
  if (!rs.ok()) {
    Status s = FromRocks(rs, "cannot write to '" + path_ + "'");
    if (s.code() != Status::Code::kIOError) return s;
    write_error_ =
        Status::IOError(s.message() + " (kg stops writing to this database until it is opened again)")
            .WithHint(rs.IsNoSpace() ? "free some space on that file system and run the command again; what "
                                       "was stored before is intact"
                                     : "fix the I/O problem and run the command again; what was stored "
                                       "before is intact");
    return write_error_;
  }
  if (changes != nullptr) CarryPairTables(before, *changes);
  return Status::OK();
}

// Loading an article touches a few predicates: the cached tables of the
// others are still exact and move to the new data version as they are; the
// tables of touched predicates are patched with the batch's changes (linear
// in the table, against a full index scan for a rebuild).
void Store::CarryPairTables(const DataVersion& before, const std::vector<CountDelta>& changes) {
  const DataVersion after = CurrentDataVersion();
  std::lock_guard lock(pair_mu_);
  if (pair_version_ != std::make_pair(before.sequence, before.super_version)) return;  // already stale
  for (auto& [key, cached] : pair_cache_) {
    const TermId p = key / 4;
    const bool by_object = (key & 2) != 0, include_hedged = (key & 1) != 0;
    std::vector<std::pair<TermId, TermId>> add, remove;
    // Once it may have left hedged triples out, a table says so until it is
    // rebuilt (removals do not tell whether others are left).
    bool hedged_left_out = cached.table->hedged_left_out();
    for (const CountDelta& d : changes) {
      if (d.p != p) continue;
      // Presence and flag before and after (CountDelta: triples +1 added,
      // -1 removed, 0 kept; hedged +1 became hedged, -1 stopped being).
      const bool present_before = d.triples != 1, present_after = d.triples != -1;
      const bool hedged_after = d.triples == 1 ? d.hedged == 1 : (d.triples == 0 ? d.hedged == 1 : false);
      const bool hedged_before = d.triples == -1 ? d.hedged == -1 : (d.triples == 0 ? d.hedged == -1 : false);
      const bool before_in = present_before && (include_hedged || !hedged_before);
      const bool after_in = present_after && (include_hedged || !hedged_after);
      const std::pair<TermId, TermId> pair = by_object ? std::make_pair(d.o, d.s) : std::make_pair(d.s, d.o);
      if (before_in && !after_in) remove.push_back(pair);
      if (!before_in && after_in) add.push_back(pair);
      if (present_after && hedged_after && !include_hedged) hedged_left_out = true;
    }
    if (!add.empty() || !remove.empty()) {
      cached.table = cached.table->Patched(std::move(add), std::move(remove), hedged_left_out);
    } else if (hedged_left_out && !cached.table->hedged_left_out()) {
      cached.table = cached.table->WithHedgedLeftOut();
    }
  }
  pair_version_ = {after.sequence, after.super_version};
}

// A write touches many prefixes, mostly in increasing key order; one
// iterator per column family, re-seeked, is much cheaper than a new iterator
// per prefix (deleting a 10^5-triple article went from 2.8 s to well under).
class Store::Scanner {
 public:
  explicit Scanner(const Store* store) : store_(store) {}

  template <typename Fn>
  Status ForEach(Cf c, std::string_view prefix, Fn fn) {
    rocksdb::Iterator* it = Iter(c);
    rocksdb::Slice pre = ToSlice(prefix);
    for (it->Seek(pre); it->Valid() && it->key().starts_with(pre); it->Next()) {
      Status s = fn(ToView(it->key()), ToView(it->value()));
      if (!s.ok()) return s;
    }
    return FromRocks(it->status(), "scan");
  }

  // The value stored under exactly `key`, or NotFound.
  Status Get(Cf c, std::string_view key, std::string* value) {
    rocksdb::Iterator* it = Iter(c);
    it->Seek(ToSlice(key));
    if (it->Valid() && it->key() == ToSlice(key)) {
      value->assign(it->value().data(), it->value().size());
      return Status::OK();
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "read"));
    return Status::NotFound("not found");
  }

 private:
  rocksdb::Iterator* Iter(Cf c) {
    auto& it = iters_[static_cast<int>(c)];
    if (!it) it.reset(store_->db_->NewIterator(rocksdb::ReadOptions(), store_->cf(c)));
    return it.get();
  }

  const Store* store_;
  std::array<std::unique_ptr<rocksdb::Iterator>, static_cast<int>(Cf::kCount)> iters_;
};

Status Store::ApplyChange(rocksdb::WriteBatch* b, TermId article, const std::vector<Tri>& old_triples,
                          const std::vector<std::pair<Tri, std::vector<Provenance>>>& added,
                          std::vector<CountDelta>* changes) {
  // Sorted vectors, not node-based sets: deleting a bulk-imported article
  // touches 10^6 triples.
  std::vector<Tri> old_set = old_triples;
  std::sort(old_set.begin(), old_set.end());
  std::vector<Tri> added_keys;
  added_keys.reserve(added.size());
  for (const auto& entry : added) added_keys.push_back(entry.first);
  if (!std::is_sorted(added_keys.begin(), added_keys.end())) {
    return Status::Internal("ApplyChange: added triples are not sorted");
  }
  std::vector<Tri> touched;
  touched.reserve(old_set.size() + added_keys.size());
  std::set_union(old_set.begin(), old_set.end(), added_keys.begin(), added_keys.end(),
                 std::back_inserter(touched));
  auto was_mine = [&](const Tri& t) { return std::binary_search(old_set.begin(), old_set.end(), t); };
  auto added_provs = [&](const Tri& t) -> const std::vector<Provenance>* {
    auto it = std::lower_bound(added_keys.begin(), added_keys.end(), t);
    if (it == added_keys.end() || *it != t) return nullptr;
    return &added[static_cast<size_t>(it - added_keys.begin())].second;
  };

  Scanner scan(this);
  std::vector<Tri> plus, minus;
  std::vector<CountDelta> count_deltas;
  for (const Tri& t : touched) {
    // Other articles' assertions stay; this article's old ones go. A triple
    // this article did not assert before needs no provenance scan: its index
    // entry says whether others assert it and whether all of them hedge.
    // (Scanning would cost O(articles) for popular triples such as types.)
    uint64_t others = 0;
    bool others_hedged = true;
    std::string prefix = codec::TripleKey(Index::kSpo, t[0], t[1], t[2]);
    std::string old_flags;
    Status g = scan.Get(Cf::kSpo, prefix, &old_flags);
    if (!g.ok() && g.code() != Status::Code::kNotFound) return g;
    const bool was_stored = g.ok();
    if (!was_mine(t)) {
      if (was_stored) {
        others = 1;
        others_hedged = !old_flags.empty() && (static_cast<uint8_t>(old_flags[0]) & kTripleHedged);
      }
    } else {
      // This article's entries, found by their own prefix.
      std::string mine = prefix + codec::IdKey(article);
      KG_RETURN_IF_ERROR(scan.ForEach(Cf::kProv, mine, [&](std::string_view k, std::string_view) {
        b->Delete(cf(Cf::kProv), ToSlice(k));
        return Status::OK();
      }));
      // Others: stop at the first one that is not hedged (the answer is then known).
      Status others_scan = scan.ForEach(Cf::kProv, prefix, [&](std::string_view k, std::string_view v) {
        IdTriple tt;
        Provenance p;
        KG_RETURN_IF_ERROR(codec::DecodeProvenance(k, v, &tt, &p));
        if (p.article == article) return Status::OK();
        ++others;
        others_hedged = others_hedged && p.hedged;
        return others_hedged ? Status::OK() : Status::Cancelled("decided");
      });
      if (!others_scan.ok() && others_scan.code() != Status::Code::kCancelled) return others_scan;
    }
    const bool in_db = was_stored;
    const bool hedged_before =
        was_stored && !old_flags.empty() && (static_cast<uint8_t>(old_flags[0]) & kTripleHedged) != 0;
    const std::vector<Provenance>* mine_now = added_provs(t);
    bool after = others > 0 || mine_now != nullptr;
    if (after) {
      bool hedged = others_hedged;
      if (mine_now != nullptr) {
        for (const Provenance& p : *mine_now) {
          hedged = hedged && p.hedged;
          b->Put(cf(Cf::kProv), codec::ProvenanceKey(t[0], t[1], t[2], article, p.sentence),
                 codec::EncodeProvenanceValue(p));
        }
      }
      std::string flags = hedged ? std::string(1, static_cast<char>(kTripleHedged)) : std::string();
      if (!was_stored || flags != old_flags) {  // shared, unchanged triples cost no write
        for (Index ix : {Index::kSpo, Index::kPos, Index::kOsp}) {
          b->Put(cf(CfOfIndex(ix)), codec::TripleKey(ix, t[0], t[1], t[2]), flags);
        }
      }
      if (!in_db) plus.push_back(t);
      if (!in_db || hedged != hedged_before) {
        count_deltas.push_back(CountDelta{t[0], t[1], t[2], static_cast<int8_t>(in_db ? 0 : 1),
                                          static_cast<int8_t>(int{hedged} - int{hedged_before})});
      }
    } else if (in_db) {
      for (Index ix : {Index::kSpo, Index::kPos, Index::kOsp}) {
        b->Delete(cf(CfOfIndex(ix)), codec::TripleKey(ix, t[0], t[1], t[2]));
      }
      minus.push_back(t);
      count_deltas.push_back(CountDelta{t[0], t[1], t[2], -1, static_cast<int8_t>(hedged_before ? -1 : 0)});
    }
  }
  *changes = count_deltas;
  KG_RETURN_IF_ERROR(UpdateCounts(b, &scan, &count_deltas));
  return UpdateStats(b, &scan, plus, minus);
}

// Per-key counts stay exact: the deltas of all changed triples are summed per
// counts key first (an article shares subjects and objects across many
// triples), then each key is read once from the committed state and rewritten
// (or deleted when no triple is left).
Status Store::UpdateCounts(rocksdb::WriteBatch* b, Scanner* scan, std::vector<CountDelta>* deltas) {
  if (deltas->empty()) return Status::OK();
  struct Item {
    TermId p;
    bool by_object;
    TermId key;
    int64_t triples, hedged;
  };
  std::vector<Item> items;
  items.reserve(deltas->size() * 2);
  for (const CountDelta& d : *deltas) {
    items.push_back(Item{d.p, false, d.s, d.triples, d.hedged});
    items.push_back(Item{d.p, true, d.o, d.triples, d.hedged});
  }
  std::vector<CountDelta>().swap(*deltas);  // deleting a large article: release early
  // Counts key order (p, role, key): the scanner then moves forward only.
  std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
    if (x.p != y.p) return x.p < y.p;
    if (x.by_object != y.by_object) return y.by_object;
    return x.key < y.key;
  });
  std::string key(codec::kCountsKeySize, '\0'), value;
  for (size_t i = 0; i < items.size();) {
    int64_t dt = 0, dh = 0;
    size_t j = i;
    for (; j < items.size() && items[j].p == items[i].p && items[j].by_object == items[i].by_object &&
           items[j].key == items[i].key;
         ++j) {
      dt += items[j].triples, dh += items[j].hedged;
    }
    codec::StoreCountsKey(key.data(), items[i].p, items[i].by_object, items[i].key);
    i = j;
    if (dt == 0 && dh == 0) continue;
    codec::KeyCount c;
    Status g = scan->Get(Cf::kCounts, key, &value);
    if (g.ok()) {
      KG_ASSIGN_OR_RETURN(c, codec::DecodeKeyCount(value));
    } else if (g.code() != Status::Code::kNotFound) {
      return g;
    }
    const int64_t triples = static_cast<int64_t>(c.triples) + dt;
    const int64_t hedged = static_cast<int64_t>(c.hedged) + dh;
    if (triples < 0 || hedged < 0 || hedged > triples)
      return Status::Corruption("per-key counts disagree with the indexes (key of predicate " +
                                std::to_string(items[j - 1].p) + ")");
    if (triples == 0) {
      b->Delete(cf(Cf::kCounts), key);
    } else {
      b->Put(cf(Cf::kCounts), key,
             codec::EncodeKeyCount(
                 codec::KeyCount{static_cast<uint64_t>(triples), static_cast<uint64_t>(hedged)}));
    }
  }
  return Status::OK();
}

// Statistics stay exact: for every group a changed triple belongs to ((s,p)
// for distinct subjects of p, (p,o) for distinct objects, s and o for the
// store totals) compare "non-empty before" with "non-empty after", reading
// the committed indexes (the batch is not applied yet).
Status Store::UpdateStats(rocksdb::WriteBatch* b, Scanner* scan, const std::vector<Tri>& plus,
                          const std::vector<Tri>& minus) {
  if (plus.empty() && minus.empty()) return Status::OK();
  std::vector<Tri> minus_sorted = minus;
  std::sort(minus_sorted.begin(), minus_sorted.end());
  auto removed = [&](const Tri& t) {
    return std::binary_search(minus_sorted.begin(), minus_sorted.end(), t);
  };
  struct Delta {
    int64_t triples = 0, subjects = 0, objects = 0;
  };
  std::map<TermId, Delta> delta;  // key 0 = whole store
  for (const Tri& t : plus) ++delta[t[1]].triples, ++delta[0].triples;
  for (const Tri& t : minus) --delta[t[1]].triples, --delta[0].triples;

  // A group is a key prefix of one index: (s,p) in spo for the distinct
  // subjects of p, (p,o) in pos for its distinct objects, s in spo and o in
  // osp for the store totals. It counts when it is non-empty; compare before
  // (committed) with after (committed minus removed, plus added).
  struct GroupKey {
    TermId a, b;  // b = 0 for one-id groups
    bool has_plus;
    bool operator<(const GroupKey& o) const { return a != o.a ? a < o.a : b < o.b; }
  };
  struct Kind {
    Index index;
    int ids;        // prefix length in ids
    bool per_pred;  // statistics of the predicate (else of the store)
    bool subjects;
  };
  const Kind kinds[4] = {{Index::kSpo, 2, true, true},
                         {Index::kPos, 2, true, false},
                         {Index::kSpo, 1, false, true},
                         {Index::kOsp, 1, false, false}};
  for (const Kind& kind : kinds) {
    std::vector<GroupKey> groups;
    groups.reserve(plus.size() + minus.size());
    auto add = [&](const Tri& t, bool is_plus) {
      // Ids in index order: spo → (s, p), pos → (p, o), osp → (o, s).
      TermId x = kind.index == Index::kSpo ? t[0] : (kind.index == Index::kPos ? t[1] : t[2]);
      TermId y = kind.ids == 2 ? (kind.index == Index::kSpo ? t[1] : t[2]) : 0;
      groups.push_back(GroupKey{x, y, is_plus});
    };
    for (const Tri& t : plus) add(t, true);
    for (const Tri& t : minus) add(t, false);
    std::sort(groups.begin(), groups.end());
    for (size_t i = 0; i < groups.size();) {
      size_t j = i;
      bool has_plus = false;
      for (; j < groups.size() && !(groups[i] < groups[j]); ++j) has_plus = has_plus || groups[j].has_plus;
      std::string prefix = codec::IdKey(groups[i].a);
      if (kind.ids == 2) prefix += codec::IdKey(groups[i].b);
      bool before = false, after = has_plus;
      Status st = scan->ForEach(CfOfIndex(kind.index), prefix, [&](std::string_view k, std::string_view) {
        before = true;
        IdTriple tt = codec::DecodeTripleKey(kind.index, k);
        if (!removed(Tri{tt.s, tt.p, tt.o})) {
          after = true;
          return Status::Cancelled("decided");  // stops the scan early
        }
        return Status::OK();
      });
      if (!st.ok() && st.code() != Status::Code::kCancelled) return st;
      // For per-predicate groups the predicate is the group's p.
      TermId stat_key = !kind.per_pred ? kNoTerm : (kind.index == Index::kSpo ? groups[i].b : groups[i].a);
      Delta& d = delta[stat_key];
      (kind.subjects ? d.subjects : d.objects) += static_cast<int64_t>(after) - static_cast<int64_t>(before);
      i = j;
    }
  }
  for (const auto& [p, d] : delta) {
    TermStats st = PredicateStats(p);
    st.triples = static_cast<uint64_t>(static_cast<int64_t>(st.triples) + d.triples);
    st.distinct_subjects = static_cast<uint64_t>(static_cast<int64_t>(st.distinct_subjects) + d.subjects);
    st.distinct_objects = static_cast<uint64_t>(static_cast<int64_t>(st.distinct_objects) + d.objects);
    if (st.triples == 0) {
      b->Delete(cf(Cf::kStats), codec::IdKey(p));
    } else {
      b->Put(cf(Cf::kStats), codec::IdKey(p), codec::EncodeStats(st));
    }
  }
  return Status::OK();
}

// Deletes the article's per-article data and aliases; returns the triples it
// asserted.
Status Store::RemoveArticleData(rocksdb::WriteBatch* b, TermId article, std::vector<Tri>* old_triples) {
  std::vector<IdTriple> ts;
  KG_RETURN_IF_ERROR(ArticleTriples(article, &ts));
  old_triples->clear();
  for (const auto& t : ts) old_triples->push_back(Tri{t.s, t.p, t.o});
  std::vector<EntityData> ents;
  KG_RETURN_IF_ERROR(GetArticleEntities(article, &ents));
  for (const auto& e : ents) {
    for (const auto& a : e.aliases) b->Delete(cf(Cf::kAlias), codec::AliasKey(FoldCase(a), article));
  }
  // Key by key, not DeleteRange: an article has tens to hundreds of data
  // keys, while every range tombstone left in the memtable is re-fragmented
  // by later reads of the column family, so a session that replaces or
  // deletes thousands of articles would slow down until the next flush.
  return ForEachPrefix(db_, cf(Cf::kArticleData), codec::ArticleDataPrefix(article),
                       [&](std::string_view k, std::string_view) {
                         b->Delete(cf(Cf::kArticleData), ToSlice(k));
                         return Status::OK();
                       });
}

namespace {

Status ValidateArticle(const ArticleData& a) {
  if (a.name.empty()) return Status::InvalidArgument("an article needs a name");
  for (size_t i = 0; i < a.facts.size(); ++i) {
    const Fact& f = a.facts[i];
    std::string where = "article '" + a.name + "', fact " + std::to_string(i) + ": ";
    if (f.subject.is_null() || f.object.is_null())
      return Status::InvalidArgument(where + "subject and object are required");
    if (f.subject.kind() == ValueKind::kPredicate || f.object.kind() == ValueKind::kPredicate ||
        f.subject.kind() == ValueKind::kArticle || f.object.kind() == ValueKind::kArticle) {
      return Status::InvalidArgument(where + "subject and object must be entities or literals");
    }
    if (f.predicate.empty()) return Status::InvalidArgument(where + "the predicate is empty");
    if (!a.sentences.empty() && f.sentence >= a.sentences.size()) {
      return Status::InvalidArgument(where + "sentence " + std::to_string(f.sentence) +
                                     " does not exist (the article has " +
                                     std::to_string(a.sentences.size()) + ")");
    }
    if (!(f.confidence >= 0 && f.confidence <= 1))
      return Status::InvalidArgument(where + "confidence must be in [0, 1]");
  }
  for (const auto& e : a.entities) {
    if (e.name.empty())
      return Status::InvalidArgument("article '" + a.name + "': an entity has an empty name");
  }
  return Status::OK();
}

// Identical text means identical article. Hand-built articles without text
// are hashed over everything they contain.
std::string HashArticle(const ArticleData& a) {
  if (!a.content.empty()) return Store::HashText(a.content);
  codec::ContentHasher h;
  auto str = [&](std::string_view s) {
    std::string n;
    codec::PutU32(&n, static_cast<uint32_t>(s.size()));
    h.Update(n);
    h.Update(s);
  };
  str(a.title), str(a.date), str(a.source);
  for (const auto& s : a.sentences) str(s);
  for (const auto& e : a.entities) str(codec::EncodeEntity(e));
  for (const auto& f : a.facts) {
    str(codec::EncodeTerm(f.subject).value());
    str(f.predicate);
    str(codec::EncodeTerm(f.object).value());
    std::string n;
    codec::PutU32(&n, f.sentence), codec::PutU32(&n, f.span_begin), codec::PutU32(&n, f.span_end);
    codec::PutSortableDouble(&n, f.confidence);
    n.push_back(static_cast<char>(f.modality));
    h.Update(n);
  }
  for (const auto& r : a.raw_facts) str(codec::EncodeRawFact(r));
  return h.HexDigest();
}

}  // namespace

std::string Store::HashText(std::string_view text) {
  codec::ContentHasher h;
  h.Update("text:");
  h.Update(text);
  return h.HexDigest();
}

Result<LoadReport> Store::AddArticle(const ArticleData& a, const WriteOptions& options) {
  if (read_only_) return Status::NotSupported("the database is open read-only; a writer must load articles");
  KG_RETURN_IF_ERROR(ValidateArticle(a));
  std::string hash = HashArticle(a);
  std::lock_guard<std::mutex> lock(write_mu_);

  LoadReport report;
  report.article = a.name;
  report.warnings = a.warnings;
  bool replacing = false;
  std::string existing;
  if (Get(Cf::kArticles, a.name, &existing).ok()) {
    KG_ASSIGN_OR_RETURN(codec::ArticleRecord rec, codec::DecodeArticleRecord(a.name, existing));
    if (rec.info.content_hash == hash) {
      report.outcome = LoadOutcome::kUnchanged;
      report.sentences = rec.info.sentences;
      report.facts = rec.info.facts;
      report.entities = rec.info.entities;
      report.warnings.push_back("article '" + a.name +
                                "' is already loaded with identical content; nothing changed");
      return report;
    }
    if (!options.replace) {
      return Status::AlreadyExists("article '" + a.name +
                                   "' is already loaded with different content; use --replace to replace it");
    }
    replacing = true;
  }

  rocksdb::WriteBatch wb;
  Batch batch(this, &wb);
  KG_ASSIGN_OR_RETURN(TermId article, batch.GetOrCreate(Value::Article(a.name)));
  std::vector<Tri> old_triples;
  if (replacing) KG_RETURN_IF_ERROR(RemoveArticleData(&wb, article, &old_triples));

  // Aliases first, so that facts naming an entity by an alias find it.
  std::vector<std::pair<const EntityData*, TermId>> entities;
  for (const auto& e : a.entities) {
    KG_ASSIGN_OR_RETURN(TermId id, batch.GetOrCreate(Value::Entity(e.name)));
    entities.emplace_back(&e, id);
    for (const auto& alias : e.aliases) batch.AddPendingAlias(FoldCase(alias), id);
  }
  std::map<Tri, std::map<uint32_t, Provenance>> assertions;
  auto assert_triple = [&](const Tri& t, Provenance p) {
    auto [it, inserted] = assertions[t].try_emplace(p.sentence, p);
    if (!inserted) {  // the same fact twice in one sentence: keep the strongest
      Provenance& q = it->second;
      q.hedged = q.hedged && p.hedged;
      if (p.confidence > q.confidence)
        q.confidence = p.confidence, q.span_begin = p.span_begin, q.span_end = p.span_end;
    }
  };
  for (const auto& [e, id] : entities) {
    for (const auto& alias : e->aliases) {
      std::string folded = FoldCase(alias);
      if (folded.empty()) continue;
      std::string v = codec::IdKey(id);
      v += alias;
      wb.Put(cf(Cf::kAlias), codec::AliasKey(folded, article), v);
    }
    if (!e->iri.empty()) wb.Put(cf(Cf::kIri), codec::IdKey(id), e->iri);
    if (!e->type.empty()) {
      KG_ASSIGN_OR_RETURN(TermId tp, batch.GetOrCreate(Value::Predicate(std::string(kTypePredicate))));
      KG_ASSIGN_OR_RETURN(TermId ty, batch.GetOrCreate(Value::Entity(e->type)));
      Provenance p;
      p.article = article;
      p.sentence = kNoSentence;
      assert_triple(Tri{id, tp, ty}, p);
    }
  }
  for (const Fact& f : a.facts) {
    KG_ASSIGN_OR_RETURN(TermId s, batch.GetOrCreate(f.subject));
    KG_ASSIGN_OR_RETURN(TermId p, batch.GetOrCreate(Value::Predicate(f.predicate)));
    KG_ASSIGN_OR_RETURN(TermId o, batch.GetOrCreate(f.object));
    Provenance pr;
    pr.article = article;
    pr.sentence = f.sentence;
    pr.span_begin = f.span_begin;
    pr.span_end = f.span_end;
    pr.confidence = static_cast<float>(f.confidence);
    pr.hedged = f.modality == Modality::kHedged;
    assert_triple(Tri{s, p, o}, pr);
  }
  std::vector<std::pair<Tri, std::vector<Provenance>>> added;
  added.reserve(assertions.size());
  for (auto& [t, by_sentence] : assertions) {
    auto& v = added.emplace_back(t, std::vector<Provenance>()).second;
    for (auto& [sent, p] : by_sentence) v.push_back(p);
  }
  std::vector<CountDelta> changes;
  KG_RETURN_IF_ERROR(ApplyChange(&wb, article, old_triples, added, &changes));

  // Per-article data: sentences, the sorted triple list, raw facts, entities.
  using K = codec::ArticleDataKind;
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    wb.Put(cf(Cf::kArticleData), codec::ArticleDataKey(article, K::kSentence, static_cast<uint32_t>(i)),
           a.sentences[i]);
  }
  for (size_t i = 0; i < added.size(); i += codec::kTriplesPerChunk) {
    std::string chunk;
    for (size_t j = i; j < std::min(added.size(), i + codec::kTriplesPerChunk); ++j) {
      const Tri& t = added[j].first;
      codec::AppendTripleKey(&chunk, Index::kSpo, t[0], t[1], t[2]);
    }
    wb.Put(
        cf(Cf::kArticleData),
        codec::ArticleDataKey(article, K::kTripleChunk, static_cast<uint32_t>(i / codec::kTriplesPerChunk)),
        chunk);
  }
  for (size_t i = 0; i < a.raw_facts.size(); ++i) {
    wb.Put(cf(Cf::kArticleData), codec::ArticleDataKey(article, K::kRawFact, static_cast<uint32_t>(i)),
           codec::EncodeRawFact(a.raw_facts[i]));
  }
  for (size_t i = 0; i < a.entities.size(); ++i) {
    wb.Put(cf(Cf::kArticleData), codec::ArticleDataKey(article, K::kEntity, static_cast<uint32_t>(i)),
           codec::EncodeEntity(a.entities[i]));
  }
  codec::ArticleRecord rec;
  rec.id = article;
  rec.info.name = a.name;
  rec.info.source = a.source;
  rec.info.title = a.title;
  rec.info.date = a.date;
  rec.info.content_hash = hash;
  rec.info.loaded_at = static_cast<int64_t>(std::time(nullptr));
  rec.info.sentences = a.sentences.size();
  rec.info.facts = added.size();
  rec.info.entities = a.entities.size();
  wb.Put(cf(Cf::kArticles), a.name, codec::EncodeArticleRecord(rec));
  KG_RETURN_IF_ERROR(batch.Finish());
  KG_RETURN_IF_ERROR(Write(&wb, &changes));
  batch.Commit();

  report.outcome = replacing ? LoadOutcome::kReplaced : LoadOutcome::kLoaded;
  report.sentences = rec.info.sentences;
  report.facts = rec.info.facts;
  report.entities = rec.info.entities;
  return report;
}

Status Store::DeleteArticle(std::string_view name) {
  if (read_only_) return Status::NotSupported("the database is open read-only");
  std::lock_guard<std::mutex> lock(write_mu_);
  return DeleteArticleLocked(name);
}

Status Store::DeleteArticleLocked(std::string_view name) {
  KG_ASSIGN_OR_RETURN(codec::ArticleRecord rec, GetArticleRecord(name));
  rocksdb::WriteBatch wb;
  std::vector<Tri> old_triples;
  KG_RETURN_IF_ERROR(RemoveArticleData(&wb, rec.id, &old_triples));
  std::vector<CountDelta> changes;
  KG_RETURN_IF_ERROR(ApplyChange(&wb, rec.id, old_triples, {}, &changes));
  wb.Delete(cf(Cf::kArticles), ToSlice(name));
  return Write(&wb, &changes);
}

}  // namespace kg::storage
