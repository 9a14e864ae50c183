// The format-version step 3 → 4 (storage/FORMAT.md, "Upgrade 3 → 4"): entity
// types move from the predicate `type` to `is_a`, the predicate of classes,
// so that one predicate answers "what is X" (`?x -is_a-> Company`).
//
// Unlike the 2 → 3 step, triples change: (s, type, o) becomes (s, is_a, o),
// which another article (or the same one, from an RDF rdf:type) may already
// assert. Each article is therefore rewritten the way AddArticle replaces an
// article — its triples, provenance, per-key counts, statistics and triple
// chunks in one WriteBatch through ApplyChange — one article per batch, so
// every committed state satisfies the invariants of FORMAT.md.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "storage/key_codec.h"
#include "storage/rocks_status.h"
#include "storage/store.h"
#include "storage/store_internal.h"

namespace kg::storage {

using codec::Index;

// Articles without a `type` triple are skipped, so a crash part-way leaves a
// version-3 database in which the articles done so far assert `is_a` and the
// others still `type`; the next writer moves the rest. The version is
// written last.
Status Store::UpgradeToV4() {
  std::lock_guard<std::mutex> lock(write_mu_);
  KG_ASSIGN_OR_RETURN(std::string type_key,
                      codec::TermLookupKey(Value::Predicate(std::string(kLegacyTypePredicate))));
  const TermId type = LookupId(type_key);
  if (type != kNoTerm && PredicateStats(type).triples > 0) {
    KG_ASSIGN_OR_RETURN(const TermId is_a, EnsurePredicate(kTypePredicate));
    std::vector<std::pair<std::string, codec::ArticleRecord>> articles;
    {
      std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kArticles)));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        std::string name(ToView(it->key()));
        KG_ASSIGN_OR_RETURN(codec::ArticleRecord r, codec::DecodeArticleRecord(name, ToView(it->value())));
        articles.emplace_back(std::move(name), std::move(r));
      }
      KG_RETURN_IF_ERROR(FromRocks(it->status(), "upgrade: scan articles"));
    }
    size_t moved = 0;
    for (auto& [name, record] : articles) {
      const TermId article = record.id;
      std::vector<IdTriple> triples;
      KG_RETURN_IF_ERROR(ArticleTriples(article, &triples));
      if (std::none_of(triples.begin(), triples.end(), [&](const IdTriple& t) { return t.p == type; }))
        continue;
      if (moved == upgrade_v4_article_limit_for_testing)
        return Status::Cancelled("upgrade to format version 4 stopped for a test");
      // This article's assertions, with `type` read as `is_a`; an assertion
      // of both in one sentence (an RDF import that gave the type both ways)
      // keeps the stronger, as AddArticle does for a fact stated twice.
      std::vector<Tri> old_triples;
      std::map<Tri, std::map<uint32_t, Provenance>> assertions;
      std::unique_ptr<rocksdb::Iterator> prov(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kProv)));
      for (const IdTriple& t : triples) {
        old_triples.push_back(Tri{t.s, t.p, t.o});
        const Tri now{t.s, t.p == type ? is_a : t.p, t.o};
        const std::string prefix = codec::TripleKey(Index::kSpo, t.s, t.p, t.o) + codec::IdKey(article);
        for (prov->Seek(prefix); prov->Valid() && prov->key().starts_with(prefix); prov->Next()) {
          IdTriple tt;
          Provenance p;
          KG_RETURN_IF_ERROR(codec::DecodeProvenance(ToView(prov->key()), ToView(prov->value()), &tt, &p));
          auto [at, inserted] = assertions[now].try_emplace(p.sentence, p);
          if (!inserted) {
            Provenance& q = at->second;
            q.hedged = q.hedged && p.hedged;
            if (p.confidence > q.confidence)
              q.confidence = p.confidence, q.span_begin = p.span_begin, q.span_end = p.span_end;
          }
        }
        KG_RETURN_IF_ERROR(FromRocks(prov->status(), "upgrade: scan provenance"));
      }
      std::vector<std::pair<Tri, std::vector<Provenance>>> added;
      added.reserve(assertions.size());
      for (auto& [t, by_sentence] : assertions) {
        auto& v = added.emplace_back(t, std::vector<Provenance>()).second;
        for (auto& [sentence, p] : by_sentence) v.push_back(p);
      }
      rocksdb::WriteBatch wb;
      std::vector<CountDelta> changes;
      KG_RETURN_IF_ERROR(ApplyChange(&wb, article, old_triples, added, &changes));
      // The article's sorted triple list, rewritten whole (merged triples
      // make it shorter), and its fact count.
      using K = codec::ArticleDataKind;
      const std::string chunks = codec::ArticleDataPrefix(article, K::kTripleChunk);
      std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kArticleData)));
      for (it->Seek(chunks); it->Valid() && it->key().starts_with(chunks); it->Next())
        wb.Delete(cf(Cf::kArticleData), it->key());
      KG_RETURN_IF_ERROR(FromRocks(it->status(), "upgrade: scan article data"));
      for (size_t i = 0; i < added.size(); i += codec::kTriplesPerChunk) {
        std::string chunk;
        for (size_t j = i; j < std::min(added.size(), i + codec::kTriplesPerChunk); ++j) {
          const Tri& t = added[j].first;
          codec::AppendTripleKey(&chunk, Index::kSpo, t[0], t[1], t[2]);
        }
        wb.Put(cf(Cf::kArticleData),
               codec::ArticleDataKey(article, K::kTripleChunk,
                                     static_cast<uint32_t>(i / codec::kTriplesPerChunk)),
               chunk);
      }
      record.info.facts = added.size();
      wb.Put(cf(Cf::kArticles), name, codec::EncodeArticleRecord(record));
      KG_RETURN_IF_ERROR(Write(&wb, &changes));
      ++moved;
    }
  }
  rocksdb::WriteBatch b;
  PutFormatVersion(&b, 4);
  KG_RETURN_IF_ERROR(Write(&b));
  format_version_ = 4;
  return Status::OK();
}

}  // namespace kg::storage
