#include "query/exec/path_op.h"

#include <algorithm>
#include <span>

namespace kg::query {

namespace {

using storage::IdTriple;
using storage::Provenance;

// Heap bytes charged per id of a frontier, a result set or a visited-set
// slot; per pair of a loaded adjacency table (the other id, a share of the
// key and index).
constexpr uint64_t kIdBytes = sizeof(TermId);
constexpr uint64_t kPairBytes = 16;

using NodeSet = std::vector<TermId>;  // sorted, unique

void Normalize(NodeSet* s) {
  std::sort(s->begin(), s->end());
  s->erase(std::unique(s->begin(), s->end()), s->end());
}

// An insert-only set of term ids (open addressing; 0 = kNoTerm is never a
// node): path frontiers insert every reached node, and node-based hash sets
// cost one allocation per node.
class NodeHashSet {
 public:
  // True when `id` was not yet in the set.
  bool Insert(TermId id) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    size_t i = Mix(id) & mask_;
    while (slots_[i] != kNoTerm) {
      if (slots_[i] == id) return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = id;
    ++size_;
    return true;
  }
  uint64_t bytes() const { return slots_.capacity() * kIdBytes; }

 private:
  static size_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return static_cast<size_t>(z ^ (z >> 31));
  }
  void Grow() {
    std::vector<TermId> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, kNoTerm);
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (TermId id : old) {
      if (id != kNoTerm) Insert(id);
    }
  }
  std::vector<TermId> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// A seek of one node's edges costs about as much as reading this many
// entries of a full scan.
constexpr uint64_t kPathSeekCost = 16;

// Whether path evaluation should read all of `predicate`'s edges at once
// (large frontiers, e.g. the closure into a hub) rather than seek per node
// (small frontiers, e.g. a chain); loads them when so.
bool UseAdjacency(TermId predicate, bool forward, size_t frontier, ExecContext::Adjacency* adj,
                  ExecContext* ctx) {
  if (!adj->have_triples) {
    adj->have_triples = true;
    adj->triples = ctx->source().PredicateStats(predicate).triples;
  }
  if ((adj->lookups + frontier) * kPathSeekCost < adj->triples) return false;
  // Keyed by the node walked from; the others of a node keep index order,
  // as single-node scans return them.
  auto table = ctx->source().Pairs(predicate, /*by_object=*/!forward, ctx->options().include_hedged);
  if (!table.ok()) {
    ctx->Fail(table.status());
    return false;
  }
  adj->table = std::move(table).value();
  // Held for the rest of the query (the context keeps it).
  if (!ctx->Hold(&adj->charge, adj->triples * kPairBytes)) return false;
  return true;
}

// Nodes reachable from `from` in one application of `path` (forward) or
// nodes from which `from` is reachable (backward).
// `normalize`: sort and deduplicate the result (callers that deduplicate
// through their own seen-set pass false).
NodeSet Step(const BoundPath& path, const NodeSet& from, bool forward, ExecContext* ctx,
             bool normalize = true) {
  NodeSet out;
  switch (path.kind) {
    case BoundPath::Kind::kPredicate: {
      if (path.predicate == kNoTerm) return out;
      if (const ExecContext::ArticleEdges* r = ctx->restriction) {
        auto it = r->tables.find(path.predicate * 2 + (forward ? 1 : 0));
        if (it == r->tables.end()) return out;
        size_t hint = 0;  // frontiers are mostly sorted
        for (TermId n : from) {
          std::span<const TermId> next = it->second->Find(n, &hint);
          out.insert(out.end(), next.begin(), next.end());
        }
        break;
      }
      ExecContext::Adjacency& adj = ctx->adjacency(path.predicate, forward);
      if (!adj.table && !UseAdjacency(path.predicate, forward, from.size(), &adj, ctx) && !ctx->ok()) {
        return out;
      }
      if (adj.table) {
        size_t hint = 0;  // frontiers are mostly sorted
        for (TermId n : from) {
          std::span<const TermId> next = adj.table->Find(n, &hint);
          out.insert(out.end(), next.begin(), next.end());
          if (!ctx->Tick()) return out;
        }
        break;
      }
      adj.lookups += from.size();
      std::unique_ptr<storage::TripleCursor> c;
      for (TermId n : from) {
        c = forward ? ctx->source().Rescan(std::move(c), n, path.predicate, kNoTerm)
                    : ctx->source().Rescan(std::move(c), kNoTerm, path.predicate, n);
        for (; c->Valid(); c->Next()) {
          if (!ctx->Tick()) return out;
          const IdTriple& t = c->Get();
          if (ctx->Visible(t)) out.push_back(forward ? t.o : t.s);
        }
        if (!c->status().ok()) {
          ctx->Fail(c->status());
          return out;
        }
      }
      break;
    }
    case BoundPath::Kind::kInverse:
      return Step(path.children[0], from, !forward, ctx, normalize);
    case BoundPath::Kind::kSequence: {
      NodeSet cur = from;
      size_t n = path.children.size();
      for (size_t i = 0; i < n && !cur.empty(); ++i) {
        cur = Step(path.children[forward ? i : n - 1 - i], cur, forward, ctx);
      }
      return cur;
    }
    case BoundPath::Kind::kAlternative:
      for (const BoundPath& c : path.children) {
        NodeSet part = Step(c, from, forward, ctx);
        out.insert(out.end(), part.begin(), part.end());
      }
      break;
    case BoundPath::Kind::kRepeat: {
      // Levels below `min` are computed exactly (a node may recur at several
      // lengths); from `min` on, a node already reached is never expanded
      // again, which makes unbounded repetition terminate on cycles.
      const BoundPath& inner = path.children[0];
      NodeSet cur = from;
      for (uint32_t level = 0; level < path.min && !cur.empty(); ++level) {
        cur = Step(inner, cur, forward, ctx);
        if (!ctx->ok()) return out;
      }
      NodeHashSet seen;
      for (TermId n : cur) seen.Insert(n);
      out = cur;
      // The visited set, the result so far and the frontier grow together
      // with the reach: charged after each level.
      MemoryCharge held(ctx->budget());
      for (uint32_t level = path.min; level < path.max && !cur.empty(); ++level) {
        NodeSet next = Step(inner, cur, forward, ctx, /*normalize=*/false);
        if (!ctx->ok()) return out;
        cur.clear();
        for (TermId n : next) {
          if (seen.Insert(n)) cur.push_back(n);
        }
        out.insert(out.end(), cur.begin(), cur.end());
        const uint64_t ids = out.capacity() + cur.capacity() + next.capacity();
        if (!ctx->Hold(&held, ids * kIdBytes + seen.bytes())) return out;
      }
      break;
    }
  }
  if (normalize) Normalize(&out);
  return out;
}

bool Nullable(const BoundPath& p) {
  switch (p.kind) {
    case BoundPath::Kind::kPredicate:
      return false;
    case BoundPath::Kind::kInverse:
      return Nullable(p.children[0]);
    case BoundPath::Kind::kSequence:
      return std::all_of(p.children.begin(), p.children.end(),
                         [](const BoundPath& c) { return Nullable(c); });
    case BoundPath::Kind::kAlternative:
      return std::any_of(p.children.begin(), p.children.end(),
                         [](const BoundPath& c) { return Nullable(c); });
    case BoundPath::Kind::kRepeat:
      return p.min == 0 || Nullable(p.children[0]);
  }
  return false;
}

void Predicates(const BoundPath& p, std::vector<TermId>* out) {
  if (p.kind == BoundPath::Kind::kPredicate && p.predicate != kNoTerm) out->push_back(p.predicate);
  for (const BoundPath& c : p.children) Predicates(c, out);
}

}  // namespace

