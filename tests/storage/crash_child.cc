// The writer killed by the crash test (crash_test.cc): loads, replaces and
// deletes synthetic articles in an endless loop until it receives SIGKILL.
//
// Usage: kg_storage_crash_child DB_PATH FIRST_INDEX
// Article i is "a<i>" = MakeArticle("a<i>", i, 10 + i % 30); every 7th step
// replaces the previous article with seed i + 1000000; every 11th step deletes
// the article two before. It prints "ready" once the database is open.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "storage/store.h"
#include "test_util.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DB_PATH FIRST_INDEX\n", argv[0]);
    return 2;
  }
  auto store = kg::storage::Store::Open(argv[1]);
  if (!store.ok()) {
    std::fprintf(stderr, "open: %s\n", store.status().ToString().c_str());
    return 1;
  }
  std::printf("ready\n");
  std::fflush(stdout);
  const long first = std::atol(argv[2]);
  for (long i = first;; ++i) {
    const std::string name = "a" + std::to_string(i);
    auto r = (*store)->AddArticle(
        kg::storage::testing::MakeArticle(name, static_cast<uint64_t>(i), 10 + static_cast<int>(i % 30)));
    if (!r.ok()) {
      std::fprintf(stderr, "add %s: %s\n", name.c_str(), r.status().ToString().c_str());
      return 1;
    }
    if (i > first && i % 7 == 0) {
      kg::WriteOptions wo;
      wo.replace = true;
      const std::string prev = "a" + std::to_string(i - 1);
      auto rr = (*store)->AddArticle(
          kg::storage::testing::MakeArticle(prev, static_cast<uint64_t>(i + 1000000), 15), wo);
      if (!rr.ok()) {
        std::fprintf(stderr, "replace %s: %s\n", prev.c_str(), rr.status().ToString().c_str());
        return 1;
      }
    }
    if (i > first + 1 && i % 11 == 0) {
      kg::Status s = (*store)->DeleteArticle("a" + std::to_string(i - 2));
      if (!s.ok() && s.code() != kg::Status::Code::kNotFound) {
        std::fprintf(stderr, "delete: %s\n", s.ToString().c_str());
        return 1;
      }
    }
  }
}
