#include "loader/text/tokens.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "loader/text/ascii_lower.h"
#include "loader/text/descriptors.h"
#include "syntax/wordnet.h"

namespace kg::loader::text {
namespace {

std::string Lower(std::string_view s) { return AsciiLower(s); }

bool IsWordChar(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Closed-class words. Open-class words come from WordNet.
const std::unordered_map<std::string, Tag>& ClosedClass() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string, Tag>();
    for (const char* w : {"the",  "a",      "an",      "this",    "that",     "these",   "those", "several",
                          "many", "some",   "any",     "each",    "every",    "all",     "both",  "few",
                          "most", "much",   "more",    "less",    "fewer",    "another", "other", "such",
                          "no",   "either", "neither", "various", "numerous", "certain"}) {
      (*m)[w] = Tag::kDet;
    }
    for (const char* w : {"its", "their", "his", "her", "our", "my", "your", "whose"}) (*m)[w] = Tag::kPoss;
    for (const char* w :
         {"it",  "they",      "he",      "she",        "we",         "i",       "you",      "them",
          "him", "us",        "me",      "itself",     "themselves", "himself", "herself",  "ourselves",
          "one", "something", "nothing", "everything", "anyone",     "someone", "everyone", "there"}) {
      (*m)[w] = Tag::kPron;
    }
    for (const char* w : {"is",  "are",    "was",  "were", "be",  "been", "being", "am",  "has", "have",
                          "had", "having", "does", "do",   "did", "'s",   "'re",   "'ve", "'m",  "'d"}) {
      (*m)[w] = Tag::kAux;
    }
    for (const char* w :
         {"may", "might", "could", "would", "should", "can", "must", "will", "shall", "'ll"}) {
      (*m)[w] = Tag::kModal;
    }
    for (const char* w : {"of",      "in",      "on",     "at",      "by",        "for",        "with",
                          "from",    "into",    "onto",   "about",   "across",    "against",    "among",
                          "amid",    "amongst", "around", "between", "through",   "throughout", "toward",
                          "towards", "under",   "over",   "within",  "without",   "via",        "per",
                          "upon",    "during",  "beyond", "despite", "including", "like",       "near",
                          "behind",  "above",   "below",  "beside",  "besides",   "along",      "alongside",
                          "inside",  "outside", "past",   "since",   "until",     "till",       "up",
                          "down",    "off",     "out",    "except",  "regarding", "concerning", "following",
                          "plus",    "versus",  "vs.",    "after",   "before",    "than"}) {
      (*m)[w] = Tag::kPrep;
    }
    (*m)["to"] = Tag::kTo;
    for (const char* w : {"and", "or", "but", "nor", "&"}) (*m)[w] = Tag::kConj;
    for (const char* w :
         {"because", "although", "though", "while", "whereas", "if", "unless", "whether", "as", "once",
          "when", "whenever", "so", "then", "thus", "hence", "therefore", "yet"}) {
      (*m)[w] = Tag::kSub;
    }
    for (const char* w : {"who", "which", "whom", "where", "what", "how", "why"}) (*m)[w] = Tag::kWh;
    for (const char* w : {"not", "n't", "never", "neither"}) (*m)[w] = Tag::kNeg;
    for (const char* w :
         {"also",         "very",         "already",    "still",    "just",        "only",
          "now",          "soon",         "even",       "further",  "again",       "instead",
          "however",      "consequently", "meanwhile",  "moreover", "furthermore", "additionally",
          "increasingly", "heavily",      "too",        "often",    "later",       "earlier",
          "recently",     "currently",    "reportedly", "nearly",   "almost",      "about",
          "around",       "roughly",      "solely",     "here",     "ago",         "last",
          "well",         "first",        "together",   "ahead",    "away",        "back",
          "yesterday",    "today",        "tomorrow"}) {
      if (m->count(w) == 0) (*m)[w] = Tag::kAdv;
    }
    return m;
  }();
  return *map;
}

const std::unordered_set<std::string>& NumberWords() {
  static const auto* set = new std::unordered_set<std::string>{
      "zero",     "one",       "two",      "three",    "four",      "five",     "six",      "seven",
      "eight",    "nine",      "ten",      "eleven",   "twelve",    "thirteen", "fourteen", "fifteen",
      "sixteen",  "seventeen", "eighteen", "nineteen", "twenty",    "thirty",   "forty",    "fifty",
      "sixty",    "seventy",   "eighty",   "ninety",   "hundred",   "thousand", "million",  "billion",
      "trillion", "dozen",     "dozens",   "hundreds", "thousands", "millions", "billions", "half",
      "bn",       "mn",        "m",        "b",        "k"};
  return *set;
}

// Dotted abbreviations kept with their period.
bool IsDottedAbbrev(std::string_view w) {
  static const std::unordered_set<std::string> kAbbr = {
      "inc.", "corp.", "ltd.", "co.", "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "vs.",
      "etc.", "e.g.", "i.e.", "no.", "gov.", "sen.", "rep.", "gen.", "jan.", "feb.", "mar.", "apr.", "aug.",
      "sept.", "sep.", "oct.", "nov.", "dec.", "bros.", "plc.", "llc.", "dept.", "approx.", "mt.", "ft.",
      // US state abbreviations ("Lancaster, Pa.").
      "ala.", "ariz.", "calif.", "colo.", "conn.", "fla.", "ga.", "kan.", "kans.", "ky.", "md.", "mich.",
      "minn.", "neb.", "nebr.", "nev.", "okla.", "oreg.", "pa.", "penn.", "tenn.", "tex.", "vt.", "va.",
      "wis.", "wyo."};
  // State abbreviations that are also words count only when capitalized.
  static const std::unordered_set<std::string> kCapitalized = {"mass.", "ind.", "wash.", "miss.", "ill.",
                                                               "del.",  "ark.", "mont.", "ore.",  "mo."};
  const std::string lower = Lower(w);
  if (kAbbr.count(lower) > 0) return true;
  return !w.empty() && std::isupper(static_cast<unsigned char>(w.front())) && kCapitalized.count(lower) > 0;
}

}  // namespace

bool IsBeForm(std::string_view w) {
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been" || w == "being" ||
         w == "am" || w == "'re" || w == "'m";
}
bool NotOnly(std::string_view w, std::string_view next) {
  return (w == "not" || w == "n't") &&
         (next == "only" || next == "just" || next == "merely" || next == "simply");
}
bool IsHaveForm(std::string_view w) {
  return w == "has" || w == "have" || w == "had" || w == "having" || w == "'ve";
}