PathOp::PathOp(std::unique_ptr<Operator> child, const BoundPattern& p, ExecContext* ctx)
    : child_(std::move(child)),
      p_(p),
      ctx_(ctx),
      buffer_charge_(ctx->budget()),
      candidates_charge_(ctx->budget()),
      edges_charge_(ctx->budget()) {}

bool PathOp::Next(Row* out) {
  while (ctx_->ok()) {
    while (pos_ < buffer_.size()) {
      // Endpoints are bound into the caller's row buffer: no allocation
      // per path result.
      auto [s, o, a] = buffer_[pos_++];
      *out = in_;
      auto bind = [&](const BoundTerm& t, TermId v) {
        if (!t.is_var()) return t.id == v;
        TermId& slot = (*out)[static_cast<size_t>(t.var)];
        if (slot == kNoTerm) slot = v;
        return slot == v;
      };
      if (bind(p_.s, s) && bind(p_.o, o) && (a == kNoTerm || bind(p_.article, a))) return true;
    }
    if (Advance()) continue;
    if (!ctx_->ok() || !child_->Next(&in_)) return false;
    Begin();
  }
  return false;
}

uint64_t PathOp::CountFor(const Row& in) {
  counting_ = true;
  in_ = in;
  Begin();
  // Without repeated variables or `@`, every match Advance finds binds
  // (the walk already honours the bound ends).
  const bool plain = !p_.has_article && !(p_.s.is_var() && p_.o.is_var() && p_.s.var == p_.o.var);
  uint64_t n = 0;
  Row scratch;
  while (ctx_->ok() && Advance()) {
    if (plain) {
      n += buffer_.size();
    } else {
      for (const auto& match : buffer_) n += Compatible(match, &scratch);
    }
    pos_ = buffer_.size();
  }
  return n;
}

