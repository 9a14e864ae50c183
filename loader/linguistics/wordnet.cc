#include "loader/linguistics/wordnet.h"

#include <wn.h>

#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace kg::loader::linguistics {
namespace {

struct State {
  std::once_flag init;
  bool ok = false;
  std::mutex wn_mutex;  // WordNet's library is not reentrant
  std::shared_mutex cache_mutex;
  std::unordered_map<std::string, WordInfo> cache;
};

State& GetState() {
  static auto* state = new State();
  std::call_once(state->init, [] { state->ok = wninit() == 0; });
  return *state;
}

std::string Morph(std::string& word, int pos) {
  char* base = morphstr(word.data(), pos);
  return base != nullptr ? std::string(base) : std::string();
}

WordInfo Compute(const std::string& lower) {
  WordInfo info;
  if (lower.empty() || lower.size() > 60) return info;
  std::string w = lower;
  for (char& c : w) {
    if (c == ' ') c = '_';
  }
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
  for (std::string* s : {&info.noun_lemma, &info.verb_lemma}) {
    for (char& c : *s) {
      if (c == '_') c = ' ';
    }
  }
  return info;
}

}  // namespace

bool WordNetAvailable() { return GetState().ok; }

WordInfo LookupWord(std::string_view lower) {
  State& st = GetState();
  if (!st.ok) return {};
  std::string key(lower);
  {
    std::shared_lock lock(st.cache_mutex);
    auto it = st.cache.find(key);
    if (it != st.cache.end()) return it->second;
  }
  WordInfo info;
  {
    std::lock_guard lock(st.wn_mutex);
    info = Compute(key);
  }
  std::unique_lock lock(st.cache_mutex);
  if (st.cache.size() > 200000) st.cache.clear();  // bound memory on huge inputs
  st.cache.emplace(std::move(key), info);
  return info;
}

}  // namespace kg::loader::linguistics
