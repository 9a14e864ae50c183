#include "syntax/wordnet.h"

#include <wn.h>

#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace kg::syntax {
namespace {

// Bounds each cache's memory on huge inputs; a cleared cache only costs
// repeated lookups.
constexpr size_t kMaxCacheEntries = 200000;
constexpr size_t kMaxWordBytes = 60;

struct State {
  std::once_flag init;
  bool ok = false;
  std::mutex wn_mutex;  // WordNet's library is not reentrant
  std::shared_mutex cache_mutex;
  std::unordered_map<std::string, WordInfo> cache;
  std::unordered_map<std::string, std::string> morph_cache;  // key: pos char + word
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

// Caller holds wn_mutex: morphstr returns a pointer into a static buffer.
std::string Morph(std::string& word, int pos) {
  char* base = morphstr(word.data(), pos);
  return base != nullptr ? std::string(base) : std::string();
}

WordInfo Compute(const std::string& lower) {
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

// Looks `key` up in `cache`, else computes it under the WordNet mutex and
// stores it. The shared lock keeps concurrent cached lookups parallel.
template <typename V, typename F>
V Cached(State& st, std::unordered_map<std::string, V>& cache, std::string key, F compute) {
  {
    std::shared_lock lock(st.cache_mutex);
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
  }
  V value;
  {
    std::lock_guard lock(st.wn_mutex);
    value = compute();
  }
  std::unique_lock lock(st.cache_mutex);
  if (cache.size() > kMaxCacheEntries) cache.clear();
  cache.emplace(std::move(key), value);
  return value;
}

}  // namespace

bool WordNetAvailable() { return GetState().ok; }

WordInfo LookupWord(std::string_view lower) {
  State& st = GetState();
  if (!st.ok) return {};
  std::string key(lower);
  return Cached(st, st.cache, key, [&] { return Compute(key); });
}

std::string MorphBase(std::string_view lower, char pos) {
  State& st = GetState();
  const int wn_pos = WordNetPos(pos);
  if (!st.ok || wn_pos == 0 || lower.empty() || lower.size() > kMaxWordBytes) return {};
  std::string key = std::string(1, pos) + std::string(lower);
  return Cached(st, st.morph_cache, std::move(key), [&] {
    std::string w = ToWordNet(lower);
    std::string base = Morph(w, wn_pos);
    FromWordNet(&base);
    return base;
  });
}

}  // namespace kg::syntax
