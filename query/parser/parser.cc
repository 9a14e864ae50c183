// The parser front end: UTF-8 validation, a token-level pre-pass for friendly
// messages, the ANTLR parse, and the transformer that turns the parse tree into
// kg's AST (one function per grammar rule). ANTLR throws internally; nothing
// escapes this file.
#include "query/parser/parser.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "KgQueryLexer.h"
#include "KgQueryParser.h"
#include "api/utf8.h"
#include "query/parser/parse_cache.h"

namespace kg::query {

namespace {

using kg_grammar::KgQueryLexer;
using kg_grammar::KgQueryParser;
using P = KgQueryParser;

// Thrown inside the transformer to unwind with a Status; caught in Parse().
struct TransformError {
  Status status;
};

}  // namespace

bool ValidUtf8(std::string_view s, size_t* bad_offset) { return utf8::Valid(s, bad_offset); }

namespace {

// Maps ANTLR's code-point indexes to byte offsets and line/column positions.
class SourceMap {
 public:
  explicit SourceMap(std::string_view text) : text_(text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cp_to_byte_.push_back(i);
    }
    cp_to_byte_.push_back(text.size());
  }
  size_t Byte(size_t cp) const { return cp < cp_to_byte_.size() ? cp_to_byte_[cp] : text_.size(); }
  size_t CodePoints() const { return cp_to_byte_.size() - 1; }

  // A span from code point `begin` to `end` (exclusive).
  SourceSpan SpanCp(size_t begin, size_t end) const {
    SourceSpan s = SpanAtByte(Byte(begin));
    size_t e = Byte(end);
    s.length = e > s.offset ? e - s.offset : 0;
    return s;
  }
  // Line and column (code points) of a byte offset.
  SourceSpan SpanAtByte(size_t offset) const {
    SourceSpan s;
    s.offset = offset;
    uint32_t line = 1, col = 1;
    for (size_t i = 0; i < offset && i < text_.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text_[i]);
      if (c == '\n') {
        ++line;
        col = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++col;
      }
    }
    s.line = line;
    s.column = col;
    return s;
  }
  SourceSpan TokenSpan(const antlr4::Token* t) const {
    if (t == nullptr || t->getType() == antlr4::Token::EOF) {
      SourceSpan s = SpanAtByte(text_.size());
      s.length = 0;
      return s;
    }
    return SpanCp(t->getStartIndex(), t->getStopIndex() + 1);
  }
  SourceSpan CtxSpan(antlr4::ParserRuleContext* ctx) const {
    const antlr4::Token* a = ctx->getStart();
    const antlr4::Token* b = ctx->getStop();
    if (a == nullptr) return SpanAtByte(0);
    if (b == nullptr || b->getStopIndex() + 1 < a->getStartIndex() || b->getType() == antlr4::Token::EOF) {
      return TokenSpan(a);
    }
    return SpanCp(a->getStartIndex(), b->getStopIndex() + 1);
  }

 private:
  std::string_view text_;
  std::vector<size_t> cp_to_byte_;
};

bool IsKeyword(size_t type) { return type >= P::MATCH && type <= P::AVG; }

bool IsNodeToken(size_t type) {
  return type == P::NAME || type == P::STRING || type == P::VAR || type == P::NUMBER || type == P::DATE_LIT;
}

// How a token type is named in "expected …" lists.
std::string ExpectedName(size_t type, const antlr4::dfa::Vocabulary& vocab) {
  switch (type) {
    case P::NAME:
      return "a name";
    case P::VAR:
      return "a variable (?x)";
    case P::STRING:
      return "a string";
    case P::NUMBER:
      return "a number";
    case P::DATE_LIT:
      return "a date";
    case P::CURRENCY:
      return "'$'";
    case antlr4::Token::EOF:
      return "end of query";
    case P::NULL_:
      return "NULL";
    default:
      break;
  }
  std::string lit = vocab.getLiteralName(type);
  if (!lit.empty()) return lit;
  return vocab.getSymbolicName(type);
}

std::string TokenText(const antlr4::Token* t) {
  if (t == nullptr || t->getType() == antlr4::Token::EOF) return "end of query";
  // Built by append: gcc 12 at -O3 reports a false -Wrestrict on
  // "'" + std::string&&.
  std::string out(1, '\'');
  out += t->getText();
  out += '\'';
  return out;
}

struct FirstError {
  bool set = false;
  const antlr4::Token* token = nullptr;
  std::vector<size_t> expected;
};

