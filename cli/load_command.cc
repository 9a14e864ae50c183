#include "cli/load_command.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "cli/command_support.h"
#include "cli/commands.h"
#include "loader/loader.h"

namespace kg::cli {

namespace {

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

}  // namespace

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

}  // namespace kg::cli