bool IsNumberToken(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  if (std::isdigit(c)) return true;
  if ((c == '$' || c == '#') && w.size() > 1) return true;
  if (w.size() > 2 && (w.rfind("us$", 0) == 0 || w.rfind("a$", 0) == 0 || w.rfind("c$", 0) == 0 ||
                       w.rfind("hk$", 0) == 0 || w.rfind("s$", 0) == 0)) {
    return std::isdigit(static_cast<unsigned char>(w.back())) || w.size() > 3;
  }
  // Multi-byte currency signs (€ £ ¥ ₹) followed by a digit.
  if (c >= 0x80) {
    size_t k = 0;
    while (k < w.size() && static_cast<unsigned char>(w[k]) >= 0x80) ++k;
    return k > 0 && k < w.size() && k <= 3 && std::isdigit(static_cast<unsigned char>(w[k]));
  }
  return NumberWords().count(std::string(w)) > 0 && w != "m" && w != "b" && w != "k";
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  const size_t n = s.size();
  size_t i = 0;
  auto push = [&](size_t b, size_t e) {
    if (e <= b) return;
    Token t;
    t.text = std::string(s.substr(b, e - b));
    t.lower = Lower(t.text);
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    out.push_back(std::move(t));
  };
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\t') {
      ++i;
      continue;
    }
    // PTB-style quote tokens in pre-tokenized input.
    if ((c == '`' && i + 1 < n && s[i + 1] == '`') || (c == '\'' && i + 1 < n && s[i + 1] == '\'')) {
      push(i, i + 2);
      i += 2;
      continue;
    }
    // A word-like run: letters, digits, and inner . , ' - & $ % / characters.
    size_t j = i;
    bool wordish = IsWordChar(c) || c == '$' || c == '#';
    if (!wordish) {
      // "'s", "n't" handled below; other punctuation is one token (runs of dots kept).
      if (c == '\'' && i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'S') &&
          (i + 2 >= n || !IsWordChar(static_cast<unsigned char>(s[i + 2])))) {
        push(i, i + 2);
        i += 2;
        continue;
      }
      if (c == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
        push(i, i + 3);
        i += 3;
        continue;
      }
      size_t len = c < 0x80 ? 1 : 1;
      push(i, i + len);
      i += len;
      continue;
    }
    while (j < n) {
      const auto d = static_cast<unsigned char>(s[j]);
      if (IsWordChar(d) || d == '$' || d == '%') {
        ++j;
        continue;
      }
      // Inner punctuation that keeps the token whole when followed by a word char.
      if ((d == '.' || d == ',' || d == '-' || d == '&' || d == '/' || d == '\'' || d == ':') && j + 1 < n &&
          IsWordChar(static_cast<unsigned char>(s[j + 1])) && j > i) {
        const bool digits = std::isdigit(static_cast<unsigned char>(s[j - 1])) &&
                            std::isdigit(static_cast<unsigned char>(s[j + 1]));
        if (d == ',' && !digits) break;  // "1,000" yes, "Japan,Korea" no
        if (d == ':' && !digits) break;  // "10:30"
        if (d == '\'') {
          // "n't" / "'s" split off; other inner apostrophes ("O'Brien") stay.
          if ((s[j + 1] == 's' || s[j + 1] == 'S') &&
              (j + 2 >= n || !IsWordChar(static_cast<unsigned char>(s[j + 2])))) {
            break;
          }
        }
        ++j;
        continue;
      }
      break;
    }
    if (j == i) j = i + 1;  // a lone '#' or '$': always make progress
    // Abbreviations with a final period: "U.S.", "Inc.".
    if (j < n && s[j] == '.') {
      std::string_view w = s.substr(i, j - i + 1);
      const bool dotted = w.size() >= 3 && w.find('.') < w.size() - 1 && w.size() <= 8;
      if (IsDottedAbbrev(w) || (dotted && std::isalpha(static_cast<unsigned char>(s[j - 1])))) ++j;
    }
    // "n't": "doesn't" → "does" + "n't".
    std::string_view word = s.substr(i, j - i);
    if (word.size() > 3 && Lower(word.substr(word.size() - 3)) == "n't") {
      size_t split = j - 3;
      if (Lower(word) == "can't") split = j - 2;  // ca + n't → keep "can" readable
      if (Lower(word) == "won't") {
        push(i, j - 3);
      } else {
        push(i, split);
      }
      push(j - 3, j);
      i = j;
      continue;
    }
    if (j < n && s[j] == '\'' && j + 1 < n && s[j + 1] == 't' && j > i &&
        (s[j - 1] == 'n' || s[j - 1] == 'N')) {
      push(i, j - 1);
      push(j - 1, j + 2);
      i = j + 2;
      continue;
    }
    push(i, j);
    i = j;
  }
  return out;
}

const char* TagName(Tag tag) {
  switch (tag) {
    case Tag::kNoun:
      return "NOUN";
    case Tag::kProper:
      return "PROPN";
    case Tag::kVerb:
      return "VERB";
    case Tag::kAux:
      return "AUX";
    case Tag::kModal:
      return "MODAL";
    case Tag::kAdj:
      return "ADJ";
    case Tag::kAdv:
      return "ADV";
    case Tag::kDet:
      return "DET";
    case Tag::kPoss:
      return "POSS";
    case Tag::kPossMark:
      return "POS";
    case Tag::kPron:
      return "PRON";
    case Tag::kPrep:
      return "PREP";
    case Tag::kTo:
      return "TO";
    case Tag::kConj:
      return "CONJ";
    case Tag::kSub:
      return "SUB";
    case Tag::kWh:
      return "WH";
    case Tag::kNeg:
      return "NEG";
    case Tag::kNum:
      return "NUM";
    case Tag::kPunct:
      return "PUNCT";
  }
  return "?";
}

namespace {

struct Cand {
  bool noun = false, verb = false, adj = false, adv = false;
  std::string noun_lemma, verb_lemma;
  bool known() const { return noun || verb || adj || adv; }
};

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

VerbForm GuessForm(const std::string& lower, const std::string& lemma) {
  if (lower == lemma) {
    return VerbForm::kBase;
  }
  if (EndsWith(lower, "ing")) return VerbForm::kGerund;
  if (EndsWith(lower, "s") && !EndsWith(lemma, "s")) return VerbForm::kPres3;
  if (EndsWith(lower, "s") && lower.size() > lemma.size()) return VerbForm::kPres3;
  return VerbForm::kPast;  // past or past participle; context decides
}

Cand Candidates(const std::string& lower) {
  Cand c;
  const auto info = syntax::LookupWord(lower);
  c.noun = info.noun;
  c.verb = info.verb;
  c.adj = info.adj;
  c.adv = info.adv;
  c.noun_lemma = info.noun_lemma;
  c.verb_lemma = info.verb_lemma;
  if (!info.known()) {
    // Unknown to WordNet: guess from the suffix.
    if (EndsWith(lower, "ly")) {
      c.adv = true;
    } else if (EndsWith(lower, "ing") && lower.size() > 5) {
      c.verb = true;
      c.verb_lemma = lower.substr(0, lower.size() - 3);
    } else if (EndsWith(lower, "ed") && lower.size() > 4) {
      c.verb = true;
      c.verb_lemma = lower.substr(0, lower.size() - 2);
    } else if (EndsWith(lower, "ive") || EndsWith(lower, "al") || EndsWith(lower, "ous") ||
               EndsWith(lower, "ic") || EndsWith(lower, "ful") || EndsWith(lower, "less") ||
               EndsWith(lower, "able")) {
      c.adj = true;
    } else {
      c.noun = true;
      c.noun_lemma = (EndsWith(lower, "s") && !EndsWith(lower, "ss") && lower.size() > 3)
                         ? lower.substr(0, lower.size() - 1)
                         : lower;
    }
  }
  // WordNet lists many nouns as verbs ("data", "ai"); hyphenated compounds
  // are modifiers or nouns.
  if (lower.find('-') != std::string::npos && !c.known()) c.adj = true;
  return c;
}

bool NounLike(Tag t) { return t == Tag::kNoun || t == Tag::kProper || t == Tag::kNum || t == Tag::kPron; }

}  // namespace