class ErrorCollector : public antlr4::BaseErrorListener {
 public:
  explicit ErrorCollector(FirstError* out) : out_(out) {}
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t, size_t,
                   const std::string&, std::exception_ptr e) override {
    if (out_->set) return;
    out_->set = true;
    out_->token = offending;
    try {
      antlr4::misc::IntervalSet set;
      if (e) {
        try {
          std::rethrow_exception(e);
        } catch (antlr4::InputMismatchException& ime) {
          set = ime.getExpectedTokens();
        } catch (...) {
        }
      }
      if (set.isEmpty()) {
        if (auto* parser = dynamic_cast<antlr4::Parser*>(recognizer)) set = parser->getExpectedTokens();
      }
      for (ssize_t t : set.toList()) {
        if (t >= 0 || t == static_cast<ssize_t>(antlr4::Token::EOF))
          out_->expected.push_back(static_cast<size_t>(t));
      }
    } catch (...) {
      // Expected tokens are best effort.
    }
  }

 private:
  FirstError* out_;
};

// ---------------------------------------------------------------------------
// The transformer: parse tree → AST.

class Transformer {
 public:
  explicit Transformer(const SourceMap& map) : map_(map) {}

  ParsedScript Script(P::ScriptContext* ctx) {
    ParsedScript script;
    for (auto* st : ctx->statement()) script.statements.push_back(Statement(st));
    return script;
  }

 private:
  [[noreturn]] void Fail(std::string msg, SourceSpan span, std::string hint = "") {
    Status s = Status::SyntaxError(std::move(msg), span);
    if (!hint.empty()) s.WithHint(std::move(hint));
    throw TransformError{std::move(s)};
  }

  ParsedStatement Statement(P::StatementContext* ctx) {
    ParsedStatement st;
    if (auto* m = ctx->matchQuery()) {
      st = Match(m);
    } else if (auto* w = ctx->whyQuery()) {
      st.kind = ParsedStatement::Kind::kWhy;
      st.patterns = PatternList(w->patternList());
      if (w->whereClause()) st.where = Expr(w->whereClause()->expr());
    } else if (auto* c = ctx->compareQuery()) {
      st.kind = ParsedStatement::Kind::kCompare;
      st.article_a = ArticleRef(c->articleRef(0));
      st.article_b = ArticleRef(c->articleRef(1));
      if (c->node()) st.about = Node(c->node());
      st.compare_all = c->ALL() != nullptr;
      st.compare_why = c->WHY() != nullptr;
    }
    st.explain = ctx->EXPLAIN() != nullptr;
    st.span = map_.CtxSpan(ctx);
    return st;
  }

  ParsedStatement Match(P::MatchQueryContext* ctx) {
    ParsedStatement st;
    st.kind = ParsedStatement::Kind::kMatch;
    st.patterns = PatternList(ctx->patternList());
    for (auto* opt : ctx->optionalClause()) st.optionals.push_back(PatternList(opt->patternList()));
    if (ctx->whereClause()) st.where = Expr(ctx->whereClause()->expr());
    if (auto* r = ctx->returnClause()) {
      st.has_return = true;
      st.distinct = r->DISTINCT() != nullptr;
      st.return_star = r->STAR() != nullptr;
      for (auto* item : r->returnItem()) {
        ParsedReturnItem ri;
        ri.expr = Expr(item->expr());
        if (item->NAME()) ri.alias = item->NAME()->getText();
        ri.span = map_.CtxSpan(item);
        st.items.push_back(std::move(ri));
      }
    }
    if (auto* o = ctx->orderClause()) {
      for (auto* item : o->orderItem()) {
        ParsedOrderItem oi;
        oi.expr = Expr(item->expr());
        oi.descending = item->DESC() != nullptr;
        st.order.push_back(std::move(oi));
      }
    }
    if (auto* page = ctx->pageClause()) {
      if (page->limitClause()) st.limit = Count(page->limitClause()->NUMBER(), "LIMIT");
      if (page->offsetClause()) st.offset = Count(page->offsetClause()->NUMBER(), "OFFSET");
    }
    return st;
  }

