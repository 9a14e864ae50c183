#include "cli/commands.h"

#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "api/escape_controls.h"
#include "cli/compare_output.h"
#include "cli/dot.h"
#include "cli/row_writer.h"
#include "cli/statements.h"
#include "kg/query_result.h"
#include "loader/extract_format.h"
#include "loader/loader.h"
#include "rdf/export.h"
#include "rdf/import.h"
#include "storage/store.h"

extern char** environ;

namespace kg::cli {

namespace {

// Text from files and the database shown on the terminal: control
// characters escaped (api/escape_controls.h).
std::string Shown(std::string_view text) { return EscapeControls(text, ControlEscape::kTerminal); }

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A default hint per error code, for statuses that carry none: the user
// should always learn what to do next.
std::string DefaultHint(const Status& status) {
  switch (status.code()) {
    case Status::Code::kBusy:
      return "another kg process (a load, import or delete, or a REPL's .load) is writing this database; "
             "wait "
             "for it to finish";
    case Status::Code::kNotSupported:
      return "this database was written by a newer kg; upgrade kg or use another --db";
    case Status::Code::kCorruption:
      return "the database is damaged; re-create it from the articles with `kg load`";
    case Status::Code::kCancelled:
      return "";
    case Status::Code::kInternal:
      return "this is a bug in kg; please report it with the command you ran";
    default:
      return "";
  }
}

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidArgument("'" + path + "' is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound("cannot read '" + path + "': " + std::strerror(errno));
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError("error reading '" + path + "'");
  return buf.str();
}

// "1 fact", "3 facts"; `plural` for irregular words ("entities").
std::string Plural(uint64_t n, const char* word, const char* plural = nullptr) {
  if (n == 1) return "1 " + std::string(word);
  return std::to_string(n) + " " + (plural ? std::string(plural) : std::string(word) + "s");
}

// Progress bar on stderr, drawn only when stderr is a terminal.
class Progress {
 public:
  Progress(size_t total, bool enabled) : total_(total), enabled_(enabled && total > 1) {}
  void Draw(size_t done, const std::string& label) {
    if (!enabled_) return;
    constexpr size_t kBar = 30;
    size_t filled = total_ ? done * kBar / total_ : kBar;
    std::string bar(filled, '=');
    if (filled < kBar) bar += '>' + std::string(kBar - filled - 1, ' ');
    std::fprintf(stderr, "\r\033[K[%s] %zu/%zu %s", bar.c_str(), done, total_, label.c_str());
    std::fflush(stderr);
  }
  void Clear() {
    if (!enabled_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }

 private:
  size_t total_;
  bool enabled_;
};

void PrintLoadReport(const LoadReport& report, std::ostream& out) {
  const char* what = report.outcome == LoadOutcome::kLoaded     ? "loaded"
                     : report.outcome == LoadOutcome::kReplaced ? "replaced"
                                                                : "unchanged";
  out << what << " " << report.article << ": " << Plural(report.sentences, "sentence") << ", "
      << Plural(report.facts, "fact") << ", " << Plural(report.entities, "entity", "entities") << ", "
      << Plural(report.warnings.size(), "warning");
  if (report.outcome == LoadOutcome::kUnchanged && report.warnings.empty())
    out << " (same content already stored)";
  out << '\n';
  for (const std::string& w : report.warnings) out << "  warning: " << Shown(w) << '\n';
}

void PrintLoadError(const std::string& file, const Status& status) {
  std::string hint;
  if (status.code() == Status::Code::kAlreadyExists) {
    hint = "an article of that name with different content is stored; add --replace to swap it, or --id NAME";
  } else if (status.code() == Status::Code::kNotFound) {
    hint = "check the path; kg load takes plain-text articles (.txt)";
  } else if (status.code() == Status::Code::kInvalidArgument && status.hint().empty()) {
    hint = "kg load takes English news articles as UTF-8 plain text";
  }
  std::cerr << "error: " << Shown(file) << ": " << Shown(status.message()) << '\n';
  if (!status.hint().empty()) {
    std::cerr << "hint: " << Shown(status.hint()) << '\n';
  } else if (!hint.empty()) {
    std::cerr << "hint: " << hint << '\n';
  }
}

// Resolves surface forms against the entities already stored, through the
// public DB (a scan with the name as subject or object matches aliases
// case-insensitively and yields the canonical name).
class DbResolver : public loader::EntityResolver {
 public:
  explicit DbResolver(DB& db) : db_(db) {}
  std::optional<std::string> Resolve(std::string_view surface) const override {
    std::optional<std::string> found;
    auto take = [&](const Value& v) {
      if (v.kind() == ValueKind::kEntity) found = v.text();
      return false;
    };
    TriplePattern by_subject;
    by_subject.subject = Value::Entity(std::string(surface));
    (void)db_.Scan(by_subject, [&](const Triple& t) { return take(t.subject); });
    if (found) return found;
    TriplePattern by_object;
    by_object.object = Value::Entity(std::string(surface));
    (void)db_.Scan(by_object, [&](const Triple& t) { return take(t.object); });
    return found;
  }

