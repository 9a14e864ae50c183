// The `kg` command line (DESIGN §5). This is the only translation unit that
// includes CLI11 (it compiles slowly); the work is done in commands.cc and
// repl.cc.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "cli/delete_command.h"
#include "cli/huge_page_heap.h"
#include "cli/limits.h"
#include "cli/nlp_module.h"
#include "cli/process_exit.h"
#include "cli/repl.h"
#include "kg/kg.h"
#include "query/parser/parser.h"

namespace kg::cli {
namespace {

const std::vector<std::string> kQueryFormats = {"table", "tsv", "csv", "json"};

std::string HistoryFile() {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return "";
  return std::string(home) + "/.kg_history";
}

int StartRepl(const std::string& db_path, bool create) {
  // The REPL reads through a reader and opens the writer only while a
  // .load or .delete runs, so other processes can write while it is open.
  // It creates a database only when asked to (--create): a mistyped --db
  // must not become a new empty database.
  std::error_code ec;
  const bool exists = std::filesystem::exists(db_path, ec);
  if (!exists && !create) {
    std::cerr << "error: no database at '" << db_path << "'\n"
              << "hint: check --db (or $KG_DB) for a typo; to start a new database there, run `kg --db "
              << db_path << " repl --create` or load articles with `kg --db " << db_path
              << " load FILE.txt`\n";
    return kExitUserError;
  }
  auto fail = [&](const Status& s) {
    std::cerr << "error: cannot open database '" << db_path << "': " << s.message() << '\n';
    if (!s.hint().empty()) std::cerr << "hint: " << s.hint() << '\n';
    return kExitUserError;
  };
  if (create) {
    // Creation needs the writer for a moment; an existing database is
    // opened as it is.
    Options writer;
    writer.create_if_missing = true;
    auto created = DB::Open(db_path, writer);
    if (!created.ok() && created.status().code() != Status::Code::kBusy) return fail(created.status());
  }
  Options reader;
  reader.mode = OpenMode::kReader;
  // As for `kg query`, but threads keep their own heaps: a .load extracts on
  // both cores.
  BackHeapWithHugePages(/*one_arena=*/false);
  std::jthread prepare_parser([] { query::PrepareParser(); });  // as for `kg query`
  auto db = DB::Open(db_path, reader);
  prepare_parser.join();
  if (!db.ok()) return fail(db.status());
  ReplOptions ro;
  if (::access(db_path.c_str(), W_OK) == 0) {
    ro.open_writer = [db_path]() { return DB::Open(db_path, Options()); };
  }
  ro.interactive = StdinIsTerminal();
  ro.history_file = ro.interactive ? HistoryFile() : "";
  ro.db_path = db_path;
  if (!ro.open_writer && !ro.interactive)
    std::cerr << "note: opened read-only: " << ro.read_only_reason << '\n';
  return RunRepl(*db.value(), ro);
}

// The --format given, else a table for people and tsv for pipes.
OutputFormat FormatOrDefault(const std::string& name) {
  auto f = ParseOutputFormat(name);
  if (f) return *f;
  return StdoutIsTerminal() ? OutputFormat::kTable : OutputFormat::kTsv;
}

// The command the command line names: its first argument that is neither an
// option nor the value of --db (the one top-level option that takes one).
// Empty when there is none (the REPL). CLI11 parses the same way: kg's
// top-level options all come before the command.
std::string NamedCommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--db") {
      ++i;
    } else if (arg.empty() || arg[0] != '-') {
      return std::string(arg);
    }
  }
  return "";
}