  uint64_t Count(antlr4::tree::TerminalNode* n, const char* what) {
    std::string text = n->getText();
    uint64_t v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
      Fail(std::string(what) + " needs a whole number, found '" + text + "'", map_.TokenSpan(n->getSymbol()));
    }
    return v;
  }

  uint32_t SmallCount(antlr4::tree::TerminalNode* n) {
    std::string text = n->getText();
    uint32_t v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || v > 1000) {
      Fail("a repetition bound must be a whole number between 0 and 1000, found '" + text + "'",
           map_.TokenSpan(n->getSymbol()));
    }
    return v;
  }

  ParsedNode ArticleRef(P::ArticleRefContext* ctx) {
    ParsedNode n;
    n.span = map_.CtxSpan(ctx);
    if (ctx->STRING()) {
      n.kind = ParsedNode::Kind::kString;
      n.text = Unquote(ctx->STRING()->getSymbol());
    } else {
      n.kind = ParsedNode::Kind::kName;
      n.text = ctx->NAME()->getText();
    }
    return n;
  }

  std::vector<ParsedPattern> PatternList(P::PatternListContext* ctx) {
    std::vector<ParsedPattern> out;
    for (auto* p : ctx->pattern()) out.push_back(Pattern(p));
    return out;
  }

  ParsedPattern Pattern(P::PatternContext* ctx) {
    ParsedPattern p;
    p.span = map_.CtxSpan(ctx);
    for (auto* n : ctx->node()) p.nodes.push_back(Node(n));
    for (auto* e : ctx->edge()) p.edges.push_back(Edge(e));
    if (ctx->AT()) {
      ParsedNode a;
      if (ctx->VAR()) {
        a.kind = ParsedNode::Kind::kVariable;
        a.text = ctx->VAR()->getText().substr(1);
        a.span = map_.TokenSpan(ctx->VAR()->getSymbol());
      } else if (ctx->STRING()) {
        a.kind = ParsedNode::Kind::kString;
        a.text = Unquote(ctx->STRING()->getSymbol());
        a.span = map_.TokenSpan(ctx->STRING()->getSymbol());
      } else {
        a.kind = ParsedNode::Kind::kName;
        a.text = ctx->NAME()->getText();
        a.span = map_.TokenSpan(ctx->NAME()->getSymbol());
      }
      p.article = std::move(a);
    }
    return p;
  }

  ParsedNode Node(P::NodeContext* ctx) {
    ParsedNode n;
    n.span = map_.CtxSpan(ctx);
    if (ctx->VAR()) {
      n.kind = ParsedNode::Kind::kVariable;
      n.text = ctx->VAR()->getText().substr(1);
    } else if (ctx->STRING()) {
      n.kind = ParsedNode::Kind::kString;
      n.text = Unquote(ctx->STRING()->getSymbol());
    } else if (ctx->NAME()) {
      n.kind = ParsedNode::Kind::kName;
      n.text = ctx->NAME()->getText();
    } else {
      n.kind = ParsedNode::Kind::kLiteral;
      n.literal = Literal(ctx->literal());
    }
    return n;
  }

  ParsedEdge Edge(P::EdgeContext* ctx) {
    ParsedEdge e;
    e.span = map_.CtxSpan(ctx);
    if (auto* f = dynamic_cast<P::ForwardEdgeContext*>(ctx)) {
      e.forward = true;
      e.path = Path(f->path());
    } else if (auto* b = dynamic_cast<P::BackwardEdgeContext*>(ctx)) {
      e.forward = false;
      e.path = Path(b->path());
    }
    return e;
  }

  ParsedPath Path(P::PathContext* ctx) {
    auto seqs = ctx->pathSeq();
    if (seqs.size() == 1) return PathSeq(seqs[0]);
    ParsedPath p;
    p.kind = ParsedPath::Kind::kAlternative;
    p.span = map_.CtxSpan(ctx);
    for (auto* s : seqs) p.children.push_back(PathSeq(s));
    return p;
  }

  ParsedPath PathSeq(P::PathSeqContext* ctx) {
    auto elts = ctx->pathElt();
    if (elts.size() == 1) return PathElt(elts[0]);
    ParsedPath p;
    p.kind = ParsedPath::Kind::kSequence;
    p.span = map_.CtxSpan(ctx);
    for (auto* e : elts) p.children.push_back(PathElt(e));
    return p;
  }

  ParsedPath PathElt(P::PathEltContext* ctx) {
    ParsedPath inner = PathPrimary(ctx->pathPrimary());
    auto* mod = ctx->pathMod();
    if (mod == nullptr) return inner;
    ParsedPath p;
    p.kind = ParsedPath::Kind::kRepeat;
    p.span = map_.CtxSpan(ctx);
    if (mod->PLUS()) {
      p.min = 1;
      p.max = kUnboundedRepeat;
    } else if (mod->STAR()) {
      p.min = 0;
      p.max = kUnboundedRepeat;
    } else if (mod->QMARK()) {
      p.min = 0;
      p.max = 1;
    } else {
      auto nums = mod->NUMBER();
      p.min = SmallCount(nums[0]);
      if (nums.size() == 2) {
        p.max = SmallCount(nums[1]);
      } else if (mod->COMMA() != nullptr) {
        p.max = kUnboundedRepeat;
      } else {
        p.max = p.min;
      }
      if (p.max < p.min) {
        Fail("the repetition {" + std::to_string(p.min) + "," + std::to_string(p.max) +
                 "} has a maximum below its minimum",
             map_.CtxSpan(mod));
      }
    }
    p.children.push_back(std::move(inner));
    return p;
  }

  ParsedPath PathPrimary(P::PathPrimaryContext* ctx) {
    ParsedPath p;
    p.span = map_.CtxSpan(ctx);
    if (auto* pn = ctx->predName()) {
      p.kind = ParsedPath::Kind::kPredicate;
      p.name = pn->STRING() ? Unquote(pn->STRING()->getSymbol()) : pn->getText();
    } else if (ctx->VAR()) {
      p.kind = ParsedPath::Kind::kVariable;
      p.name = ctx->VAR()->getText().substr(1);
    } else if (ctx->CARET()) {
      p.kind = ParsedPath::Kind::kInverse;
      p.children.push_back(PathPrimary(ctx->pathPrimary()));
    } else {
      return Path(ctx->path());
    }
    return p;
  }

  // ---- literals ----

  Value Literal(P::LiteralContext* ctx) {
    if (auto* n = dynamic_cast<P::NumberLitContext*>(ctx)) {
      Value v = Number(n->NUMBER()->getSymbol());
      std::string currency;
      double scale = 1;
      bool have_scale = false;
      for (auto* name : n->NAME()) {
        std::string w = name->getText();
        double s = ScaleWord(w);
        if (s > 0 && !have_scale && currency.empty()) {
          scale = s;
          have_scale = true;
        } else if (IsCurrencyCode(w) && currency.empty()) {
          currency = w;
        } else {
          Fail("unexpected '" + w + "' after a number", map_.TokenSpan(name->getSymbol()),
               "a number may be followed by a scale (thousand, million, billion, trillion) and a "
               "currency code such as USD; separate patterns with ','");
        }
      }
      if (!currency.empty()) return MoneyFrom(n->NUMBER()->getSymbol(), scale, currency);
      return Scaled(v, scale);
    }
    if (auto* m = dynamic_cast<P::MoneyLitContext*>(ctx)) {
      Value v = Number(m->NUMBER()->getSymbol());
      double scale = 1;
      if (m->NAME()) {
        scale = ScaleWord(m->NAME()->getText());
        if (scale <= 0) {
          Fail("unexpected '" + m->NAME()->getText() + "' after an amount",
               map_.TokenSpan(m->NAME()->getSymbol()),
               "an amount may be followed by thousand, million, billion or trillion");
        }
      }
      std::string sym = m->CURRENCY()->getText();
      std::string code = sym == "$" ? "USD" : sym == "\u20AC" ? "EUR" : sym == "\u00A3" ? "GBP" : "JPY";
      return MoneyFrom(m->NUMBER()->getSymbol(), scale, code);
    }
    if (auto* d = dynamic_cast<P::DateLitContext*>(ctx)) {
      return DateFrom(d->DATE_LIT()->getText(), map_.TokenSpan(d->DATE_LIT()->getSymbol()));
    }
    if (auto* b = dynamic_cast<P::BoolLitContext*>(ctx)) return Value::Bool(b->TRUE() != nullptr);
    auto* c = dynamic_cast<P::CallLitContext*>(ctx);
    std::string fn = Lower(c->NAME()->getText());
    if (fn != "date") {
      Fail("unknown literal function '" + c->NAME()->getText() + "'", map_.TokenSpan(c->NAME()->getSymbol()),
           "write dates as date(\"2024-04-10\") or 2024-04-10");
    }
    return DateFrom(Unquote(c->STRING()->getSymbol()), map_.TokenSpan(c->STRING()->getSymbol()));
  }

  Value Number(const antlr4::Token* t) {
    std::string text = t->getText();
    if (text.find_first_of(".eE") == std::string::npos) {
      int64_t v = 0;
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec == std::errc() && ptr == text.data() + text.size()) return Value::Integer(v);
    }
    errno = 0;
    double d = std::strtod(text.c_str(), nullptr);
    if (!std::isfinite(d)) Fail("the number " + text + " is too large", map_.TokenSpan(t));
    return Value::Decimal(d);
  }

  // Money is read exactly from the number's text: "1.15 billion" is
  // 1150000000, not the double nearest to 1.15 × 10^9.
  Value MoneyFrom(const antlr4::Token* number, double scale, const std::string& currency) {
    int power = scale >= 1e12 ? 12 : scale >= 1e9 ? 9 : scale >= 1e6 ? 6 : scale >= 1e3 ? 3 : 0;
    MoneyUnits units = 0;
    if (!Value::ParseMoneyUnits(number->getText(), &units, power)) {
      Fail("the amount " + number->getText() + " is too large", map_.TokenSpan(number));
    }
    return Value::MoneyExact(units, currency);
  }

  static Value Scaled(const Value& v, double scale) {
    double amount = v.number() * scale;
    if (scale == 1) return v;
    if (amount == std::floor(amount) && std::fabs(amount) < 9.2e18) {
      return Value::Integer(static_cast<int64_t>(amount));
    }
    return Value::Decimal(amount);
  }

  static double ScaleWord(const std::string& w) {
    std::string l = Lower(w);
    if (l == "thousand" || l == "k") return 1e3;
    if (l == "million" || l == "mn" || l == "m") return 1e6;
    if (l == "billion" || l == "bn" || l == "b") return 1e9;
    if (l == "trillion" || l == "tn") return 1e12;
    return 0;
  }

  static bool IsCurrencyCode(const std::string& w) {
    if (w.size() != 3) return false;
    for (char c : w) {
      if (c < 'A' || c > 'Z') return false;
    }
    return true;
  }

  Value DateFrom(const std::string& text, SourceSpan span) {
    int y = 0, m = 0, d = 0;
    bool ok = false;
    auto digits = [&](size_t pos, size_t n, int* out) {
      if (pos + n > text.size()) return false;
      int v = 0;
      for (size_t i = pos; i < pos + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        v = v * 10 + (text[i] - '0');
      }
      *out = v;
      return true;
    };
    if (text.size() == 4) {
      ok = digits(0, 4, &y);
    } else if (text.size() == 7) {
      ok = digits(0, 4, &y) && text[4] == '-' && digits(5, 2, &m) && m >= 1 && m <= 12;
    } else if (text.size() == 10) {
      ok = digits(0, 4, &y) && text[4] == '-' && digits(5, 2, &m) && text[7] == '-' && digits(8, 2, &d) &&
           m >= 1 && m <= 12 && d >= 1 && d <= 31;
    }
    if (!ok) {
      Fail("'" + text + "' is not a valid date", span, "write dates as YYYY-MM-DD, YYYY-MM or YYYY");
    }
    return Value::DateValue(Date{y, static_cast<uint8_t>(m), static_cast<uint8_t>(d)});
  }

  static std::string Lower(std::string s) {
    for (char& c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
  }

  static std::string Unquote(const antlr4::Token* t) {
    std::string raw = t->getText();
    std::string out;
    if (raw.size() < 2) return out;
    for (size_t i = 1; i + 1 < raw.size(); ++i) {
      char c = raw[i];
      if (c == '\\' && i + 2 < raw.size()) {
        char n = raw[++i];
        switch (n) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          default:
            out += n;
            break;
        }
      } else {
        out += c;
      }
    }
    return out;
  }

  // ---- expressions ----

  ParsedExpr Expr(P::ExprContext* ctx) {
    auto parts = ctx->andExpr();
    if (parts.size() == 1) return AndExpr(parts[0]);
    ParsedExpr e;
    e.kind = ParsedExpr::Kind::kOr;
    e.span = map_.CtxSpan(ctx);
    for (auto* a : parts) e.children.push_back(AndExpr(a));
    return e;
  }

  ParsedExpr AndExpr(P::AndExprContext* ctx) {
    auto parts = ctx->notExpr();
    if (parts.size() == 1) return NotExpr(parts[0]);
    ParsedExpr e;
    e.kind = ParsedExpr::Kind::kAnd;
    e.span = map_.CtxSpan(ctx);
    for (auto* a : parts) e.children.push_back(NotExpr(a));
    return e;
  }

  ParsedExpr NotExpr(P::NotExprContext* ctx) {
    if (ctx->NOT()) {
      ParsedExpr e;
      e.kind = ParsedExpr::Kind::kNot;
      e.span = map_.CtxSpan(ctx);
      e.children.push_back(NotExpr(ctx->notExpr()));
      return e;
    }
    return Predicate(ctx->predicate());
  }

  ParsedExpr Predicate(P::PredicateContext* ctx) {
    auto ops = ctx->operand();
    if (ops.size() == 1 && !ctx->IN() && !ctx->IS() && !ctx->CONTAINS() && !ctx->STARTS() && !ctx->ENDS()) {
      return Operand(ops[0]);
    }
    ParsedExpr e;
    e.span = map_.CtxSpan(ctx);
    e.negated = ctx->NOT() != nullptr;
    for (auto* o : ops) e.children.push_back(Operand(o));
    if (auto* c = ctx->compOp()) {
      e.kind = ParsedExpr::Kind::kCompare;
      if (c->EQ() || c->EQEQ()) e.op = CompareOp::kEq;
      if (c->NEQ()) e.op = CompareOp::kNe;
      if (c->LT()) e.op = CompareOp::kLt;
      if (c->LE()) e.op = CompareOp::kLe;
      if (c->GT()) e.op = CompareOp::kGt;
      if (c->GE()) e.op = CompareOp::kGe;
    } else if (ctx->CONTAINS()) {
      e.kind = ParsedExpr::Kind::kContains;
    } else if (ctx->STARTS()) {
      e.kind = ParsedExpr::Kind::kStartsWith;
    } else if (ctx->ENDS()) {
      e.kind = ParsedExpr::Kind::kEndsWith;
    } else if (ctx->IN()) {
      e.kind = ParsedExpr::Kind::kIn;
    } else if (ctx->IS()) {
      e.kind = ParsedExpr::Kind::kIsNull;
    }
    return e;
  }

  ParsedExpr Operand(P::OperandContext* ctx) {
    ParsedExpr e;
    e.span = map_.CtxSpan(ctx);
    if (auto* v = dynamic_cast<P::VarOperandContext*>(ctx)) {
      e.kind = ParsedExpr::Kind::kVariable;
      e.name = v->VAR()->getText().substr(1);
    } else if (auto* a = dynamic_cast<P::AggOperandContext*>(ctx)) {
      e.kind = ParsedExpr::Kind::kAggregate;
      auto* f = a->aggFunc();
      e.aggregate = f->COUNT() ? AggregateKind::kCount
                    : f->SUM() ? AggregateKind::kSum
                    : f->MIN() ? AggregateKind::kMin
                    : f->MAX() ? AggregateKind::kMax
                               : AggregateKind::kAvg;
      e.distinct = a->DISTINCT() != nullptr;
      e.star = a->STAR() != nullptr;
      if (e.star && e.aggregate != AggregateKind::kCount) {
        Fail("only COUNT accepts '*'", map_.TokenSpan(a->STAR()->getSymbol()));
      }
      if (a->expr()) e.children.push_back(Expr(a->expr()));
    } else if (auto* c = dynamic_cast<P::CallOperandContext*>(ctx)) {
      std::string fn = Lower(c->NAME()->getText());
      auto args = c->expr();
      if (fn == "date" && args.size() == 1) {
        ParsedExpr arg = Expr(args[0]);
        if (arg.kind != ParsedExpr::Kind::kString) {
          Fail("date() takes a string such as \"2024-04-10\"", arg.span);
        }
        e.kind = ParsedExpr::Kind::kLiteral;
        e.literal = DateFrom(arg.name, arg.span);
        return e;
      }
      e.kind = ParsedExpr::Kind::kCall;
      e.name = fn;
      for (auto* x : args) e.children.push_back(Expr(x));
    } else if (auto* l = dynamic_cast<P::LiteralOperandContext*>(ctx)) {
      e.kind = ParsedExpr::Kind::kLiteral;
      e.literal = Literal(l->literal());
    } else if (auto* s = dynamic_cast<P::StringOperandContext*>(ctx)) {
      e.kind = ParsedExpr::Kind::kString;
      e.name = Unquote(s->STRING()->getSymbol());
    } else if (auto* n = dynamic_cast<P::NameOperandContext*>(ctx)) {
      e.kind = ParsedExpr::Kind::kName;
      e.name = n->NAME()->getText();
    } else if (auto* p = dynamic_cast<P::ParenOperandContext*>(ctx)) {
      return Expr(p->expr());
    }
    return e;
  }

  const SourceMap& map_;
};

