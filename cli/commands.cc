#include "cli/commands.h"

#include <malloc.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command_support.h"
#include "cli/compare_output.h"
#include "cli/cursor_printer.h"
#include "cli/dot.h"
#include "cli/statements.h"
#include "kg/query_result.h"
#include "rdf/export.h"
#include "rdf/import.h"
#include "storage/store.h"

extern char** environ;

namespace kg::cli {

namespace {

std::string TimingLine(double total, double parse, double plan, double exec, size_t rows) {
  char buf[200];
  std::snprintf(buf, sizeof(buf), "timing: total_ms=%.3f parse_ms=%.3f plan_ms=%.3f exec_ms=%.3f rows=%zu",
                total, parse, plan, exec, rows);
  return buf;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

OutputFormat DefaultFormat(const std::optional<OutputFormat>& f) {
  if (f) return *f;
  return StdoutIsTerminal() ? OutputFormat::kTable : OutputFormat::kTsv;
}

FormatOptions TableOptions() {
  FormatOptions o;
  o.max_width = TerminalWidth();
  return o;
}

// Finds an executable on $PATH.
std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return "";
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

// Runs a program with arguments, waits, returns its exit status (or -1).
int Spawn(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0].c_str(), nullptr, nullptr, args.data(), environ) != 0) return -1;
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
}

Status WriteOutput(const std::string& path, const std::string& data) {
  if (path.empty() || path == "-") {
    std::cout << data;
    std::cout.flush();
    return std::cout ? Status::OK() : Status::IOError("cannot write to standard output");
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError("cannot write '" + path + "': " + std::strerror(errno));
  out << data;
  out.close();
  if (!out) return Status::IOError("error writing '" + path + "'");
  return Status::OK();
}

}  // namespace

std::unique_ptr<DB> OpenDatabase(const std::string& path, bool writer, bool create,
                                 bool upgrade_older_format) {
  Options options;
  options.mode = writer ? OpenMode::kReadWrite : OpenMode::kReader;
  options.upgrade_older_format = upgrade_older_format;
  options.create_if_missing = writer && create;
  if (!options.create_if_missing) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      std::cerr << "error: no database at '" << path << "'\n"
                << "hint: create one with `kg --db " << path
                << " load ARTICLE.txt`, or point --db (or $KG_DB) at an existing database\n";
      return nullptr;
    }
  }
  auto db = DB::Open(path, options);
  if (!db.ok()) {
    Status s = db.status();
    std::cerr << "error: cannot open database '" << path << "': " << s.message() << '\n';
    if (!s.hint().empty()) {
      std::cerr << "hint: " << s.hint() << '\n';
    } else if (s.code() == Status::Code::kBusy) {
      std::cerr << "hint: " << DefaultHint(s) << "; reading (kg query) works meanwhile\n";
    } else if (s.code() == Status::Code::kInvalidArgument) {
      std::cerr << "hint: --db must name a kg database directory (or a path where one can be created)\n";
    } else {
      std::string hint = DefaultHint(s);
      if (!hint.empty()) std::cerr << "hint: " << hint << '\n';
    }
    return nullptr;
  }
  return std::move(db).value();
}

std::string QuoteQueryString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    out += c;
  }
  out += '"';
  return out;
}

