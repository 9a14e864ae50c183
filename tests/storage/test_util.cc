#include "test_util.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "storage/consistency_check.h"
#include "storage/key_codec.h"

namespace kg::storage::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "kg-storage-test-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) std::abort();
  root_ = tmpl;
  path_ = root_ + "/db";
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(root_, ec);
}

ArticleData MakeArticle(const std::string& name, uint64_t seed, int facts) {
  static const char* kEntities[] = {"Microsoft", "Japan", "Amazon", "Google",
                                    "Germany",   "Asia",  "OpenAI", "Tokyo"};
  static const char* kPredicates[] = {"invests_in", "located_in", "partners_with", "part_of"};
  std::mt19937_64 rng(seed);
  ArticleData a;
  a.name = name;
  a.source = name + ".txt";
  a.title = "Article " + name;
  a.content = "content of " + name + " seed " + std::to_string(seed);
  int sentences = 1 + facts / 3;
  for (int i = 0; i < sentences; ++i)
    a.sentences.push_back("Sentence " + std::to_string(i) + " of " + name + ".");
  a.entities.push_back(EntityData{"Microsoft", "Company", {"Microsoft Corp."}, ""});
  a.entities.push_back(EntityData{"Japan", "Country", {}, ""});
  for (int i = 0; i < facts; ++i) {
    Fact f;
    f.subject = Value::Entity(kEntities[rng() % 8]);
    f.predicate = kPredicates[rng() % 4];
    switch (rng() % 4) {
      case 0:
        f.object = Value::Integer(static_cast<int64_t>(rng() % 5) * 1000);
        break;
      case 1:
        f.object = Value::Money(static_cast<double>(rng() % 3) * 1e9, "USD");
        break;
      default:
        f.object = Value::Entity(kEntities[rng() % 8]);
        break;
    }
    f.sentence = static_cast<uint32_t>(rng() % static_cast<uint64_t>(sentences));
    f.confidence = 0.5 + static_cast<double>(rng() % 50) / 100.0;
    f.modality = (rng() % 5 == 0) ? Modality::kHedged : Modality::kAsserted;
    a.facts.push_back(f);
  }
  a.raw_facts.push_back(RawFact{"Microsoft", "did not buy", {"Amazon"}, 0, 0.7, true, false});
  return a;
}

std::string CheckConsistency(const Store& store) { return FindInconsistency(store); }

std::string CheckKeyCounts(const Store& store) { return FindKeyCountInconsistency(store); }

}  // namespace kg::storage::testing