// ---------------------------------------------------------------------------
// Friendly messages for lexical problems and common mistakes.

Status TokenPrepass(const std::vector<antlr4::Token*>& tokens, const SourceMap& map) {
  struct Open {
    const antlr4::Token* token;
    char close;
  };
  std::vector<Open> stack;
  // The parser and the AST transformer recurse once per nesting level:
  // bound the depth so hostile input cannot exhaust the stack.
  constexpr size_t kMaxDepth = 64;
  size_t prefix_run = 0;
  for (const antlr4::Token* t : tokens) {
    size_t type = t->getType();
    prefix_run = (type == P::NOT || type == P::CARET) ? prefix_run + 1 : 0;
    if (stack.size() + prefix_run > kMaxDepth) {
      return Status::SyntaxError("the query nests too deeply (more than 64 levels)", map.TokenSpan(t))
          .WithHint("simplify the expression");
    }
    if (type == P::UNTERMINATED_STRING) {
      return Status::SyntaxError("unterminated string", map.TokenSpan(t))
          .WithHint("close the string with the same quote it starts with");
    }
    if (type == P::ERROR_CHAR) {
      std::string c = t->getText();
      Status s = Status::SyntaxError("unexpected character '" + c + "'", map.TokenSpan(t));
      if (c == "!") s.WithHint("write != for 'not equal' and NOT for negation");
      if (c == "&") s.WithHint("write AND to combine conditions");
      if (c == "~" || c == "%") s.WithHint("use CONTAINS, STARTS WITH or ENDS WITH to match text");
      return s;
    }
    char close = 0;
    if (type == P::LPAREN) close = ')';
    if (type == P::LBRACK) close = ']';
    if (type == P::LBRACE) close = '}';
    if (close) {
      stack.push_back({t, close});
      continue;
    }
    char c = type == P::RPAREN ? ')' : type == P::RBRACK ? ']' : type == P::RBRACE ? '}' : 0;
    if (c) {
      if (stack.empty()) {
        return Status::SyntaxError(
            std::string("unbalanced parentheses: '") + c + "' has no matching opening bracket",
            map.TokenSpan(t));
      }
      if (stack.back().close != c) {
        return Status::SyntaxError(std::string("unbalanced parentheses: expected '") + stack.back().close +
                                       "' but found '" + c + "'",
                                   map.TokenSpan(t));
      }
      stack.pop_back();
    }
  }
  if (!stack.empty()) {
    const Open& o = stack.back();
    return Status::SyntaxError("unbalanced parentheses: '" + o.token->getText() + "' is never closed",
                               map.TokenSpan(o.token))
        .WithHint(std::string("add the missing '") + o.close + "'");
  }
  return Status::OK();
}

