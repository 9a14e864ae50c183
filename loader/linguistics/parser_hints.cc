#include "loader/linguistics/parser_hints.h"

#include <string>

#include "loader/linguistics/clause_repairs.h"
#include "loader/linguistics/described_names.h"
#include "loader/linguistics/facility_nouns.h"
#include "loader/linguistics/infinitives.h"
#include "loader/linguistics/name_case.h"
#include "loader/linguistics/owner_repairs.h"
#include "loader/linguistics/phrase_repairs.h"
#include "loader/linguistics/tree_repairs.h"
#include "syntax/tokenizer.h"

namespace kg::loader::linguistics {
namespace {

bool StartsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// Relations only a nominal can have: subject, object, oblique, nominal
// modifier, apposition.
bool NominalRelation(const std::string& rel) {
  return StartsWith(rel, "nsubj") || rel == "obj" || rel == "iobj" || StartsWith(rel, "obl") ||
         StartsWith(rel, "nmod") || rel == "appos";
}

// Whether word i stands in a noun's place: its relation is a nominal one,
// or it is a later conjunct of a nominal (conjuncts share the first one's
// function; UD attaches them to it with "conj").
bool UsedAsNoun(const syntax::Sentence& s, size_t i) {
  if (NominalRelation(s.words[i].deprel)) return true;
  size_t first = i;
  // Bounded: a malformed tree with a cycle of conj arcs must not loop.
  for (size_t steps = 0; steps < s.words.size() && s.words[first].deprel == "conj"; ++steps) {
    const int head = s.words[first].head;
    if (head <= 0 || static_cast<size_t>(head) > s.words.size()) return false;
    first = static_cast<size_t>(head) - 1;
  }
  if (first == i) return false;
  const std::string& upos = s.words[first].upos;
  return upos == "NOUN" || upos == "PROPN" || upos == "PRON" || NominalRelation(s.words[first].deprel);
}

// A VBG doing a noun's job. In UD a gerund heads a clause, so its function
// shows in its relation (csubj, or a nominal relation where the treebank
// treats it as one) or in a preposition introducing it as "mark"
// ("by investing", "after opening"). A clause with its own subject or
// auxiliary ("because it is investing") is a finite clause, not a gerund.
bool IsGerund(const syntax::Sentence& s, size_t i) {
  const std::string& rel = s.words[i].deprel;
  if (StartsWith(rel, "csubj") || NominalRelation(rel)) return true;
  bool prep_mark = false;
  const int id = static_cast<int>(i) + 1;
  for (const syntax::Word& w : s.words) {
    if (w.head != id) continue;
    if (StartsWith(w.deprel, "nsubj") || StartsWith(w.deprel, "aux")) return false;
    // Subordinating conjunctions are IN too; these introduce participle
    // clauses, not gerunds ("while expanding", "if approved").
    if (w.deprel == "mark" && w.xpos == "IN" && w.lemma != "that" && w.lemma != "if" &&
        w.lemma != "whether" && w.lemma != "while" && w.lemma != "though" && w.lemma != "although" &&
        w.lemma != "because") {
      prep_mark = true;
    }
  }
  return prep_mark;
}

// "4 companies from across the globe - including A, B and C - have all
// chosen to invest": a pair of spaced dashes sets off an aside as a pair of
// commas does, and the parser, which learned from text with few such
// dashes, reads them far better as commas. Returns the indexes of the
// words of such pairs (none unless there are exactly two spaced dashes and
// the text is not tokenized already).
std::vector<size_t> ParentheticalDashes(const syntax::Sentence& s, std::string_view sentence) {
  // Text tokenized the Penn Treebank way ("income - tax evasion , said")
  // spaces every hyphen; there a spaced dash is no aside.
  if (sentence.find(" , ") != std::string_view::npos || sentence.find(" 's ") != std::string_view::npos)
    return {};
  std::vector<size_t> out;
  for (size_t i = 0; i < s.words.size(); ++i) {
    const uint32_t b = s.offsets[i];
    const uint32_t e = b + static_cast<uint32_t>(s.words[i].form.size());
    if (s.words[i].form == "-" && b > 0 && e < sentence.size() && sentence[b - 1] == ' ' &&
        sentence[e] == ' ')
      out.push_back(i);
  }
  if (out.size() != 2 || out[1] - out[0] < 3) return {};
  return out;
}

}  // namespace

syntax::Sentence ParseSentence(const syntax::Model& model, std::string_view sentence,
                               const std::function<bool(std::string_view)>& known_name) {
  syntax::Sentence s;
  for (const syntax::Token& t : syntax::Tokenize(sentence)) {
    syntax::Word w;
    w.form = std::string(sentence.substr(t.begin, t.end - t.begin));
    s.words.push_back(std::move(w));
    s.offsets.push_back(t.begin);
  }
  const std::vector<size_t> dashes = ParentheticalDashes(s, sentence);
  for (size_t d : dashes) s.words[d].form = ",";
  // The loader's corrections of the tagger for news text, in order.
  model.Annotate(s, [&known_name](const syntax::Sentence& words, const syntax::LabelSet& classes,
                                  std::vector<int>* ids) {
    TagCapitalsAsNames(words, classes, ids);
    TagDefinedNames(words, classes, ids);
    TagOpeningWord(words, classes, known_name, ids);
    TagInfinitives(words, classes, ids);
    TagFacilityNouns(words, classes, ids);
  });
  AttachPerfectAcrossTimeWord(s);
  AttachParentheticalParticiple(s);
  AttachParticipleReadAsSubject(s);
  AttachListFinalSubject(s);
  AttachFinalAttribution(s);
  JoinSplitNounPhrase(s);
  JoinSplitAmount(s);
  DetachTimeWordFromSubject(s);
  AttachSubjectAfterOpeningYear(s);
  DetachOpeningParticipleFromSubject(s);
  DetachTimeBeforeObject(s);
  AttachUpToAsNumberModifier(s);
  AttachAmountRootToVerb(s);
  JoinHyphenatedPassivePredicate(s);
  AttachPossessedRoleBeforeName(s);
  DetachDateFromSubject(s);
  AttachActivityGerundAsModifier(s);
  AttachBareConjunctAsApposition(s);
  AttachNameAfterDescription(s);
  SplitNameCoordinatedWithDescribedName(s);
  SplitNamesCoordinatedWithDescriptions(s);
  JoinNounListMisreadAsVerb(s);
  SplitAgentCoordinatedWithModifiedNoun(s);
  JoinCommaSeparatedModifiers(s);
  AttachLikeExampleToNoun(s);
  AttachExampleToPluralNoun(s);
  AttachBareApostropheOwner(s);
  SplitNameCoordinatedWithOwner(s);
  HeadOwnedFacilityOnItsNoun(s);
  AttachPlacedList(s);
  AttachNamedControlledObject(s);
  AttachOwnerWithOf(s);
  for (size_t d : dashes) s.words[d].form = s.words[d].lemma = "-";
  return s;
}

char ParsedWordClass(const syntax::Sentence& s, size_t i) {
  const syntax::Word& w = s.words[i];
  if (w.upos == "NOUN" || w.upos == "PROPN") return 'n';
  // The tag and the tree can disagree; an adjective in a noun's relation
  // ("Jane Roe, chief *executive* of Globex" tagged JJ but attached as
  // appos, or as a conjunct of "Jane Roe") is used as a noun, and the
  // relation is the likelier to be right: it is chosen with the whole
  // sentence in view, the tag mostly from the words around it.
  if (w.upos == "ADJ") return UsedAsNoun(s, i) ? 'n' : 'a';
  if (w.upos == "ADV") return 'e';
  if (w.upos == "AUX") return 'v';
  if (w.upos != "VERB") return 0;
  if (w.deprel == "amod") return 'a';
  if (w.xpos == "VBG" && IsGerund(s, i)) return 'g';
  return 'v';
}

std::vector<PosHint> HintsFromParse(const syntax::Sentence& parsed, const std::vector<TokenSpan>& tokens) {
  std::vector<PosHint> hints;
  const size_t n = parsed.words.size();
  if (parsed.offsets.size() != n) return hints;
  size_t w = 0;  // first word not before the current token
  for (const TokenSpan& t : tokens) {
    while (w < n && parsed.offsets[w] < t.begin) ++w;
    if (w >= n || parsed.offsets[w] != t.begin) continue;
    // The words inside the token: [w, last).
    size_t last = w;
    while (last < n && parsed.offsets[last] + parsed.words[last].form.size() <= t.end) ++last;
    if (last == w) continue;                 // the first word runs past the token
    const int lo = static_cast<int>(w) + 1;  // 1-based ids of the token's words: [lo, hi]
    const int hi = static_cast<int>(last);
    size_t head = last;
    for (size_t k = w; k < last; ++k) {
      const int h = parsed.words[k].head;
      if (h < lo || h > hi) head = k;
    }
    if (head == last) continue;  // a cycle inside the token: no tree, no hint
    if (const char cls = ParsedWordClass(parsed, head); cls != 0) hints.push_back(PosHint{t.begin, cls});
  }
  return hints;
}

}  // namespace kg::loader::linguistics