bool PathOp::Compatible(const std::tuple<TermId, TermId, TermId>& match, Row* scratch) const {
  auto [s, o, a] = match;
  *scratch = in_;
  auto bind = [&](const BoundTerm& t, TermId v) {
    if (!t.is_var()) return t.id == v;
    TermId& slot = (*scratch)[static_cast<size_t>(t.var)];
    if (slot == kNoTerm) slot = v;
    return slot == v;
  };
  return bind(p_.s, s) && bind(p_.o, o) && (a == kNoTerm || bind(p_.article, a));
}

void PathOp::Begin() {
  buffer_.clear();
  pos_ = 0;
  articles_.clear();
  article_pos_ = 0;
  starts_ = nullptr;
  start_pos_ = 0;
  if (p_.s.unknown || p_.o.unknown) return;
  if (!p_.has_article) {
    articles_.push_back(kNoTerm);
    return;
  }
  // `@`: every edge of the path comes from one article, which the path
  // walks alone; `@ ?a` unbound tries every article.
  if (p_.article.unknown) return;
  const TermId a = Resolve(p_.article, in_);
  if (a != kNoTerm) {
    articles_.push_back(a);
  } else {
    articles_ = ctx_->source().AllArticles();
  }
}

bool PathOp::Advance() {
  buffer_.clear();
  pos_ = 0;
  while (ctx_->ok()) {
    if (starts_ != nullptr && start_pos_ < starts_->size()) {
      const TermId c = (*starts_)[start_pos_++];
      ctx_->restriction = edges_;
      // Counting needs the size of the reach, not its order: a repetition
      // or a single predicate walked from one node yields each node once
      // already, so the sort is skipped.
      const bool unique_unsorted = counting_ && (p_.path.kind == BoundPath::Kind::kRepeat ||
                                                 p_.path.kind == BoundPath::Kind::kPredicate);
      NodeSet reach = Step(p_.path, {c}, true, ctx_, /*normalize=*/!unique_unsorted);
      ctx_->restriction = nullptr;
      for (TermId e : reach) Emit(c, e);
      if (!ctx_->Tick()) return false;
    } else if (article_pos_ < articles_.size()) {
      starts_ = nullptr;
      EnterArticle(articles_[article_pos_++]);
    } else {
      return false;
    }
    if (!buffer_.empty()) {
      // std::tuple of three ids, and the vector's spare capacity.
      ctx_->Hold(&buffer_charge_, buffer_.capacity() * 3 * sizeof(TermId));
      return ctx_->ok();
    }
  }
  return false;
}

