#include "syntax/wordnet.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// WordNet's library answered these lookups by binary-searching its dictionary
// files through stdio for every new word, which cost a quarter of parsing
// time in fseek/getc system calls. This file reimplements the part of it kg
// uses — in_wn(), morphstr() and what they call (morph.c, search.c,
// binsrch.c, wnutil.c of WordNet 3.0) — over the lemma and exception lists
// held in memory. It follows the C code step by step, quirks included
// (hyphenated and prepositional phrases, "-ful" nouns, the five spellings
// is_defined() tries), so that the answers stay identical;
// tests/syntax/wordnet_test.cc checks that against the library itself.

namespace kg::syntax {
namespace {

// Longer words get no answer (the library's buffers are 256 bytes).
constexpr size_t kMaxWordBytes = 60;

// WordNet's part-of-speech numbers (wn.h); a lemma's classes are a bit mask
// over them, like in_wn()'s answer.
constexpr int kNoun = 1;
constexpr int kVerb = 2;
constexpr int kAdj = 3;
constexpr int kAdv = 4;
constexpr int kNumParts = 4;
constexpr std::array<const char*, kNumParts + 1> kPartNames = {"", "noun", "verb", "adj", "adv"};

// Debian builds the library with this DEFAULTPATH.
constexpr const char* kDefaultDir = "/usr/share/wordnet";

// morph.c's detachment rules: suffix i is replaced by ending i. Nouns use
// rules 0–7, verbs 8–15, adjectives 16–19; adverbs have only exceptions.
// clang-format off
constexpr std::array<std::string_view, 20> kSuffixes = {
    "s", "ses", "xes", "zes", "ches", "shes", "men", "ies",  // noun
    "s", "ies", "es",  "es",  "ed",   "ed",   "ing", "ing",  // verb
    "er", "est", "er", "est"};                               // adjective
constexpr std::array<std::string_view, 20> kEndings = {
    "",  "s",   "x",   "z",   "ch",   "sh",   "man", "y",    // noun
    "",  "y",   "e",   "",    "e",    "",     "e",   "",     // verb
    "",  "",    "e",   "e"};                                 // adjective
// clang-format on
constexpr std::array<int, kNumParts + 1> kRuleOffset = {0, 0, 8, 16, 0};
constexpr std::array<int, kNumParts + 1> kRuleCount = {0, 8, 8, 4, 0};

// The prepositions morphstr() looks for after a verb ("ran into").
constexpr std::array<std::string_view, 15> kPrepositions = {"to",   "at",   "of",  "on",    "off",
                                                            "in",   "out",  "up",  "down",  "from",
                                                            "with", "into", "for", "about", "between"};

// Every lemma of index.noun/verb/adj/adv, stored once with the bit mask of
// the files that list it. Open addressing with linear probing over 8-byte
// slots that point into one character buffer: the 147,306 distinct lemmas
// take 3.7 MB, where a hash set of std::string would take three times that,
// and a lookup touches one or two cache lines plus the compared bytes.
// The license lines at the top of each file start with a space, so to the
// library's binary search their key is the empty string: "" counts as
// listed in every file that has them.
class LemmaTable {
 public:
  static size_t Hash(std::string_view word) { return std::hash<std::string_view>{}(word); }

  // Starts fetching the slot where a word of hash `hash` goes.
  void Prefetch(size_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }

  // Adds `lemma`, whose Hash() is `hash`, as listed in index.<pos>.
  void Add(std::string_view lemma, size_t hash, int pos) {
    if (lemma.empty()) {
      empty_classes_ |= static_cast<uint8_t>(1u << pos);
      return;
    }
    if (lemma.size() > UINT16_MAX) return;
    Reserve(size_ + 1);
    Slot& s = slots_[FindSlot(lemma, hash)];
    if (s.length == 0) {
      s.offset = static_cast<uint32_t>(chars_.size());
      s.length = static_cast<uint16_t>(lemma.size());
      chars_.append(lemma);
      ++size_;
    }
    s.classes |= static_cast<uint8_t>(1u << pos);
  }

  // Bit pos is set when index.<pos> lists `word`.
  uint8_t Classes(std::string_view word) const {
    if (word.empty()) return empty_classes_;
    if (slots_.empty()) return 0;
    return slots_[FindSlot(word, Hash(word))].classes;
  }

