#include "syntax/model.h"

#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <fstream>

#include "syntax/binary_io.h"
#include "syntax/feature_hash.h"

namespace kg::syntax {

namespace {

constexpr char kMagic[8] = {'K', 'G', 'S', 'Y', 'N', 'T', 'A', 'X'};
constexpr uint64_t kMaxPayload = uint64_t{1} << 31;  // 2 GB: far above any real model

uint64_t Checksum(std::string_view bytes) { return HashString(bytes); }

Status Damaged(std::string_view origin, std::string_view what) {
  return Status::Corruption(std::string("syntax model '") + std::string(origin) + "' is damaged (" +
                            std::string(what) +
                            "); reinstall kg or rebuild the model with kg-train (docs/syntax.md)");
}

}  // namespace

void Model::Tag(Sentence& s) const {
  tagger_.Tag(s);
  for (Word& w : s.words) w.lemma = lemmatizer_.Lemma(w.form, w.upos, w.xpos);
}

void Model::Annotate(Sentence& s) const {
  if (s.words.empty()) return;
  std::vector<int> ids;
  tagger_.TagIds(s, &ids);
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
  const std::string& raw = payload.bytes();
  std::string packed(ZSTD_compressBound(raw.size()), '\0');
  size_t n = ZSTD_compress(packed.data(), packed.size(), raw.data(), raw.size(), zstd_level);
  packed.resize(ZSTD_isError(n) ? 0 : n);
  ByteWriter out;
  for (char c : kMagic) out.Put<char>(c);
  out.Put<uint32_t>(kModelFormatVersion);
  out.Put<uint64_t>(raw.size());
  out.Put<uint64_t>(Checksum(raw));
  std::string file = out.Take();
  file += packed;
  return file;
}

namespace {

// Checks the header and returns the decompressed payload.
Result<std::string> Unpack(std::string_view bytes, std::string_view origin) {
  constexpr size_t kHeader = sizeof(kMagic) + 4 + 8 + 8;
  if (bytes.size() < kHeader || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0)
    return Damaged(origin, "not a kg syntax model: wrong magic bytes");
  ByteReader head(bytes.substr(sizeof(kMagic), kHeader - sizeof(kMagic)));
  auto version = head.Get<uint32_t>();
  auto raw_size = head.Get<uint64_t>();
  auto checksum = head.Get<uint64_t>();
  if (version != kModelFormatVersion)
    return Status::NotSupported("syntax model '" + std::string(origin) + "' has format version " +
                                std::to_string(version) + "; this kg reads version " +
                                std::to_string(kModelFormatVersion) +
                                " (use the model shipped with this kg, or retrain with kg-train)");
  if (raw_size > kMaxPayload) return Damaged(origin, "payload size out of range");
  std::string raw(raw_size, '\0');
  size_t n = ZSTD_decompress(raw.data(), raw.size(), bytes.data() + kHeader, bytes.size() - kHeader);
  if (ZSTD_isError(n) || n != raw_size) return Damaged(origin, "compressed payload does not decompress");
  if (Checksum(raw) != checksum) return Damaged(origin, "checksum mismatch");
  return raw;
}

}  // namespace

Result<Model> Model::Parse(std::string_view raw, std::string_view origin) {
  Model m;
  ByteReader in(raw);
  m.description_ = in.GetString();
  if (!in.ok() || !m.tagger_.Load(in)) return Damaged(origin, "tagger section");
  if (!m.lemmatizer_.Load(in)) return Damaged(origin, "lemmatizer section");
  if (!m.parser_.Load(in)) return Damaged(origin, "parser section");
  if (!in.at_end()) return Damaged(origin, "trailing bytes");
  return m;
}

Result<Model> Model::Deserialize(std::string_view bytes, std::string_view origin) {
  auto raw = Unpack(bytes, origin);
  if (!raw.ok()) return raw.status();
  return Parse(raw.value(), origin);
}

Status Model::SaveFile(const std::string& path) const {
  std::string bytes = Serialize();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::IOError("cannot write syntax model '" + path + "'");
  return Status::OK();
}

Result<Model> Model::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in)
    return Status::NotFound("syntax model '" + path +
                            "' not found; set KG_SYNTAX_MODEL or reinstall kg (docs/syntax.md)");
  std::string file(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
  in.seekg(0);
  in.read(file.data(), static_cast<std::streamsize>(file.size()));
  if (!in) return Status::IOError("cannot read syntax model '" + path + "'");
  auto raw = Unpack(file, path);
  if (!raw.ok()) return raw.status();
  std::string().swap(file);  // the compressed bytes are not needed while parsing
  return Parse(raw.value(), path);
}

}  // namespace kg::syntax
