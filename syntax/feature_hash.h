// Feature keys: a template number and up to three values mixed into one
// 64-bit key. Values are word hashes (HashString of the form) or small ints
// (tag ids, labels, distances). With 64 bits, collisions among the few
// million features of a model are negligible (birthday bound ~1e-7).
#ifndef KG_SYNTAX_FEATURE_HASH_H_
#define KG_SYNTAX_FEATURE_HASH_H_

#include <cstdint>
#include <string_view>

namespace kg::syntax {

// SplitMix64's finalizer: a bijective mix with full avalanche.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// FNV-1a over the bytes, then mixed; stable across runs and machines, so a
// model file stays valid.
inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

inline uint64_t FeatureKey(uint32_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = Mix64(templ * 0x9e3779b97f4a7c15ULL + a);
  h = Mix64(h ^ (b + 0x632be59bd9b4e019ULL));
  h = Mix64(h ^ (c + 0x8cb92ba72f3d8dd7ULL));
  return h == 0 ? 1 : h;  // 0 marks an empty FlatMap slot
}

}  // namespace kg::syntax

#endif  // KG_SYNTAX_FEATURE_HASH_H_