void TagTokens(std::vector<Token>& toks, const NameOracle& is_name,
               const std::vector<linguistics::PosHint>* hints) {
  const auto& closed = ClosedClass();
  std::vector<Cand> cands(toks.size());
  std::vector<bool> open(toks.size(), false);
  // Pass 1: unambiguous classes.
  for (size_t i = 0; i < toks.size(); ++i) {
    Token& t = toks[i];
    const auto c0 = static_cast<unsigned char>(t.text[0]);
    t.capitalized = std::isupper(c0) != 0;
    size_t letters = 0, upper = 0;
    for (char ch : t.text) {
      if (std::isalpha(static_cast<unsigned char>(ch))) {
        ++letters;
        upper += std::isupper(static_cast<unsigned char>(ch)) ? 1 : 0;
      }
    }
    t.all_caps = letters >= 2 && upper == letters;
    t.lemma = t.lower;
    // "5 %" (pre-tokenized text): the sign is the head of the amount.
    if (t.lower == "%" && i > 0 && IsNumberToken(toks[i - 1].lower)) {
      t.tag = Tag::kNoun;
      t.lemma = "percent";
      continue;
    }
    // "the bottlers ' efficiency": a lone apostrophe after a plural is the
    // possessive, unless a single quotation mark is open.
    if (t.lower == "'" && i > 0 && i + 1 < toks.size() && toks[i - 1].lower.size() > 2 &&
        toks[i - 1].lower.back() == 's' && IsWordChar(static_cast<unsigned char>(toks[i + 1].text[0]))) {
      bool open_quote = false;
      for (size_t k = 0; k < i; ++k) open_quote = open_quote || toks[k].lower == "`";
      if (!open_quote) {
        t.tag = Tag::kPossMark;
        continue;
      }
    }
    if (!IsWordChar(c0) && c0 != '$' && c0 != '#' && t.lower != "'s" && t.lower != "n't" && t.lower != "&") {
      t.tag = Tag::kPunct;
      continue;
    }
    if (t.lower == "'s") {
      // Possessive unless followed by a verb-ish word (rare contraction "it's").
      t.tag = (i > 0 && toks[i - 1].lower == "it") ? Tag::kAux : Tag::kPossMark;
      continue;
    }
    if (IsNumberToken(t.lower)) {
      t.tag = Tag::kNum;
      continue;
    }
    // Pre-tokenized amounts: "$ 4.25", "23.8 %".
    if ((t.text == "$" || t.text == "#") && i + 1 < toks.size() && IsNumberToken(toks[i + 1].lower)) {
      t.tag = Tag::kNum;
      continue;
    }
    if (t.text == "%" && i > 0 && toks[i - 1].tag == Tag::kNum) {
      t.tag = Tag::kNoun;
      t.lemma = "percent";
      continue;
    }
    const bool sentence_initial = i == 0 || (toks[i - 1].tag == Tag::kPunct && toks[i - 1].text != ",");
    auto cl = closed.find(t.lower);
    if (cl != closed.end() && !(t.capitalized && !sentence_initial && t.lower.size() > 1 &&
                                cl->second != Tag::kPrep && cl->second != Tag::kConj)) {
      // "US" (country) vs "us": an all-caps closed-class word is a name.
      if (!(t.all_caps && t.text.size() >= 2 && cl->second == Tag::kPron)) {
        t.tag = cl->second;
        if (t.tag == Tag::kAux) {
          t.lemma = IsBeForm(t.lower) ? "be" : IsHaveForm(t.lower) ? "have" : "do";
        }
        continue;
      }
    }
    if (t.capitalized || t.all_caps) {
      bool name = !sentence_initial || t.all_caps;
      if (!name) {
        if (is_name && is_name(t.text)) {
          name = true;
        } else {
          const auto wn = syntax::LookupWord(t.lower);
          // Unknown to WordNet, or followed by another capitalized word.
          name = !wn.known() || (i + 1 < toks.size() && toks[i + 1].capitalized &&
                                 closed.count(toks[i + 1].lower) == 0 && !wn.adj && !wn.verb);
          // "Acme Inc. will …": a word before a corporate suffix is a name.
          static const std::unordered_set<std::string> kSuffix = {"inc.", "corp.", "ltd.", "co.",  "llc",
                                                                  "plc",  "ag",    "gmbh", "s.a.", "n.v.",
                                                                  "inc",  "corp",  "ltd"};
          if (i + 1 < toks.size() && kSuffix.count(toks[i + 1].lower) > 0) name = true;
          // "Chipmaker Orvane will …": a company description before a name.
          // (The next token's flags are not set yet in this pass.)
          if (i + 1 < toks.size() && !toks[i + 1].text.empty() &&
              std::isupper(static_cast<unsigned char>(toks[i + 1].text[0])) != 0 &&
              IsOpeningDescriptor(t.lower)) {
            t.tag = Tag::kNoun;
            t.lemma = t.lower;
            continue;
          }
        }
      }
      // Days and months are dates, not names.
      static const std::unordered_set<std::string> kCalendar = {
          "monday", "tuesday", "wednesday", "thursday", "friday",   "saturday",
          "sunday", "january", "february",  "march",    "april",    "june",
          "july",   "august",  "september", "october",  "november", "december"};
      if (kCalendar.count(t.lower) > 0) {
        t.tag = Tag::kNoun;
        continue;
      }
      if (name && PluralAcronym(t.text)) {
        t.tag = Tag::kNoun;
        continue;
      }
      // "Sweden-based", "Detroit-headquartered": where a name is based, an
      // adjective before it, not part of it.
      if (name && (t.lower.ends_with("-based") || t.lower.ends_with("-headquartered"))) {
        t.tag = Tag::kAdj;
        continue;
      }
      if (name) {
        t.tag = Tag::kProper;
        continue;
      }
    }
    cands[i] = Candidates(t.lower);
    open[i] = true;
  }
  // Pass 2: context for open-class words, left to right.
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!open[i]) continue;
    Token& t = toks[i];
    const Cand& c = cands[i];
    const Tag prev = i > 0 ? toks[i - 1].tag : Tag::kPunct;
    const std::string& prevw = i > 0 ? toks[i - 1].lower : std::string();
    const Token* next = i + 1 < toks.size() ? &toks[i + 1] : nullptr;
    const Tag next_tag = next ? next->tag : Tag::kPunct;
    const bool next_open = i + 1 < toks.size() && open[i + 1];
    const Cand* nc = next_open ? &cands[i + 1] : nullptr;
    const bool ing = EndsWith(t.lower, "ing");
    const bool ed = EndsWith(t.lower, "ed") || EndsWith(t.lower, "en");
    auto set_verb = [&] {
      t.tag = Tag::kVerb;
      t.lemma = c.verb_lemma.empty() ? t.lower : c.verb_lemma;
      t.form = GuessForm(t.lower, t.lemma);
      if (t.form == VerbForm::kPast && (IsHaveForm(prevw) || IsBeForm(prevw))) t.form = VerbForm::kPastPart;
    };
    auto set_noun = [&] {
      t.tag = Tag::kNoun;
      t.lemma = c.noun_lemma.empty() ? t.lower : c.noun_lemma;
    };
    auto set_adj = [&] { t.tag = Tag::kAdj; };
    if (c.verb_lemma == "say" || (t.lower == "according" && next && next->lower == "to")) {
      if (t.lower == "according") {
        t.tag = Tag::kPrep;
      } else {
        set_verb();
      }
      continue;
    }
    const int nclasses = c.noun + c.verb + c.adj + c.adv;
    if (nclasses == 0) {
      set_noun();
      continue;
    }
    // Adverbs in -ly.
    if (c.adv && EndsWith(t.lower, "ly") && !c.verb) {
      t.tag = Tag::kAdv;
      continue;
    }
    // "a service center next year": "next"/"last" open a time phrase, they do
    // not continue the noun phrase.
    const bool next_nominal = next && next->lower != "next" && next->lower != "last" &&
                              (next_tag == Tag::kNoun || next_tag == Tag::kProper ||
                               (nc && (nc->noun || nc->adj) && !EndsWith(next->lower, "ly")));
    const bool after_verb_marker =
        prev == Tag::kTo || prev == Tag::kModal ||
        (prev == Tag::kAux && !IsBeForm(prevw) && !IsHaveForm(prevw)) ||
        (prev == Tag::kNeg && i > 1 && (toks[i - 2].tag == Tag::kModal || toks[i - 2].tag == Tag::kAux)) ||
        // "will also fund", "may soon expand": adverbs between the modal and the verb.
        [&] {
          size_t q = i;
          while (q > 0 && (toks[q - 1].tag == Tag::kAdv || toks[q - 1].tag == Tag::kNeg)) --q;
          return q < i && q > 0 && (toks[q - 1].tag == Tag::kModal || toks[q - 1].tag == Tag::kTo);
        }();
    if (c.verb && after_verb_marker && !(prev == Tag::kTo && !c.verb)) {
      // "to expand", "may accelerate"; but "to" + noun-only word is a preposition.
      set_verb();
      if (prev == Tag::kTo || prev == Tag::kModal) t.form = VerbForm::kBase;
      continue;
    }
    const bool inflected = !c.verb_lemma.empty() && c.verb_lemma != t.lower && !EndsWith(t.lower, "s");
    if (c.verb && (ing || ed || inflected) && (prev == Tag::kAux || prev == Tag::kAdv || prev == Tag::kNeg) &&
        (IsBeForm(prevw) || IsHaveForm(prevw) || prev == Tag::kAdv || prev == Tag::kNeg)) {
      // "is investing", "has announced", "is actively advancing", but
      // "is critical" (adjective) stays below.
      bool verb_ok = true;
      if (prev == Tag::kAdv || prev == Tag::kNeg) {
        // Look back past adverbs for an auxiliary.
        size_t k = i;
        while (k > 0 && (toks[k - 1].tag == Tag::kAdv || toks[k - 1].tag == Tag::kNeg)) --k;
        verb_ok = k > 0 && toks[k - 1].tag == Tag::kAux;
      }
      if (verb_ok) {
        set_verb();
        continue;
      }
    }
    if ((prevw == "this" || prevw == "that" || prevw == "these" || prevw == "those") && c.verb &&
        (EndsWith(t.lower, "s") || ed) && !(next && (next_tag == Tag::kVerb))) {
      // "This includes …": a demonstrative pronoun subject.
      if (!c.noun || (next && (next_tag == Tag::kDet || next_tag == Tag::kPoss || next_tag == Tag::kNum ||
                               next_tag == Tag::kProper || next_tag == Tag::kPron))) {
        set_verb();
        continue;
      }
    }
    if (c.verb && EndsWith(t.lower, "s") && next_tag == Tag::kTo && i > 0 &&
        (prev == Tag::kNoun || prev == Tag::kProper ||
         (prev == Tag::kAdj && open[i - 1] && cands[i - 1].noun))) {
      bool finite_before = false;
      for (size_t k = i; k-- > 0;) {
        if (toks[k].lower == "," || toks[k].tag == Tag::kConj) break;
        finite_before = finite_before || toks[k].tag == Tag::kVerb || toks[k].tag == Tag::kAux;
      }
      if (!finite_before) {
        if (prev == Tag::kAdj) {
          toks[i - 1].tag = Tag::kNoun;  // "the search giant plans to"
          toks[i - 1].lemma = cands[i - 1].noun_lemma.empty() ? toks[i - 1].lower : cands[i - 1].noun_lemma;
        }
        set_verb();
        continue;
      }
    }
    const bool after_det = prev == Tag::kDet || prev == Tag::kPoss || prev == Tag::kPossMark ||
                           prev == Tag::kAdj || prev == Tag::kNum;
    if (ing && c.verb && c.noun && (prev == Tag::kNoun || prev == Tag::kProper || prev == Tag::kAdj) &&
        next && (next_tag == Tag::kNoun || (nc && nc->noun && !nc->verb))) {
      set_noun();  // "cloud computing capabilities", "talent training program"
      continue;
    }
    if (ing && c.verb) {
      // "-ing": modifier before a noun after a determiner ("the rising threats",
      // "Rising threats"), gerund/participle otherwise.
      bool participle_after_clause = false;
      if (prevw == ",") {
        for (size_t k = 0; k + 1 < i; ++k)
          participle_after_clause = participle_after_clause || toks[k].tag == Tag::kVerb;
      }
      if ((after_det || i == 0 || prev == Tag::kPunct) && next_nominal && next_tag != Tag::kDet &&
          !participle_after_clause) {
        set_adj();
      } else if (after_det && !next_nominal) {
        set_noun();
      } else {
        set_verb();
        t.form = VerbForm::kGerund;
      }
      continue;
    }
    if (after_det) {
      if (c.adj && (next_nominal || !c.noun)) {
        set_adj();
      } else if (c.noun) {
        set_noun();
      } else if (c.adj) {
        set_adj();
      } else if (ed && c.verb) {
        set_adj();  // "the advanced technologies"
      } else if (c.verb) {
        set_verb();
      } else {
        set_noun();
      }
      continue;
    }
    if (c.verb && prev == Tag::kConj && c.verb_lemma == t.lower && next &&
        (next_tag == Tag::kDet || next_tag == Tag::kPoss || next_tag == Tag::kNum)) {
      // "to address skill gaps and support the adoption": a coordinated infinitive.
      bool infinitive_before = false;
      for (size_t k = 1; k + 1 < i; ++k) {
        infinitive_before =
            infinitive_before || (toks[k].tag == Tag::kVerb && toks[k].form == VerbForm::kBase &&
                                  (toks[k - 1].tag == Tag::kTo || toks[k - 1].tag == Tag::kModal));
      }
      if (infinitive_before) {
        set_verb();
        t.form = VerbForm::kBase;
        continue;
      }
    }
    if (c.verb && prev == Tag::kConj && (EndsWith(t.lower, "s") || ed) && next &&
        (next_tag == Tag::kPrep || next_tag == Tag::kDet || next_tag == Tag::kAdv || next_tag == Tag::kPoss ||
         next_tag == Tag::kProper || next_tag == Tag::kNum)) {
      // "… enters X and flows along …": a verb coordinated with an earlier one.
      const VerbForm want = EndsWith(t.lower, "s") ? VerbForm::kPres3 : VerbForm::kPast;
      bool earlier = false;
      for (size_t k = 0; k + 1 < i; ++k) {
        earlier =
            earlier ||
            (toks[k].tag == Tag::kVerb &&
             (toks[k].form == want || (want == VerbForm::kPast && toks[k].form == VerbForm::kPastPart)));
      }
      if (earlier) {
        set_verb();
        continue;
      }
    }
    if (c.verb && ed && prev == Tag::kAdv && next &&
        (next_tag == Tag::kDet || next_tag == Tag::kProper || next_tag == Tag::kNum ||
         next_tag == Tag::kPoss)) {
      size_t k = i;
      while (k > 0 && toks[k - 1].tag == Tag::kAdv) --k;
      if (k > 0 && NounLike(toks[k - 1].tag)) {
        set_verb();  // "The company also acquired Initech"
        continue;
      }
    }
    if (c.verb && EndsWith(t.lower, "s") && prev == Tag::kNoun && i >= 2 &&
        (toks[i - 2].tag == Tag::kDet || toks[i - 2].tag == Tag::kPoss)) {
      bool verb_elsewhere = false;
      for (size_t k = 0; k < toks.size(); ++k) {
        if (k == i) continue;
        const Tag tk = toks[k].tag;
        if (tk == Tag::kVerb || ((tk == Tag::kAux || tk == Tag::kModal) && !open[k])) verb_elsewhere = true;
      }
      if (!verb_elsewhere) {
        set_verb();  // "The country faces power shortages"
        continue;
      }
    }
    if (c.verb && (c.noun || c.adj)) {
      // Ambiguous noun/verb after a noun phrase: a finite verb if an object
      // or complement follows ("the country faces several", "the move
      // positions Japan"), a noun otherwise ("data centers and").
      const bool subj_before = NounLike(prev) && prev != Tag::kNum;
      const bool finite = EndsWith(t.lower, "s") || ed;
      const bool obj_after =
          next &&
          (next_tag == Tag::kDet || next_tag == Tag::kPoss || next_tag == Tag::kNum ||
           next_tag == Tag::kProper || next_tag == Tag::kPron || next_tag == Tag::kTo ||
           (next_tag == Tag::kAdv && !next_open) || (nc && nc->adj && !nc->noun) || next_tag == Tag::kWh);
      if (subj_before && finite && (obj_after || (ed && next_tag == Tag::kPrep))) {
        set_verb();
        continue;
      }
      // "His works span a wide range": a base form after a plural subject.
      if (!finite && prev == Tag::kNoun && EndsWith(prevw, "s") && !EndsWith(prevw, "ss") && i >= 2 &&
          (toks[i - 2].tag == Tag::kDet || toks[i - 2].tag == Tag::kPoss || toks[i - 2].tag == Tag::kAdj) &&
          next && (next_tag == Tag::kDet || next_tag == Tag::kNum || next_tag == Tag::kPoss)) {
        set_verb();
        continue;
      }
      if (prev == Tag::kPron && (prevw == "it" || prevw == "they" || prevw == "he" || prevw == "she" ||
                                 prevw == "we" || prevw == "i" || prevw == "you")) {
        set_verb();
        continue;
      }
      if (prev == Tag::kWh || (prev == Tag::kDet && prevw == "that")) {
        set_verb();
        continue;
      }
      if ((prev == Tag::kPrep || prev == Tag::kPunct || prev == Tag::kConj || i == 0) && ed && next &&
          (next_tag == Tag::kPrep || next_tag == Tag::kTo)) {
        set_verb();  // ", backed by", "and based in"
        continue;
      }
      if (c.adj && next_nominal) {
        set_adj();
        continue;
      }
      if (c.noun) {
        set_noun();
        continue;
      }
      if (c.adj) {
        set_adj();
        continue;
      }
      set_verb();
      continue;
    }
    if (c.verb && !c.noun && !c.adj) {
      set_verb();
      continue;
    }
    if (c.adj && (!c.noun || next_nominal)) {
      set_adj();
      continue;
    }
    if (c.noun) {
      set_noun();
      continue;
    }
    t.tag = Tag::kAdv;
  }
  // Ordinals between a determiner and a noun modify it: "the first phase",
  // "its second plant", "the next year".
  for (size_t i = 1; i + 1 < toks.size(); ++i) {
    Token& t = toks[i];
    if (t.tag == Tag::kAdv && (toks[i - 1].tag == Tag::kDet || toks[i - 1].tag == Tag::kPoss) &&
        (toks[i + 1].tag == Tag::kNoun || toks[i + 1].tag == Tag::kAdj) &&
        (t.lower == "first" || t.lower == "second" || t.lower == "third" || t.lower == "last" ||
         t.lower == "next" || t.lower == "final")) {
      t.tag = Tag::kAdj;
    }
  }
  // "will also fund": a base form after a modal and adverbs stays a verb.
  auto AfterModalAndAdverbs = [](const std::vector<Token>& ts, size_t i) {
    size_t q = i;
    while (q > 0 && ts[q - 1].tag == Tag::kAdv) --q;
    return q < i && q > 0 && (ts[q - 1].tag == Tag::kModal || ts[q - 1].tag == Tag::kTo);
  };
  // Pass 2b: a full parse overrides the context rules where it can.
  if (hints != nullptr) {
    size_t h = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
      while (h < hints->size() && (*hints)[h].begin < toks[i].begin) ++h;
      if (h >= hints->size()) break;
      if ((*hints)[h].begin != toks[i].begin || !open[i]) continue;
      Token& t = toks[i];
      const Cand& c = cands[i];
      const char cls = (*hints)[h].cls;
      const bool ing_word = EndsWith(t.lower, "ing");
      const Tag prev_tag = i > 0 ? toks[i - 1].tag : Tag::kPunct;
      const Tag next_tag = i + 1 < toks.size() ? toks[i + 1].tag : Tag::kPunct;
      const bool subject_slot = prev_tag == Tag::kNoun || prev_tag == Tag::kProper ||
                                prev_tag == Tag::kPron || prev_tag == Tag::kWh || prev_tag == Tag::kModal ||
                                prev_tag == Tag::kTo || prev_tag == Tag::kAdv;
      if (cls == 'v' && c.verb && t.tag == Tag::kNoun && !ing_word && subject_slot &&
          next_tag != Tag::kNoun) {
        t.tag = Tag::kVerb;
        t.lemma = c.verb_lemma.empty() ? t.lower : c.verb_lemma;
        t.form = GuessForm(t.lower, t.lemma);
        const std::string& prevw = i > 0 ? toks[i - 1].lower : std::string();
        if (t.form == VerbForm::kPast && (IsHaveForm(prevw) || IsBeForm(prevw))) t.form = VerbForm::kPastPart;
      } else if (cls == 'n' && c.noun && t.tag == Tag::kVerb && prev_tag != Tag::kTo &&
                 prev_tag != Tag::kModal && !AfterModalAndAdverbs(toks, i)) {
        t.tag = Tag::kNoun;
        t.form = VerbForm::kNone;
        t.lemma = c.noun_lemma.empty() ? t.lower : c.noun_lemma;
      } else if (cls == 'a' && c.adj && (t.tag == Tag::kVerb || t.tag == Tag::kNoun)) {
        t.tag = Tag::kAdj;
        t.form = VerbForm::kNone;
        t.lemma = t.lower;
      }
    }
  }
  // Pass 2c: a sentence needs a finite verb outside its relative clauses.
  // When the rules above left none ("That amounts to …", "The company, which
  // is based in Oslo, sells batteries …"), the first noun/verb-ambiguous word
  // after a subject that can be a finite verb becomes one.
  {
    bool main_finite = false;
    for (size_t k = 0; k < toks.size() && !main_finite; ++k) {
      const Token& tk = toks[k];
      const bool finite =
          tk.tag == Tag::kAux || tk.tag == Tag::kModal ||
          (tk.tag == Tag::kVerb && (tk.form == VerbForm::kPres3 || tk.form == VerbForm::kPast ||
                                    (tk.form == VerbForm::kBase && k > 0 && toks[k - 1].tag != Tag::kTo &&
                                     toks[k - 1].tag != Tag::kModal)));
      if (!finite) continue;
      size_t q = k;
      while (q > 0 && (toks[q - 1].tag == Tag::kAdv || toks[q - 1].tag == Tag::kNeg)) --q;
      const bool relative = q > 0 && toks[q - 1].tag == Tag::kWh;
      if (!relative) main_finite = true;
    }
    bool subject_seen = false;
    for (size_t i = 0; i < toks.size() && !main_finite; ++i) {
      Token& t = toks[i];
      const Tag prev = i > 0 ? toks[i - 1].tag : Tag::kPunct;
      const bool demonstrative = prev == Tag::kDet && i > 0 && (i == 1 || toks[i - 2].lower == ",") &&
                                 (toks[i - 1].lower == "that" || toks[i - 1].lower == "this");
      if (open[i] && cands[i].verb && (t.tag == Tag::kNoun || t.tag == Tag::kAdj) && !t.capitalized &&
          (subject_seen || demonstrative) &&
          (NounLike(prev) || demonstrative || (prev == Tag::kPunct && toks[i - 1].lower == ","))) {
        const std::string lemma = cands[i].verb_lemma.empty() ? t.lower : cands[i].verb_lemma;
        const VerbForm form = GuessForm(t.lower, lemma);
        const bool plural_subject =
            prev == Tag::kNum || (prev == Tag::kNoun && toks[i - 1].lemma != toks[i - 1].lower);
        if (form == VerbForm::kPres3 || form == VerbForm::kPast ||
            (form == VerbForm::kBase && plural_subject)) {
          t.tag = Tag::kVerb;
          t.lemma = lemma;
          t.form = form;
          main_finite = true;
          break;
        }
      }
      if (NounLike(t.tag) && t.tag != Tag::kNum) subject_seen = true;
      if (t.tag == Tag::kNum && i > 0 && toks[i - 1].tag == Tag::kProper) subject_seen = true;
    }
  }
  // Pass 2c': a present-tense form after "and"/"or" that takes an object of
  // its own continues a verb phrase ("… is based in Oslo, and employs 300
  // people") once the sentence has a finite verb.
  {
    bool finite_seen = false;
    for (size_t i = 0; i + 1 < toks.size(); ++i) {
      Token& t = toks[i];
      if (t.tag == Tag::kAux || t.tag == Tag::kModal ||
          (t.tag == Tag::kVerb && (t.form == VerbForm::kPres3 || t.form == VerbForm::kPast))) {
        finite_seen = true;
        continue;
      }
      if (!finite_seen || !open[i] || !cands[i].verb || t.tag != Tag::kNoun || i == 0) continue;
      if (toks[i - 1].lower != "and" && toks[i - 1].lower != "or") continue;
      const Tag next = toks[i + 1].tag;
      // "… and plans to cut 1,200 jobs": also before "to" + verb.
      const bool to_verb = next == Tag::kTo && i + 2 < toks.size() && toks[i + 2].tag == Tag::kVerb;
      if (next != Tag::kNum && next != Tag::kDet && next != Tag::kPoss && next != Tag::kPron && !to_verb)
        continue;
      const std::string lemma = cands[i].verb_lemma.empty() ? t.lower : cands[i].verb_lemma;
      if (GuessForm(t.lower, lemma) != VerbForm::kPres3) continue;
      t.tag = Tag::kVerb;
      t.lemma = lemma;
      t.form = VerbForm::kPres3;
    }
  }
  // Pass 2c'-base: a base form after "and"/"or" continues a verb phrase whose
  // verb is a base form after a modal or "to" ("will operate the plant and
  // supply battery cells to …"), when an object follows it: a determiner,
  // number or pronoun, or a noun phrase of two or more words ("supply chains"
  // alone stays a compound).
  {
    int last_base = -1;  // index of the latest base-form verb after a modal/"to"
    for (size_t i = 0; i + 2 < toks.size(); ++i) {
      Token& t = toks[i];
      if (t.tag == Tag::kVerb) {
        size_t q = i;
        while (q > 0 && (toks[q - 1].tag == Tag::kAdv || toks[q - 1].tag == Tag::kNeg)) --q;
        const bool after_marker = q > 0 && (toks[q - 1].tag == Tag::kModal || toks[q - 1].tag == Tag::kTo);
        last_base = after_marker && t.form == VerbForm::kBase ? static_cast<int>(i) : -1;
        continue;
      }
      if (t.tag == Tag::kAux || t.tag == Tag::kModal || t.tag == Tag::kWh || t.lower == ";") last_base = -1;
      if (last_base < 0 || !open[i] || !cands[i].verb || t.tag != Tag::kNoun || i == 0) continue;
      if (toks[i - 1].lower != "and" && toks[i - 1].lower != "or") continue;
      const std::string lemma = cands[i].verb_lemma.empty() ? t.lower : cands[i].verb_lemma;
      if (lemma != t.lower) continue;
      const Tag next = toks[i + 1].tag;
      const Tag next2 = toks[i + 2].tag;
      // "supply fiber cables to": the second word may have been read as the
      // verb ("cables"); it is the object's head.
      // A bare noun pair must be followed by "to" ("supply battery cells to
      // …"); "expand X and cloud computing capabilities." stays a compound.
      const bool noun_pair = (next == Tag::kNoun || next == Tag::kAdj) &&
                             (next2 == Tag::kNoun || next2 == Tag::kAdj ||
                              (next2 == Tag::kVerb && open[i + 2] && cands[i + 2].noun)) &&
                             [&] {
                               size_t q = i + 3;
                               while (q < toks.size() && toks[q].tag == Tag::kNoun) ++q;
                               return q < toks.size() && toks[q].lower == "to";
                             }();
      const bool object =
          next == Tag::kDet || next == Tag::kPoss || next == Tag::kNum || next == Tag::kPron || noun_pair;
      if (!object) continue;
      t.tag = Tag::kVerb;
      t.lemma = lemma;
      t.form = VerbForm::kBase;
      if (noun_pair && next2 == Tag::kVerb) {
        Token& h = toks[i + 2];
        h.tag = Tag::kNoun;
        h.form = VerbForm::kNone;
        h.lemma = cands[i + 2].noun_lemma.empty() ? h.lower : cands[i + 2].noun_lemma;
      }
    }
  }
  // Pass 2c'-ing: an -ing word before a company noun classifies it ("mining
  // company", "shipping group", "holding company").
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    Token& t = toks[i];
    if (!open[i] || t.tag != Tag::kVerb || !EndsWith(t.lower, "ing")) continue;
    const std::string& nx = toks[i + 1].lower;
    if (nx != "company" && nx != "companies" && nx != "firm" && nx != "firms" && nx != "group" &&
        nx != "giant" && nx != "house" && nx != "conglomerate" && nx != "business")
      continue;
    t.tag = Tag::kAdj;
    t.form = VerbForm::kNone;
    t.lemma = t.lower;
  }
  // Pass 2c'-det: after a determiner, a noun/adjective word right before a
  // finite verb is the subject's head noun ("The *firm* said", "the *firm*
  // was founded"), not an adjective.
  for (size_t i = 1; i + 1 < toks.size(); ++i) {
    Token& t = toks[i];
    if (!open[i] || t.tag != Tag::kAdj || !cands[i].noun) continue;
    const Tag prev = toks[i - 1].tag;
    if (prev != Tag::kDet && prev != Tag::kPoss) continue;
    const Token& nx = toks[i + 1];
    const bool finite = nx.tag == Tag::kModal || nx.tag == Tag::kAux ||
                        (nx.tag == Tag::kVerb && (nx.form == VerbForm::kPast || nx.form == VerbForm::kPres3));
    if (!finite) continue;
    t.tag = Tag::kNoun;
    t.form = VerbForm::kNone;
    t.lemma = cands[i].noun_lemma.empty() ? t.lower : cands[i].noun_lemma;
  }
  // Pass 2c'-to: a present form between a subject (noun, name, pronoun or
  // adverb) and "to" + verb is the verb ("The company also *plans* to hire");
  // "the company's plans to hire" (after a possessive or determiner) stays.
  for (size_t i = 1; i + 2 < toks.size(); ++i) {
    Token& t = toks[i];
    if (!open[i] || !cands[i].verb || t.tag != Tag::kNoun) continue;
    if (toks[i + 1].tag != Tag::kTo || toks[i + 2].tag != Tag::kVerb) continue;
    const Tag prev = toks[i - 1].tag;
    if (prev != Tag::kNoun && prev != Tag::kProper && prev != Tag::kPron && prev != Tag::kAdv) continue;
    const std::string lemma = cands[i].verb_lemma.empty() ? t.lower : cands[i].verb_lemma;
    if (GuessForm(t.lower, lemma) != VerbForm::kPres3) continue;
    t.tag = Tag::kVerb;
    t.lemma = lemma;
    t.form = VerbForm::kPres3;
  }
  // Pass 2c'': an adjective never takes a determiner after it; a verb does
  // ("opened an office", "signed a lease").
  for (size_t i = 1; i + 1 < toks.size(); ++i) {
    Token& t = toks[i];
    if (!open[i] || !cands[i].verb || t.tag != Tag::kAdj) continue;
    const Token& next = toks[i + 1];
    if (next.tag != Tag::kPoss &&
        !(next.tag == Tag::kDet && (next.lower == "a" || next.lower == "an" || next.lower == "the")))
      continue;
    const Tag prev = toks[i - 1].tag;
    if (prev == Tag::kDet || prev == Tag::kPoss || prev == Tag::kPossMark) continue;
    t.tag = Tag::kVerb;
    t.lemma = cands[i].verb_lemma.empty() ? t.lower : cands[i].verb_lemma;
    t.form = GuessForm(t.lower, t.lemma);
    if (t.form == VerbForm::kPast && (IsHaveForm(toks[i - 1].lower) || IsBeForm(toks[i - 1].lower)))
      t.form = VerbForm::kPastPart;
  }
  // Pass 2e: a present or base form right after a nominal and before "of"
  // heads a noun phrase ("the Fourier transform of", "the plans of").
  for (size_t i = 1; i + 1 < toks.size(); ++i) {
    Token& t = toks[i];
    if (!open[i] || t.tag != Tag::kVerb || toks[i + 1].lower != "of") continue;
    if (t.form != VerbForm::kBase && t.form != VerbForm::kPres3) continue;
    const Tag prev = toks[i - 1].tag;
    // After a determiner or adjective no verb can follow; after a noun only
    // a word WordNet knows as a noun ("companies approve of" stays a verb).
    const bool inside_np =
        prev == Tag::kDet || prev == Tag::kAdj || prev == Tag::kPoss || prev == Tag::kPossMark;
    const bool compound = (prev == Tag::kProper || prev == Tag::kNoun) && cands[i].noun;
    if (!inside_np && !compound) continue;
    t.tag = Tag::kNoun;
    t.form = VerbForm::kNone;
    t.lemma = cands[i].noun_lemma.empty() ? t.lower : cands[i].noun_lemma;
  }
  // Pass 2f: after a form of "be", a bare noun/verb word before "by", or an
  // irregular participle spelled like its base form, is a passive participle
  // ("were hit by", "was offset by", "was put higher").
  for (size_t i = 1; i < toks.size(); ++i) {
    Token& t = toks[i];
    if (!open[i] || !cands[i].verb || (t.tag != Tag::kNoun && t.tag != Tag::kAdj)) continue;
    size_t q = i;
    while (q > 0 && toks[q - 1].tag == Tag::kAdv) --q;
    if (q == 0 || toks[q - 1].tag != Tag::kAux) continue;
    const bool be = IsBeForm(toks[q - 1].lower);
    if (!be && !IsHaveForm(toks[q - 1].lower)) continue;
    static const std::unordered_set<std::string> kSameForm = {
        "hit",     "put",    "set",       "cut",      "let",   "shut",   "spread",  "cost",
        "hurt",    "quit",   "burst",     "cast",     "split", "upset",  "offset",  "run",
        "beat",    "thrust", "broadcast", "forecast", "shed",  "bid",    "rid",     "read",
        "overrun", "reset",  "recast",    "outbid",   "come",  "become", "overcome"};
    const Tag next = i + 1 < toks.size() ? toks[i + 1].tag : Tag::kPunct;
    // "had come to rest", "has cut": a perfect; only "be" takes an agent.
    const bool by_agent = be && i + 1 < toks.size() && toks[i + 1].lower == "by";
    const bool same_form = kSameForm.count(t.lower) > 0 && next != Tag::kNoun && next != Tag::kAdj &&
                           next != Tag::kProper && next != Tag::kPossMark;
    if (!by_agent && !same_form) continue;
    t.tag = Tag::kVerb;
    t.lemma = cands[i].verb_lemma.empty() ? t.lower : cands[i].verb_lemma;
    t.form = VerbForm::kPastPart;
  }
  // Pass 2g: a verb of saying at the very end, after a subject that follows
  // a comma, is the attribution ("…, the company claims.").
  for (size_t i = 2; i < toks.size(); ++i) {
    Token& t = toks[i];
    if (!open[i] || !cands[i].verb || (t.tag != Tag::kNoun && t.tag != Tag::kAdj) ||
        !IsReportingVerb(cands[i].verb_lemma)) {
      continue;
    }
    bool final = true;
    for (size_t k = i + 1; k < toks.size(); ++k) final = final && toks[k].tag == Tag::kPunct;
    if (!final || !NounLike(toks[i - 1].tag)) continue;
    bool comma = false;
    for (size_t k = i - 1; k > 0 && k + 5 > i && !comma; --k) comma = toks[k - 1].lower == ",";
    if (!comma) continue;
    t.tag = Tag::kVerb;
    t.lemma = cands[i].verb_lemma;
    t.form = GuessForm(t.lower, t.lemma);
  }
  // Pass 2d: a participle with an adjective reading inside a noun phrase
  // modifies the noun ("surrounding villages", "of existing bank debt").
  // Sentence-initial ones too ("But declining issues outnumbered …").
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    Token& t = toks[i];
    if (!open[i] || !cands[i].adj || t.tag != Tag::kVerb || !EndsWith(t.lower, "ing")) continue;
    const Tag prev = i > 0 ? toks[i - 1].tag : Tag::kPunct;
    const bool initial = i == 0 || (i == 1 && (prev == Tag::kConj || prev == Tag::kAdv || prev == Tag::kSub));
    if (toks[i + 1].tag == Tag::kNoun &&
        (initial || prev == Tag::kDet || prev == Tag::kAdj || prev == Tag::kConj || prev == Tag::kPrep ||
         prev == Tag::kPoss || prev == Tag::kPossMark || prev == Tag::kNum)) {
      t.tag = Tag::kAdj;
      t.form = VerbForm::kNone;
      t.lemma = t.lower;
    }
  }
  // Pass 2h: "her" without a noun after it is the object pronoun ("shows her
  // with a mask", "told her that").
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].lower != "her" || toks[i].tag != Tag::kPoss) continue;
    const Tag next = i + 1 < toks.size() ? toks[i + 1].tag : Tag::kPunct;
    if (next != Tag::kNoun && next != Tag::kAdj && next != Tag::kProper && next != Tag::kNum &&
        next != Tag::kAdv && next != Tag::kVerb) {
      toks[i].tag = Tag::kPron;
    }
  }
  // Pass 2h: a company description right before a name is a noun, though
  // the word may read as an adjective ("Norwegian firm Solvik Kraft", "a
  // firm commitment").
  for (size_t i = 0; i + 1 < toks.size(); ++i) {
    if (toks[i].capitalized || toks[i].tag == Tag::kNoun || toks[i + 1].tag != Tag::kProper) continue;
    if (toks[i].lower == "firm" || IsOpeningDescriptor(toks[i].lower)) toks[i].tag = Tag::kNoun;
  }
  // Pass 2i: a capitalized common word opening a sentence before a company
  // designator is part of the name ("Kestrel Holdings will …", "Vela Motors
  // said …"); mid-sentence such words are already names by capitalization.
  {
    static const std::unordered_set<std::string> kDesignator = {
        "holdings", "group",     "motors",  "energy",   "industries",  "technologies",
        "systems",  "airlines",  "airways", "foods",    "pharma",      "capital",
        "partners", "ventures",  "labs",    "networks", "electronics", "semiconductor",
        "steel",    "chemicals", "telecom", "bank",     "inc.",        "corp.",
        "ltd.",     "co.",       "plc",     "ag",       "gmbh",        "llc"};
    for (size_t i = 0; i + 1 < toks.size(); ++i) {
      const bool initial = i == 0 || (toks[i - 1].tag == Tag::kPunct && toks[i - 1].text != ",");
      // The word may read as an adjective too ("Orbital Foods", "Pacific Motors").
      if (!initial || !toks[i].capitalized || toks[i].all_caps ||
          (toks[i].tag != Tag::kNoun && toks[i].tag != Tag::kAdj)) {
        continue;
      }
      if (toks[i + 1].tag != Tag::kProper || kDesignator.count(toks[i + 1].lower) == 0) continue;
      toks[i].tag = Tag::kProper;
      toks[i].lemma = toks[i].lower;
    }
  }
  // Pass 3: "that" after a noun and before a verb-ish word is a relative
  // pronoun; "that" after a verb is a complementizer (kSub).
  for (size_t i = 0; i < toks.size(); ++i) {
    Token& t = toks[i];
    if (t.lower != "that" || t.tag != Tag::kDet) continue;
    const Tag prev = i > 0 ? toks[i - 1].tag : Tag::kPunct;
    const Tag next = i + 1 < toks.size() ? toks[i + 1].tag : Tag::kPunct;
    if ((prev == Tag::kNoun || prev == Tag::kProper) &&
        (next == Tag::kVerb || next == Tag::kAux || next == Tag::kModal || next == Tag::kAdv)) {
      t.tag = Tag::kWh;
    } else if (prev == Tag::kVerb && IsReportingVerb(toks[i - 1].lemma)) {
      t.tag = Tag::kSub;  // "indicated that organic compounds could …"
    } else if (prev == Tag::kVerb || (prev == Tag::kPunct && i > 0) || next == Tag::kDet ||
               next == Tag::kProper || next == Tag::kPron || next == Tag::kNum) {
      if (!(next == Tag::kNoun || next == Tag::kAdj)) t.tag = Tag::kSub;
    }
  }
}

