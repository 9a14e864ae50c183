#include "query/parser/parse_cache.h"

#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "query/parser/parser.h"

namespace kg::query {

namespace {

// Enough for the statements a session or a program repeats; a longer text
// is parsed each time (it is rarely repeated, and keeping it costs memory).
constexpr size_t kMaxEntries = 64;
constexpr size_t kMaxTextBytes = 4096;

// Least recently used first out.
class ScriptCache {
 public:
  bool Find(std::string_view text, ParsedScript* out) {
    std::lock_guard lock(mu_);
    auto it = index_.find(text);
    if (it == index_.end()) return false;
    order_.splice(order_.end(), order_, it->second);
    *out = it->second->second;
    return true;
  }

  void Keep(std::string_view text, const ParsedScript& script) {
    std::lock_guard lock(mu_);
    if (index_.count(text) != 0) return;
    if (order_.size() >= kMaxEntries) {
      index_.erase(order_.front().first);
      order_.pop_front();
    }
    order_.emplace_back(std::string(text), script);
    index_.emplace(order_.back().first, std::prev(order_.end()));
  }

 private:
  using Entry = std::pair<std::string, ParsedScript>;
  std::mutex mu_;
  std::list<Entry> order_;
  // Keys view the list's strings, which a list never moves.
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;
};

ScriptCache& Cache() {
  // Never destroyed: a query may run during static destruction.
  static ScriptCache* const cache = new ScriptCache();
  return *cache;
}

}  // namespace

Result<ParsedScript> ParseCached(std::string_view text) {
  if (text.size() > kMaxTextBytes) return Parse(text);
  ParsedScript script;
  if (Cache().Find(text, &script)) return script;
  Result<ParsedScript> parsed = Parse(text);
  if (parsed.ok()) Cache().Keep(text, *parsed);
  return parsed;
}

}  // namespace kg::query
