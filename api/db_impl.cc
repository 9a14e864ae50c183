// kg::DB implemented over storage::Store and the query engine; articles are
// extracted by the ArticleExtractor its opener passes (api/db_impl.h).
#include "api/db_impl.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <utility>

#include "kg/db.h"
#include "loader/loader.h"
#include "loader/predicate_synonyms.h"
#include "query/engine.h"
#include "query/query_cursor.h"
#include "storage/consistency_check.h"
#include "storage/store.h"

namespace kg {

namespace {

// Resolves surface forms against the entities already stored, so a new
// article's "microsoft" becomes the stored "Microsoft".
class StoreResolver : public loader::EntityResolver {
 public:
  explicit StoreResolver(const storage::Store* store) : store_(store) {}
  std::optional<std::string> Resolve(std::string_view surface) const override {
    return store_->ResolveEntityName(surface);
  }

 private:
  const storage::Store* store_;
};

// A streaming cursor of a DB, counted among the DB's open cursors until it
// is destroyed: a reader does not catch up with the writer while one is
// open, so the view it reads never changes under it. (A count rather than
// a held lock: a cursor may be destroyed on another thread than the one
// that opened it.)
class ViewCursor final : public QueryCursor {
 public:
  ViewCursor(std::unique_ptr<QueryCursor> cursor, std::atomic<int>* open)
      : cursor_(std::move(cursor)), open_(open) {
    ++*open_;
  }
  ~ViewCursor() override {
    cursor_.reset();
    --*open_;
  }

  const std::vector<std::string>& columns() const override { return cursor_->columns(); }
  const std::vector<std::string>& hints() const override { return cursor_->hints(); }
  const std::string& plan() const override { return cursor_->plan(); }
  bool streaming() const override { return cursor_->streaming(); }
  bool Next(std::vector<Value>* row) override { return cursor_->Next(row); }
  const Status& status() const override { return cursor_->status(); }
  uint64_t rows() const override { return cursor_->rows(); }
  QueryTiming timing() const override { return cursor_->timing(); }

 private:
  std::unique_ptr<QueryCursor> cursor_;
  std::atomic<int>* open_;
};

class DBImpl final : public DB {
 public:
  DBImpl(std::unique_ptr<storage::Store> store, ArticleExtractor extract)
      : store_(std::move(store)), extract_(extract) {}

  Result<LoadReport> AddArticle(const ArticleData& article, const WriteOptions& options) override {
    return store_->AddArticle(article, options);
  }

  Result<LoadReport> LoadArticle(const std::string& name, std::string_view text,
                                 const WriteOptions& options) override {
    if (store_->read_only())
      return Status::NotSupported("the database is open read-only; a writer must load articles");
    // Identical text is a no-op: skip the (slow) extraction entirely.
    auto info = store_->GetArticleInfo(name);
    if (info.ok() && info->content_hash == storage::Store::HashText(text)) {
      LoadReport r;
      r.article = name;
      r.outcome = LoadOutcome::kUnchanged;
      r.sentences = info->sentences;
      r.facts = info->facts;
      r.entities = info->entities;
      r.warnings.push_back("article '" + name +
                           "' is already loaded with identical content; nothing changed");
      return r;
    }
    if (info.ok() && !options.replace) {
      return Status::AlreadyExists("article '" + name +
                                   "' is already loaded with different content; use --replace to replace it");
    }
    StoreResolver resolver(store_.get());
    KG_ASSIGN_OR_RETURN(ArticleData article, extract_(name, text, &resolver));
    if (article.content.empty()) article.content = std::string(text);
    return store_->AddArticle(article, options);
  }

  Status DeleteArticle(const std::string& name) override { return store_->DeleteArticle(name); }

  Result<QueryResult> Query(std::string_view query, const QueryOptions& options) override {
    KG_RETURN_IF_ERROR(RefreshIfReader());
    std::shared_lock<std::shared_mutex> lock(view_mu_);
    return query::Execute(query, *store_, options);
  }

  Result<std::unique_ptr<QueryCursor>> OpenCursor(std::string_view query,
                                                  const QueryOptions& options) override {
    KG_RETURN_IF_ERROR(RefreshIfReader());
    std::shared_lock<std::shared_mutex> lock(view_mu_);
    KG_ASSIGN_OR_RETURN(std::unique_ptr<QueryCursor> cursor, query::OpenCursor(query, *store_, options));
    // A cursor that answered whole when it opened reads nothing more. A
    // streaming one is counted while the view is still locked, so no
    // catch-up comes between its opening and its counting.
    if (!cursor->streaming()) return cursor;
    return std::unique_ptr<QueryCursor>(new ViewCursor(std::move(cursor), &open_cursors_));
  }