namespace {

// Prints the rows of `cursor` in `format` (tsv, csv, json) as it hands them
// out; an error that ends the rows is reported after the rows printed.
int PrintCursor(QueryCursor& cursor, OutputFormat format, const QueryArgs& args) {
  Status st = PrintCursorRows(cursor, format, std::cout,
                              [](const std::string& hint) { std::cerr << "hint: " << Shown(hint) << '\n'; });
  if (st.ok()) return kExitOk;
  PrintError(st, args.query);
  return kExitUserError;
}

// One run through a cursor.
int StreamQuery(DB& db, const QueryArgs& args, const QueryOptions& options) {
  auto start = Clock::now();
  auto cursor = db.OpenCursor(args.query, options);
  if (!cursor.ok()) {
    PrintError(cursor.status(), args.query);
    return kExitUserError;
  }
  const int code = PrintCursor(**cursor, DefaultFormat(args.format), args);
  std::cout.flush();
  if (code == kExitOk && args.timing) {
    const QueryTiming t = (*cursor)->timing();
    std::cerr << TimingLine(MsSince(start), t.parse_ms, t.plan_ms, t.exec_ms, (*cursor)->rows()) << '\n';
  }
  return code;
}

// Whole answers (DB::Query): once, or with --repeat N one warm-up and N
// measured runs whose medians --timing reports.
int WholeQuery(DB& db, const QueryArgs& args, const QueryOptions& options) {
  const int measured = std::max(1, args.repeat);
  const bool warm_up = args.repeat > 0;
  std::vector<double> totals, parses, plans, execs;
  std::optional<QueryResult> last;
  for (int i = 0; i < measured + (warm_up ? 1 : 0); ++i) {
    auto start = Clock::now();
    auto result = db.Query(args.query, options);
    double total = MsSince(start);
    if (!result.ok()) {
      PrintError(result.status(), args.query);
      return kExitUserError;
    }
    if (warm_up && i == 0) continue;
    totals.push_back(total);
    parses.push_back(result->timing.parse_ms);
    plans.push_back(result->timing.plan_ms);
    execs.push_back(result->timing.exec_ms);
    last = std::move(result).value();
  }
  for (const std::string& hint : last->hints) std::cerr << "hint: " << Shown(hint) << '\n';
  OutputFormat format = DefaultFormat(args.format);
  if (format == OutputFormat::kTable && !last->plan.empty()) {
    std::cout << last->plan;
    if (last->plan.back() != '\n') std::cout << '\n';
  } else {
    WriteRows(last->columns, last->rows, format, TableOptions(), std::cout);
    if (format == OutputFormat::kTable) std::cout << RowCount(last->rows.size()) << '\n';
  }
  std::cout.flush();
  if (args.timing) {
    std::cerr << TimingLine(Median(totals), Median(parses), Median(plans), Median(execs), last->rows.size())
              << '\n';
  }
  return kExitOk;
}

}  // namespace

int RunQuery(DB& db, const QueryArgs& args) {
  QueryOptions options;
  options.include_hedged = args.include_hedged;
  options.memory_limit = args.memory_limit;
  options.timeout_ms = args.timeout_ms;
  // A table needs every row for its column widths: it is answered whole,
  // under the query's memory budget, as are timed repeats. The other formats
  // print rows as they come.
  if (args.repeat == 0 && DefaultFormat(args.format) != OutputFormat::kTable)
    return StreamQuery(db, args, options);
  return WholeQuery(db, args, options);
}

int RunArticles(DB& db, OutputFormat format, std::ostream& out) {
  auto articles = db.Articles();
  if (!articles.ok()) {
    PrintError(articles.status());
    return kExitUserError;
  }
  std::vector<std::string> columns = {"article", "sentences", "facts", "entities", "date", "title", "source"};
  std::vector<std::vector<Value>> rows;
  for (const ArticleInfo& a : *articles) {
    rows.push_back({Value::Article(a.name), Value::Integer(static_cast<int64_t>(a.sentences)),
                    Value::Integer(static_cast<int64_t>(a.facts)),
                    Value::Integer(static_cast<int64_t>(a.entities)), Value::String(a.date),
                    Value::String(a.title), Value::String(a.source)});
  }
  FormatOptions opts = format == OutputFormat::kTable ? TableOptions() : FormatOptions{};
  WriteRows(columns, rows, format, opts, out);
  if (format == OutputFormat::kTable) {
    out << Plural(rows.size(), "article") << '\n';
    if (rows.empty()) out << "(load some with `kg load FILE.txt`)\n";
  }
  return kExitOk;
}

int RunCheck(DB& db, std::ostream& out) {
  auto report = db.Check();
  if (!report.ok()) {
    PrintError(report.status());
    return kExitUserError;
  }
  out << "ok: " << Plural(report->files, "table file") << " (" << report->bytes
      << " bytes) passed their checksums; " << Plural(report->triples, "triple") << " and "
      << Plural(report->articles, "article") << " are consistent\n";
  return kExitOk;
}