  // Room for `count` lemmas without rehashing, at most 3/4 full: WordNet's
  // lemmas then fit 2^18 slots (2 MB).
  void Reserve(size_t count) {
    size_t capacity = std::max<size_t>(slots_.size(), 1024);
    while (count * 4 > capacity * 3) capacity *= 2;
    if (capacity != slots_.size()) Rehash(capacity);
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint32_t offset = 0;
    uint16_t length = 0;  // 0: empty slot
    uint8_t classes = 0;
  };

  std::string_view View(const Slot& s) const { return std::string_view(chars_).substr(s.offset, s.length); }

  // The slot holding `word` (of hash `hash`), else the empty slot where it would go.
  size_t FindSlot(std::string_view word, size_t hash) const {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].length != 0 && View(slots_[i]) != word) i = (i + 1) & mask;
    return i;
  }

  void Rehash(size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.length != 0) slots_[FindSlot(View(s), Hash(View(s)))] = s;
    }
  }

  std::string chars_;
  std::vector<Slot> slots_;
  size_t size_ = 0;
  uint8_t empty_classes_ = 0;
};

struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// One exception list (noun.exc …): inflected form → the base form
// exc_lookup() answers, the first one on the form's line.
using ExceptionList = std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>>;

struct Lexicon {
  LemmaTable lemmas;
  std::array<ExceptionList, kNumParts + 1> exceptions;  // by part-of-speech number
};

struct State {
  std::once_flag init;
  bool ok = false;
  Lexicon lexicon;
};

// A file mapped read-only: WordNet's files are read once, in place, with no
// copy into the heap.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = p;
        size_ = static_cast<size_t>(st.st_size);
      }
    }
    ok_ = data_ != nullptr || (st.st_size == 0 && S_ISREG(st.st_mode));
    ::close(fd);
  }
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(data_, size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  bool ok() const { return ok_; }
  std::string_view text() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
  bool ok_ = false;
};

bool CanOpen(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "r");
  if (f == nullptr) return false;
  std::fclose(f);
  return true;
}

// The line WordNet's bin_search() (binsrch.c) returns for `key`, without its
// newline, or nullopt. Its probes are reproduced rather than replaced by an
// exact lookup because two exception lists list a form twice (noun.exc
// "aurar eyir" and "aurar eyrir", adj.exc "offer off" and "offer offer"):
// the line the search lands on first decides the library's answer. A probe
// past the last line fails to read and compares the previous line again, as
// in the C code.
std::optional<std::string_view> BinSearch(std::string_view text, std::string_view key) {
  if (text.size() < 2) return std::nullopt;
  std::string_view line;
  size_t top = 0, bot = text.size(), mid = bot / 2, diff;
  int cmp;
  do {
    size_t start = 0;
    if (mid > 1) {
      const size_t nl = text.find('\n', mid - 1);
      start = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    if (start < text.size()) {
      const size_t end = text.find('\n', start);
      line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    }
    const size_t space = line.find(' ');
    if (space == std::string_view::npos) return std::nullopt;  // not a WordNet file
    cmp = line.substr(0, space).compare(key);
    diff = 0;
    if (cmp < 0) {
      top = mid;
      diff = (bot - top) / 2;
      mid = top + diff;
    } else if (cmp > 0) {
      bot = mid;
      diff = (bot - top) / 2;
      mid = top + diff;
    }
  } while (cmp != 0 && diff != 0);
  if (cmp != 0) return std::nullopt;
  return line;
}

// exc_lookup()'s answer from an exception-file line: the word after the
// first space, unless another space follows it directly.
std::optional<std::string_view> FirstBase(std::string_view line) {
  const size_t space = line.find(' ');
  if (space == std::string_view::npos || (space + 1 < line.size() && line[space + 1] == ' ')) {
    return std::nullopt;
  }
  std::string_view base = line.substr(space + 1);
  base = base.substr(0, base.find(' '));
  if (base.empty()) return std::nullopt;
  return base;
}

void LoadExceptions(std::string_view text, ExceptionList* list) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    const std::string_view key = line.substr(0, line.find(' '));
    if (list->find(key) != list->end()) continue;
    std::optional<std::string_view> found = BinSearch(text, key);
    if (!found) continue;
    std::optional<std::string_view> base = FirstBase(*found);
    if (base) list->emplace(std::string(key), std::string(*base));
  }
}

