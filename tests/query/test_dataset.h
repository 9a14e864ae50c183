// Helpers shared by the query tests: a tiny text format for datasets (used by
// the .test files and docs/query-language.md) loaded into a MemorySource.
//
// One assertion per line:  subject predicate object [@article[:sentence]] [hedged]
// Terms: "Quoted Name" or BareName → entity; 'text' → string literal;
// 42 / 4.5 → integer / decimal; $10000 or $0.25 → money USD (exact); 2024-04-10, 2024-04 →
// date; true/false → boolean.
// Other line kinds:  sentence ARTICLE INDEX text…   alias "Alias" Canonical
//                    article NAME DATE SOURCE [TITLE…]  (the header: "-" = unknown)
#ifndef KG_TESTS_QUERY_TEST_DATASET_H_
#define KG_TESTS_QUERY_TEST_DATASET_H_

#include <string>
#include <vector>

#include "kg/article.h"
#include "kg/value.h"
#include "storage/memory_source.h"

namespace kg::testing {

// Splits a line into whitespace-separated words, keeping quoted words
// (with their quotes) together.
std::vector<std::string> SplitWords(const std::string& line);

// The Value a data-file term denotes.
Value ParseTerm(const std::string& word);

// Adds one data line to `source`; false with *error set when malformed.
bool AddDataLine(const std::string& line, storage::MemorySource* source, std::string* error);

// "NULL" for null, else Value::ToString().
std::string Render(const Value& v);

// The same data lines as articles for a storage::Store, so that the .test
// cases also run against the on-disk store: one ArticleData per article
// named in the data (facts without "@article" go to an article named
// "default"), sentences padded so every fact's index exists, aliases given
// to the first article.
class ArticleBuilder {
 public:
  // Same syntax as AddDataLine; false with *error set when malformed.
  bool AddDataLine(const std::string& line, std::string* error);
  std::vector<ArticleData> Articles() const;

 private:
  ArticleData& Article(const std::string& name);
  std::vector<ArticleData> articles_;
  std::vector<EntityData> aliases_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_QUERY_TEST_DATASET_H_
