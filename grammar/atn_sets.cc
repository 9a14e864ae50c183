#include "atn_sets.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace kg_grammar {

namespace {

// The UUID ANTLR 4.7.2 writes (59627784-3BE5-417A-B9EB-8131A7286089, the
// feature level with Unicode SMP sets and lexer actions), as serialized:
// eight 16-bit words, least significant first, each + 2.
constexpr std::array<uint16_t, 8> kSmpUuid = {0x608B, 0xA72A, 0x8133, 0xB9ED, 0x417C, 0x3BE7, 0x7786, 0x5964};

// ATN state types whose record carries one more field (ATNState.h).
constexpr uint16_t kBlockStart = 3, kPlusBlockStart = 4, kStarBlockStart = 5, kLoopEnd = 12;

// Reads the serialized form (values + 2) without going past its end.
class Reader {
 public:
  explicit Reader(const std::vector<uint16_t>& d) : d_(d) {}
  bool ok() const { return ok_; }
  size_t pos() const { return p_; }
  uint16_t Next() {
    if (p_ >= d_.size()) {
      ok_ = false;
      return 0;
    }
    return static_cast<uint16_t>(d_[p_++] - 2);
  }
  void Skip(size_t n) {
    if (d_.size() - p_ < n) ok_ = false;
    p_ = std::min(d_.size(), p_ + n);
  }

 private:
  const std::vector<uint16_t>& d_;
  size_t p_ = 0;
  bool ok_ = true;
};

// Reverses the intervals (`width` words each) of every set of one section.
bool ReverseSets(Reader* in, std::vector<uint16_t>* out, size_t width) {
  const uint16_t sets = in->Next();
  for (uint16_t s = 0; s < sets && in->ok(); ++s) {
    const uint16_t intervals = in->Next();
    in->Next();  // contains EOF
    const size_t begin = in->pos();
    in->Skip(intervals * width);
    if (!in->ok()) return false;
    for (uint16_t i = 0; i < intervals / 2; ++i) {
      std::swap_ranges(out->begin() + static_cast<std::ptrdiff_t>(begin + i * width),
                       out->begin() + static_cast<std::ptrdiff_t>(begin + (i + 1) * width),
                       out->begin() + static_cast<std::ptrdiff_t>(begin + (intervals - 1 - i) * width));
    }
  }
  return in->ok();
}

}  // namespace

std::vector<uint16_t> SetsInDescendingOrder(const std::vector<uint16_t>& serialized) {
  if (serialized.size() < 9 || serialized[0] != 3 ||
      !std::equal(kSmpUuid.begin(), kSmpUuid.end(), serialized.begin() + 1))
    return serialized;
  std::vector<uint16_t> out = serialized;
  Reader in(serialized);
  in.Skip(9);  // version, UUID
  const uint16_t grammar_type = in.Next();
  in.Next();  // max token type
  const uint16_t states = in.Next();
  for (uint16_t i = 0; i < states && in.ok(); ++i) {
    const uint16_t type = in.Next();
    if (type == 0) continue;  // invalid state: no rule index
    in.Next();                // rule index
    if (type == kLoopEnd || type == kBlockStart || type == kPlusBlockStart || type == kStarBlockStart)
      in.Next();  // loop-back state / end state
  }
  in.Skip(in.Next());  // non-greedy states
  in.Skip(in.Next());  // precedence states
  const uint16_t rules = in.Next();
  // Start state; a lexer's rules add their token type.
  in.Skip(static_cast<size_t>(rules) * (grammar_type == 0 ? 2 : 1));
  in.Skip(in.Next());  // mode start states
  if (!in.ok() || !ReverseSets(&in, &out, 2) || !ReverseSets(&in, &out, 4)) return serialized;
  return out;
}

bool& VerifyAtnOnLoad() {
  static bool verify = false;
  return verify;
}

}  // namespace kg_grammar
