#include "tests/query/test_dataset.h"

#include <cstdlib>
#include <sstream>

namespace kg::testing {

std::vector<std::string> SplitWords(const std::string& line) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    size_t start = i;
    if (line[i] == '"' || line[i] == '\'') {
      char q = line[i++];
      while (i < line.size() && line[i] != q) ++i;
      ++i;
    } else {
      while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    }
    out.push_back(line.substr(start, i - start));
  }
  return out;
}

Value ParseTerm(const std::string& w) {
  if (w.size() >= 2 && w.front() == '"') return Value::Entity(w.substr(1, w.size() - 2));
  if (w.size() >= 2 && w.front() == '\'') return Value::String(w.substr(1, w.size() - 2));
  if (w == "true" || w == "false") return Value::Bool(w == "true");
  if (w.size() > 1 && w[0] == '$') {
    MoneyUnits units = 0;
    if (Value::ParseMoneyUnits(w.substr(1), &units)) return Value::MoneyExact(units, "USD");
  }
  bool digits = !w.empty();
  bool dot = false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c == '.' && !dot && i > 0) {
      dot = true;
    } else if (!(c >= '0' && c <= '9') && !(c == '-' && i == 0 && w.size() > 1)) {
      digits = false;
    }
  }
  if (digits)
    return dot ? Value::Decimal(std::strtod(w.c_str(), nullptr))
               : Value::Integer(std::strtoll(w.c_str(), nullptr, 10));
  if ((w.size() == 10 || w.size() == 7) && w[4] == '-') {
    Date d;
    d.year = std::atoi(w.substr(0, 4).c_str());
    d.month = static_cast<uint8_t>(std::atoi(w.substr(5, 2).c_str()));
    if (w.size() == 10) d.day = static_cast<uint8_t>(std::atoi(w.substr(8, 2).c_str()));
    return Value::DateValue(d);
  }
  return Value::Entity(w);
}

namespace {

// "article NAME DATE SOURCE [TITLE…]": what the header of an article says
// ("-" for an unknown date or source; the title is the rest of the line).
ArticleInfo ArticleLine(const std::string& line) {
  std::istringstream in(line);
  std::string keyword;
  ArticleInfo info;
  in >> keyword >> info.name >> info.date >> info.source >> std::ws;
  std::getline(in, info.title);
  if (info.date == "-") info.date.clear();
  if (info.source == "-") info.source.clear();
  return info;
}

}  // namespace

bool AddDataLine(const std::string& line, storage::MemorySource* source, std::string* error) {
  std::vector<std::string> w = SplitWords(line);
  if (w.empty()) return true;
  auto unquote = [](const std::string& s) {
    return s.size() >= 2 && (s[0] == '"' || s[0] == '\'') ? s.substr(1, s.size() - 2) : s;
  };
  if (w[0] == "sentence" && w.size() >= 3) {
    size_t pos = line.find(w[2]) + w[2].size();
    std::string text = pos < line.size() ? line.substr(pos + 1) : "";
    source->SetSentence(w[1], static_cast<uint32_t>(std::atoi(w[2].c_str())), text);
    return true;
  }
  if (w[0] == "alias" && w.size() == 3) {
    source->AddAlias(unquote(w[1]), unquote(w[2]));
    return true;
  }
  if (w[0] == "article" && w.size() >= 4) {
    ArticleInfo info = ArticleLine(line);
    source->SetArticleInfo(info.name, info.title, info.date, info.source);
    return true;
  }
  if (w.size() < 3) {
    *error = "bad data line: " + line;
    return false;
  }
  std::string article;
  uint32_t sentence = 0;
  bool hedged = false;
  for (size_t i = 3; i < w.size(); ++i) {
    if (w[i] == "hedged") {
      hedged = true;
    } else if (w[i][0] == '@') {
      std::string a = w[i].substr(1);
      size_t colon = a.find(':');
      if (colon != std::string::npos) {
        sentence = static_cast<uint32_t>(std::atoi(a.c_str() + colon + 1));
        a = a.substr(0, colon);
      }
      article = a;
    } else {
      *error = "bad annotation '" + w[i] + "' in: " + line;
      return false;
    }
  }
  source->Add(ParseTerm(w[0]), unquote(w[1]), ParseTerm(w[2]), article, sentence, hedged);
  return true;
}

std::string Render(const Value& v) { return v.is_null() ? "NULL" : v.ToString(); }

ArticleData& ArticleBuilder::Article(const std::string& name) {
  for (ArticleData& a : articles_) {
    if (a.name == name) return a;
  }
  articles_.emplace_back();
  articles_.back().name = name;
  return articles_.back();
}

bool ArticleBuilder::AddDataLine(const std::string& line, std::string* error) {
  // The MemorySource path validates and interprets the line; this mirrors it.
  storage::MemorySource check;
  if (!kg::testing::AddDataLine(line, &check, error)) return false;
  std::vector<std::string> w = SplitWords(line);
  if (w.empty()) return true;
  auto unquote = [](const std::string& s) {
    return s.size() >= 2 && (s[0] == '"' || s[0] == '\'') ? s.substr(1, s.size() - 2) : s;
  };
  if (w[0] == "sentence") {
    size_t pos = line.find(w[2]) + w[2].size();
    ArticleData& a = Article(w[1]);
    auto index = static_cast<size_t>(std::atoi(w[2].c_str()));
    if (a.sentences.size() <= index) a.sentences.resize(index + 1);
    a.sentences[index] = pos < line.size() ? line.substr(pos + 1) : "";
    return true;
  }
  if (w[0] == "alias") {
    aliases_.push_back(EntityData{unquote(w[2]), "", {unquote(w[1])}, ""});
    return true;
  }
  if (w[0] == "article") {
    ArticleInfo info = ArticleLine(line);
    ArticleData& a = Article(info.name);
    a.title = info.title;
    a.date = info.date;
    a.source = info.source;
    return true;
  }
  Fact f;
  f.subject = ParseTerm(w[0]);
  f.predicate = unquote(w[1]);
  f.object = ParseTerm(w[2]);
  std::string article = "default";
  for (size_t i = 3; i < w.size(); ++i) {
    if (w[i] == "hedged") {
      f.modality = Modality::kHedged;
    } else {
      std::string a = w[i].substr(1);
      size_t colon = a.find(':');
      if (colon != std::string::npos) {
        f.sentence = static_cast<uint32_t>(std::atoi(a.c_str() + colon + 1));
        a = a.substr(0, colon);
      }
      article = a;
    }
  }
  ArticleData& a = Article(article);
  if (a.sentences.size() <= f.sentence) a.sentences.resize(f.sentence + 1);
  a.facts.push_back(f);
  return true;
}

std::vector<ArticleData> ArticleBuilder::Articles() const {
  std::vector<ArticleData> out = articles_;
  if (out.empty() && !aliases_.empty()) {
    out.emplace_back();
    out.back().name = "default";
  }
  if (!out.empty()) out.front().entities.insert(out.front().entities.end(), aliases_.begin(), aliases_.end());
  return out;
}

}  // namespace kg::testing
