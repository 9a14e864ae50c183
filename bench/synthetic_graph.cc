#include "bench/synthetic_graph.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

namespace kg::bench {

namespace {

// xoshiro256** seeded by splitmix64: fast, and identical on every platform
// (std::mt19937 is too, but its distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& s : s_) s = SplitMix(seed);
  }
  uint64_t Next() {
    uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  uint64_t Below(uint64_t n) { return static_cast<uint64_t>(Uniform() * static_cast<double>(n)); }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t SplitMix(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t s_[4];
};

// Samples ranks 0..n-1 with P(k) ∝ 1/(k+1)^s by binary search in the CDF.
class Zipf {
 public:
  Zipf(uint64_t n, double s) : cdf_(n) {
    double sum = 0;
    for (uint64_t k = 0; k < n; ++k) cdf_[k] = (sum += std::pow(static_cast<double>(k + 1), -s));
    for (double& c : cdf_) c /= sum;
  }
  uint64_t Sample(Rng& rng) const {
    double u = rng.Uniform();
    auto it = std::lower_bound(cdf_.begin(), cdf_.end(), u);
    return it == cdf_.end() ? cdf_.size() - 1 : static_cast<uint64_t>(it - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

enum Kind : uint8_t { kContinent, kRegion, kCountry, kCompany, kAgency, kPerson, kProgram, kClass, kKinds };
constexpr std::string_view kKindNames[] = {"continent", "region", "country", "company",
                                           "agency",    "person", "program"};
constexpr std::string_view kClassNames[] = {"Continent", "Region", "Country", "Company",
                                            "Agency",    "Person", "Program"};

enum Pred : uint8_t {
  kType,
  kPartOf,
  kLocatedIn,
  kHeadquarteredIn,
  kInvestsIn,
  kInvestmentAmount,
  kPartnersWith,
  kAnnounced,
  kTrains,
  kPreds
};
constexpr std::string_view kPredIris[] = {"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
                                          "<https://kg.example.org/predicate/part_of>",
                                          "<https://kg.example.org/predicate/located_in>",
                                          "<https://kg.example.org/predicate/headquartered_in>",
                                          "<https://kg.example.org/predicate/invests_in>",
                                          "<https://kg.example.org/predicate/investment_amount>",
                                          "<https://kg.example.org/predicate/partners_with>",
                                          "<https://kg.example.org/predicate/announced>",
                                          "<https://kg.example.org/predicate/trains>"};
constexpr std::string_view kPredNames[] = {
    "is_a",          "part_of",   "located_in", "headquartered_in", "invests_in", "investment_amount",
    "partners_with", "announced", "trains"};

struct Node {
  Kind kind;
  uint64_t index;
  uint64_t Key() const { return (static_cast<uint64_t>(kind) << 40) | index; }
};

// A set of 64-bit fingerprints with open addressing (no triple is emitted
// twice). Much faster than std::unordered_set for 10^6..10^7 keys.
class FingerprintSet {
 public:
  explicit FingerprintSet(uint64_t expected) {
    uint64_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    slots_.assign(cap, 0);
    mask_ = cap - 1;
  }
  // Inserts; false if already present.
  bool Insert(uint64_t key) {
    if (key == 0) key = 1;
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    uint64_t i = Mix(key) & mask_;
    while (slots_[i] != 0) {
      if (slots_[i] == key) return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = key;
    ++size_;
    return true;
  }

 private:
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  void Grow() {
    std::vector<uint64_t> old;
    old.swap(slots_);
    slots_.assign(old.size() * 2, 0);
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (uint64_t k : old) {
      if (k != 0) Insert(k);
    }
  }
  std::vector<uint64_t> slots_;
  uint64_t mask_ = 0;
  uint64_t size_ = 0;
};

class Generator {
 public:
  Generator(const GraphSpec& spec, const std::function<void(const std::string&)>& write)
      : spec_(spec), write_(write), rng_(spec.seed), seen_(spec.triples + 16) {
    out_.reserve(kFlush + 4096);
  }

  GraphStats Run();

 private:
  static constexpr size_t kFlush = 1u << 20;

  bool Full() const { return stats_.triples >= spec_.triples; }
  static uint64_t Fingerprint(const Node& s, Pred p, uint64_t object_key) {
    uint64_t h = s.Key() * 0x9E3779B97F4A7C15ull;
    h ^= (static_cast<uint64_t>(p) + 1) * 0xC2B2AE3D27D4EB4Full;
    h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull;
    h ^= object_key + 0x165667B19E3779F9ull;
    return h * 0x94D049BB133111EBull ^ (h >> 32);
  }
  void AppendNode(const Node& n) {
    out_ += "<https://kg.example.org/entity/";
    if (n.kind == kClass) {
      out_ += kClassNames[n.index];
    } else {
      out_ += kKindNames[n.kind];
      out_ += '_';
      AppendNumber(n.index);
    }
    out_ += '>';
  }
  void AppendNumber(uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof(buf), v);
    out_.append(buf, r.ptr);
  }
  void Count(const Node& s, Pred p, const Node* o) {
    ++stats_.triples;
    ++per_pred_[p];
    if (s.kind == kCompany && s.index == 0) ++stats_.company0_out;
    if (p == kInvestsIn && o && o->kind == kCountry && o->index == 0) ++stats_.country0_invests_in;
    if (out_.size() >= kFlush) Flush();
  }
  // Emits s p o unless already emitted (or the budget is spent); returns
  // whether it was emitted.
  bool Edge(const Node& s, Pred p, const Node& o) {
    if (Full() || !seen_.Insert(Fingerprint(s, p, o.Key()))) return false;
    AppendNode(s);
    out_ += ' ';
    out_ += kPredIris[p];
    out_ += ' ';
    AppendNode(o);
    out_ += " .\n";
    Count(s, p, &o);
    return true;
  }
  // s investment_amount literal: money "<m>000000 CUR" or an xsd:integer.
  bool Amount(const Node& s) {
    static constexpr std::string_view kCurrencies[] = {"USD", "USD", "USD", "EUR", "JPY", "GBP", "CNY"};
    uint64_t mantissa = 1 + rng_.Below(999);
    uint64_t zeros = 6 + rng_.Below(4);  // millions .. billions
    uint64_t currency = rng_.Below(8);   // 7 = a plain xsd:integer
    // Keyed by the amount itself: 10 with 7 zeros and 100 with 6 are the
    // same literal.
    uint64_t amount = mantissa;
    for (uint64_t z = 0; z < zeros; ++z) amount *= 10;
    uint64_t key = (1ull << 62) | (amount << 3) | (currency <= 2 ? 0 : currency);  // 0..2 are all USD
    if (Full() || !seen_.Insert(Fingerprint(s, kInvestmentAmount, key))) return false;
    AppendNode(s);
    out_ += ' ';
    out_ += kPredIris[kInvestmentAmount];
    out_ += " \"";
    AppendNumber(mantissa);
    out_.append(zeros, '0');
    if (currency < 7) {
      out_ += ' ';
      out_ += kCurrencies[currency];
      out_ += "\"^^<https://kg.example.org/datatype/money> .\n";
    } else {
      out_ += "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
    }
    Count(s, kInvestmentAmount, nullptr);
    return true;
  }
  void Flush() {
    if (!out_.empty()) write_(out_);
    out_.clear();
  }
  // Calls fn(i) until it has emitted `count` triples (fn returns whether it
  // emitted), giving up after many duplicate draws in a row.
  template <typename Fn>
  void Repeat(uint64_t count, Fn fn) {
    uint64_t misses = 0;
    for (uint64_t done = 0; done < count && !Full();) {
      if (fn()) {
        ++done;
        misses = 0;
      } else if (++misses > 1000) {
        break;
      }
    }
  }

  const GraphSpec& spec_;
  const std::function<void(const std::string&)>& write_;
  Rng rng_;
  FingerprintSet seen_;
  std::string out_;
  GraphStats stats_;
  uint64_t per_pred_[kPreds] = {};
};

GraphStats Generator::Run() {
  const double f = static_cast<double>(spec_.triples) / 1e6;
  auto scaled = [&](double at_million, uint64_t minimum) {
    return std::max<uint64_t>(minimum, static_cast<uint64_t>(std::llround(at_million * f)));
  };
  const uint64_t continents = 6, regions = 24, countries = 200;
  const uint64_t companies = scaled(100'000, 20);
  const uint64_t agencies = scaled(2'000, 4);
  const uint64_t people = scaled(40'000, 10);
  const uint64_t chain = scaled(1'000, 10);
  const uint64_t programs = std::max(scaled(20'000, 20), chain + 10);
  const uint64_t tree = std::min(companies - 2, scaled(50'000, 10));
  const uint64_t counts[] = {continents, regions, countries, companies, agencies, people, programs};
  stats_.companies = companies;
  stats_.agencies = agencies;
  stats_.people = people;
  stats_.programs = programs;
  stats_.countries = countries;

  // Hubs: skew exponents chosen so the roles above come out at the stated
  // sizes (country_0 ≈ 10% of invests_in; company_0 ≈ 0.25% of company edges).
  Zipf country_zipf(countries, 0.88);
  Zipf company_zipf(companies, 0.575);
  Zipf program_zipf(programs, 0.7);
  Zipf agency_zipf(agencies, 0.8);

  // 1. Types of every entity.
  for (int k = 0; k < kClass; ++k) {
    for (uint64_t i = 0; i < counts[k]; ++i) {
      Edge({static_cast<Kind>(k), i}, kType, {kClass, static_cast<uint64_t>(k)});
    }
  }
  // 2. Geography: country part_of region part_of continent; country
  //    located_in its continent.
  for (uint64_t r = 0; r < regions; ++r) Edge({kRegion, r}, kPartOf, {kContinent, r % continents});
  for (uint64_t c = 0; c < countries; ++c) {
    Edge({kCountry, c}, kPartOf, {kRegion, c % regions});
    Edge({kCountry, c}, kLocatedIn, {kContinent, (c % regions) % continents});
  }
  // 3. Where things are.
  for (uint64_t c = 0; c < companies; ++c) {
    Edge({kCompany, c}, kHeadquarteredIn, {kCountry, country_zipf.Sample(rng_)});
  }
  for (uint64_t a = 0; a < agencies; ++a)
    Edge({kAgency, a}, kLocatedIn, {kCountry, country_zipf.Sample(rng_)});
  for (uint64_t p = 0; p < people; ++p) Edge({kPerson, p}, kLocatedIn, {kCountry, country_zipf.Sample(rng_)});
  // 4. The subsidiary tree under company_1: company_k (2 <= k <= tree+1)
  //    is part_of a uniformly chosen earlier member.
  for (uint64_t k = 2; k < tree + 2; ++k) {
    if (Edge({kCompany, k}, kPartOf, {kCompany, 1 + rng_.Below(k - 1)})) ++stats_.subsidiary_tree;
  }
  // 5. The deep program chain.
  if (Edge({kProgram, 0}, kPartOf, {kAgency, 0})) ++stats_.chain_depth;
  for (uint64_t k = 1; k < chain; ++k) {
    if (Edge({kProgram, k}, kPartOf, {kProgram, k - 1})) ++stats_.chain_depth;
  }

  // 6. Random edges fill the rest of the budget.
  const uint64_t remaining = spec_.triples > stats_.triples ? spec_.triples - stats_.triples : 0;
  const uint64_t invests =
      std::min<uint64_t>(remaining, std::llround(0.25 * static_cast<double>(spec_.triples)));
  Repeat(invests, [&] {
    Node c{kCompany, company_zipf.Sample(rng_)};
    if (!Edge(c, kInvestsIn, {kCountry, country_zipf.Sample(rng_)})) return false;
    // Four in ten investments come with an amount.
    if (rng_.Below(10) < 4) Amount(c);
    return true;
  });
  const uint64_t rest = spec_.triples > stats_.triples ? spec_.triples - stats_.triples : 0;
  const uint64_t partners = rest / 2, announced = rest * 3 / 10;
  auto actor = [&](uint64_t agency_share_pct) {
    return rng_.Below(100) < agency_share_pct ? Node{kAgency, agency_zipf.Sample(rng_)}
                                              : Node{kCompany, company_zipf.Sample(rng_)};
  };
  Repeat(partners, [&] {
    Node a{kCompany, company_zipf.Sample(rng_)};
    Node b{kCompany, company_zipf.Sample(rng_)};
    return a.index != b.index && Edge(a, kPartnersWith, b);
  });
  Repeat(announced, [&] { return Edge(actor(20), kAnnounced, {kProgram, program_zipf.Sample(rng_)}); });
  Repeat(spec_.triples, [&] { return Edge(actor(30), kTrains, {kPerson, rng_.Below(people)}); });
  Flush();

  stats_.invests_in = per_pred_[kInvestsIn];
  for (int p = 0; p < kPreds; ++p) stats_.per_predicate[std::string(kPredNames[p])] = per_pred_[p];
  return stats_;
}

}  // namespace

GraphStats GenerateGraph(const GraphSpec& spec, const std::function<void(const std::string&)>& write) {
  Generator g(spec, write);
  return g.Run();
}

}  // namespace kg::bench