  Status Scan(const TriplePattern& pattern, const std::function<bool(const Triple&)>& fn) override {
    KG_RETURN_IF_ERROR(RefreshIfReader());
    std::shared_lock<std::shared_mutex> lock(view_mu_);
    auto id_of = [&](const Value& v, storage::TermId* out) {
      *out = storage::kNoTerm;
      if (v.is_null()) return true;
      *out = v.kind() == ValueKind::kEntity ? store_->FindEntity(v.text()) : store_->FindLiteral(v);
      return *out != storage::kNoTerm;
    };
    storage::TermId s, p = storage::kNoTerm, o;
    if (!id_of(pattern.subject, &s) || !id_of(pattern.object, &o)) return Status::OK();  // unknown: no match
    if (!pattern.predicate.empty()) {
      p = store_->FindPredicate(pattern.predicate);
      if (p == storage::kNoTerm) return Status::OK();
    }
    auto cursor = store_->Scan(s, p, o);
    for (; cursor->Valid(); cursor->Next()) {
      const storage::IdTriple& t = cursor->Get();
      Triple out;
      KG_ASSIGN_OR_RETURN(out.subject, store_->GetTerm(t.s));
      KG_ASSIGN_OR_RETURN(Value pred, store_->GetTerm(t.p));
      out.predicate = pred.text();
      KG_ASSIGN_OR_RETURN(out.object, store_->GetTerm(t.o));
      if (!fn(out)) break;
    }
    return cursor->status();
  }

  Result<std::vector<ArticleInfo>> Articles() override {
    KG_RETURN_IF_ERROR(RefreshIfReader());
    std::shared_lock<std::shared_mutex> lock(view_mu_);
    return store_->Articles();
  }

  Result<DBStats> Stats() override {
    KG_RETURN_IF_ERROR(RefreshIfReader());
    std::shared_lock<std::shared_mutex> lock(view_mu_);
    DBStats st;
    storage::TermStats all = store_->PredicateStats(storage::kNoTerm);
    st.triples = all.triples;
    st.entities = store_->TermCount(1);
    for (int tag = 4; tag <= 9; ++tag) st.literals += store_->TermCount(tag);
    st.articles = store_->AllArticles().size();
    st.disk_bytes = store_->DiskBytes();
    st.format_version = store_->format_version();
    for (const std::string& name : store_->PredicateNames()) {
      storage::TermStats ps = store_->PredicateStats(store_->FindPredicate(name));
      st.per_predicate.push_back(PredicateStats{name, ps.triples, ps.distinct_subjects, ps.distinct_objects});
    }
    st.predicates = st.per_predicate.size();
    return st;
  }

  Result<CheckReport> Check() override {
    KG_RETURN_IF_ERROR(RefreshIfReader());
    std::shared_lock<std::shared_mutex> lock(view_mu_);
    CheckReport report;
    KG_RETURN_IF_ERROR(store_->VerifyFiles(&report.files, &report.bytes));
    const std::string problem = storage::FindInconsistency(*store_);
    if (!problem.empty()) {
      return Status::Corruption("database damaged: " + problem)
          .WithHint(
              "see docs/operations.md, \"Damage\": restore the database from a backup, or rebuild it from an "
              "export (kg export) or from the articles");
    }
    report.triples = store_->PredicateStats(storage::kNoTerm).triples;
    report.articles = store_->AllArticles().size();
    return report;
  }

  Status Refresh() override {
    if (!store_->read_only()) return Status::OK();
    std::unique_lock<std::shared_mutex> lock(view_mu_);
    if (open_cursors_ > 0) {
      return Status::Busy("cannot catch up with the writer while a query cursor is open")
          .WithHint("destroy the open QueryCursor objects first");
    }
    return store_->Refresh();
  }

  Result<std::vector<std::string>> EntityNames(std::string_view prefix, size_t limit) override {
    KG_RETURN_IF_ERROR(RefreshIfReader());
    std::shared_lock<std::shared_mutex> lock(view_mu_);
    return store_->EntityNames(prefix, limit);
  }

  // ReleaseBeforeExit's test: Store::MayExitWithoutClose.
  bool MayExitWithoutClose() const { return store_->MayExitWithoutClose(); }

 private:
  // The catch-up before a read, skipped while a streaming cursor reads the
  // view (the read then sees that view too). Exclusive: a running query
  // never sees the view change under it.
  Status RefreshIfReader() {
    if (!store_->read_only()) return Status::OK();
    std::unique_lock<std::shared_mutex> lock(view_mu_);
    return open_cursors_ > 0 ? Status::OK() : store_->Refresh();
  }

  std::unique_ptr<storage::Store> store_;
  ArticleExtractor extract_;
  std::shared_mutex view_mu_;
  // Streaming cursors alive; changed under a lock of view_mu_ when it goes
  // up, read under the exclusive lock.
  std::atomic<int> open_cursors_{0};
};

}  // namespace

void ReleaseBeforeExit(std::unique_ptr<DB> db) {
  auto* impl = dynamic_cast<DBImpl*>(db.get());
  if (impl == nullptr || !impl->MayExitWithoutClose()) return;  // closed here
  (void)db.release();
}

Result<std::unique_ptr<DB>> OpenDB(const std::string& path, const Options& options,
                                   ArticleExtractor extract) {
  KG_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, storage::Store::Open(path, options));
  // Queries may name a predicate the way the article's text does ("invest",
  // "investment_in"); the loader's vocabulary maps it to the stored name.
  // The synonyms are computed with WordNet, which takes about 25 ms to load;
  // in a database without triples (a new one) no predicate could match.
  const storage::Store* stored = store.get();
  store->SetPredicateFallback([stored](std::string_view name) {
    if (stored->PredicateStats(storage::kNoTerm).triples == 0) return std::vector<std::string>();
    return loader::PredicateCandidates(name);
  });
  return std::unique_ptr<DB>(new DBImpl(std::move(store), extract));
}

}  // namespace kg
