// Descriptions set before the subject, up to the first comma: "The world's
// largest contract chipmaker, Tessaro said …" (an appositive noun phrase)
// and "Founded in 1936 and currently the only deep-water port on the
// border, the Port of X handles …" (a noun phrase joined to a participle).
// The parser hangs such an opening anywhere (an oblique, the root, a
// conjunct), so the opening is found by its words, and its head by the tree.
#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

// The first comma of the sentence, or -1.
int FirstComma(const SentenceTree& t) {
  for (int k = 0; k < t.size(); ++k) {
    if (t.lower(k) == ",") return k;
  }
  return -1;
}

// The word of [first, last] whose head lies outside it: the opening's head,
// or -1 when there are several.
int HeadOf(const SentenceTree& t, int first, int last) {
  int head = -1;
  for (int k = first; k <= last; ++k) {
    const int h = t.head(k);
    if (h >= first && h <= last) continue;
    if (t.upos(k) == "PUNCT") continue;
    if (head >= 0) return -1;
    head = k;
  }
  return head;
}

// A noun phrase opening: a determiner, possessive, adjective or noun first,
// a common noun at its head.
bool NounOpening(const SentenceTree& t, int head) {
  // "Last year, …", "This month, …": a time, not a description.
  if (OneOf(t.lemma(head), {"year", "month", "week", "day", "quarter", "decade", "time", "period", "season",
                            "weekend", "morning", "afternoon", "evening", "night"}) ||
      WordLists::Get().InClass("calendar", t.lower(head)))
    return false;
  const std::string& first = t.upos(0);
  return t.upos(head) == "NOUN" && (first == "DET" || first == "ADJ" || first == "NOUN" || first == "PRON") &&
         t.word(0).xpos != "WDT" && t.word(0).xpos != "WP";
}

// "Founded in 1936 and currently the only deep-water port …": the noun
// phrase after "and" in an opening participle clause, as [first, last].
Span JoinedDescription(const SentenceTree& t, int comma) {
  if (t.word(0).xpos != "VBN" && t.word(0).xpos != "VBD") return {};
  for (int k = 1; k + 1 < comma; ++k) {
    if (t.lower(k) != "and") continue;
    int first = k + 1;
    while (first < comma && t.upos(first) == "ADV") ++first;
    if (first < comma && t.upos(first) == "DET") return Span{first + 1, comma - 1};
  }
  return {};
}

}  // namespace

void ExtractFrontedDescriptions(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  const int comma = FirstComma(t);
  if (comma < 2 || comma + 1 >= t.size()) return;
  // The subject right after the comma ("the Port of Brownsville").
  int subject = comma + 1;
  while (subject < t.size() && t.upos(subject) == "DET") ++subject;
  const Span run = subject < t.size() ? cx.mentions.NameRun(subject) : Span{};
  if (run.empty() || run.first != subject) return;
  const int named = cx.mentions.EntityOf(run.last).empty() ? run.first : run.last;
  const int verb = t.head(named);
  if (!t.rel(named).starts_with("nsubj") && !(verb >= 0 && t.rel(verb) == "flat")) {
    // The name's own head word may carry the relation ("Port" of "Port of X").
    bool subj = false;
    for (int k = run.first; k <= run.last; ++k) subj = subj || t.rel(k) == "nsubj";
    if (!subj) return;
  }
  const int head = HeadOf(t, 0, comma - 1);
  if (head >= 0 && NounOpening(t, head)) {
    DescribeName(cx, named, head, 0.75);
    return;
  }
  const Span joined = JoinedDescription(t, comma);
  if (joined.empty()) return;
  const std::string entity = cx.mentions.EntityOf(named);
  if (entity.empty()) return;
  cx.state.AddFact(Value::Entity(entity), "is_a", Value::String(t.Text(joined)),
                   cx.mentions.Evid(0, run.last, 0.7, false));
}

}  // namespace kg::loader::tree