 private:
  DB& db_;
};

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

bool StdinIsTerminal() { return ::isatty(STDIN_FILENO) == 1; }
bool StdoutIsTerminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

size_t TerminalWidth() {
  if (!StdoutIsTerminal()) return 0;
  struct winsize ws {};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

void PrintError(const Status& status, std::string_view source) {
  std::string text = RenderError(status, source);
  if (status.hint().empty()) {
    std::string hint = DefaultHint(status);
    if (!hint.empty()) text += "hint: " + hint + "\n";
  }
  std::cerr << text;
  std::cerr.flush();
}

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

std::string ArticleNameForFile(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  return stem.empty() ? path : stem;
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

int RunLoad(DB& db, const LoadArgs& args, std::ostream& out) {
  if (args.files.empty()) {
    std::cerr << "error: no files to load\nhint: kg load ARTICLE.txt...\n";
    return kExitUsage;
  }
  if (!args.id.empty() && args.files.size() > 1) {
    std::cerr
        << "error: --id names one article, but " << args.files.size() << " files were given\n"
        << "hint: load the files one at a time to name each, or drop --id (names default to file stems)\n";
    return kExitUsage;
  }
  WriteOptions wopts;
  wopts.replace = args.replace;
  const auto start = Clock::now();
  struct Job {
    std::string file, name;
    std::optional<Status> error;
    bool known = false;  // an article of this name is already stored
    std::optional<ArticleData> data;
    bool done = false;
  };
  std::vector<Job> jobs(args.files.size());
  for (size_t i = 0; i < jobs.size(); ++i) {
    jobs[i].file = args.files[i];
    jobs[i].name = args.id.empty() ? ArticleNameForFile(args.files[i]) : args.id;
  }
  Progress progress(jobs.size(), args.progress);
  // Stored counts new and replaced articles; unchanged ones (same content
  // already stored) are counted apart, so a re-run says it did nothing.
  size_t failed = 0, stored_count = 0, unchanged_count = 0;
  uint64_t total_facts = 0;
  // A storage error (disk full, I/O) ends the load: every later article
  // would fail the same way, and one clear error says more than a hundred.
  bool storage_failed = false;
  auto cancelled = [&] { return storage_failed || (args.cancel != nullptr && args.cancel->load()); };
  auto report = [&](size_t i, const Result<LoadReport>& r) {
    progress.Clear();
    if (r.ok()) {
      PrintLoadReport(*r, out);
      if (r->outcome == LoadOutcome::kUnchanged) {
        ++unchanged_count;
      } else {
        total_facts += r->facts;
        ++stored_count;
      }
    } else {
      out.flush();
      PrintLoadError(jobs[i].file, r.status());
      ++failed;
      storage_failed = storage_failed || r.status().code() == Status::Code::kIOError;
    }
    out.flush();
    progress.Draw(i + 1, i + 1 < jobs.size() ? jobs[i + 1].name : "");
  };

  if (jobs.size() > 1) {
    // Extraction (the slow part) runs on every core; storing stays on this
    // thread, in file order, because the database has one writer.
    // Articles already stored by name go through DB::LoadArticle on this
    // thread: it recognizes unchanged content without extracting it.
    std::set<std::string> stored;
    if (auto existing = db.Articles(); existing.ok()) {
      for (const ArticleInfo& a : *existing) stored.insert(a.name);
    }
    for (Job& job : jobs) job.known = stored.count(job.name) > 0;
    DbResolver resolver(db);
    std::mutex mu;
    std::condition_variable cv;
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t i = next++; i < jobs.size(); i = next++) {
        if (jobs[i].known || cancelled()) {
          std::lock_guard<std::mutex> lock(mu);
          jobs[i].done = true;
          cv.notify_all();
          continue;
        }
        std::optional<Status> error;
        std::optional<ArticleData> data;
        auto text = ReadFile(jobs[i].file);
        if (!text.ok()) {
          error = text.status();
        } else {
          auto extracted = loader::ExtractArticle(jobs[i].name, *text, {}, &resolver);
          if (extracted.ok()) {
            data = std::move(extracted).value();
            data->source = jobs[i].file;
            if (data->content.empty()) data->content = std::move(text).value();
          } else {
            error = extracted.status();
          }
        }
        std::lock_guard<std::mutex> lock(mu);
        jobs[i].error = std::move(error);
        jobs[i].data = std::move(data);
        jobs[i].done = true;
        cv.notify_all();
      }
    };
    size_t n_threads =
        std::max<size_t>(1, std::min<size_t>(std::thread::hardware_concurrency(), jobs.size()));
    std::vector<std::thread> threads;
    for (size_t t = 0; t < n_threads; ++t) threads.emplace_back(worker);
    progress.Draw(0, jobs[0].name);
    for (size_t i = 0; i < jobs.size(); ++i) {
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return jobs[i].done; });
      }
      if (cancelled()) {
        jobs[i].data.reset();
        continue;  // the workers skip what they have not started
      }
      if (jobs[i].error) {
        report(i, *jobs[i].error);
      } else if (jobs[i].known) {
        auto text = ReadFile(jobs[i].file);
        report(i, text.ok() ? db.LoadArticle(jobs[i].name, *text, wopts) : Result<LoadReport>(text.status()));
      } else {
        report(i, db.AddArticle(*jobs[i].data, wopts));
      }
      jobs[i].data.reset();
    }
    for (auto& t : threads) t.join();
  } else {
    progress.Draw(0, jobs[0].name);
    for (size_t i = 0; i < jobs.size() && !cancelled(); ++i) {
      auto text = ReadFile(jobs[i].file);
      if (!text.ok()) {
        report(i, text.status());
        continue;
      }
      report(i, db.LoadArticle(jobs[i].name, *text, wopts));
    }
  }
  progress.Clear();
  const size_t done = stored_count + unchanged_count + failed;
  if (cancelled() && done < jobs.size()) {
    out.flush();
    std::cerr << (storage_failed ? "load stopped: " : "load cancelled: ") << Plural(stored_count, "article")
              << " stored, " << unchanged_count << " unchanged, " << jobs.size() - done
              << " not loaded (each article is stored whole or not at all)\n";
    return kExitUserError;
  }
  if (jobs.size() > 1) {
    char secs[32];
    std::snprintf(secs, sizeof(secs), "%.1f", MsSince(start) / 1000.0);
    out << "total: " << Plural(stored_count, "article") << " stored (" << Plural(total_facts, "fact") << "), "
        << unchanged_count << " unchanged, " << failed << " failed, in " << secs << " s\n";
  }
  return failed == 0 ? kExitOk : kExitUserError;
}