// Every key of an index file is found by the library's bin_search() (checked
// for all 155,287 keys of WordNet 3.0), and the keys are unique, so a set
// lookup gives its answers. The table is larger than a core's L2 cache, so
// each lemma is hashed and its slot prefetched a batch ahead of its insertion.
void LoadIndex(std::string_view text, int pos, LemmaTable* lemmas) {
  constexpr size_t kBatch = 16;
  std::string_view batch[kBatch];
  size_t hashes[kBatch];
  size_t n = 0;
  const auto flush = [&] {
    for (size_t i = 0; i < n; ++i) lemmas->Add(batch[i], hashes[i], pos);
    n = 0;
  };
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    const size_t space = line.find(' ');
    if (space == std::string_view::npos) continue;
    batch[n] = line.substr(0, space);
    hashes[n] = LemmaTable::Hash(batch[n]);
    lemmas->Prefetch(hashes[n]);
    if (++n == kBatch) flush();
  }
  flush();
}

// wninit()'s directory and its conditions for success: data, index and
// exception files of all four parts of speech open.
bool Load(Lexicon* lex) {
  std::string dir = kDefaultDir;
  if (const char* env = std::getenv("WNSEARCHDIR"); env != nullptr) {
    dir = env;
  } else if (const char* home = std::getenv("WNHOME"); home != nullptr) {
    dir = std::string(home) + "/dict";
  }
  std::vector<std::unique_ptr<MappedFile>> index;
  size_t lines = 0;
  for (int pos = 1; pos <= kNumParts; ++pos) {
    if (!CanOpen(fmt::format("{}/data.{}", dir, kPartNames[pos]))) return false;
    index.push_back(std::make_unique<MappedFile>(fmt::format("{}/index.{}", dir, kPartNames[pos])));
    if (!index.back()->ok()) return false;
    const std::string_view text = index.back()->text();
    for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) ++lines;
  }
  lex->lemmas.Reserve(lines);  // once: the table never rehashes while loading
  for (int pos = 1; pos <= kNumParts; ++pos) {
    LoadIndex(index[pos - 1]->text(), pos, &lex->lemmas);
    const MappedFile exceptions(fmt::format("{}/{}.exc", dir, kPartNames[pos]));
    if (!exceptions.ok()) return false;
    LoadExceptions(exceptions.text(), &lex->exceptions[pos]);
  }
  return true;
}

State& GetState() {
  static auto* state = new State();
  std::call_once(state->init, [] {
    state->ok = Load(&state->lexicon);
    if (!state->ok) state->lexicon = Lexicon();
  });
  return *state;
}

// --- morph.c ---------------------------------------------------------------
// Strings here are in WordNet's spelling: lower case, '_' between the words
// of a collocation.

class Morphy {
 public:
  explicit Morphy(const Lexicon& lex) : lex_(lex) {}

  // in_wn(word, ALL_POS).
  uint8_t InWordNet(std::string_view word) const { return lex_.lemmas.Classes(word); }

  // morphstr(word, pos)'s first answer (nullopt for its NULL).
  std::optional<std::string> MorphStr(std::string_view word, int pos) const {
    std::string str = ToLower(word);
    if (std::optional<std::string_view> e = Exception(str, pos); e && *e != str) return std::string(*e);
    if (pos != kVerb) {
      if (std::optional<std::string> m = MorphWord(str, pos); m && *m != str) return m;
    }
    const int words = CountWords(str, '_');
    if (pos == kVerb && words > 1 && HasPreposition(str, words)) return MorphPreposition(str);

    // Each part of a hyphenated or multi-word string on its own ("e-mails"
    // → "e-mail"); the library steps from separator to separator but counts
    // runs of them, so a run leaves its tail in the last part.
    std::string search;
    size_t start = 0;
    for (int n = CountWords(str, '-'); --n > 0;) {
      const size_t end = std::min(str.find('_', start), str.find('-', start));
      if (end == std::string::npos) return std::nullopt;  // cannot happen: runs ≤ separators
      AppendMorphed(std::string_view(str).substr(start, end - start), pos, &search);
      search += str[end];
      start = end + 1;
    }
    AppendMorphed(std::string_view(str).substr(start), pos, &search);
    if (search != str && IsDefined(search, pos)) return search;
    return std::nullopt;
  }

