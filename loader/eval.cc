#include "loader/eval.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "loader/fact_match.h"

namespace kg::loader {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && cur != "a" && cur != "an" && cur != "the" && cur != "s") out.push_back(cur);
    cur.clear();
  };
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 || c == '$') {
      cur.push_back(static_cast<char>(std::tolower(u)));
    } else if (c == '.' && !cur.empty() && std::isdigit(static_cast<unsigned char>(cur.back()))) {
      cur.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

struct GoldFact {
  std::string s, p, o;  // as written, quotes included
  std::string evidence;
  std::string display;
};

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t t = line.find('\t', b);
    out.push_back(line.substr(b, t == std::string::npos ? std::string::npos : t - b));
    if (t == std::string::npos) break;
    b = t + 1;
  }
  return out;
}

// An entity matches a gold value through any of its names (the article's
// aliases stand in for factscore.py's fixed alias table); literals through
// their written form, the one `kg extract --format tsv` prints.
class Matcher {
 public:
  explicit Matcher(const ArticleData& data) {
    for (const auto& e : data.entities) {
      auto& names = names_[e.name];
      names.push_back(e.name);
      for (const auto& a : e.aliases) names.push_back(a);
    }
  }

  bool Match(const std::string& gold, const Value& v) const {
    if (v.kind() == ValueKind::kEntity) {
      auto it = names_.find(v.text());
      if (it != names_.end()) {
        return std::any_of(it->second.begin(), it->second.end(),
                           [&](const std::string& n) { return SameValue(n, gold); });
      }
    }
    return SameValue(v.ToString(), gold);
  }

 private:
  std::map<std::string, std::vector<std::string>> names_;
};

std::string Display(const Fact& f) {
  auto show = [](const Value& v) {
    std::string out;
    if (v.is_literal()) out += '"';
    out += v.ToString();
    if (v.is_literal()) out += '"';
    return out;
  };
  return show(f.subject) + "  " + f.predicate + "  " + show(f.object);
}

}  // namespace

double TokenOverlap(std::string_view a, std::string_view b) {
  const auto wa = Words(a);
  const auto wb = Words(b);
  if (wa.empty() || wb.empty()) return 0;
  std::multiset<std::string> sb(wb.begin(), wb.end());
  size_t common = 0;
  for (const auto& w : wa) {
    auto it = sb.find(w);
    if (it != sb.end()) {
      ++common;
      sb.erase(it);
    }
  }
  return static_cast<double>(common) / static_cast<double>(std::max(wa.size(), wb.size()));
}

Result<EvalReport> EvaluateAgainstGold(const ArticleData& data, std::string_view gold_tsv) {
  std::vector<GoldFact> gold;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < gold_tsv.size()) {
    size_t nl = gold_tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = gold_tsv.size();
    std::string line(gold_tsv.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    const auto cols = Split(line);
    if (line_no == 1 && cols[0] == "subject") continue;
    if (cols.size() < 3) {
      return Status::InvalidArgument("gold line " + std::to_string(line_no) +
                                     ": expected subject<TAB>predicate<TAB>object[<TAB>evidence]");
    }
    std::string predicate = cols[1];
    while (!predicate.empty() && predicate.back() == ' ') predicate.pop_back();
    while (!predicate.empty() && predicate.front() == ' ') predicate.erase(0, 1);
    for (char& c : predicate) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    gold.push_back(GoldFact{cols[0], predicate, cols[2], cols.size() > 3 ? cols[3] : std::string(),
                            cols[0] + "  " + cols[1] + "  " + cols[2]});
  }
  if (gold.empty()) return Status::InvalidArgument("the gold list has no facts");
  const Matcher m(data);
  EvalReport r;
  r.gold = gold.size();
  r.extracted = data.facts.size();
  std::vector<bool> fact_matched(data.facts.size(), false);
  for (const auto& g : gold) {
    bool found = false;
    for (size_t i = 0; i < data.facts.size(); ++i) {
      const Fact& f = data.facts[i];
      if (f.predicate != g.p) continue;
      if (m.Match(g.s, f.subject) && m.Match(g.o, f.object)) {
        found = true;
        fact_matched[i] = true;
      }
    }
    if (found) {
      ++r.gold_matched;
    } else {
      r.missed.push_back(g.display);
      r.missed_evidence.push_back(g.evidence);
    }
  }
  for (size_t i = 0; i < data.facts.size(); ++i) {
    if (fact_matched[i]) {
      ++r.extracted_matched;
    } else {
      r.extra.push_back(Display(data.facts[i]));
    }
  }
  r.precision =
      r.extracted == 0 ? 0 : static_cast<double>(r.extracted_matched) / static_cast<double>(r.extracted);
  r.recall = static_cast<double>(r.gold_matched) / static_cast<double>(r.gold);
  r.f1 = r.precision + r.recall == 0 ? 0 : 2 * r.precision * r.recall / (r.precision + r.recall);
  return r;
}

std::string FormatEvalReport(const EvalReport& r) {
  char buf[256];
  std::snprintf(
      buf, sizeof buf,
      "precision %.3f (%zu/%zu extracted facts match a gold fact)\nrecall    %.3f (%zu/%zu gold facts "
      "found)\nF1        %.3f\n",
      r.precision, r.extracted_matched, r.extracted, r.recall, r.gold_matched, r.gold, r.f1);
  std::string out = buf;
  out += "missed (" + std::to_string(r.missed.size()) + "):\n";
  for (const auto& s : r.missed) out += "  " + s + "\n";
  out += "extra (" + std::to_string(r.extra.size()) + "):\n";
  for (const auto& s : r.extra) out += "  " + s + "\n";
  return out;
}

}  // namespace kg::loader
