#include <algorithm>
#include <cctype>

#include "loader/text/short_forms.h"
#include "loader/tree/patterns/patterns.h"

namespace kg::loader::tree {
namespace {

int Capitals(std::string_view s) {
  return static_cast<int>(
      std::count_if(s.begin(), s.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }));
}

bool PlaceOrPerson(const std::string& type) { return IsPlaceType(type) || type == "Person"; }

void Alias(PatternContext& cx, const std::string& name, const std::string& alias, int first, int last) {
  if (name.empty() || alias.empty() || name == alias) return;
  cx.state.AddAlias(name, alias);
  cx.state.AddFact(Value::Entity(name), "also_known_as", Value::String(alias),
                   cx.mentions.Evid(first, last, 0.9, false));
}

// The capitals starting the words of a span ("Ministry of Economy, Trade
// and Industry" → "METI").
std::string Initials(const SentenceTree& t, Span s) {
  std::string out;
  for (int k = s.first; k <= s.last; ++k) {
    const std::string& f = t.word(k).form;
    if (!t.Capitalized(k) || std::isupper(static_cast<unsigned char>(f[0])) == 0) continue;
    // An acronym inside the name counts whole ("UK Research and
    // Innovation" → "UKRI").
    const bool caps = std::all_of(f.begin(), f.end(),
                                  [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
    out += caps ? f : f.substr(0, 1);
  }
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "the European Fund for Strategic Investments (EFSI)": a name, then in
// brackets a short form with capitals that starts with one of its initials.
void FromBrackets(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const Span& run : cx.mentions.NameRuns()) {
    const int open = run.last + 1;
    if (open + 2 >= t.size() || t.lower(open) != "(") continue;
    int close = open + 1;
    while (close < t.size() && close - open <= 4 && t.lower(close) != ")") ++close;
    if (close >= t.size() || t.lower(close) != ")" || close == open + 1) continue;
    const std::string shortform = t.Text(Span{open + 1, close - 1});
    if (Capitals(shortform) < 2 || shortform.size() >= t.Text(run).size()) continue;
    // A list inside the name whose initials spell the short form
    // ("Ministry of Economy, Trade and Industry (METI)") belongs to it.
    Span name = run;
    for (Span wide = run; !wide.empty();) {
      if (Initials(t, wide) == Upper(shortform)) name = wide;
      const int sep = wide.first - 1;
      if (sep < 1 || (t.lower(sep) != "," && t.lower(sep) != "and")) break;
      int prev = sep - 1;
      if (t.lower(prev) == "," && prev > 0) --prev;
      const Span left = cx.mentions.NameRun(prev);
      if (left.empty()) break;
      wide.first = left.first;
    }
    bool initial = false;
    // ("Československá obchodní banka (CSOB)": "Č" is written on "C".)
    for (int k = name.first; k <= name.last; ++k)
      initial = initial || text::BaseLetters(t.word(k).form)[0] ==
                               static_cast<char>(std::tolower(static_cast<unsigned char>(shortform[0])));
    if (!initial) continue;
    const std::string entity =
        name.first == run.first ? cx.mentions.EntityOf(run.last) : cx.state.Entity(t.Text(name), "");
    Alias(cx, entity, shortform, name.first, close);
  }
}

// "the Investment Plan for Europe, also known as the Juncker Plan".
void FromKnownAs(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (int k = 0; k < t.size(); ++k) {
    if (t.lemma(k) != "know" || t.head(k) < 0 || t.Child(k, "nsubj") >= 0 || t.Child(k, "nsubj:pass") >= 0)
      continue;
    // The named thing is the head when it is a name, else the name just
    // before the comma ("the core of the Blue Shore Programme, also known
    // as …" hangs "known" on "core").
    int named = t.head(k);
    const int b = t.Subtree(k).first;  // the comma may belong to "known"
    const int comma = t.lower(b) == "," ? b : (b > 0 && t.lower(b - 1) == "," ? b - 1 : -1);
    if (cx.mentions.NameRun(named).empty() && comma > 0) named = comma - 1;
    if (cx.mentions.NameRun(named).empty()) continue;
    for (int c : t.children(k)) {
      if (t.CaseOf(c) != "as" && t.rel(c) != "xcomp") continue;
      const Span run = cx.mentions.NameRun(c);
      if (run.empty()) continue;
      Alias(cx, cx.mentions.EntityOf(named), t.Text(run), t.Subtree(named).first, run.last);
    }
  }
}

// "the Investment Plan for Europe, the Juncker Plan": two names in
// apposition that are neither places nor people.
void FromAppositions(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (int a = 0; a < t.size(); ++a) {
    if (t.rel(a) != "appos" || t.head(a) < 0) continue;
    const Span ra = cx.mentions.NameRun(a);
    const int h = RenamedWord(cx, a, ra);
    if (ra.empty() || h < 0 || ra.first < h) continue;
    if (ra.first > 0 && t.lower(ra.first - 1) == "(") continue;  // FromBrackets reads those
    if (cx.mentions.AddressPart(a) || cx.mentions.AddressPart(h)) continue;
    const std::string eh = cx.mentions.EntityOf(h);
    const std::string ea = cx.mentions.EntityOf(a);
    if (eh.empty() || ea.empty() || PlaceOrPerson(cx.state.TypeOf(eh)) || PlaceOrPerson(cx.state.TypeOf(ea)))
      continue;
    Alias(cx, eh, t.Text(ra), h, ra.last);
  }
}

}  // namespace

int RenamedWord(PatternContext& cx, int a, Span ra) {
  const SentenceTree& t = cx.tree;
  const int h = t.head(a);
  if (h < 0 || ra.empty()) return -1;
  if (!cx.mentions.NameRun(h).empty()) return h;
  int comma = ra.first - 1;
  while (comma > 0 && t.upos(comma) == "DET") --comma;
  if (t.upos(h) != "NOUN" || comma < 1 || t.lower(comma) != ",") return -1;
  const Span before = cx.mentions.NameRun(comma - 1);
  const Span hs = t.Subtree(h);
  if (before.empty() || before.last != comma - 1 || before.first <= h || before.last > hs.last) return -1;
  return before.last;
}

void ExtractAliases(PatternContext& cx) {
  FromBrackets(cx);
  FromKnownAs(cx);
  FromAppositions(cx);
}

}  // namespace kg::loader::tree
