// Stage 3 of the loader: tagged tokens → noun phrases → clauses.
//
// Noun phrases are chunked from tags (determiner, modifiers, head), proper
// names are extended over "of" ("Ministry of Economy") and over a
// parenthesized acronym's initials ("Ministry of Economy, Trade and Industry
// (METI)"). Clauses are built around verb groups: a subject found to the left
// (relative pronouns, coordinated subjects, "X such as A, B and C",
// participial and infinitive clauses inherit the governing subject), and to
// the right direct objects, prepositional arguments, complements and
// infinitive purposes. Coordinated noun phrases become lists; later stages
// split them into separate facts.
#ifndef KG_LOADER_EXTRACT_CLAUSES_H_
#define KG_LOADER_EXTRACT_CLAUSES_H_

#include <string>
#include <utility>
#include <vector>

#include "loader/text/tokens.h"
#include "syntax/sentence.h"

namespace kg::loader::extract {

// A half-open token range [begin, end).
struct Range {
  int begin = 0;
  int end = 0;
  bool empty() const { return end <= begin; }
  int size() const { return end - begin; }
};

struct NounPhrase {
  Range range;               // the whole phrase incl. determiner and "of"-attachments
  Range core;                // without leading determiner/possessive
  int head = -1;             // index of the head token
  bool proper = false;       // head is a proper name
  bool pronoun = false;      // a single pronoun ("it", "they")
  int possessor = -1;        // index of the NP (in Clauses::nps) owning it via "'s" or "its", -1 if none
  std::string acronym;       // "(METI)" that followed the phrase, if any
  std::vector<Range> names;  // maximal proper-name runs inside the phrase
};

// A list of coordinated noun phrases ("A, B, and C"), indexes into nps.
using NpList = std::vector<int>;

struct PrepArg {
  std::string prep;  // lower-case preposition ("in", "such as")
  int prep_token = -1;
  NpList objects;
};

struct Clause {
  Range verb_group;    // auxiliaries, adverbs, negation, main verb, particle
  int main_verb = -1;  // token index of the main verb (or copula)
  std::string lemma;   // lemma of the main verb ("be" for copulas)
  bool negated = false;
  bool hedged = false;  // modal (may, might, could …) or "expected to"
  bool passive = false;
  bool infinitive = false;  // "to expand …"
  bool gerund = false;      // "signaling …", "by investing …"
  NpList subject;           // empty if none found
  Range subject_span;       // tokens of an explicit subject incl. its PP modifiers (empty if inherited)
  int subject_from = -1;    // clause index whose subject was inherited, -1 if explicit
  NpList objects;           // direct objects / complements
  std::vector<PrepArg> preps;
  int parent = -1;             // the governing clause of an infinitive/participle
  std::string adj_complement;  // "is critical" → "critical"
  Range complement;            // clausal complement after "that" (tokens of the clause), if any
  Range span;                  // tokens covered by the clause (for provenance)
  Range frame;                 // a sentence-initial adverbial ("From 1970 to 1985,") of a main clause
};

struct SentenceAnalysis {
  std::vector<text::Token> tokens;
  std::vector<NounPhrase> nps;
  std::vector<Clause> clauses;
  // Lists introduced by "such as" / "including" / a colon: the head NP they
  // exemplify (may be -1 when the head is a clause object) and the members.
  struct Exemplification {
    int head_np = -1;
    NpList members;
  };
  std::vector<Exemplification> examples;
  // Appositions "X, the Y," : (X, Y) NP indexes.
  std::vector<std::pair<int, int>> appositions;
  std::vector<int> np_of_token;  // token → NP index (-1 if none)
  // The trained parser's analysis of the sentence (treebank words with
  // tags, lemmas and dependency tree; word offsets relate them to `tokens`)
  // when the loader used SyntaxSource::kTrainedParser (loader.h); no
  // words otherwise. AnalyzeSentence leaves it empty; the loader sets it.
  syntax::Sentence parse;
};

// Analyses a tagged sentence. `list_items` are token ranges of attached
// bullet items, treated as one coordinated list.
SentenceAnalysis AnalyzeSentence(std::vector<text::Token> tokens, const std::vector<Range>& list_items = {});

// The text of a token range as written in `sentence`.
std::string RangeText(const std::string& sentence, const std::vector<text::Token>& tokens, Range r);

}  // namespace kg::loader::extract

#endif  // KG_LOADER_EXTRACT_CLAUSES_H_