int RunStats(DB& db, OutputFormat format, std::ostream& out) {
  auto stats = db.Stats();
  if (!stats.ok()) {
    PrintError(stats.status());
    return kExitUserError;
  }
  const DBStats& s = *stats;
  auto i64 = [](uint64_t v) { return Value::Integer(static_cast<int64_t>(v)); };
  std::vector<std::vector<Value>> summary = {
      {Value::String("articles"), i64(s.articles)},
      {Value::String("triples"), i64(s.triples)},
      {Value::String("entities"), i64(s.entities)},
      {Value::String("predicates"), i64(s.predicates)},
      {Value::String("literals"), i64(s.literals)},
      {Value::String("disk_bytes"), i64(s.disk_bytes)},
      {Value::String("format_version"), i64(s.format_version)},
  };
  if (format == OutputFormat::kJson) {
    // One JSON document: {"articles": N, …, "predicates": [{…}, …]}.
    out << "{";
    for (const auto& row : summary) out << JsonString(row[0].text()) << ":" << JsonValue(row[1]) << ",";
    out << "\"predicates\":[";
    for (size_t i = 0; i < s.per_predicate.size(); ++i) {
      const PredicateStats& p = s.per_predicate[i];
      out << (i ? ",\n" : "\n") << "{\"predicate\":" << JsonString(p.predicate)
          << ",\"triples\":" << p.triples << ",\"subjects\":" << p.distinct_subjects
          << ",\"objects\":" << p.distinct_objects << "}";
    }
    out << "]}\n";
    return kExitOk;
  }
  FormatOptions opts = format == OutputFormat::kTable ? TableOptions() : FormatOptions{};
  WriteRows({"metric", "value"}, summary, format, opts, out);
  std::vector<std::vector<Value>> preds;
  for (const PredicateStats& p : s.per_predicate) {
    preds.push_back(
        {Value::Predicate(p.predicate), i64(p.triples), i64(p.distinct_subjects), i64(p.distinct_objects)});
  }
  out << (format == OutputFormat::kCsv ? "\r\n" : "\n");
  WriteRows({"predicate", "triples", "subjects", "objects"}, preds, format, opts, out);
  return kExitOk;
}

namespace {

std::vector<std::string> ArticleNames(DB& db) {
  std::vector<std::string> names;
  if (auto articles = db.Articles(); articles.ok()) {
    for (const auto& a : *articles) names.push_back(a.name);
  }
  return names;
}

bool ArticleExists(DB& db, const std::string& name) {
  for (const std::string& n : ArticleNames(db)) {
    if (n == name) return true;
  }
  return false;
}

}  // namespace

void PrintNoArticle(const std::string& name, const std::vector<std::string>& known) {
  std::cerr << "error: no article '" << name << "' in the database\n";
  std::string near = NearestWord(name, known);
  if (!near.empty()) {
    std::cerr << "hint: did you mean " << near << "? (`kg articles` lists them)\n";
  } else if (known.empty()) {
    std::cerr << "hint: the database has no articles yet; load some with `kg load FILE.txt`\n";
  } else if (known.size() <= 10) {
    std::cerr << "hint: stored articles: ";
    for (size_t i = 0; i < known.size(); ++i) std::cerr << (i ? ", " : "") << known[i];
    std::cerr << '\n';
  } else {
    std::cerr << "hint: `kg articles` lists the " << known.size() << " stored articles\n";
  }
}

namespace {

void PrintNoArticleIn(DB& db, const std::string& name) { PrintNoArticle(name, ArticleNames(db)); }

}  // namespace

int RunCompare(DB& db, const CompareArgs& args, std::ostream& out) {
  // COMPARE of an unknown article is an empty result with a hint; for the
  // command it is a user error.
  for (const std::string* name : {&args.a, &args.b}) {
    if (!ArticleExists(db, *name)) {
      PrintNoArticleIn(db, *name);
      return kExitUserError;
    }
  }
  std::string query = std::string(args.all ? "COMPARE ALL " : "COMPARE ") + QuoteQueryString(args.a) +
                      " WITH " + QuoteQueryString(args.b);
  if (!args.about.empty()) query += " ABOUT " + QuoteQueryString(args.about);
  if (args.why) query += " WHY";
  QueryOptions options;
  options.include_hedged = args.include_hedged;
  auto result = db.Query(query, options);
  if (!result.ok()) {
    PrintError(result.status(), query);
    return kExitUserError;
  }
  for (const std::string& hint : result->hints) std::cerr << "hint: " << Shown(hint) << '\n';
  OutputFormat format = DefaultFormat(args.format);
  if (format != OutputFormat::kTable) {
    WriteRows(result->columns, result->rows, format, {}, out);
    return kExitOk;
  }
  WriteCompareTables(*result, CompareView{args.a, args.b, args.about, args.why}, TableOptions(), out);
  return kExitOk;
}

