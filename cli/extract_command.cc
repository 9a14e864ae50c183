#include "cli/extract_command.h"

#include <iostream>

#include "cli/command_support.h"
#include "cli/commands.h"
#include "loader/extract_format.h"
#include "loader/loader.h"

namespace kg::cli {

int RunExtract(const ExtractArgs& args) {
  std::string format = args.format.empty() ? (args.sentences ? "openie" : "tsv") : args.format;
  if (!loader::IsExtractionFormat(format)) {
    std::cerr << "error: unknown extract format '" << format << "'\nhint: use one of tsv, jsonl, openie\n";
    return kExitUsage;
  }
  if (args.sentences && format != "openie") {
    std::cerr
        << "error: --sentences prints Open IE extractions only\nhint: use --format openie with --sentences\n";
    return kExitUsage;
  }
  auto text = ReadFile(args.file);
  if (!text.ok()) {
    std::cerr << "error: " << Shown(text.status().message())
              << "\nhint: kg extract takes a UTF-8 text file\n";
    return kExitUserError;
  }
  if (args.sentences) {
    auto extraction = loader::ExtractSentences(*text);
    if (!extraction.ok()) {
      std::cerr << "error: " << Shown(args.file) << ": " << Shown(extraction.status().message()) << '\n';
      return kExitUserError;
    }
    std::cout << loader::FormatOpenIe(*extraction);
    for (const std::string& w : extraction->warnings) std::cerr << "warning: " << Shown(w) << '\n';
    return kExitOk;
  }
  auto data = loader::ExtractArticle(ArticleNameForFile(args.file), *text);
  if (!data.ok()) {
    std::cerr << "error: " << Shown(args.file) << ": " << Shown(data.status().message()) << '\n';
    if (!data.status().hint().empty()) std::cerr << "hint: " << Shown(data.status().hint()) << '\n';
    return kExitUserError;
  }
  std::cout << loader::FormatExtraction(*data, format);
  for (const std::string& w : data->warnings) std::cerr << "warning: " << Shown(w) << '\n';
  return kExitOk;
}

}  // namespace kg::cli