namespace {

// Rows reach a pipe no later than this after they are computed.
constexpr double kFlushMs = 100;

// Prints the rows of `cursor` in `format` (tsv, csv, json) as it hands them
// out: a huge answer starts printing at once and is never held whole. An
// error that ends the rows is reported after the rows printed.
int PrintCursor(QueryCursor& cursor, OutputFormat format, const QueryArgs& args) {
  const size_t known = cursor.hints().size();
  for (const std::string& hint : cursor.hints()) std::cerr << "hint: " << Shown(hint) << '\n';
  RowWriter writer(cursor.columns(), format, {}, std::cout);
  std::vector<Value> row;
  auto flushed = Clock::now();
  while (cursor.Next(&row)) {
    writer.Add(row);
    if (cursor.rows() == 1 || MsSince(flushed) >= kFlushMs) {
      writer.Flush();
      std::cout.flush();
      flushed = Clock::now();
    }
  }
  if (!cursor.status().ok()) {
    writer.Flush();
    std::cout.flush();
    PrintError(cursor.status(), args.query);
    return kExitUserError;
  }
  writer.Finish();
  // Hints the rows' end added (hedged facts left out).
  for (size_t i = known; i < cursor.hints().size(); ++i)
    std::cerr << "hint: " << Shown(cursor.hints()[i]) << '\n';
  return kExitOk;
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

int RunRdfImport(const ImportArgs& args) {
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

namespace {

int RunLoaderExtract(const ExtractArgs& args) {
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

int RunExtract(const ExtractArgs& args) { return RunLoaderExtract(args); }

}  // namespace kg::cli
