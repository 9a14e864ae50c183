// PathOp: breadth-first evaluation of a path pattern (`?a -p{1,5}-> ?b`,
// `x -p*-> ?y`, `@` restrictions) per input row.
//
// Rows come out a start node at a time: with both ends unbound, the path is
// walked from one candidate start node, its matches are handed out, and only
// then is the next start walked. A LIMIT upstream therefore stops the walk
// as soon as enough rows exist, and memory holds one start's reach, not the
// whole relation.
#ifndef KG_QUERY_EXEC_PATH_OP_H_
#define KG_QUERY_EXEC_PATH_OP_H_

#include <memory>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "query/exec/operator.h"

namespace kg::query {

class PathOp : public Operator {
 public:
  PathOp(std::unique_ptr<Operator> child, const BoundPattern& p, ExecContext* ctx);

  bool Next(Row* out) override;

  // The number of rows Next would produce for input row `in` (the child is
  // not read), without building them: COUNT(*) plans ending in a path.
  uint64_t CountFor(const Row& in);

 private:
  using NodeSet = std::vector<TermId>;

  // Starts the walk for in_: the articles to walk under (none: no `@`).
  void Begin();
  // Fills buffer_ with the matches of the next unit of work (one start node,
  // or one article's bound-end walk); false when in_ has no more.
  bool Advance();
  // Sets up the walk under `article` (kNoTerm: no `@`); a bound end is
  // walked at once, unbound ends leave start nodes in starts_.
  void EnterArticle(TermId article);
  void Emit(TermId s, TermId o) { buffer_.emplace_back(s, o, article_); }
  bool Compatible(const std::tuple<TermId, TermId, TermId>& match, Row* scratch) const;
  const ExecContext::ArticleEdges& EdgesOf(TermId article);
  const NodeSet& Candidates();

  std::unique_ptr<Operator> child_;
  const BoundPattern& p_;
  ExecContext* ctx_;
  Row in_;
  std::vector<std::tuple<TermId, TermId, TermId>> buffer_;  // (s, o, article to bind) per match
  size_t pos_ = 0;
  std::vector<TermId> articles_;  // the articles in_ is walked under (kNoTerm: no `@`)
  size_t article_pos_ = 0;
  const ExecContext::ArticleEdges* edges_ = nullptr;  // the current article's, or null
  const NodeSet* starts_ = nullptr;                   // start nodes when both ends are unbound
  size_t start_pos_ = 0;
  TermId article_ = kNoTerm;  // the article Emit binds, or none
  std::unordered_map<TermId, ExecContext::ArticleEdges> article_edges_;
  NodeSet candidates_;
  bool have_candidates_ = false;
  bool counting_ = false;  // CountFor: matches are counted, their order does not matter
  MemoryCharge buffer_charge_, candidates_charge_, edges_charge_;
};

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_PATH_OP_H_