 private:
  // morphstr()'s strtolower(): ASCII upper case folded, and everything from
  // '(' on (an adjective marker such as "(a)") dropped. Spaces become '_'.
  static std::string ToLower(std::string_view word) {
    std::string s(word.substr(0, word.find('(')));
    for (char& c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c == ' ') c = '_';
    }
    return s;
  }

  // cntwords(): 1 + the number of runs of separators (`separator`, ' ', '_').
  static int CountWords(std::string_view s, char separator) {
    int count = 1;
    bool in_run = false;
    for (char c : s) {
      const bool sep = c == separator || c == ' ' || c == '_';
      if (sep && !in_run) ++count;
      in_run = sep;
    }
    return count;
  }

  // strend(): `word` ends with `suffix` and is longer than it.
  static bool EndsWith(std::string_view word, std::string_view suffix) {
    return suffix.size() < word.size() && word.substr(word.size() - suffix.size()) == suffix;
  }

  // wordbase(): rule `rule` applied to `word`, or `word` when its suffix does not match.
  static std::string WordBase(std::string_view word, int rule) {
    if (!EndsWith(word, kSuffixes[rule])) return std::string(word);
    std::string base(word.substr(0, word.size() - kSuffixes[rule].size()));
    base += kEndings[rule];
    return base;
  }

  // exc_lookup().
  std::optional<std::string_view> Exception(std::string_view word, int pos) const {
    const ExceptionList& list = lex_.exceptions[pos];
    auto it = list.find(word);
    if (it == list.end()) return std::nullopt;
    return std::string_view(it->second);
  }

  // is_defined() != 0: getindex() finds the string as given, with '_' → '-',
  // with '-' → '_', without '_' and '-', or without '.'. Debian's library
  // looks up a spelling even when it is empty, which the license lines
  // match, so "--" or "." count as defined ("--es" 'v' → "--").
  bool IsDefined(std::string_view s, int pos) const {
    const auto listed = [&](std::string_view form) { return ((lex_.lemmas.Classes(form) >> pos) & 1u) != 0; };
    if (listed(s)) return true;
    std::string form(s);
    std::replace(form.begin(), form.end(), '_', '-');
    if (listed(form)) return true;
    form = s;
    std::replace(form.begin(), form.end(), '-', '_');
    if (listed(form)) return true;
    form.clear();
    for (char c : s) {
      if (c != '_' && c != '-') form += c;
    }
    if (listed(form)) return true;
    form.clear();
    for (char c : s) {
      if (c != '.') form += c;
    }
    return listed(form);
  }

  // morphword(): the base form of one word by exception or rule.
  std::optional<std::string> MorphWord(std::string_view word, int pos) const {
    if (std::optional<std::string_view> e = Exception(word, pos)) return std::string(*e);
    if (pos == kAdv) return std::nullopt;
    std::string_view stem = word;
    std::string_view ending;
    if (pos == kNoun) {
      if (EndsWith(word, "ful")) {  // "spoonsful" → "spoon" + "ful"
        stem = word.substr(0, word.size() - 3);
        ending = "ful";
      } else if (EndsWith(word, "ss") || word.size() <= 2) {
        return std::nullopt;
      }
    }
    for (int i = 0; i < kRuleCount[pos]; ++i) {
      std::string base = WordBase(stem, kRuleOffset[pos] + i);
      if (base != stem && IsDefined(base, pos)) {
        base += ending;
        return base;
      }
    }
    return std::nullopt;
  }

  void AppendMorphed(std::string_view word, int pos, std::string* out) const {
    if (std::optional<std::string> m = MorphWord(word, pos)) {
      *out += *m;
    } else {
      *out += word;
    }
  }

  // hasprep(): whether a word after the first is a preposition.
  static bool HasPreposition(std::string_view s, int words) {
    size_t at = 0;
    for (int n = 2; n <= words; ++n) {
      at = s.find('_', at);
      if (at == std::string_view::npos) return false;
      const std::string_view rest = s.substr(++at);
      for (std::string_view prep : kPrepositions) {
        if (rest.starts_with(prep) && (rest.size() == prep.size() || rest[prep.size()] == '_')) return true;
      }
    }
    return false;
  }

  // morphprep(): a verb followed by a preposition ("ran_into" → "run_into").
  // The first word is inflected back by exception or rule until the phrase,
  // or the phrase with its last word as a singular noun, is a verb lemma.
  std::optional<std::string> MorphPreposition(std::string_view s) const {
    const size_t first = s.find('_');
    const size_t last = s.rfind('_');
    const std::string_view rest = s.substr(first);
    std::optional<std::string> last_word;
    std::string end;  // rest with its last word morphed as a noun
    if (first != last) {
      last_word = MorphWord(s.substr(last + 1), kNoun);
      if (last_word) end = std::string(s.substr(first, last - first + 1)) + *last_word;
    }
    const std::string_view verb = s.substr(0, first);
    for (char c : verb) {
      const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum) return std::nullopt;
    }
    const auto try_base = [&](std::string_view base) -> std::optional<std::string> {
      std::string phrase = std::string(base) + std::string(rest);
      if (IsDefined(phrase, kVerb)) return phrase;
      if (last_word) {
        phrase = std::string(base) + end;
        if (IsDefined(phrase, kVerb)) return phrase;
      }
      return std::nullopt;
    };
    if (std::optional<std::string_view> e = Exception(verb, kVerb); e && *e != verb) {
      if (std::optional<std::string> found = try_base(*e)) return found;
    }
    for (int i = 0; i < kRuleCount[kVerb]; ++i) {
      const std::string base = WordBase(verb, kRuleOffset[kVerb] + i);
      if (base == verb) continue;
      if (std::optional<std::string> found = try_base(base)) return found;
    }
    // The verb as given with the rest is `s` itself, which the library does
    // not answer; with the last word morphed it is an answer, listed or not.
    if (last_word) {
      std::string phrase = std::string(verb) + end;
      if (phrase != s) return phrase;
    }
    return std::nullopt;
  }

  const Lexicon& lex_;
};