void PathOp::EnterArticle(TermId article) {
  edges_ = nullptr;
  if (article != kNoTerm) {
    edges_ = &EdgesOf(article);
    if (!ctx_->ok()) return;
  }
  // Binds ?a on emitted rows only when the query left it unbound.
  article_ = p_.article.is_var() && in_[static_cast<size_t>(p_.article.var)] == kNoTerm ? article : kNoTerm;
  // Under `@`, a path (even of length zero) starts and ends at nodes the
  // article mentions.
  auto mentioned = [&](TermId n) {
    return edges_ == nullptr || std::binary_search(edges_->nodes.begin(), edges_->nodes.end(), n);
  };
  const TermId s = Resolve(p_.s, in_), o = Resolve(p_.o, in_);
  ctx_->restriction = edges_;
  if (s != kNoTerm) {
    if (mentioned(s)) {
      for (TermId e : Step(p_.path, {s}, true, ctx_)) {
        if (o == kNoTerm || o == e) Emit(s, e);
      }
    }
  } else if (o != kNoTerm) {
    if (mentioned(o)) {
      for (TermId b : Step(p_.path, {o}, false, ctx_)) Emit(b, o);
    }
  } else {
    starts_ = edges_ != nullptr ? &edges_->nodes : &Candidates();
    start_pos_ = 0;
  }
  ctx_->restriction = nullptr;
}

// The visible assertions of `article`, loaded once per operator.
const ExecContext::ArticleEdges& PathOp::EdgesOf(TermId article) {
  auto [it, fresh] = article_edges_.try_emplace(article);
  if (!fresh) return it->second;
  ExecContext::ArticleEdges& e = it->second;
  std::vector<IdTriple> triples;
  Status st = ctx_->source().ArticleTriples(article, &triples);
  if (!st.ok()) {
    ctx_->Fail(st);
    return e;
  }
  if (triples.size() > ctx_->options().max_rows) {
    ctx_->Fail(Status::InvalidArgument("the article behind '@' on a path has more triples than max_rows"));
    return e;
  }
  // Two pair-table entries and two node ids per triple, kept for the rest
  // of the query.
  if (!ctx_->Hold(&edges_charge_, edges_charge_.bytes() + triples.size() * (2 * kPairBytes + 2 * kIdBytes)))
    return e;
  std::unordered_map<uint64_t, std::vector<std::pair<TermId, TermId>>> pairs;
  std::vector<Provenance> prov;
  for (const IdTriple& t : triples) {
    if (!ctx_->Tick()) return e;
    if (!ctx_->options().include_hedged) {
      // Visible when this article states it without a hedge.
      prov.clear();
      st = ctx_->source().GetProvenance(t, &prov);
      if (!st.ok()) {
        ctx_->Fail(st);
        return e;
      }
      if (std::none_of(prov.begin(), prov.end(),
                       [&](const Provenance& p) { return p.article == article && !p.hedged; })) {
        continue;
      }
    }
    // Article triples come in (s, p, o) order: the others of a key keep
    // index order in both directions.
    pairs[t.p * 2 + 1].emplace_back(t.s, t.o);
    pairs[t.p * 2].emplace_back(t.o, t.s);
    e.nodes.push_back(t.s);
    e.nodes.push_back(t.o);
  }
  for (auto& [key, list] : pairs) e.tables.emplace(key, storage::PairTable::Build(std::move(list)));
  Normalize(&e.nodes);
  return e;
}

// Start nodes when neither end is bound: every node of the graph for paths
// that match zero-length, else every node touching one of the path's
// predicates.
const PathOp::NodeSet& PathOp::Candidates() {
  if (have_candidates_) return candidates_;
  have_candidates_ = true;
  auto collect = [&](TermId pred) {
    for (auto c = ctx_->source().Scan(kNoTerm, pred, kNoTerm); c->Valid(); c->Next()) {
      if (!ctx_->Tick()) return;
      const IdTriple& t = c->Get();
      if (!ctx_->Visible(t)) continue;
      candidates_.push_back(t.s);
      candidates_.push_back(t.o);
      if ((candidates_.size() & 4095) == 0 &&
          !ctx_->Hold(&candidates_charge_, candidates_.capacity() * kIdBytes)) {
        return;
      }
    }
  };
  if (Nullable(p_.path)) {
    collect(kNoTerm);
  } else {
    std::vector<TermId> preds;
    Predicates(p_.path, &preds);
    Normalize(&preds);
    for (TermId p : preds) collect(p);
  }
  Normalize(&candidates_);
  candidates_.shrink_to_fit();
  ctx_->Hold(&candidates_charge_, candidates_.capacity() * kIdBytes);
  return candidates_;
}

}  // namespace kg::query