int Main(int argc, char** argv) {
  CLI::App app{
      "kg — an embedded knowledge graph of news articles.\n"
      "Load English articles, then ask who invests where, compare articles and see why a fact is known.",
      "kg"};
  app.footer(
      "Examples:\n"
      "  kg load data/*.txt                       load articles into ./kg.db\n"
      "  kg query '?who -invests_in-> Japan'      ask a question\n"
      "  kg compare microsoft-japan-ai aws-japan  what two articles agree and disagree on\n"
      "  kg                                       open the interactive shell (REPL)\n"
      "Run `kg COMMAND --help` for the options of a command.\n");
  app.set_version_flag("--version", std::string("kg ") + kg::Version(), "Print the version and exit");
  std::string db_path = "kg.db";
  app.add_option("--db", db_path, "Database directory (default: $KG_DB, else ./kg.db)")
      ->envname("KG_DB")
      ->type_name("PATH");
  app.require_subcommand(0, 1);
  // Only the named command's options and footer are declared: CLI11 builds
  // objects for each, and declaring all fourteen commands' cost every
  // process about half a millisecond. The others stay listed by name and
  // description, which is all `kg --help` shows of them.
  const std::string declared = NamedCommand(argc, argv);
  // Usage errors in kg's style: what is wrong, then where to look.
  app.failure_message([](const CLI::App* top, const CLI::Error& e) {
    std::string usage = "kg --help";
    for (const CLI::App* sub : top->get_subcommands()) usage = "kg " + sub->get_name() + " --help";
    return "error: " + std::string(e.what()) + "\nhint: see `" + usage + "` for the usage and examples\n";
  });

  // load
  LoadArgs load;
  auto* load_cmd = app.add_subcommand("load", "Load articles (English plain text) into the database");
  if (declared == "load") {
    load_cmd->add_option("files", load.files, "Article files (.txt)")->required()->type_name("FILE");
    load_cmd
        ->add_option("--id", load.id,
                     "Article name (one file only; default: the file name without extension)")
        ->type_name("NAME");
    load_cmd->add_flag("--replace", load.replace,
                       "Replace a stored article of the same name with new content");
    load_cmd->footer(
        "Examples:\n"
        "  kg load data/microsoft-japan-ai.txt\n"
        "  kg load data/*.txt\n"
        "  kg load --id aws-2024 --replace news/aws.txt\n"
        "Re-loading an unchanged article does nothing; a changed one needs --replace.\n");
  }

  // import
  ImportArgs import;
  auto* import_cmd = app.add_subcommand("import", "Import RDF (N-Triples .nt or N-Quads .nq)");
  if (declared == "import") {
    import_cmd->add_option("files", import.files, "RDF files")->required()->type_name("FILE");
    import_cmd
        ->add_option("--id", import.article,
                     "Article for N-Triples and default-graph statements (default: the file name's stem)")
        ->type_name("NAME");
    import_cmd->add_flag("--replace", import.replace, "Replace stored articles of the same name");
    import_cmd->add_flag("--skip-bad", import.skip_bad, "Skip lines that do not parse instead of stopping");
    import_cmd->footer(
        "Examples:\n"
        "  kg import graph.nt\n"
        "  kg --db other.db import dump.nq\n"
        "  kg import --id people --skip-bad people.nt\n"
        "N-Quads graphs become articles; IRIs keep their text for export and their local name is the kg "
        "name.\n");
  }

  // delete
  DeleteArgs del;
  auto* delete_cmd = app.add_subcommand(
      "delete", "Delete an article and the facts only it states (asks first on a terminal)");
  if (declared == "delete") {
    delete_cmd->add_option("article", del.article, "Article name (as `kg articles` lists it)")
        ->required()
        ->type_name("ARTICLE");
    delete_cmd->add_flag("--yes,-y", del.yes, "Do not ask for confirmation");
    delete_cmd->footer(
        "Examples:\n"
        "  kg delete aws-japan\n"
        "  kg delete --yes old-draft                  # no question (scripts never get one)\n"
        "Facts that other articles also state stay in the database.\n");
  }

  // export
  ExportArgs exp;
  auto* export_cmd =
      app.add_subcommand("export", "Write the graph as N-Triples, N-Quads, JSON or Graphviz DOT");
  if (declared == "export") {
    export_cmd->add_option("--format", exp.format, "nt, nq, json or dot (default: nt)")
        ->check(CLI::IsMember({"nt", "nq", "json", "dot"}));
    export_cmd->add_option("--article", exp.article, "Only the triples this article asserts")
        ->type_name("NAME");
    export_cmd->add_option("--around", exp.around, "DOT only: the neighbourhood of this entity")
        ->type_name("ENTITY");
    export_cmd->add_option("--depth", exp.depth, "DOT only: hops around --around (default: 2)")
        ->check(CLI::Range(0, 100));
    export_cmd->add_option("-o,--output", exp.output, "Output file (default: standard output)")
        ->type_name("FILE");
    export_cmd->footer(
        "Examples:\n"
        "  kg export > all.nt\n"
        "  kg export --format nq --article microsoft-japan-ai\n"
        "  kg export --format dot --around Microsoft --depth 1 | dot -Tsvg > microsoft.svg\n");
  }

  // graph
  GraphArgs graph;
  auto* graph_cmd = app.add_subcommand("graph", "Draw the neighbourhood of an entity with Graphviz");
  if (declared == "graph") {
    graph_cmd->add_option("entity", graph.entity, "Entity name")->required()->type_name("ENTITY");
    graph_cmd->add_option("-o,--output", graph.output, "Image file: .svg, .png, .pdf (or .dot for DOT text)")
        ->required()
        ->type_name("FILE");
    graph_cmd->add_option("--depth", graph.depth, "Hops around the entity (default: 2)")
        ->check(CLI::Range(0, 100));
    graph_cmd->footer(
        "Examples:\n"
        "  kg graph Microsoft -o microsoft.svg\n"
        "  kg graph Japan --depth 1 -o japan.png\n"
        "Needs Graphviz's `dot` (Debian: apt-get install graphviz).\n");
  }

  // query
  QueryArgs query;
  std::string query_format, memory_limit_text, timeout_text;
  auto* query_cmd = app.add_subcommand("query", "Run a query");
  if (declared == "query") {
    query_cmd->add_option("query", query.query, "The query (see docs/query-language.md)")
        ->required()
        ->type_name("QUERY");
    query_cmd
        ->add_option("--format", query_format,
                     "table, tsv, csv or json (default: table on a terminal, else tsv)")
        ->check(CLI::IsMember(kQueryFormats));
    query_cmd->add_flag("--timing", query.timing,
                        "Print `timing: total_ms=T parse_ms=A plan_ms=B exec_ms=C rows=N` to stderr");
    query_cmd->add_option("--repeat", query.repeat, "Run N times after one warm-up; --timing reports medians")
        ->check(CLI::Range(1, 1000000));
    query_cmd->add_flag("--hedged", query.include_hedged,
                        "Also use facts stated only with a hedge (\"may invest\", \"is expected to\")");
    // CLI11 validators return the error text, empty when the value is good.
    auto valid = [](auto parse) {
      return [parse](const std::string& text) {
        auto r = parse(text);
        return r.ok() ? std::string() : r.status().message() + " (" + r.status().hint() + ")";
      };
    };
    query_cmd
        ->add_option("--memory-limit", memory_limit_text,
                     "Stop the query once it holds more than SIZE (500MB, 2GB, 1.5GiB; default: a quarter of "
                     "physical memory)")
        ->type_name("SIZE")
        ->check(valid(ParseByteSize));
    query_cmd
        ->add_option("--timeout", timeout_text,
                     "Stop the query after DURATION (30s, 500ms, 2min; default: none)")
        ->type_name("DURATION")
        ->check(valid(ParseDuration));
    query_cmd->footer(
        "Examples:\n"
        "  kg query '?who -invests_in-> Japan'\n"
        "  kg query 'MATCH ?i -investor-> ?c, ?i -investment_target-> ?k, ?i -amount-> ?amt RETURN ?c, ?k, "
        "?amt' --format csv\n"
        "  kg query 'WHY Microsoft -invests_in-> Japan'\n"
        "  kg query 'Microsoft -?p-> ?o' --timing --repeat 10\n"
        "  kg query '?c -invests_in-> ?k' --hedged\n"
        "  kg query '?x -partners_with*-> ?y' --memory-limit 500MB --timeout 30s\n");
  }

  // repl
  bool repl_create = false;
  auto* repl_cmd =
      app.add_subcommand("repl", "Interactive shell (also what `kg` alone starts on a terminal)");
  if (declared == "repl") {
    repl_cmd->add_flag("--create", repl_create,
                       "Create the database if there is none (otherwise a missing --db is an error)");
    repl_cmd->footer(
        "Examples:\n"
        "  kg repl\n"
        "  kg --db new.db repl --create                  # start a new, empty database\n"
        "  echo '?c -invests_in-> Japan;' | kg repl      # from a pipe: tsv, no prompts\n"
        "Inside: .help lists the dot-commands.\n");
  }

  // articles
  std::string articles_format;
  auto* articles_cmd = app.add_subcommand("articles", "List the loaded articles");
  if (declared == "articles") {
    articles_cmd
        ->add_option("--format", articles_format,
                     "table, tsv, csv or json (default: table on a terminal, else tsv)")
        ->check(CLI::IsMember(kQueryFormats));
    articles_cmd->footer("Examples:\n  kg articles\n  kg articles --format json\n");
  }

  // stats
  std::string stats_format;
  auto* stats_cmd = app.add_subcommand("stats", "Database statistics: counts, predicates, size");
  if (declared == "stats") {
    stats_cmd
        ->add_option("--format", stats_format,
                     "table, tsv, csv or json (default: table on a terminal, else tsv)")
        ->check(CLI::IsMember(kQueryFormats));
    stats_cmd->footer("Examples:\n  kg stats\n  kg --db news.db stats --format tsv\n");
  }

  // check
  auto* check_cmd =
      app.add_subcommand("check", "Verify the database: checksums of every file, then every invariant");
  if (declared == "check") {
    check_cmd->footer(
        "Examples:\n  kg check\n  kg --db news.db check\n"
        "Reads the whole database; works while another process writes it. Exit 1 and what is damaged if a "
        "check "
        "fails (see docs/operations.md).\n");
  }

  // compare
  CompareArgs compare;
  std::string compare_format;
  auto* compare_cmd = app.add_subcommand("compare", "Facts two articles share, state alone, or disagree on");
  if (declared == "compare") {
    compare_cmd->add_option("a", compare.a, "First article")->required()->type_name("A");
    compare_cmd->add_option("b", compare.b, "Second article")->required()->type_name("B");
    compare_cmd->add_option("--about", compare.about, "Only facts about this entity")->type_name("ENTITY");
    compare_cmd
        ->add_option("--format", compare_format, "table, tsv, csv or json (default: table on a terminal)")
        ->check(CLI::IsMember(kQueryFormats));
    compare_cmd->add_flag("--why", compare.why,
                          "Show the sentences of each article behind every disagreement");
    compare_cmd->add_flag(
        "--all", compare.all,
        "Also show bookkeeping facts (entity types, event participants) the articles share");
    compare_cmd->add_flag("--hedged", compare.include_hedged,
                          "Include hedged facts (may, could, if …), which are left out by default");
    compare_cmd->footer(
        "Examples:\n"
        "  kg compare microsoft-japan-ai microsoft-japan-recap\n"
        "  kg compare microsoft-japan-ai microsoft-japan-recap --why\n"
        "  kg compare microsoft-japan-ai aws-japan --about Japan\n"
        "Sections: conflicts (same subject and single-valued predicate, different values), differences (one "
        "value each, different), only in A, only in B, both; then a summary line.\n");
  }

  // extract
  ExtractArgs extract;
  auto* extract_cmd =
      app.add_subcommand("extract", "Print what the loader extracts from a file (no database)");
  if (declared == "extract") {
    extract_cmd->add_option("file", extract.file, "Article (.txt)")->required()->type_name("FILE");
    extract_cmd
        ->add_option("--format", extract.format,
                     "tsv, jsonl or openie (default: tsv; openie with --sentences)")
        ->check(CLI::IsMember({"tsv", "jsonl", "openie"}));
    extract_cmd->add_flag("--sentences", extract.sentences,
                          "The file holds one sentence per line (e.g. an Open IE benchmark)");
    extract_cmd->footer(
        "Examples:\n"
        "  kg extract data/microsoft-japan-ai.txt\n"
        "  kg extract --format jsonl data/microsoft-japan-ai.txt\n"
        "  kg extract --sentences --format openie sentences.txt > extractions.tsv\n");
  }

  // eval
  EvalArgs eval;
  auto* eval_cmd =
      app.add_subcommand("eval", "Score the loader against hand-made key facts (an article or a directory)");
  if (declared == "eval") {
    eval_cmd
        ->add_option("--gold", eval.gold, "Key facts of ARTICLE: subject, predicate, object, evidence (tsv)")
        ->type_name("FACTS.tsv");
    eval_cmd
        ->add_option("path", eval.path,
                     "The article (.txt) with --gold, or a directory of NAME.txt with NAME.gold.tsv")
        ->required()
        ->type_name("ARTICLE|DIR");
    eval_cmd->add_flag("--misses", eval.misses,
                       "List each article's missed key facts with their evidence (DIR)");
    eval_cmd->add_option("--format", eval.format, "text or tsv (DIR; default: text)")
        ->check(CLI::IsMember({"text", "tsv"}));
    eval_cmd->footer(
        "Examples:\n"
        "  kg eval --gold data/microsoft-japan-ai.gold.tsv data/microsoft-japan-ai.txt\n"
        "  kg eval ../shared/data/news-dev\n"
        "  kg eval ../shared/data/news-dev --misses\n"
        "  kg eval ../shared/data/news-dev --format tsv > scores.tsv\n");
  }

  // parse
  ParseArgs parse;
  auto* parse_cmd =
      app.add_subcommand("parse", "Tag, lemmatize and parse English text; write CoNLL-U (no database)");
  if (declared == "parse") {
    parse_cmd->add_option("file", parse.input, "Text file (.txt), or - for standard input")
        ->type_name("FILE");
    parse_cmd->add_flag("--conllu", parse.conllu,
                        "The input is CoNLL-U: keep its words, replace tags, lemmas and dependencies");
    parse_cmd
        ->add_option(
            "--eval", parse.eval,
            "Score the model on a gold treebank (its words as input): UPOS, XPOS, lemma, UAS, LAS, speed")
        ->type_name("GOLD.conllu");
    parse_cmd
        ->add_option("--model", parse.model,
                     "Model file (default: $KG_SYNTAX_MODEL, else the installed en.kgm)")
        ->type_name("PATH");
    parse_cmd->footer(
        "Examples:\n"
        "  kg parse data/microsoft-japan-ai.txt > article.conllu\n"
        "  echo 'Microsoft invests in Japan.' | kg parse -\n"
        "  kg parse --conllu treebank.conllu        re-annotate pre-tokenized sentences\n"
        "  kg parse --eval en_ewt-ud-dev.conllu     accuracy and speed on a gold treebank\n");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e);
    return kExitUsage;
  }

  if (*load_cmd) {
    // The module first: without it nothing can be loaded, and no empty
    // database should be created.
    const NlpCommands* nlp = NlpModuleOrPrintError();
    if (nlp == nullptr) return kExitUserError;
    auto db = OpenDatabase(db_path, true);
    if (!db) return kExitUserError;
    load.progress = StderrIsTerminal();
    return nlp->load(*db, load, std::cout);
  }
  if (*delete_cmd) {
    del.db_path = db_path;
    return RunDelete(del, std::cout);
  }
  if (*import_cmd) {
    import.db_path = db_path;
    import.progress = StderrIsTerminal();
    return RunImport(import);
  }
  if (*export_cmd) {
    exp.db_path = db_path;
    return RunExport(exp);
  }
  if (*graph_cmd) {
    graph.db_path = db_path;
    return RunGraph(graph);
  }
  if (*query_cmd) {
    if (!query_format.empty()) query.format = ParseOutputFormat(query_format);
    // Both were validated while parsing the command line.
    if (!memory_limit_text.empty()) query.memory_limit = ParseByteSize(memory_limit_text).value();
    if (!timeout_text.empty()) query.timeout_ms = ParseDuration(timeout_text).value();
    // The parser's tables are built on the other core while the database
    // opens (query/parser/parser.h), for this statement only: warming the
    // common constructs as well cost a one-shot query 1.5 ms of CPU.
    BackHeapWithHugePages(/*one_arena=*/true);  // before the parser's thread
    std::jthread prepare_parser([&query] { query::PrepareParser(query.query); });
    auto db = OpenDatabase(db_path, false);
    prepare_parser.join();
    if (!db) return kExitUserError;
    const int code = RunQuery(*db, query);
    CloseBeforeExit(std::move(db));
    return code;
  }
  if (*articles_cmd || *stats_cmd) {
    BackHeapWithHugePages(/*one_arena=*/true);
    auto db = OpenDatabase(db_path, false);
    if (!db) return kExitUserError;
    const int code = *articles_cmd ? RunArticles(*db, FormatOrDefault(articles_format), std::cout)
                                   : RunStats(*db, FormatOrDefault(stats_format), std::cout);
    CloseBeforeExit(std::move(db));
    return code;
  }
  if (*check_cmd) {
    BackHeapWithHugePages(/*one_arena=*/true);
    auto db =
        OpenDatabase(db_path, false, /*create=*/false, /*upgrade_older_format=*/false);  // check never writes
    if (!db) return kExitUserError;
    const int code = RunCheck(*db, std::cout);
    CloseBeforeExit(std::move(db));
    return code;
  }
  if (*compare_cmd) {
    if (!compare_format.empty()) compare.format = ParseOutputFormat(compare_format);
    BackHeapWithHugePages(/*one_arena=*/true);
    auto db = OpenDatabase(db_path, false);
    if (!db) return kExitUserError;
    const int code = RunCompare(*db, compare, std::cout);
    CloseBeforeExit(std::move(db));
    return code;
  }
  if (*extract_cmd || *parse_cmd || *eval_cmd) {
    const NlpCommands* nlp = NlpModuleOrPrintError();
    if (nlp == nullptr) return kExitUserError;
    if (*extract_cmd) return nlp->extract(extract);
    if (*parse_cmd) return nlp->parse(parse, std::cin, std::cout);
    return nlp->eval(eval);
  }
  // `kg repl`, or no subcommand at all.
  (void)repl_cmd;
  return StartRepl(db_path, repl_create);
}

}  // namespace
}  // namespace kg::cli

int main(int argc, char** argv) {
  // Any exception here is a bug (modules return Status); report it instead
  // of aborting with a core dump.
  int code = kg::cli::kExitUserError;
  try {
    code = kg::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "error: internal error: " << e.what() << "\nhint: this is a bug in kg; please report it\n";
  }
  kg::cli::ExitProcess(code);
}