// WordNet spells collocations with underscores.
std::string ToWordNet(std::string_view lower) {
  std::string w(lower);
  std::replace(w.begin(), w.end(), ' ', '_');
  return w;
}

// The word as the library reads it: a C string, ended by a NUL byte.
std::string_view AsCString(std::string_view w) { return w.substr(0, w.find('\0')); }

void FromWordNet(std::string* s) { std::replace(s->begin(), s->end(), '_', ' '); }

int WordNetPos(char pos) {
  switch (pos) {
    case 'n':
      return kNoun;
    case 'v':
      return kVerb;
    case 'a':
      return kAdj;
    case 'r':
      return kAdv;
    default:
      return 0;
  }
}

}  // namespace

bool WordNetAvailable() { return GetState().ok; }

WordInfo LookupWord(std::string_view lower) {
  const State& st = GetState();
  WordInfo info;
  if (!st.ok || lower.empty() || lower.size() > kMaxWordBytes) return info;
  const Morphy morphy(st.lexicon);
  const std::string w = ToWordNet(lower);
  const uint8_t direct = morphy.InWordNet(AsCString(w));
  // A word is a noun (verb) when listed as one or when morphstr() finds a
  // base form; the lemma is that base form if any (even for a listed word:
  // "data" → "datum"), else the word itself.
  const auto has = [&](int pos, std::string* lemma) {
    std::optional<std::string> m = morphy.MorphStr(AsCString(w), pos);
    if (m && !m->empty()) {
      *lemma = std::move(*m);
    } else if ((direct >> pos) & 1u) {
      *lemma = w;
    } else {
      return false;
    }
    FromWordNet(lemma);
    return true;
  };
  info.noun = has(kNoun, &info.noun_lemma);
  info.verb = has(kVerb, &info.verb_lemma);
  info.adj = ((direct >> kAdj) & 1u) != 0;
  info.adv = ((direct >> kAdv) & 1u) != 0;
  return info;
}

std::string MorphBase(std::string_view lower, char pos) {
  const State& st = GetState();
  const int wn_pos = WordNetPos(pos);
  if (!st.ok || wn_pos == 0 || lower.empty() || lower.size() > kMaxWordBytes) return {};
  const std::string w = ToWordNet(lower);
  std::optional<std::string> base = Morphy(st.lexicon).MorphStr(AsCString(w), wn_pos);
  if (!base) return {};
  FromWordNet(&*base);
  return std::move(*base);
}

}  // namespace kg::syntax
