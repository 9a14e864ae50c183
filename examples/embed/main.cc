// Embeds kg: loads one article into a fresh database and asks who invests
// where. Usage: embed_example ARTICLE.txt [DB_DIR]
#include <kg/kg.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: embed_example ARTICLE.txt [DB_DIR]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();

  std::filesystem::path db_dir = argc > 2 ? std::filesystem::path(argv[2])
                                          : std::filesystem::temp_directory_path() / "kg-embed-example.db";
  std::filesystem::remove_all(db_dir);

  kg::Options options;
  options.create_if_missing = true;  // a new database in a fresh directory
  auto db = kg::DB::Open(db_dir.string(), options);
  if (!db.ok()) {
    std::cerr << db.status().ToString() << "\n";
    return 1;
  }
  auto report = (*db)->LoadArticle(std::filesystem::path(argv[1]).stem().string(), text.str());
  if (!report.ok()) {
    std::cerr << report.status().ToString() << "\n";
    return 1;
  }
  std::cout << "loaded " << report->article << ": " << report->sentences << " sentences, " << report->facts
            << " facts, " << report->entities << " entities\n";

  const char* query = "?company -invests_in-> ?target";
  auto result = (*db)->Query(query);
  if (!result.ok()) {
    std::cerr << kg::RenderError(result.status(), query);
    return 1;
  }
  for (const auto& row : result->rows) {
    for (size_t i = 0; i < row.size(); ++i) std::cout << (i ? "\t" : "") << row[i].ToString();
    std::cout << "\n";
  }
  std::cout << result->rows.size() << " rows\n";

  // The same answer a row at a time (include/kg/query_cursor.h): this query
  // streams, so rows are computed as Next() asks for them.
  auto cursor = (*db)->OpenCursor(query);
  if (!cursor.ok()) {
    std::cerr << kg::RenderError(cursor.status(), query);
    return 1;
  }
  std::vector<kg::Value> row;
  while ((*cursor)->Next(&row)) {
  }
  if (!(*cursor)->status().ok() || (*cursor)->rows() != result->rows.size()) return 1;
  std::cout << "cursor: " << (*cursor)->rows() << " rows" << ((*cursor)->streaming() ? ", streamed" : "")
            << "\n";
  cursor->reset();  // a cursor goes before its database
  std::filesystem::remove_all(db_dir);
  if (result->rows.empty()) return 1;

  // The syntax model that came with the library: its words, tags and tree.
  auto model = kg::SyntaxModel::Load();
  if (!model.ok()) {
    std::cerr << model.status().ToString() << "\n";
    return 1;
  }
  std::cout << "syntax model: " << (*model)->path() << "\n";
  auto parsed = (*model)->ParseText("Microsoft invests $10 billion in Japan.");
  if (!parsed.ok() || parsed->empty()) return 1;
  for (const auto& w : parsed->front().words)
    std::cout << w.form << "/" << w.upos << " <-" << w.deprel << "- " << w.head << "\n";
  return 0;
}
