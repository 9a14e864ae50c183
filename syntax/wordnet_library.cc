#include "syntax/wordnet_library.h"

#include <wn.h>

#include <mutex>
#include <string>

namespace kg::syntax::wordnet_library {
namespace {

// Same bound as syntax/wordnet.cc; it also keeps morphstr's 256-byte buffers
// from overflowing.
constexpr size_t kMaxWordBytes = 60;

struct State {
  std::once_flag init;
  bool ok = false;
  std::mutex mutex;  // WordNet's library is not reentrant
};

State& GetState() {
  static auto* state = new State();
  std::call_once(state->init, [] { state->ok = wninit() == 0; });
  return *state;
}

// WordNet spells collocations with underscores.
std::string ToWordNet(std::string_view lower) {
  std::string w(lower);
  for (char& c : w) {
    if (c == ' ') c = '_';
  }
  return w;
}

void FromWordNet(std::string* s) {
  for (char& c : *s) {
    if (c == '_') c = ' ';
  }
}

// Caller holds the mutex: morphstr returns a pointer into a static buffer.
std::string Morph(std::string& word, int pos) {
  char* base = morphstr(word.data(), pos);
  return base != nullptr ? std::string(base) : std::string();
}

WordInfo Compute(std::string_view lower) {
  WordInfo info;
  if (lower.empty() || lower.size() > kMaxWordBytes) return info;
  std::string w = ToWordNet(lower);
  const unsigned int direct = in_wn(w.data(), ALL_POS);
  auto has = [&](int pos, std::string* lemma) {
    if ((direct & (1u << pos)) != 0) {
      // A base form may still have a more basic lemma ("data" stays "data").
      std::string m = Morph(w, pos);
      *lemma = m.empty() ? w : m;
      return true;
    }
    std::string m = Morph(w, pos);
    if (!m.empty()) {
      *lemma = m;
      return true;
    }
    return false;
  };
  info.noun = has(NOUN, &info.noun_lemma);
  info.verb = has(VERB, &info.verb_lemma);
  info.adj = (direct & (1u << ADJ)) != 0 || (direct & (1u << SATELLITE)) != 0;
  info.adv = (direct & (1u << ADV)) != 0;
  FromWordNet(&info.noun_lemma);
  FromWordNet(&info.verb_lemma);
  return info;
}

int WordNetPos(char pos) {
  switch (pos) {
    case 'n':
      return NOUN;
    case 'v':
      return VERB;
    case 'a':
      return ADJ;
    case 'r':
      return ADV;
    default:
      return 0;
  }
}

}  // namespace

bool WordNetAvailable() { return GetState().ok; }

WordInfo LookupWord(std::string_view lower) {
  State& st = GetState();
  if (!st.ok) return {};
  std::lock_guard lock(st.mutex);
  return Compute(lower);
}

std::string MorphBase(std::string_view lower, char pos) {
  State& st = GetState();
  const int wn_pos = WordNetPos(pos);
  if (!st.ok || wn_pos == 0 || lower.empty() || lower.size() > kMaxWordBytes) return {};
  std::string w = ToWordNet(lower);
  std::lock_guard lock(st.mutex);
  std::string base = Morph(w, wn_pos);
  FromWordNet(&base);
  return base;
}

}  // namespace kg::syntax::wordnet_library
