#include "loader/extract/clauses.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

namespace kg::loader::extract {
namespace {

using text::Tag;
using text::Token;
using text::VerbForm;

bool In(const std::string& w, std::initializer_list<const char*> set) {
  for (const char* s : set) {
    if (w == s) return true;
  }
  return false;
}

bool NpStartTag(Tag t) {
  return t == Tag::kDet || t == Tag::kPoss || t == Tag::kAdj || t == Tag::kNoun || t == Tag::kProper ||
         t == Tag::kNum || t == Tag::kPron;
}
bool NpBodyTag(Tag t) { return t == Tag::kAdj || t == Tag::kNoun || t == Tag::kProper || t == Tag::kNum; }
bool HeadTag(Tag t) { return t == Tag::kNoun || t == Tag::kProper || t == Tag::kNum || t == Tag::kPron; }

// Nouns whose "for"-complement belongs to them ("need for X", "demand for X").
bool TimeNoun(const std::string& w) {
  return In(w,
            {"year",     "years",    "week",      "weeks",    "month",  "months",   "quarter",   "quarters",
             "day",      "days",     "decade",    "spring",   "summer", "autumn",   "fall",      "winter",
             "monday",   "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",    "january",
             "february", "march",    "april",     "june",     "july",   "august",   "september", "october",
             "november", "december", "morning",   "evening"});
}

bool RelationalNoun(const std::string& lemma) {
  return In(lemma, {"need",      "demand",     "support",     "plan",   "call",    "bid",
                    "potential", "room",       "funding",     "market", "access",  "responsibility",
                    "platform",  "solution",   "opportunity", "hub",    "center",  "centre",
                    "capacity",  "preference", "appetite",    "search", "request", "application"});
}

// "MinCiencia", "BaFin": a single capitalized word with a second capital
// inside, used as a short name in brackets.
bool IsCamelAcronym(const std::string& w) {
  if (w.size() < 4 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
  size_t caps = 0;
  for (char c : w) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++caps;
  }
  return caps >= 2 && caps < w.size();
}

// Whether an acronym of three or more letters spells the first initials of a
// name ("ised" of "isedc") or all of them in another order ("cnmc" of "ncmc").
bool InitialsFit(const std::string& want, const std::string& init) {
  if (want.size() < 3 || init.size() < want.size()) return false;
  if (init.compare(0, want.size(), want) == 0) return true;
  if (init.size() != want.size()) return false;
  std::string a = want, b = init;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

bool InstitutionWord(const std::string& w) {
  return In(w, {"ministry", "department", "commission", "agency", "authority", "council", "office", "bureau",
                "institute", "administration", "bank", "board", "directorate", "secretariat", "service"});
}

class Analyzer {
 public:
  Analyzer(std::vector<Token> toks, const std::vector<Range>& items) : items_(items) {
    a_.tokens = std::move(toks);
    n_ = static_cast<int>(a_.tokens.size());
    a_.np_of_token.assign(static_cast<size_t>(n_), -1);
    in_item_.assign(static_cast<size_t>(n_), -1);
    for (size_t k = 0; k < items_.size(); ++k) {
      for (int i = items_[k].begin; i < items_[k].end && i < n_; ++i)
        in_item_[static_cast<size_t>(i)] = static_cast<int>(k);
    }
  }

  SentenceAnalysis Run() {
    ChunkNounPhrases();
    FindClauses();
    FindExamplesAndAppositions();
    return std::move(a_);
  }

 private:
  const Token& T(int i) const { return a_.tokens[static_cast<size_t>(i)]; }
  Tag TagAt(int i) const { return i >= 0 && i < n_ ? T(i).tag : Tag::kPunct; }
  const std::string& W(int i) const {
    static const std::string kEmpty;
    return i >= 0 && i < n_ ? T(i).lower : kEmpty;
  }
  int NpAt(int i) const { return i >= 0 && i < n_ ? a_.np_of_token[static_cast<size_t>(i)] : -1; }
  bool NpStartsAt(int i) const {
    const int np = NpAt(i);
    return np >= 0 && a_.nps[static_cast<size_t>(np)].range.begin == i;
  }
  NounPhrase& Np(int idx) { return a_.nps[static_cast<size_t>(idx)]; }
  // The words of a bound before a number at `i` ("up to", "at least", "at
  // most", "as much as", "as many as"), 0 when there is none.
  int BoundWords(int i) const {
    if (((W(i) == "up" && W(i + 1) == "to") || (W(i) == "at" && In(W(i + 1), {"least", "most"}))) &&
        TagAt(i + 2) == Tag::kNum)
      return 2;
    if (W(i) == "as" && In(W(i + 1), {"much", "many"}) && W(i + 2) == "as" && TagAt(i + 3) == Tag::kNum)
      return 3;
    return 0;
  }

  // The first word of an institution's name ending at `end` (exclusive):
  // capitalized words joined by "of/on/for/and/&" and commas, containing an
  // institution word ("Ministry of Science, Technology and Innovation"); -1
  // when there is none. A possessive ("Chile's") or a lower-case word stops it.
  int InstitutionNameStart(int end) const {
    int s = -1;
    bool institution = false;
    for (int q = end - 1; q >= 0 && q >= end - 16; --q) {
      const Token& t = T(q);
      if (t.capitalized) {
        s = q;
        institution = institution || InstitutionWord(t.lower);
      } else if (!In(t.lower, {"of", "on", "for", "and", "&", ","})) {
        break;
      }
    }
    return institution ? s : -1;
  }

  // Whether tokens [b, e) hold an amount of money: a currency sign on the
  // first token ("$15.24", "US$2", "€5", "£3", "¥40") or a currency word.
  bool CurrencyMarked(int b, int e) const {
    if (b >= e) return false;
    const std::string& first = T(b).text;
    for (const char* sign : {"$", "US$", "\u20ac", "\u00a3", "\u00a5", "C$", "A$", "S$", "HK$", "R$"}) {
      if (first.rfind(sign, 0) == 0 && first.size() > std::string(sign).size()) return true;
    }
    for (int q = b; q < e; ++q) {
      if (In(W(q), {"yen", "euros", "dollars", "pounds", "yuan", "won", "rupees", "francs", "reais", "pesos",
                    "usd", "eur", "jpy", "gbp", "cny"}))
        return true;
    }
    return false;
  }

  // ---- Noun phrases ----------------------------------------------------
  void ChunkNounPhrases() {
    int i = 0;
    while (i < n_) {
      const Tag t = T(i).tag;
      bool demonstrative_alone = t == Tag::kDet && In(W(i), {"this", "that", "these", "those"}) &&
                                 !(NpBodyTag(TagAt(i + 1)) || TagAt(i + 1) == Tag::kAdv);
      // "Some have been training …", "Many left": a quantifier standing alone
      // before a verb.
      const Tag nt = TagAt(i + 1);
      if (t == Tag::kDet && (i == 0 || T(i - 1).tag == Tag::kPunct || T(i - 1).tag == Tag::kConj) &&
          In(W(i), {"some", "many", "most", "all", "both", "several", "few", "none", "each", "others"}) &&
          (nt == Tag::kAux || nt == Tag::kModal ||
           (nt == Tag::kVerb && T(i + 1).form != VerbForm::kGerund))) {
        demonstrative_alone = true;
      }
      if (t == Tag::kPron || demonstrative_alone) {
        AddNp(i, i + 1, i, i + 1);
        Np(static_cast<int>(a_.nps.size()) - 1).pronoun = t == Tag::kPron || demonstrative_alone;
        ++i;
        continue;
      }
      if (t == Tag::kDet && W(i + 1) == "of" &&
          In(W(i), {"most", "many", "some", "all", "several", "each", "both", "few", "much", "any", "none",
                    "half", "more"})) {
        AddNp(i, i + 1, i, i + 1);  // "most of its batteries"
        ++i;
        continue;
      }
      // "released about 25 singles": an approximate count after a verb.
      const bool approx = i > 0 && T(i - 1).tag == Tag::kVerb && TagAt(i + 1) == Tag::kNum &&
                          In(W(i), {"about", "nearly", "almost", "approximately", "roughly", "around"});
      // "invest up to $8 billion", "at least 500 jobs", "as much as $2
      // billion": a bound, then the amount.
      const int bound = BoundWords(i);
      if (!approx && bound == 0 && !NpStartTag(t) &&
          !(t == Tag::kAdv && TagAt(i + 1) == Tag::kAdj && NpBodyTag(TagAt(i + 2)))) {
        ++i;
        continue;
      }
      int j = i;
      int core = i;
      while (j < n_ && (T(j).tag == Tag::kDet || T(j).tag == Tag::kPoss)) ++j;
      if (approx) ++j;
      j += bound;
      // "more than $350 billion", "less than 5 %": a comparative quantity.
      if (j > i && j + 1 < n_ && W(j) == "than" && In(W(j - 1), {"more", "less", "fewer"}) &&
          (T(j + 1).tag == Tag::kNum || In(W(j + 1), {"a", "an", "half", "one"}))) {
        ++j;
        while (j < n_ && T(j).tag == Tag::kDet) ++j;
      }
      core = j;
      int last_head = -1;
      int amount_end = -1;  // after a closing bracketed amount, if any
      while (j < n_) {
        const Tag tj = T(j).tag;
        // "Norway next year": a time phrase is a phrase of its own.
        if (j > core && In(W(j), {"next", "last", "this", "coming", "previous", "past", "early", "late"}) &&
            j + 1 < n_ && TimeNoun(W(j + 1))) {
          break;
        }
        // "a 1.5 trillion yen ($10 billion) investment": a bracketed amount.
        if (W(j) == "(" && j > core &&
            (T(j - 1).tag == Tag::kNum ||
             // "9 billion crowns (…)": a unit noun right after a number.
             (T(j - 1).tag == Tag::kNoun && j - 2 >= core && T(j - 2).tag == Tag::kNum) ||
             In(W(j - 1), {"yen", "euros", "euro", "dollars", "dollar", "pounds", "pound", "yuan", "won",
                           "rupees", "rupee", "francs", "franc", "reais", "pesos", "peso"}))) {
          int q = j + 1;
          while (q < n_ && q < j + 6 && W(q) != ")" && (T(q).tag == Tag::kNum || T(q).tag == Tag::kPunct))
            ++q;
          if (q < n_ && W(q) == ")" && q > j + 1 && q + 1 < n_ && NpBodyTag(T(q + 1).tag)) {
            j = q + 1;
            continue;
          }
          // "invest 2.26 trillion yen ($15.24 billion) in …": the converted
          // amount closes the phrase, so the arguments after it stay with
          // the verb and both amounts stay with the phrase.
          if (q < n_ && W(q) == ")" && q > j + 1 && last_head >= 0 && CurrencyMarked(j + 1, q)) {
            amount_end = q + 1;
            j = q + 1;
            break;
          }
        }
        // A quoted modifier: a final `` take-it-or-leave-it '' offer.
        if ((W(j) == "``" || W(j) == "\"") && j > i) {
          int q = j + 1;
          while (q < n_ && q < j + 14 && W(q) != "''" && W(q) != "\"") ++q;
          if (q < n_ && q < j + 14 && q + 1 < n_ && NpBodyTag(T(q + 1).tag) && q > j + 1) {
            j = q + 1;
            continue;
          }
        }
        // "After a short absence Keibler began": a name after a common noun
        // starts a new phrase.
        if (tj == Tag::kProper && j > core && T(j - 1).tag == Tag::kNoun && !T(j - 1).capitalized &&
            T(j - 1).text != "%") {
          break;
        }
        if (NpBodyTag(tj)) {
          if (HeadTag(tj)) last_head = j;
          ++j;
          continue;
        }
        if (tj == Tag::kAdv && j + 1 < n_ && T(j + 1).tag == Tag::kAdj &&
            j > core) {  // "increasingly digital"
          ++j;
          continue;
        }
        if (tj == Tag::kAdv && j == core && j + 1 < n_ && T(j + 1).tag == Tag::kAdj) {
          ++j;
          continue;
        }
        if (tj == Tag::kPossMark && last_head == j - 1 && j + 1 < n_ &&
            (NpBodyTag(T(j + 1).tag) || In(W(j + 1), {"most", "more", "other", "many", "several", "first"}) ||
             (T(j + 1).tag == Tag::kAdv && j + 2 < n_ && NpBodyTag(T(j + 2).tag)))) {
          ++j;  // "Microsoft 's global AI strategy"
          continue;
        }
        if (W(j) == "-" && j > core && NpBodyTag(T(j - 1).tag) && j + 1 < n_ && NpBodyTag(T(j + 1).tag)) {
          ++j;  // pre-tokenized compounds: "flex - time work schedules"
          continue;
        }
        if ((W(j) == "and" || W(j) == "or") && j > core && T(j - 1).tag == Tag::kAdj && j + 2 < n_ &&
            T(j + 1).tag == Tag::kAdj && NpBodyTag(T(j + 2).tag)) {
          ++j;  // "rare and endemic plants"
          continue;
        }
        if (tj == Tag::kDet && j > 0 && T(j - 1).tag == Tag::kPossMark) {
          ++j;
          continue;
        }
        if (tj == Tag::kAdv && j > 0 && T(j - 1).tag == Tag::kPossMark && j + 1 < n_ &&
            NpBodyTag(T(j + 1).tag)) {
          ++j;
          continue;
        }
        if (W(j) == "&" && TagAt(j - 1) == Tag::kProper && TagAt(j + 1) == Tag::kProper) {
          ++j;
          continue;
        }
        break;
      }
      if (last_head < 0) {
        i = std::max(j, i + 1);
        continue;
      }
      // Trailing adjectives are not part of the phrase ("is critical").
      int end = last_head + 1;
      if (amount_end > 0) {
        end = amount_end;
        AddNp(i, end, core, end);
        a_.nps.back().head = last_head;  // "yen", not the bracketed "billion"
      } else {
        AddNp(i, end, core, end);
      }
      i = end;
    }
    // Proper names continue over "of"/"for"/"and" + proper ("Ministry of
    // Economy", "Bank of Japan"), and common phrases take their "of"
    // complement ("one of the largest investments").
    for (size_t k = 0; k + 1 < a_.nps.size(); ++k) {
      NounPhrase& a = a_.nps[k];
      NounPhrase& b = a_.nps[k + 1];
      if (a.range.end + 1 != b.range.begin) continue;
      const std::string& link = W(a.range.end);
      const bool a_proper = T(a.head).tag == Tag::kProper;
      const bool b_proper_start = T(b.core.begin).tag == Tag::kProper && b.core.begin == b.range.begin;
      bool merge = false;
      if (link == "of" && !a.pronoun && !b.pronoun) merge = true;
      if (link == "of" && a.pronoun && W(a.head) == "one") merge = true;
      if ((link == "for") && RelationalNoun(T(a.head).lemma) && !a_proper) merge = true;
      if (link == "for" && a_proper && b_proper_start && T(b.head).tag == Tag::kProper) merge = true;
      // A bullet item is one phrase: "- An aging population in rural regions"
      // (a bare restrictive complement; "… in an increasingly digital economy"
      // sets the scene and stays apart).
      if (!merge && !a_proper && !a.pronoun && !b.pronoun && T(a.range.end).tag == Tag::kPrep &&
          b.core.begin == b.range.begin && T(b.range.begin).tag != Tag::kDet &&
          in_item_[static_cast<size_t>(a.range.begin)] >= 0 &&
          in_item_[static_cast<size_t>(a.range.begin)] == in_item_[static_cast<size_t>(b.range.end - 1)] &&
          b.range.end == items_[static_cast<size_t>(in_item_[static_cast<size_t>(a.range.begin)])].end) {
        merge = true;
      }
      if (merge) {
        a.range.end = b.range.end;
        a.core.end = b.range.end;
        if (!(a_proper && b_proper_start)) {
          // The head stays the head of the first phrase.
        } else {
          a.head = b.head;
        }
        a_.nps.erase(a_.nps.begin() + static_cast<long>(k) + 1);
        --k;
        if (k + 1 > a_.nps.size()) break;
      }
    }
    // Parenthesized acronyms: "(METI)" after a name; extend the name to the
    // words whose initials spell the acronym.
    for (size_t k = 0; k < a_.nps.size(); ++k) {
      NounPhrase& np = a_.nps[k];
      const int p = np.range.end;
      if (!(W(p) == "(" && p + 2 < n_ && W(p + 2) == ")" &&
            (T(p + 1).all_caps || IsCamelAcronym(T(p + 1).text)) && T(p + 1).text.size() <= 12))
        continue;
      const std::string acr = T(p + 1).text;
      np.acronym = acr;
      std::string want;
      for (char c : acr) want.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      for (int s = np.range.end - 1; s >= std::max(0, np.range.end - 14); --s) {
        if (!T(s).capitalized) continue;
        std::string init, init_all;
        for (int q = s; q < np.range.end; ++q) {
          if (T(q).tag == Tag::kPunct) continue;
          init_all.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(T(q).text[0]))));
          if (T(q).capitalized)
            init.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(T(q).text[0]))));
        }
        // Also: the acronym spells the first words only ("Innovation, Science
        // and Economic Development Canada (ISED)") or the words of the name in
        // another language's order ("National Commission on Markets and
        // Competition (CNMC)").
        if (init == want || init_all == want || InitialsFit(want, init) ||
            (s == InstitutionNameStart(np.range.end) && s >= 0)) {
          // Merge every phrase in [s, end) into this one.
          size_t first = k;
          while (first > 0 && a_.nps[first - 1].range.end > s) --first;
          if (first < k) {
            NounPhrase merged = a_.nps[first];
            merged.range.end = np.range.end;
            merged.core.end = np.range.end;
            merged.head = np.head;
            merged.acronym = acr;
            // "Chile's Ministry of … (MinCiencia)": the acronym names the
            // ministry, not the possessor's phrase.
            if (merged.range.begin < s && s > 0 && W(s - 1) == "'s") {
              merged.range.begin = s;
              merged.core.begin = s;
            }
            a_.nps.erase(a_.nps.begin() + static_cast<long>(first) + 1,
                         a_.nps.begin() + static_cast<long>(k) + 1);
            a_.nps[first] = merged;
            k = first;
          }
          break;
        }
      }
      a_.nps[k].proper = true;
      // Inside a name its acronym spells, capitalized words are name words
      // even where the tagger read a common noun ("Innovation, Science …").
      for (int q = a_.nps[k].core.begin; q < a_.nps[k].core.end; ++q) {
        Token& t = a_.tokens[static_cast<size_t>(q)];
        if (t.capitalized && (t.tag == Tag::kNoun || t.tag == Tag::kAdj)) t.tag = Tag::kProper;
      }
      // The parenthesis belongs to the name; drop the acronym's own phrase.
      const int close = a_.nps[k].range.end + 2;
      if (close < n_ && W(close) == ")") {
        if (k + 1 < a_.nps.size() && a_.nps[k + 1].range.begin == a_.nps[k].range.end + 1) {
          a_.nps.erase(a_.nps.begin() + static_cast<long>(k) + 1);
        }
        a_.nps[k].range.end = close + 1;
      }
    }
    // Index tokens, mark proper runs and possessors.
    std::fill(a_.np_of_token.begin(), a_.np_of_token.end(), -1);
    for (size_t k = 0; k < a_.nps.size(); ++k) {
      NounPhrase& np = a_.nps[k];
      for (int q = np.range.begin; q < np.range.end; ++q)
        a_.np_of_token[static_cast<size_t>(q)] = static_cast<int>(k);
      np.proper = np.proper || T(np.head).tag == Tag::kProper;
      np.names.clear();
      int q = np.core.begin;
      while (q < np.core.end) {
        if (T(q).tag == Tag::kProper) {
          int r = q;
          while (r < np.core.end && (T(r).tag == Tag::kProper || T(r).tag == Tag::kNum ||
                                     ((W(r) == "of" || W(r) == "&" || W(r) == "and" || W(r) == "for" ||
                                       W(r) == "," || (W(r) == "on" && !np.acronym.empty())) &&
                                      r + 1 < np.core.end && T(r + 1).tag == Tag::kProper &&
                                      (!np.acronym.empty() || W(r) == "of" || W(r) == "&")))) {
            ++r;
          }
          while (r > q && T(r - 1).tag == Tag::kNum) --r;
          if (r > q) np.names.push_back(Range{q, r});
          q = std::max(r, q + 1);
        } else {
          ++q;
        }
      }
    }
    // Possessors: "Microsoft's X" within one phrase is handled by names; an
    // NP ending in "'s" followed directly by another NP owns it.
    for (size_t k = 0; k + 1 < a_.nps.size(); ++k) {
      if (W(a_.nps[k].range.end) == "'s" && a_.nps[k + 1].range.begin == a_.nps[k].range.end + 1) {
        a_.nps[k + 1].possessor = static_cast<int>(k);
      }
    }
  }

  void AddNp(int b, int e, int cb, int ce) {
    NounPhrase np;
    np.range = Range{b, e};
    np.core = Range{cb, ce};
    np.head = e - 1;
    // "Microsoft 's investment": the head is the last head-tag token.
    for (int q = e - 1; q >= cb; --q) {
      if (HeadTag(T(q).tag)) {
        np.head = q;
        break;
      }
    }
    a_.nps.push_back(np);
  }

  // ---- Lists -------------------------------------------------------------
  // Coordinated NPs starting with the NP that begins at token i. Returns the
  // list and sets *end to the token after it.
  NpList ListAt(int i, int* end, bool subject_list = false) {
    NpList out;
    *end = i;
    const int first = NpAt(i);
    if (first < 0) return out;
    // Bullet items: the whole attached list.
    const int item = in_item_[static_cast<size_t>(i)];
    if (item >= 0) {
      int p = items_[static_cast<size_t>(item)].begin;
      while (p < i && NpAt(p) < 0) ++p;
      if (p == i) return ItemsFrom(item, end);
    }
    out.push_back(first);
    int pos = Np(first).range.end;
    std::vector<int> tentative;
    while (pos < n_) {
      if (W(pos) == "," && NpStartsAt(pos + 1) && in_item_[static_cast<size_t>(pos + 1)] < 0) {
        const int np = NpAt(pos + 1);
        if (Np(np).pronoun) break;
        tentative.push_back(np);
        pos = Np(np).range.end;
        continue;
      }
      int conj = -1;
      if (T(pos).tag == Tag::kConj && (W(pos) == "and" || W(pos) == "or")) conj = pos;
      if (W(pos) == "," && pos + 1 < n_ && T(pos + 1).tag == Tag::kConj &&
          (W(pos + 1) == "and" || W(pos + 1) == "or")) {
        conj = pos + 1;
      }
      if (conj >= 0 && NpStartsAt(conj + 1) && (subject_list || !StartsClause(NpAt(conj + 1)))) {
        const int np = NpAt(conj + 1);
        // "X and Y are" — a conjunct followed by a verb of its own starts a
        // new clause only when a subject precedes; keep it simple: accept.
        if (Np(np).pronoun) break;
        for (int t : tentative) out.push_back(t);
        tentative.clear();
        out.push_back(np);
        pos = Np(np).range.end;
        // Continue in case of "A and B, C and D" (rare): stop here.
        break;
      }
      break;
    }
    // Commas without a closing conjunction are not a list (appositions).
    *end = Np(out.back()).range.end;
    return out;
  }

  // Whether the NP is followed by a finite verb of its own ("…, and the
  // workers were addressed"): then it starts a clause, not a list member.
  bool StartsClause(int np) const {
    int e = a_.nps[static_cast<size_t>(np)].range.end;
    // Skip a following list ("A and B were …").
    for (int guard = 0; guard < 6 && e < n_; ++guard) {
      if ((W(e) == "," || W(e) == "and" || W(e) == "or") && e + 1 < n_ && NpAt(e + 1) >= 0) {
        e = a_.nps[static_cast<size_t>(NpAt(e + 1))].range.end;
        continue;
      }
      break;
    }
    if (e >= n_) return false;
    const Tag t = T(e).tag;
    if (t == Tag::kModal || (t == Tag::kAux && W(e) != "having" && W(e) != "being")) return true;
    if (t == Tag::kVerb && T(e).form != VerbForm::kGerund && T(e).form != VerbForm::kBase &&
        T(e).form != VerbForm::kPastPart) {
      return T(e).form == VerbForm::kPres3 || (T(e).form == VerbForm::kPast && NpAt(e + 1) >= 0);
    }
    return false;
  }

  NpList ItemsFrom(int item, int* end) {
    NpList out;
    for (size_t k = static_cast<size_t>(item); k < items_.size(); ++k) {
      const Range r = items_[k];
      int p = r.begin;
      while (p < r.end && !NpStartsAt(p)) ++p;
      if (p >= r.end) continue;
      int e = p;
      // Within one item, coordination splits ("Aging population and labor shortages").
      const int first = NpAt(p);
      out.push_back(first);
      int pos = Np(first).range.end;
      while (pos < r.end) {
        if ((W(pos) == "and" || W(pos) == "or" || W(pos) == ",") && NpStartsAt(pos + 1)) {
          const int np = NpAt(pos + 1);
          out.push_back(np);
          pos = Np(np).range.end;
          continue;
        }
        if (W(pos) == "," && (W(pos + 1) == "and" || W(pos + 1) == "or") && NpStartsAt(pos + 2)) {
          const int np = NpAt(pos + 2);
          out.push_back(np);
          pos = Np(np).range.end;
          continue;
        }
        break;
      }
      e = r.end;
      *end = e;
    }
    if (out.empty()) *end = items_.empty() ? n_ : items_.back().end;
    return out;
  }

  // ---- Clauses ---------------------------------------------------------
  bool VerbStart(int i) const {
    const Tag t = TagAt(i);
    if (NpAt(i) >= 0) return false;
    if (t == Tag::kVerb || t == Tag::kAux || t == Tag::kModal) return true;
    if ((t == Tag::kAdv || t == Tag::kNeg) && i + 1 < n_) {
      int k = i;
      while (k < n_ && (TagAt(k) == Tag::kAdv || TagAt(k) == Tag::kNeg) && NpAt(k) < 0) ++k;
      return k < n_ && NpAt(k) < 0 &&
             (TagAt(k) == Tag::kVerb || TagAt(k) == Tag::kAux || TagAt(k) == Tag::kModal);
    }
    return false;
  }

  void FindClauses() {
    int i = 0;
    while (i < n_) {
      bool infinitive = false;
      int start = i;
      // "according to sources", "due to rising costs": a preposition, not an infinitive.
      if (T(i).tag == Tag::kTo && NpAt(i) < 0 && !In(W(i - 1), {"according", "due", "prior", "owing"})) {
        int k = i + 1;
        while (k < n_ && (TagAt(k) == Tag::kAdv || TagAt(k) == Tag::kNeg)) ++k;
        if (k < n_ && NpAt(k) < 0 &&
            (TagAt(k) == Tag::kVerb || (TagAt(k) == Tag::kAux && W(k) == "be") ||
             (TagAt(k) == Tag::kAux && W(k) == "have"))) {
          infinitive = true;
          start = i;
          i = i + 1;
        }
      }
      if (!infinitive && !VerbStart(i)) {
        ++i;
        continue;
      }
      Clause c;
      c.infinitive = infinitive;
      int j = i;
      int main = -1;
      int last_aux = -1;
      bool saw_be = false, saw_have = false;
      while (j < n_ && NpAt(j) < 0) {
        const Tag tj = T(j).tag;
        if (tj == Tag::kModal) {
          // Not "would": in news it is mostly reported "will" ("said it
          // would invest"); a conditional "would" comes with its condition,
          // which the tree hedges (tree_clauses.cc).
          if (In(W(j), {"may", "might", "could", "should"})) c.hedged = true;
          ++j;
          continue;
        }
        if (tj == Tag::kAux) {
          // "has been", "is being": an aux after a main verb ends the group.
          if (main >= 0) break;
          if (text::IsBeForm(W(j))) saw_be = true;
          if (text::IsHaveForm(W(j))) saw_have = true;
          last_aux = j;
          ++j;
          continue;
        }
        if (tj == Tag::kNeg) {
          // "is not only a drink but also …" affirms.
          if (!text::NotOnly(W(j), j + 1 < n_ ? W(j + 1) : "")) c.negated = true;
          ++j;
          continue;
        }
        if (tj == Tag::kAdv && main < 0) {
          if (W(j) == "no" || W(j) == "never") c.negated = true;
          ++j;
          continue;
        }
        if (tj == Tag::kVerb && main < 0) {
          main = j;
          ++j;
          continue;
        }
        break;
      }
      // "no longer": the adverb "no" is a determiner in the lexicon.
      for (int q = start; q < j; ++q) {
        if (W(q) == "no" && W(q + 1) == "longer") c.negated = true;
      }
      if (main < 0) {
        if (last_aux < 0) {
          i = std::max(j, i + 1);
          continue;
        }
        main = last_aux;  // copula or possession
        // Strip trailing adverbs back out of the group.
        j = main + 1;
      } else {
        // Trailing adverbs after the main verb are not part of the relation
        // but are skipped when looking for objects.
      }
      // Particles ("set up", "roll out") join the verb when a phrase follows.
      if (main != last_aux && j < n_ && !NpStartsAt(j) &&
          In(W(j), {"up", "out", "off", "down", "back", "over", "away"}) &&
          (j + 1 >= n_ || NpStartsAt(j + 1) || T(j + 1).tag == Tag::kPunct || T(j + 1).tag == Tag::kPrep ||
           T(j + 1).tag == Tag::kTo || T(j + 1).tag == Tag::kAdv)) {
        ++j;
      }
      c.main_verb = main;
      const Token& mv = T(main);
      c.lemma = mv.tag == Tag::kAux ? mv.lemma : mv.lemma;
      c.passive = saw_be && main != last_aux &&
                  (mv.form == VerbForm::kPast || mv.form == VerbForm::kPastPart) && !(saw_have && !saw_be);
      if (main != last_aux && mv.form == VerbForm::kGerund && last_aux < 0 && !infinitive) c.gerund = true;
      c.verb_group = Range{start, j};
      c.span = c.verb_group;
      const int ci = static_cast<int>(a_.clauses.size());
      FindSubject(c, ci);
      int k = j;
      if (!c.subject.empty() && Np(c.subject.front()).range.begin == j) k = Np(c.subject.front()).range.end;
      while (k < n_ && (T(k).tag == Tag::kAdv) && NpAt(k) < 0) ++k;
      FindObjects(c, k);
      a_.clauses.push_back(std::move(c));
      i = std::max(j, i + 1);
    }
    // Forward subjects: "By investing …, Microsoft is …".
    for (size_t k = 0; k < a_.clauses.size(); ++k) {
      Clause& c = a_.clauses[k];
      if (!c.subject.empty() || c.subject_from >= 0 || !c.gerund) continue;
      for (size_t q = k + 1; q < a_.clauses.size(); ++q) {
        const Clause& d = a_.clauses[q];
        if (!d.gerund && !d.infinitive && !d.subject.empty() && d.subject_from < 0) {
          c.subject = d.subject;
          c.subject_from = static_cast<int>(q);
          break;
        }
      }
    }
    // Chains: "By expanding A, enhancing B, and investing in C, X …".
    for (auto& c : a_.clauses) {
      if (c.subject.empty() && c.subject_from >= 0)
        c.subject = a_.clauses[static_cast<size_t>(c.subject_from)].subject;
    }
  }

  // The subject list ending right before token e (inclusive of PP modifiers).
  NpList SubjectEndingAt(int e, int* subject_begin) {
    NpList out;
    int np = NpAt(e);
    if (np < 0 || Np(np).range.end != e + 1) return out;
    // Coordinated subjects leftwards: "A, B, and C", "A and B".
    out.push_back(np);
    int b = Np(np).range.begin;
    bool coordinated = false;
    // "… in Kenya, Tanzania and Uganda, and it plans …": a pronoun after
    // "and" starts its own clause; it is not the last member of the list.
    const bool lone_pronoun = Np(np).pronoun;
    bool governed_list = false;
    while (b > 0 && !lone_pronoun) {
      int p = b - 1;
      if (T(p).tag == Tag::kConj && (W(p) == "and" || W(p) == "or")) {
        int q = p - 1;
        if (W(q) == ",") --q;
        const int prev = NpAt(q);
        const Tag before = TagAt(prev >= 0 ? Np(prev).range.begin - 1 : -1);
        const bool governed =
            before == Tag::kPrep || before == Tag::kVerb || before == Tag::kAux || before == Tag::kTo;
        if (prev >= 0 && Np(prev).range.end == q + 1 && !Np(prev).pronoun && !governed) {
          out.insert(out.begin(), prev);
          b = Np(prev).range.begin;
          coordinated = true;
          continue;
        }
        break;
      }
      if (W(p) == "," && coordinated) {
        const int prev = NpAt(p - 1);
        const Tag before = TagAt(prev >= 0 ? Np(prev).range.begin - 1 : -1);
        const bool governed =
            before == Tag::kPrep || before == Tag::kVerb || before == Tag::kAux || before == Tag::kTo;
        if (prev >= 0 && Np(prev).range.end == p && !Np(prev).pronoun && !governed) {
          out.insert(out.begin(), prev);
          b = Np(prev).range.begin;
          continue;
        }
        // The list's first member is a preposition's or verb's object: the
        // whole list is, and the subject is only the last phrase.
        governed_list = prev >= 0 && Np(prev).range.end == p && governed;
      }
      break;
    }
    if (governed_list) {
      out.assign(1, np);
      b = Np(np).range.begin;
      coordinated = false;
    }
    // "Leadership in AI is": walk back over PP modifiers to the head phrase.
    if (!coordinated) {
      while (b > 1 && T(b - 1).tag == Tag::kPrep && W(b - 1) != "including" && W(b - 1) != "like") {
        const int prev = NpAt(b - 2);
        if (prev < 0 || Np(prev).range.end != b - 1) break;
        // "such as" lists keep the members as the subject (handled below).
        out.assign(1, prev);
        b = Np(prev).range.begin;
      }
    }
    *subject_begin = b;
    return out;
  }

  // Whether the words before token p hold a quotation or a clause of their
  // own, so that a following "said X" is an inverted attribution and not a
  // verb whose subject stands behind an apposition ("X, the author, wrote").
  bool QuoteOrClauseBefore(int p) const {
    if (p < 0) return true;
    for (int q = 0; q <= p; ++q) {
      if (W(q) == "\"" || W(q) == "''" || W(q) == "``") return true;
    }
    return !a_.clauses.empty() && a_.clauses.front().verb_group.begin < p;
  }

  // "based in Boston", "founded in 2021" right after a noun phrase: a reduced
  // relative clause (no auxiliary) describing that phrase.
  bool IsBareDescriptiveParticiple(const Clause& c) const {
    if (c.main_verb < 0 || c.verb_group.begin != c.main_verb || c.infinitive || c.gerund) return false;
    if (!In(c.lemma, {"base", "headquarter", "found", "locate", "establish", "own", "run", "backed", "back"}))
      return false;
    return T(c.main_verb).form == VerbForm::kPastPart || T(c.main_verb).form == VerbForm::kPast;
  }

  void FindSubject(Clause& c, int ci) {
    int p = c.verb_group.begin - 1;
    if (c.infinitive || c.gerund) {
      // Governed clause: the nearest clause to the left is the parent.
      if (ci > 0) {
        int pi = ci - 1;
        // "X had partnered with Y, an AI startup based in Boston, to train …":
        // a bare participle describing a phrase ("based", "founded") is not
        // what the infinitive continues.
        if (pi > 0 && IsBareDescriptiveParticiple(a_.clauses[static_cast<size_t>(pi)])) --pi;
        const Clause& parent = a_.clauses[static_cast<size_t>(pi)];
        c.parent = pi;
        const bool control = In(parent.lemma, {"enable", "allow", "help", "ask", "urge", "encourage", "force",
                                               "require", "invite", "push", "prompt", "permit", "empower",
                                               "persuade", "order", "tell", "want", "expect", "need"});
        const bool before_prep = p >= 0 && T(p).tag == Tag::kPrep;
        if (control && !parent.objects.empty() && !before_prep &&
            Np(parent.objects.back()).range.end == c.verb_group.begin) {
          c.subject = NpList{parent.objects.back()};
        } else if (before_prep && c.gerund) {
          // "by investing in …": subject of the main clause (may be later).
          if (!parent.subject.empty() && parent.verb_group.end <= p) {
            c.subject = parent.subject;
            c.subject_from = parent.subject_from >= 0 ? parent.subject_from : pi;
          } else {
            c.parent = -1;
          }
        } else {
          c.subject = parent.subject;
          c.subject_from = parent.subject_from >= 0 ? parent.subject_from : pi;
        }
      } else if (c.gerund && c.verb_group.begin > 0 && W(c.verb_group.begin - 1) != ",") {
        // A gerund after a noun with no clause before: a reduced relative
        // ("companies investing in …").
        int b = 0;
        NpList s = SubjectEndingAt(c.verb_group.begin - 1, &b);
        if (!s.empty()) c.subject = s;
      }
      if (c.subject.empty() && c.gerund && p >= 0 && NpAt(p) >= 0) {
        int b = 0;
        NpList s = SubjectEndingAt(p, &b);
        if (!s.empty()) {
          c.subject = s;
          c.subject_from = -1;
        }
      }
      return;
    }
    // Quote inversion: '"…," said Anna Berg' — the speaker follows the verb.
    if (In(c.lemma, {"say", "add", "note", "tell", "explain", "write", "comment"}) && c.objects.empty() &&
        NpStartsAt(c.verb_group.end) && (p < 0 || W(p) == "," || W(p) == "\"" || W(p) == "''") &&
        QuoteOrClauseBefore(p)) {
      c.subject = NpList{NpAt(c.verb_group.end)};
      c.subject_span = a_.nps[static_cast<size_t>(NpAt(c.verb_group.end))].range;
      return;
    }
    if (p < 0) return;
    // Relative clause: "… companies that invest early"; "Microsoft, which …".
    if (T(p).tag == Tag::kWh && In(W(p), {"who", "which", "that"})) {
      int q = p - 1;
      if (W(q) == ",") --q;
      int b = 0;
      NpList s = SubjectEndingAt(q, &b);
      if (!s.empty()) c.subject = NpList{s.back()};
      // "X is a Y who plays …": the relative clause describes X as well; Open
      // IE states it about the copula's subject.
      if (c.subject.size() == 1 && !a_.clauses.empty()) {
        const Clause& prev = a_.clauses.back();
        if (prev.lemma == "be" && !prev.passive && prev.objects.size() == 1 &&
            prev.objects.front() == c.subject.front() && prev.subject.size() == 1 &&
            !prev.subject_span.empty() && !Np(prev.subject.front()).pronoun) {
          c.subject = prev.subject;
          c.subject_span = prev.subject_span;
        }
      }
      return;
    }
    // "Vexa, based in Perth, bought …": a bare descriptive participle after a
    // name and a comma describes that name.
    if (W(p) == "," && p > 0 && NpAt(p - 1) >= 0 && IsBareDescriptiveParticiple(c) &&
        Np(NpAt(p - 1)).range.end == p) {
      c.subject = NpList{NpAt(p - 1)};
      return;
    }
    // "MinCiencia on Tuesday launched …", "The firm last week said …": a time
    // phrase between the subject and the verb is an adverbial (kept as the
    // clause's "on" phrase for dates), not the subject.
    if (const int tnp = NpAt(p); tnp >= 0 && TimeNoun(W(Np(tnp).head))) {
      const int tb = Np(tnp).range.begin;
      if (In(W(tb - 1), {"on", "in"}) && NpAt(tb - 2) >= 0 && T(tb - 1).tag == Tag::kPrep) {
        c.preps.push_back(PrepArg{W(tb - 1), tb - 1, NpList{tnp}});
        p = tb - 2;
      } else if (In(W(tb), {"last", "this", "earlier", "next"}) && NpAt(tb - 1) >= 0) {
        p = tb - 1;
      }
    }
    // "Volvo, which buys …, welcomed": skip one comma-delimited parenthetical.
    if (W(p) == "," && p > 1) {
      for (int q = p - 1; q > 0 && q > p - 30; --q) {
        if (W(q) != ",") continue;
        const std::string& opener = W(q + 1);
        // "Peter Kharitonov, deputy state secretary, wrote …": a lone noun
        // phrase between the commas is an apposition too.
        const bool lone_np = NpStartsAt(q + 1) && a_.nps[static_cast<size_t>(NpAt(q + 1))].range.end == p &&
                             !a_.nps[static_cast<size_t>(NpAt(q + 1))].pronoun;
        // ", at a severity of 6.0,", ", however,", ", for instance,".
        const bool adverbial = T(q + 1).tag == Tag::kPrep || T(q + 1).tag == Tag::kAdv;
        const bool paren = lone_np || adverbial ||
                           In(opener, {"which", "who", "whose", "where", "including", "such", "like", "a",
                                       "an", "the", "its", "their", "based", "founded", "headquartered",
                                       "called", "named", "dubbed", "known"});
        if (paren && NpAt(q - 1) >= 0 && a_.nps[static_cast<size_t>(NpAt(q - 1))].range.end == q) {
          p = q - 1;
          break;
        }
      }
    }
    if (NpAt(p) >= 0) {
      int b = 0;
      c.subject = SubjectEndingAt(p, &b);
      if (!c.subject.empty()) c.subject_span = Range{b, p + 1};
      c.span.begin = b;
      // A sentence-initial adverbial before the subject ("From 1970 to 1985, X …").
      if (b >= 2 && W(b - 1) == "," && (T(0).tag == Tag::kPrep || T(0).tag == Tag::kAdv)) {
        bool clean = true;
        for (int q = 0; q < b - 1; ++q) clean = clean && !VerbStart(q) && W(q) != ",";
        if (clean) c.frame = Range{0, b - 1};
      }
      return;
    }
    // VP coordination: "… announced X and opened Y" shares the subject; so
    // does a series "hears her out, asks questions and proposes …" whose
    // previous member ends right at the comma.
    const bool series = W(p) == "," && !a_.clauses.empty() && a_.clauses.back().span.end == p &&
                        !a_.clauses.back().subject.empty() && !a_.clauses.back().infinitive &&
                        !a_.clauses.back().gerund && c.main_verb >= 0 &&
                        T(c.main_verb).form != VerbForm::kGerund;
    if ((T(p).tag == Tag::kConj || series) && !a_.clauses.empty()) {
      const Clause& prev = a_.clauses.back();
      c.subject = prev.subject;
      c.subject_from = static_cast<int>(a_.clauses.size()) - 1;
      c.hedged = c.hedged || prev.hedged;
      if (prev.infinitive) c.parent = prev.parent;
      return;
    }
  }

  int CollectArgs(Clause& c, int k) {
    // Direct objects / complement.
    if (k < n_ && W(k) == ":" && !items_.empty() && k + 1 < n_ && in_item_[static_cast<size_t>(k + 1)] >= 0) {
      int end = k + 1;
      c.objects = ItemsFrom(in_item_[static_cast<size_t>(k + 1)], &end);
      return end;
    }
    // A quotation after a reporting verb: 'says, "We believe …'.
    if (text::IsReportingVerb(c.lemma) && k < n_ && (W(k) == "," || W(k) == ":")) {
      int q = k + 1;
      bool quoted = false;
      while (q < n_ && (W(q) == "``" || W(q) == "\"")) {
        quoted = true;
        ++q;
      }
      bool verb = false;
      for (int v = q; v < n_ && !verb; ++v) verb = VerbStart(v);
      if ((quoted || W(k) == ":") && verb) {
        int e = n_;
        while (e > q + 1 && (T(e - 1).tag == Tag::kPunct)) --e;
        if (e - q >= 2) {
          c.complement = Range{q, e};
          return q;
        }
      }
    }
    // "said Monday (that) it will …": a bare day name is the time of saying,
    // kept as an "on" phrase; the clause after it is the complement.
    if (text::IsReportingVerb(c.lemma) && NpStartsAt(k) &&
        a_.nps[static_cast<size_t>(NpAt(k))].range.size() == 1 &&
        In(W(k), {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                  "yesterday"})) {
      int q = k + 1;
      if (W(q) == "that" && NpAt(q) < 0) ++q;
      if (NpStartsAt(q) && VerbStart(a_.nps[static_cast<size_t>(NpAt(q))].range.end)) {
        c.preps.push_back(PrepArg{"on", k, NpList{NpAt(k)}});
        int e = n_;
        while (e > q + 1 && T(e - 1).tag == Tag::kPunct) --e;
        c.complement = Range{q, e};
        return q;
      }
    }
    // A reporting verb with a bare clausal complement: "said financing would
    // consist of …" — the noun phrase is the embedded clause's subject.
    if (NpStartsAt(k) && text::IsReportingVerb(c.lemma)) {
      const int np_end = a_.nps[static_cast<size_t>(NpAt(k))].range.end;
      if (VerbStart(np_end)) {
        int e = n_;
        while (e > k + 1 && T(e - 1).tag == Tag::kPunct) --e;
        c.complement = Range{k, e};
        return k;
      }
    }
    // "sued last year", "said Thursday": a time phrase is not the object.
    if (NpStartsAt(k)) {
      const NounPhrase& np = a_.nps[static_cast<size_t>(NpAt(k))];
      const bool time_phrase =
          TimeNoun(W(np.head)) && np.range.size() <= 2 &&
          (np.range.size() == 1 || In(W(np.range.begin), {"last", "next", "this", "that", "early", "late"}));
      if (time_phrase && np.range.end < n_ && T(np.range.end).tag != Tag::kPossMark) {
        c.preps.push_back(PrepArg{"", k, NpList{NpAt(k)}});
        k = np.range.end;
      }
    }
    if (NpStartsAt(k)) {
      int end = k;
      c.objects = ListAt(k, &end);
      k = end;
    } else if (k < n_ && T(k).tag == Tag::kAdj && NpAt(k) < 0 && c.lemma == "be") {
      c.adj_complement = T(k).text;
      ++k;
    }
    while (k < n_ && T(k).tag == Tag::kAdv && NpAt(k) < 0) ++k;
    // An apposition to the object ("acquired BioNova, a Brazilian startup, for
    // $450 million") does not end the argument list.
    if (!c.objects.empty() && k + 1 < n_ && W(k) == "," && NpStartsAt(k + 1)) {
      const int ap = NpAt(k + 1);
      const int after = a_.nps[static_cast<size_t>(ap)].range.end;
      if (after + 1 < n_ && W(after) == "," && T(after + 1).tag == Tag::kPrep &&
          !a_.nps[static_cast<size_t>(ap)].pronoun) {
        k = after + 1;
      }
    }
    // A clausal complement: "suggests that the songs negate …".
    if (c.objects.empty() && k + 1 < n_ && W(k) == "that" && NpAt(k) < 0 &&
        (NpStartsAt(k + 1) || T(k + 1).tag == Tag::kPron)) {
      int e = n_;
      while (e > k + 1 && T(e - 1).tag == Tag::kPunct) --e;
      c.complement = Range{k + 1, e};
      return k;
    }
    // Prepositional arguments.
    while (k < n_) {
      std::string prep;
      int pt = k;
      if ((T(k).tag == Tag::kPrep || (T(k).tag == Tag::kTo && !VerbAfterTo(k)) ||
           (W(k) == "as" && NpStartsAt(k + 1))) &&
          NpAt(k) < 0) {
        prep = W(k);
        ++k;
      } else if (W(k) == "such" && W(k + 1) == "as") {
        prep = "such as";
        k += 2;
      } else if (W(k) == "due" && W(k + 1) == "to") {
        prep = "due to";
        k += 2;
      } else {
        break;
      }
      if (k < n_ && W(k) == ":" && k + 1 < n_ && in_item_[static_cast<size_t>(k + 1)] >= 0) {
        int end = k + 1;
        PrepArg pa{prep, pt, ItemsFrom(in_item_[static_cast<size_t>(k + 1)], &end)};
        c.preps.push_back(pa);
        k = end;
        break;
      }
      if (!NpStartsAt(k) || (StartsClause(NpAt(k)) && prep != "of")) {
        k = pt;
        break;
      }
      int end = k;
      PrepArg pa{prep, pt, ListAt(k, &end)};
      c.preps.push_back(pa);
      k = end;
      while (k < n_ && T(k).tag == Tag::kAdv && NpAt(k) < 0) ++k;
    }
    // "said on Tuesday (that) it will invest …": a reporting verb's clausal
    // complement after its own time or place phrase.
    if (text::IsReportingVerb(c.lemma) && c.objects.empty() && c.complement.empty() && !c.preps.empty() &&
        !c.passive && !c.gerund && k < n_) {
      int q = k;
      if (W(q) == "that" && NpAt(q) < 0) ++q;
      if (NpStartsAt(q) && VerbStart(a_.nps[static_cast<size_t>(NpAt(q))].range.end)) {
        int e = n_;
        while (e > q + 1 && T(e - 1).tag == Tag::kPunct) --e;
        c.complement = Range{q, e};
        return q;
      }
    }
    return k;
  }

  bool VerbAfterTo(int k) const {
    int q = k + 1;
    while (q < n_ && (TagAt(q) == Tag::kAdv || TagAt(q) == Tag::kNeg)) ++q;
    return q < n_ && NpAt(q) < 0 && (TagAt(q) == Tag::kVerb || TagAt(q) == Tag::kAux);
  }

  void FindObjects(Clause& c, int k) {
    const int end = CollectArgs(c, k);
    c.span.end = std::max(c.verb_group.end, end);
    FindFrontedStatement(c, end);
  }

  // Attribution after the statement: '"Prices will fall," says Ana Ruiz,
  // an economist.' / 'Sales will rise, the company claims.' — the statement
  // before the comma is what the reporting verb has as its object.
  void FindFrontedStatement(Clause& c, int end) {
    // Its own time phrase may follow ("…, the company said on Monday.").
    bool time_only = true;
    for (const auto& p : c.preps) {
      time_only = time_only && (p.prep == "on" || p.prep.empty()) && p.objects.size() == 1 &&
                  TimeNoun(W(a_.nps[static_cast<size_t>(p.objects[0])].head));
    }
    if (!text::IsReportingVerb(c.lemma) || !c.objects.empty() || !c.complement.empty() || !time_only ||
        c.subject.empty() || a_.clauses.empty()) {
      return;
    }
    for (int q = end; q < n_; ++q) {
      if (VerbStart(q)) return;  // more clauses follow: not sentence-final
    }
    int first = c.verb_group.begin;
    if (!c.subject_span.empty() && c.subject_span.begin < first) first = c.subject_span.begin;
    int e = first;
    auto quote = [this](int q) { return W(q) == "\"" || W(q) == "''" || W(q) == "``" || W(q) == "'"; };
    while (e > 0 && (W(e - 1) == "," || quote(e - 1))) --e;
    if (e == first || e <= 1) return;
    if (a_.clauses.front().verb_group.begin >= e) return;  // the statement needs a verb
    int b = 0;
    while (b < e && quote(b)) ++b;
    if (e - b >= 3) c.complement = Range{b, e};
  }

  // ---- Examples and appositions ------------------------------------------
  void FindExamplesAndAppositions() {
    // "X faces several challenges, officials said: - A - B": the attribution
    // between a phrase and its bullet list does not detach the list.
    for (int i = 3; i + 1 < n_; ++i) {
      if (W(i) != ":" || in_item_[static_cast<size_t>(i + 1)] < 0 || T(i - 1).tag != Tag::kVerb ||
          !text::IsReportingVerb(T(i - 1).lemma))
        continue;
      const int who = NpAt(i - 2);
      if (who < 0 || Np(who).range.end != i - 1) continue;
      const int comma = Np(who).range.begin - 1;
      if (comma < 1 || W(comma) != ",") continue;
      const int head = NpAt(comma - 1);
      if (head < 0 || Np(head).range.end != comma || Np(head).proper) continue;
      int end = i + 1;
      NpList members = ItemsFrom(in_item_[static_cast<size_t>(i + 1)], &end);
      if (!members.empty()) a_.examples.push_back({head, members});
    }
    for (int i = 0; i + 1 < n_; ++i) {
      int after = -1;
      if (W(i) == "such" && W(i + 1) == "as") after = i + 2;
      if ((W(i) == "including" || W(i) == "like") && NpAt(i) < 0) after = i + 1;
      if (after < 0) continue;
      int head_end = (W(i) == "such") ? i - 1 : i - 1;
      if (W(head_end) == ",") --head_end;
      const int head = NpAt(head_end);
      if (head < 0 || Np(head).range.end != head_end + 1) continue;
      int end = after;
      NpList members;
      if (W(after) == ":" && after + 1 < n_ && in_item_[static_cast<size_t>(after + 1)] >= 0) {
        members = ItemsFrom(in_item_[static_cast<size_t>(after + 1)], &end);
      } else if (NpStartsAt(after)) {
        members = ListAt(after, &end, /*subject_list=*/true);
        // A single member followed by ", X," is still a list of one.
      }
      if (!members.empty()) a_.examples.push_back({head, members});
    }
    for (size_t k = 0; k + 1 < a_.nps.size(); ++k) {
      const NounPhrase& x = a_.nps[k];
      const NounPhrase& y = a_.nps[k + 1];
      if (x.pronoun || y.pronoun) continue;
      if (!(W(x.range.end) == "," && y.range.begin == x.range.end + 1)) continue;
      if (!x.proper) {
        // "His elder brother, Conte Quinto Mazzolini, served …": a name in apposition.
        if (y.proper && y.range.end < n_ && W(y.range.end) == "," && x.range.begin == 0) {
          a_.appositions.emplace_back(static_cast<int>(k), static_cast<int>(k + 1));
        }
        continue;
      }
      // "an analyst with PaineWebber": prepositional modifiers belong to the
      // apposition.
      int after = y.range.end;
      while (after + 1 < n_ && T(after).tag == Tag::kPrep && NpStartsAt(after + 1)) {
        after = a_.nps[static_cast<size_t>(NpAt(after + 1))].range.end;
        // "… hospitals in Illinois and Indiana,": a coordinated prepositional object.
        while (after + 1 < n_ && (W(after) == "and" || W(after) == "or") && NpStartsAt(after + 1) &&
               a_.nps[static_cast<size_t>(NpAt(after + 1))].proper)
          after = a_.nps[static_cast<size_t>(NpAt(after + 1))].range.end;
      }
      // "Peter Kharitonov, Deputy State Secretary, wrote …": a name phrase
      // between commas right before the verb is an apposition as well.
      const bool named_role = y.proper && after + 1 < n_ && W(after) == "," && VerbStart(after + 1);
      const Tag yt = T(y.range.begin).tag;
      if (!named_role && yt != Tag::kDet && !(T(y.head).tag == Tag::kNoun)) continue;
      if (!named_role && T(y.head).tag != Tag::kNoun) continue;
      // "Because X failed in Europe, Japanese firms' …": the comma ends an
      // introductory clause, not an apposition.
      if (after < n_ && (T(after).tag == Tag::kPossMark || W(after) == "'")) continue;
      if (T(0).tag == Tag::kSub || In(W(0), {"because", "when", "if", "although", "though", "while", "after",
                                             "before", "since", "unless", "once", "as"})) {
        bool comma_before = false;
        for (int q = 0; q < x.range.end; ++q) comma_before = comma_before || W(q) == ",";
        if (!comma_before) continue;
      }
      // Closed by a comma, a verb or the end; not a list "A, B and C".
      if (after < n_ && !(W(after) == "," || VerbStart(after) || T(after).tag == Tag::kPunct)) continue;
      if (after + 1 < n_ && W(after) == "," && (W(after + 1) == "and" || W(after + 1) == "or")) continue;
      // "…in Brazil and Mexico, the company said.": Y is the speaker of the
      // statement before it, not another name for X.
      {
        bool attribution = false;
        for (const auto& c : a_.clauses) {
          attribution = attribution || (c.verb_group.begin == after && !c.complement.empty() &&
                                        c.complement.end <= y.range.begin);
        }
        // (… also when the chunker made no clause of it: "… in northern
        // Vietnam, the company said on Tuesday, as …".)
        attribution =
            attribution || (after < n_ && In(T(after).lemma, {"say", "tell", "add", "note", "state"}) &&
                            W(y.range.begin) == "the");
        if (attribution) continue;
      }
      // "such as A, B, C and D": a list, not an apposition.
      if (x.range.begin >= 1 && (W(x.range.begin - 1) == "including" || W(x.range.begin - 1) == "as"))
        continue;
      {
        int q = after;
        while (q + 1 < n_ && W(q) == "," && NpStartsAt(q + 1))
          q = a_.nps[static_cast<size_t>(NpAt(q + 1))].range.end;
        if (q > after && q < n_ && (W(q) == "and" || W(q) == "or")) continue;
      }
      a_.appositions.emplace_back(static_cast<int>(k), static_cast<int>(k + 1));
    }
  }

  SentenceAnalysis a_;
  int n_ = 0;
  std::vector<Range> items_;
  std::vector<int> in_item_;
};

}  // namespace

SentenceAnalysis AnalyzeSentence(std::vector<text::Token> tokens, const std::vector<Range>& list_items) {
  Analyzer an(std::move(tokens), list_items);
  return an.Run();
}

std::string RangeText(const std::string& sentence, const std::vector<text::Token>& tokens, Range r) {
  if (r.empty() || r.begin < 0 || r.end > static_cast<int>(tokens.size())) return "";
  const uint32_t b = tokens[static_cast<size_t>(r.begin)].begin;
  const uint32_t e = tokens[static_cast<size_t>(r.end - 1)].end;
  if (e <= b || e > sentence.size()) return "";
  return sentence.substr(b, e - b);
}

}  // namespace kg::loader::extract