bool PluralAcronym(std::string_view w) {
  if (w.size() < 3 || w.back() != 's') return false;
  return std::all_of(w.begin(), w.end() - 1,
                     [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
}

bool IsReportingVerb(std::string_view lemma) {
  static const std::unordered_set<std::string_view> kVerbs = {
      "say",    "add",      "report",   "indicate", "show",    "believe", "think",       "note",
      "argue",  "claim",    "announce", "state",    "suggest", "warn",    "estimate",    "predict",
      "insist", "explain",  "reveal",   "confirm",  "deny",    "admit",   "acknowledge", "fear",
      "expect", "assert",   "contend",  "maintain", "tell",    "write",   "feel",        "hope",
      "know",   "conclude", "find",     "recall",   "agree",   "mean",    "realize",     "learn"};
  return kVerbs.count(lemma) > 0;
}

bool HintsCouldChange(const std::vector<Token>& toks) {
  // Mirrors the overrides of pass 2b in TagTokens: a token counts when some
  // parse class could replace the tag it got from the context rules.
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.tag != Tag::kNoun && t.tag != Tag::kVerb && t.tag != Tag::kAdj) continue;
    const Cand c = Candidates(t.lower);
    const Tag prev_tag = i > 0 ? toks[i - 1].tag : Tag::kPunct;
    const Tag next_tag = i + 1 < toks.size() ? toks[i + 1].tag : Tag::kPunct;
    const bool subject_slot = prev_tag == Tag::kNoun || prev_tag == Tag::kProper || prev_tag == Tag::kPron ||
                              prev_tag == Tag::kWh || prev_tag == Tag::kModal || prev_tag == Tag::kTo ||
                              prev_tag == Tag::kAdv;
    if (t.tag == Tag::kNoun && c.verb && !EndsWith(t.lower, "ing") && subject_slot && next_tag != Tag::kNoun)
      return true;
    if (t.tag == Tag::kVerb && c.noun && prev_tag != Tag::kTo && prev_tag != Tag::kModal) return true;
    if ((t.tag == Tag::kVerb || t.tag == Tag::kNoun) && c.adj) return true;
  }
  return false;
}

std::vector<Token> TagSentence(std::string_view sentence, const NameOracle& is_name) {
  auto toks = Tokenize(sentence);
  TagTokens(toks, is_name);
  return toks;
}

}  // namespace kg::loader::text