Result<std::vector<Triple>> CollectTriples(DB& db, const std::string& article) {
  std::vector<Triple> triples;
  if (article.empty()) {
    Status s = db.Scan(TriplePattern{}, [&](const Triple& t) {
      triples.push_back(t);
      return true;
    });
    if (!s.ok()) return s;
    return triples;
  }
  std::string query = "MATCH ?s -?p-> ?o @ " + QuoteQueryString(article) + " RETURN ?s, ?p, ?o";
  auto result = db.Query(query);
  if (!result.ok()) return result.status();
  for (const auto& row : result->rows) {
    if (row.size() < 3) continue;
    triples.push_back({row[0], row[1].text().empty() ? row[1].ToString() : row[1].text(), row[2]});
  }
  return triples;
}

namespace {

// The DOT text for export --format dot and graph.
Result<std::string> BuildDot(DB& db, const std::string& article, const std::string& around, int depth) {
  std::vector<Triple> triples;
  if (!around.empty()) {
    ScanFn scan = [&db](const TriplePattern& p, const std::function<bool(const Triple&)>& fn) {
      return db.Scan(p, fn);
    };
    KG_ASSIGN_OR_RETURN(triples, CollectAround(scan, around, depth));
    if (!article.empty()) {
      // Keep only the neighbourhood's triples that the article asserts.
      KG_ASSIGN_OR_RETURN(auto in_article, CollectTriples(db, article));
      std::vector<Triple> kept;
      for (const Triple& t : triples) {
        for (const Triple& a : in_article) {
          if (a.subject == t.subject && a.predicate == t.predicate && a.object == t.object) {
            kept.push_back(t);
            break;
          }
        }
      }
      triples = std::move(kept);
    }
  } else {
    KG_ASSIGN_OR_RETURN(triples, CollectTriples(db, article));
  }
  std::ostringstream out;
  WriteDot(triples, out, !around.empty() ? around : (!article.empty() ? article : "kg"));
  return out.str();
}

}  // namespace

namespace {

// JSON export through the public API: an array of
// {"subject", "predicate", "object"} objects with typed objects.
int RunJsonExport(const ExportArgs& args) {
  auto db = OpenDatabase(args.db_path, false);
  if (!db) return kExitUserError;
  if (!args.article.empty() && !ArticleExists(*db, args.article)) {
    PrintNoArticleIn(*db, args.article);
    return kExitUserError;
  }
  auto triples = CollectTriples(*db, args.article);
  if (!triples.ok()) {
    PrintError(triples.status());
    return kExitUserError;
  }
  std::ostringstream out;
  out << "[";
  for (size_t i = 0; i < triples->size(); ++i) {
    const Triple& t = (*triples)[i];
    out << (i ? ",\n" : "\n") << "{\"subject\":" << JsonValue(t.subject)
        << ",\"predicate\":" << JsonString(t.predicate) << ",\"object\":" << JsonValue(t.object)
        << ",\"object_type\":" << JsonString(t.object.KindName()) << "}";
  }
  out << (triples->empty() ? "]\n" : "\n]\n");
  Status s = WriteOutput(args.output, out.str());
  if (!s.ok()) {
    PrintError(s);
    return kExitUserError;
  }
  return kExitOk;
}

std::unique_ptr<storage::Store> OpenStore(const std::string& path, bool writer) {
  Options options;
  options.mode = writer ? OpenMode::kReadWrite : OpenMode::kReader;
  options.create_if_missing = writer;
  if (!writer) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      std::cerr << "error: no database at '" << path << "'\n"
                << "hint: create one with `kg --db " << path << " load ARTICLE.txt` or `kg import FILE.nt`\n";
      return nullptr;
    }
  }
  auto store = storage::Store::Open(path, options);
  if (!store.ok()) {
    std::cerr << "error: cannot open database '" << path << "': " << store.status().message() << '\n';
    std::string hint = DefaultHint(store.status());
    if (!hint.empty()) std::cerr << "hint: " << hint << '\n';
    return nullptr;
  }
  return std::move(store).value();
}

