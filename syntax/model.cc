#include "syntax/model.h"

#include <fstream>

#include "syntax/binary_io.h"

namespace kg::syntax {

void Model::Tag(Sentence& s) const {
  tagger_.Tag(s);
  for (Word& w : s.words) w.lemma = lemmatizer_.Lemma(w.form, w.upos, w.xpos);
}

void Model::Annotate(Sentence& s) const { Annotate(s, nullptr); }

void Model::Annotate(Sentence& s, const TagAdjuster& adjust) const {
  if (s.words.empty()) return;
  std::vector<int> ids;
  tagger_.TagIds(s, &ids);
  if (adjust) adjust(s, tagger_.classes(), &ids);
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string& name = tagger_.classes().Name(ids[i]);
    size_t tab = name.find('\t');
    Word& w = s.words[i];
    w.upos = name.substr(0, tab);
    w.xpos = name.substr(tab + 1);
    w.lemma = lemmatizer_.Lemma(w.form, w.upos, w.xpos);
  }
  parser_.Parse(s, ids);
}

std::string Model::Serialize(int zstd_level) const {
  ByteWriter payload;
  payload.PutString(description_);
  tagger_.Save(payload);
  lemmatizer_.Save(payload);
  parser_.Save(payload);
  return PackModel(payload, zstd_level);
}

Result<Model> Model::Parse(const ModelFileReader& file, std::string_view origin) {
  KG_ASSIGN_OR_RETURN(std::string main, file.ReadMain());
  // A blob that fails to decompress makes its section fail; the file's
  // error then says what was wrong with it.
  auto damaged = [&](std::string_view section) {
    const std::string error = file.error();
    return DamagedModel(origin, error.empty() ? section : std::string_view(error));
  };
  Model m;
  ByteReader in(main, &file);
  m.description_ = in.GetString();
  if (!in.ok() || !m.tagger_.Load(in)) return damaged("tagger section");
  if (!m.lemmatizer_.Load(in)) return damaged("lemmatizer section");
  if (!m.parser_.Load(in)) return damaged("parser section");
  if (!in.at_end()) return damaged("trailing bytes");
  return m;
}

Result<Model> Model::Deserialize(std::string_view bytes, std::string_view origin) {
  KG_ASSIGN_OR_RETURN(auto file, ModelFileReader::FromBytes(bytes, std::string(origin)));
  return Parse(*file, origin);
}

Status Model::SaveFile(const std::string& path) const {
  std::string bytes = Serialize();
  if (bytes.empty()) return Status::IOError("cannot compress syntax model '" + path + "'");
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::IOError("cannot write syntax model '" + path + "'");
  return Status::OK();
}

Result<Model> Model::LoadFile(const std::string& path) {
  KG_ASSIGN_OR_RETURN(auto file, ModelFileReader::Open(path));
  return Parse(*file, path);
}

}  // namespace kg::syntax