Status SyntaxErrorFor(const FirstError& err, const std::vector<antlr4::Token*>& tokens, const SourceMap& map,
                      const antlr4::dfa::Vocabulary& vocab) {
  const antlr4::Token* t = err.token;
  SourceSpan span = map.TokenSpan(t);
  size_t type = t ? t->getType() : antlr4::Token::EOF;
  // Neighbouring tokens (on the default channel: the token stream holds only those).
  const antlr4::Token* prev = nullptr;
  const antlr4::Token* next = nullptr;
  if (t != nullptr) {
    size_t i = t->getTokenIndex();
    if (i > 0 && i - 1 < tokens.size()) prev = tokens[i - 1];
    if (i + 1 < tokens.size()) next = tokens[i + 1];
  }
  size_t prev_type = prev ? prev->getType() : antlr4::Token::INVALID_TYPE;
  size_t next_type = next ? next->getType() : antlr4::Token::EOF;

  std::string found = TokenText(t);
  if (type == P::QMARK) {
    return Status::SyntaxError("'?' must be followed by a variable name", span)
        .WithHint("write variables as ?name with no space, e.g. ?company");
  }
  if (type == antlr4::Token::EOF && tokens.size() <= 1) {
    return Status::SyntaxError("empty query", span).WithHint("try: ?s -?p-> ?o LIMIT 10");
  }
  if (IsNodeToken(prev_type) && (type == P::NAME || type == P::STRING || type == P::VAR || IsKeyword(type))) {
    if (next_type == P::MINUS || next_type == P::ARROW_L) {
      return Status::SyntaxError("unexpected " + found + " after a complete pattern", span)
          .WithHint("separate patterns with ',' and statements with ';'");
    }
    // `-invests_in ?x` / `<-invests_in Japan`: an arrow opened before the
    // predicate and not closed after it.
    const size_t i = t->getTokenIndex();
    const size_t opener = i >= 2 && i - 2 < tokens.size() ? tokens[i - 2]->getType() : antlr4::Token::EOF;
    if (prev_type == P::NAME && (opener == P::MINUS || opener == P::ARROW_L)) {
      const bool forward = opener == P::MINUS;
      return Status::SyntaxError(std::string("expected '") + (forward ? "->" : "-") +
                                     "' after the predicate " + TokenText(prev) + ", found " + found,
                                 span)
          .WithHint("close the arrow: " + std::string(forward ? "-" : "<-") + prev->getText() +
                    (forward ? "->" : "-"));
    }
    if (type == P::NAME || type == P::VAR) {
      return Status::SyntaxError("expected an arrow after " + TokenText(prev) + ", found " + found, span)
          .WithHint("a predicate goes inside an arrow: -" + t->getText() + "->");
    }
  }
  if (type == P::ARROW_R && (IsNodeToken(prev_type) || prev_type == P::MINUS)) {
    return Status::SyntaxError("an arrow needs a predicate", span)
        .WithHint("a predicate goes inside an arrow: -predicate->");
  }
  if (type == P::MINUS && prev_type == P::ARROW_L) {
    return Status::SyntaxError("an arrow needs a predicate", span)
        .WithHint("a predicate goes inside an arrow: <-predicate-");
  }
  if (type == P::GT && prev_type == P::MINUS) {
    return Status::SyntaxError("unexpected '>' after '-'", span)
        .WithHint("write the arrow without spaces: -predicate->");
  }

  std::string msg = "unexpected " + found;
  std::vector<std::string> names;
  bool wants_name = false;
  // Most helpful first: operands, then punctuation, then keywords.
  std::vector<size_t> expected = err.expected;
  auto rank = [](size_t tok) {
    switch (tok) {
      case P::VAR:
        return 0;
      case P::NAME:
        return 1;
      case P::STRING:
        return 2;
      case P::NUMBER:
        return 3;
      case P::DATE_LIT:
        return 4;
      case P::CURRENCY:
        return 5;
      default:
        break;
    }
    if (tok == antlr4::Token::EOF) return 7;
    return IsKeyword(tok) ? 8 : 6;
  };
  std::stable_sort(expected.begin(), expected.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
  for (size_t e : expected) {
    if (e == P::NAME) wants_name = true;
    std::string n = ExpectedName(e, vocab);
    if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  if (!names.empty()) {
    msg += "; expected ";
    size_t shown = std::min<size_t>(names.size(), 6);
    for (size_t i = 0; i < shown; ++i) {
      if (i > 0) msg += i + 1 == shown && shown == names.size() ? " or " : ", ";
      msg += names[i];
    }
    if (shown < names.size()) msg += ", …";
  }
  Status s = Status::SyntaxError(msg, span);
  if (IsKeyword(type) && wants_name) {
    s.WithHint(found + " is a keyword; quote it to use it as a name: \"" + t->getText() + "\"");
  } else if (type == P::EQ && (prev_type == P::EQ || prev_type == P::EQEQ)) {
    s.WithHint("write = or == for equality");
  } else if (type == antlr4::Token::EOF) {
    s.WithHint("the query ends too early");
  }
  return s;
}

}  // namespace

Result<ParsedScript> Parse(std::string_view text) {
  size_t bad = 0;
  if (!ValidUtf8(text, &bad)) {
    SourceMap map(text.substr(0, bad));
    SourceSpan span = map.SpanAtByte(bad);
    span.length = 1;
    return Status::SyntaxError("invalid UTF-8 at byte " + std::to_string(bad), span)
        .WithHint("queries must be UTF-8 text");
  }
  // A NUL cannot be part of a name (storage drops it when folding, so
  // "Micro<NUL>soft" would silently find Microsoft): refuse it outright.
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    SourceMap prefix(text.substr(0, nul));
    SourceSpan span = prefix.SpanAtByte(nul);
    span.length = 1;
    return Status::SyntaxError("NUL character (U+0000) in the query", span)
        .WithHint("names and strings cannot contain NUL; remove it");
  }
  SourceMap map(text);
  try {
    antlr4::ANTLRInputStream input(text.data(), text.size());
    KgQueryLexer lexer(&input);
    lexer.removeErrorListeners();
    antlr4::CommonTokenStream stream(&lexer);
    stream.fill();
    std::vector<antlr4::Token*> tokens = stream.getTokens();
    KG_RETURN_IF_ERROR(TokenPrepass(tokens, map));
    bool only_semis = true;
    for (const antlr4::Token* t : tokens) {
      if (t->getType() != P::SEMI && t->getType() != antlr4::Token::EOF) only_semis = false;
    }
    if (only_semis) {
      SourceSpan span = map.SpanAtByte(0);
      span.length = text.size();
      return Status::SyntaxError("empty query", span).WithHint("try: ?s -?p-> ?o LIMIT 10");
    }

    KgQueryParser parser(&stream);
    parser.removeErrorListeners();
    FirstError first;
    ErrorCollector collector(&first);
    parser.addErrorListener(&collector);
    P::ScriptContext* tree = parser.script();
    if (first.set) return SyntaxErrorFor(first, tokens, map, parser.getVocabulary());
    Transformer transformer(map);
    return transformer.Script(tree);
  } catch (TransformError& e) {
    return e.status;
  } catch (std::exception& e) {
    return Status::Internal(std::string("query parser failed: ") + e.what());
  } catch (...) {
    return Status::Internal("query parser failed");
  }
}

void PrepareParser() {
  // The common constructs, so that ANTLR's prediction tables (built per
  // decision on first use) are warm too: a first query's parse then costs
  // what later ones do (0.05 ms instead of 0.4).
  (void)Parse(
      "?s -?p-> ?o; "
      "MATCH ?a -p-> ?b, ?b -q-> ?c WHERE ?c > 1 AND ?a != \"x\" "
      "RETURN ?a, COUNT(*) AS n ORDER BY n DESC LIMIT 10; "
      "?x -p+-> y; ?x -(p|q){1,5}-> ?y; a <-p- ?x");
}

// The parse is kept (ParseCached): the query's own Prepare then copies it.
void PrepareParser(std::string_view text) { (void)ParseCached(text); }

}  // namespace kg::query