int RunRdfExport(const ExportArgs& args) {
  auto store = OpenStore(args.db_path, false);
  if (!store) return kExitUserError;
  std::optional<std::string> article;
  if (!args.article.empty()) article = args.article;
  rdf::ExportFormat format = args.format == "nq" ? rdf::ExportFormat::kNQuads : rdf::ExportFormat::kNTriples;
  Status s;
  if (args.output.empty() || args.output == "-") {
    s = rdf::Export(*store, std::cout, format, article);
    std::cout.flush();
  } else {
    std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
    if (!out) {
      s = Status::IOError("cannot write '" + args.output + "': " + std::strerror(errno));
    } else {
      s = rdf::Export(*store, out, format, article);
    }
  }
  if (!s.ok()) {
    if (s.code() == Status::Code::kNotFound && article) {
      std::vector<std::string> known;
      if (auto infos = store->Articles(); infos.ok()) {
        for (const auto& a : *infos) known.push_back(a.name);
      }
      PrintNoArticle(*article, known);
    } else {
      PrintError(s);
    }
    return kExitUserError;
  }
  return kExitOk;
}

// An import allocates and frees hundreds of megabytes in large blocks (sort
// runs, hash tables, table-file buffers) on two threads. By default glibc
// hands freed memory back to the kernel at once (a trim past 128 KiB, and
// blocks of 128 KiB to 32 MiB mapped and unmapped one by one), so the next
// allocation faults its pages in again; page faults were over 10 % of the
// import's CPU in this virtual machine (61,000 for the 10^6 graph with
// glibc's defaults, 50,000 with these settings). This process ends when the
// import does, so it keeps what it freed for reuse instead
// (docs/performance.md, "Fifth pass").
void KeepFreedMemory() {
  (void)mallopt(M_TRIM_THRESHOLD, 1 << 30);
  (void)mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest
}

int RunRdfImport(const ImportArgs& args) {
  KeepFreedMemory();
  if (!args.article.empty() && args.files.size() > 1) {
    std::cerr << "error: --id names one article, but " << args.files.size() << " files were given\n";
    return kExitUsage;
  }
  auto store = OpenStore(args.db_path, true);
  if (!store) return kExitUserError;
  int rc = kExitOk;
  for (const std::string& file : args.files) {
    rdf::ImportOptions options;
    options.article = args.article;
    options.replace = args.replace;
    options.skip_bad = args.skip_bad;
    Progress progress(100, args.progress);
    if (args.progress) {
      options.progress = [&](const rdf::ImportProgress& p) {
        if (p.bytes_total > 0) progress.Draw(static_cast<size_t>(p.bytes_read * 100 / p.bytes_total), file);
      };
    }
    auto report = rdf::ImportFile(store.get(), file, options);
    progress.Clear();
    if (!report.ok()) {
      Status s = report.status();
      // Spans are byte offsets in the file: show the offending line.
      std::string source;
      if (s.span()) {
        auto text = ReadFile(file);
        if (text.ok()) source = std::move(text).value();
      }
      if (s.hint().empty() && s.code() == Status::Code::kAlreadyExists) {
        s.WithHint("add --replace to swap the stored article, or --id NAME to import under another name");
      } else if (s.hint().empty() &&
                 (s.code() == Status::Code::kSyntaxError || s.code() == Status::Code::kInvalidArgument)) {
        s.WithHint("fix the line, or add --skip-bad to import the rest and skip bad lines");
      }
      PrintError(s, source);
      rc = kExitUserError;
      continue;
    }
    std::cout << "imported " << file << ": " << Plural(report->triples, "triple") << " from "
              << Plural(report->lines, "line");
    if (report->skipped > 0) std::cout << ", " << report->skipped << " bad lines skipped";
    std::cout << '\n';
    for (const Status& e : report->skipped_errors) std::cout << "  skipped: " << Shown(e.message()) << '\n';
    if (report->language_tags_dropped > 0) {
      std::cout << "  warning: language tag dropped from " << Plural(report->language_tags_dropped, "literal")
                << " (kg stores them as plain strings; see docs/rdf.md)\n";
    }
    if (report->datatypes_dropped > 0) {
      std::cout << "  warning: datatype not modelled for " << Plural(report->datatypes_dropped, "literal")
                << " (stored as strings of their text; see docs/rdf.md)\n";
    }
    for (const LoadReport& a : report->articles) PrintLoadReport(a, std::cout);
  }
  return rc;
}

}  // namespace

