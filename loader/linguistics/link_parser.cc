#include "loader/linguistics/link_parser.h"

#include <link-grammar/link-includes.h>

#include <mutex>
#include <string>

namespace kg::loader::linguistics {
namespace {

// link-grammar reports locale and dictionary notices through its error
// handler; the loader keeps stderr clean and works without hints instead.
void QuietHandler(lg_errinfo* /*ei*/, void* /*data*/) {}

Dictionary GetDictionary() {
  static std::once_flag once;
  static Dictionary dict = nullptr;
  std::call_once(once, [] {
    lg_error_set_handler(QuietHandler, nullptr);
    dict = dictionary_create_lang("en");
  });
  return dict;
}

char ClassOf(const char* word) {
  if (word == nullptr) return 0;
  std::string w(word);
  if (!w.empty() && w.front() == '[') return 0;  // null-linked word
  const size_t dot = w.rfind('.');
  if (dot == std::string::npos || dot + 1 >= w.size()) return 0;
  switch (w[dot + 1]) {
    case 'v':
    case 'q':
    case 'w':
      return 'v';
    case 'n':
    case 's':
    case 'p':
    case 'l':
    case 'm':
    case 'f':
    case 'o':
    case 'x':
    case 't':
      return 'n';
    case 'a':
    case 'c':
    case 'u':
      return 'a';
    case 'e':
      return 'e';
    case 'g':
      return 'g';
    default:
      return 0;
  }
}

}  // namespace

bool LinkGrammarAvailable() { return GetDictionary() != nullptr; }

std::vector<PosHint> ParseHints(std::string_view sentence, const LinkParseOptions& options) {
  std::vector<PosHint> hints;
  Dictionary dict = GetDictionary();
  if (dict == nullptr || sentence.empty() || sentence.size() > 2000) return hints;
  int words = 1;
  for (char c : sentence) words += c == ' ';
  if (words > options.max_words) return hints;
  Parse_Options opts = parse_options_create();
  parse_options_set_verbosity(opts, 0);
  parse_options_set_linkage_limit(opts, 1);
  parse_options_set_max_parse_time(opts, options.max_seconds);
  parse_options_set_min_null_count(opts, 0);
  parse_options_set_max_null_count(opts, 0);
  parse_options_set_spell_guess(opts, 0);
  parse_options_set_islands_ok(opts, false);
  parse_options_set_disjunct_cost(opts, 2.0f);
  const std::string text(sentence);
  Sentence sent = sentence_create(text.c_str(), dict);
  if (sent != nullptr) {
    if (sentence_split(sent, opts) == 0 && sentence_parse(sent, opts) > 0 &&
        !parse_options_timer_expired(opts)) {
      Linkage linkage = linkage_create(0, sent, opts);
      if (linkage != nullptr) {
        const auto n = static_cast<WordIdx>(linkage_get_num_words(linkage));
        for (WordIdx i = 0; i < n; ++i) {
          const char cls = ClassOf(linkage_get_word(linkage, i));
          const int b = linkage_get_word_byte_start(linkage, i);
          if (cls != 0 && b >= 0) hints.push_back(PosHint{static_cast<uint32_t>(b), cls});
        }
        linkage_delete(linkage);
      }
    }
    sentence_delete(sent);
  }
  parse_options_delete(opts);
  return hints;
}

}  // namespace kg::loader::linguistics