int RunExport(const ExportArgs& args) {
  static const char* kFormats[] = {"nt", "nq", "json", "dot"};
  if (std::find_if(std::begin(kFormats), std::end(kFormats),
                   [&](const char* f) { return args.format == f; }) == std::end(kFormats)) {
    std::cerr << "error: unknown export format '" << args.format << "'\nhint: use one of nt, nq, json, dot\n";
    return kExitUsage;
  }
  if (!args.around.empty() && args.format != "dot") {
    std::cerr
        << "error: --around works with --format dot only\nhint: kg export --format dot --around ENTITY\n";
    return kExitUsage;
  }
  if (args.depth < 0) {
    std::cerr << "error: --depth must be 0 or more\n";
    return kExitUsage;
  }
  if (args.format == "dot") {
    auto db = OpenDatabase(args.db_path, false);
    if (!db) return kExitUserError;
    if (!args.article.empty() && !ArticleExists(*db, args.article)) {
      PrintNoArticleIn(*db, args.article);
      return kExitUserError;
    }
    auto dot = BuildDot(*db, args.article, args.around, args.depth);
    if (!dot.ok()) {
      PrintError(dot.status());
      return kExitUserError;
    }
    Status s = WriteOutput(args.output, *dot);
    if (!s.ok()) {
      PrintError(s);
      return kExitUserError;
    }
    return kExitOk;
  }
  if (args.format == "json") return RunJsonExport(args);
  return RunRdfExport(args);
}

int RunGraph(const GraphArgs& args) {
  if (args.output.empty()) {
    std::cerr << "error: kg graph needs an output file\nhint: kg graph Microsoft -o microsoft.svg\n";
    return kExitUsage;
  }
  std::string ext = std::filesystem::path(args.output).extension().string();
  if (!ext.empty()) ext = ext.substr(1);
  static const char* kGraphviz[] = {"svg", "png", "pdf", "dot", "gv"};
  if (std::find_if(std::begin(kGraphviz), std::end(kGraphviz), [&](const char* f) { return ext == f; }) ==
      std::end(kGraphviz)) {
    std::cerr << "error: cannot tell the image format from '" << args.output << "'\n"
              << "hint: name the output file .svg, .png, .pdf or .dot\n";
    return kExitUsage;
  }
  auto db = OpenDatabase(args.db_path, false);
  if (!db) return kExitUserError;
  auto dot = BuildDot(*db, "", args.entity, args.depth);
  if (!dot.ok()) {
    PrintError(dot.status());
    return kExitUserError;
  }
  if (ext == "dot" || ext == "gv") {
    Status s = WriteOutput(args.output, *dot);
    if (!s.ok()) PrintError(s);
    return s.ok() ? kExitOk : kExitUserError;
  }
  std::string dot_exe = FindOnPath("dot");
  if (dot_exe.empty()) {
    std::cerr << "error: Graphviz is not installed (no `dot` program on PATH), so kg cannot draw "
              << args.output
              << "\nhint: install it (Debian/Ubuntu: sudo apt-get install graphviz), or write DOT text with "
              << "`kg export --format dot --around " << QuoteQueryString(args.entity) << " > graph.dot`\n";
    return kExitUserError;
  }
  char tmpl[] = "/tmp/kg-graph-XXXXXX";
  int fd = ::mkstemp(tmpl);
  if (fd < 0) {
    PrintError(Status::IOError(std::string("cannot create a temporary file: ") + std::strerror(errno)));
    return kExitUserError;
  }
  ::close(fd);
  std::string tmp = tmpl;
  Status s = WriteOutput(tmp, *dot);
  int rc = s.ok() ? Spawn({dot_exe, "-T" + ext, "-o", args.output, tmp}) : -1;
  std::remove(tmp.c_str());
  if (!s.ok()) {
    PrintError(s);
    return kExitUserError;
  }
  if (rc != 0) {
    std::cerr << "error: Graphviz `dot` failed to write " << args.output << " (exit status " << rc << ")\n"
              << "hint: check that the directory exists and is writable\n";
    return kExitUserError;
  }
  std::cout << "wrote " << args.output << '\n';
  return kExitOk;
}

int RunImport(const ImportArgs& args) { return RunRdfImport(args); }

}  // namespace kg::cli
