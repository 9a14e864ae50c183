// The model file's container (syntax/model_file.h): sections round-trip from
// memory and from disk, the bytes are deterministic, and an older or newer
// format, a damaged header, a damaged frame and a wrong length are each
// refused with a message naming the file.
#include "syntax/model_file.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kg::syntax {
namespace {

namespace fs = std::filesystem;

// A main stream and three blobs: 3 MiB of noise (several frames), nothing,
// and a few bytes.
ByteWriter Payload() {
  ByteWriter w;
  w.PutString("main stream");
  w.Put<uint32_t>(42);
  std::vector<uint64_t> noise(3 * 131072 + 5);
  uint64_t x = 1;
  for (uint64_t& v : noise) v = x = x * 6364136223846793005ULL + 1442695040888963407ULL;
  w.PutBlob(noise.data(), noise.size());
  w.PutBlob(noise.data(), 0);
  w.PutBlob("abc", 3);
  return w;
}

void ExpectSections(const ModelFileReader& file, const ByteWriter& w) {
  auto main = file.ReadMain();
  ASSERT_TRUE(main.ok()) << main.status().ToString();
  EXPECT_EQ(main.value(), w.bytes());
  ASSERT_EQ(file.count(), w.blobs().size());
  for (size_t i = 0; i < file.count(); ++i) {
    ASSERT_EQ(file.size(i), w.blobs()[i].size());
    std::string blob(file.size(i), '\0');
    ASSERT_TRUE(file.Read(i, blob.data())) << file.error();
    EXPECT_EQ(blob, w.blobs()[i]) << "blob " << i;
  }
}

TEST(ModelFile, SectionsRoundTripFromMemoryAndDisk) {
  const ByteWriter w = Payload();
  const std::string bytes = PackModel(w, 1);
  EXPECT_EQ(PackModel(w, 1), bytes);  // deterministic
  auto in_memory = ModelFileReader::FromBytes(bytes, "m.kgm");
  ASSERT_TRUE(in_memory.ok()) << in_memory.status().ToString();
  ExpectSections(**in_memory, w);

  const fs::path path = fs::temp_directory_path() / "kg-model-file-test.kgm";
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  auto on_disk = ModelFileReader::Open(path.string());
  ASSERT_TRUE(on_disk.ok()) << on_disk.status().ToString();
  ExpectSections(**on_disk, w);
  fs::remove(path);
  auto missing = ModelFileReader::Open("/nonexistent/dir/en.kgm");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

TEST(ModelFile, OtherFormatVersionsAreRefused) {
  std::string older = PackModel(Payload(), 1);
  older[8] = 1;  // the single-frame format of kg before the blobs
  auto r1 = ModelFileReader::FromBytes(older, "old.kgm");
  ASSERT_FALSE(r1.ok());
  EXPECT_EQ(r1.status().code(), Status::Code::kNotSupported);
  const std::string message = r1.status().message();
  EXPECT_NE(message.find("old.kgm"), std::string::npos) << message;
  EXPECT_NE(message.find("format version 1"), std::string::npos) << message;
  EXPECT_NE(message.find("kg-train"), std::string::npos) << message;
  std::string newer = older;
  newer[8] = 99;
  auto r2 = ModelFileReader::FromBytes(newer, "new.kgm");
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().code(), Status::Code::kNotSupported);
  EXPECT_NE(r2.status().message().find("version 99"), std::string::npos);
}

void ExpectDamaged(const std::string& bytes, const std::string& what) {
  auto r = ModelFileReader::FromBytes(bytes, "d.kgm");
  ASSERT_FALSE(r.ok()) << what;
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption) << what;
  EXPECT_NE(r.status().message().find("d.kgm"), std::string::npos) << what;
  EXPECT_NE(r.status().message().find(what), std::string::npos) << r.status().message();
}

TEST(ModelFile, DamagedHeaderOrLengthIsCorruption) {
  const std::string bytes = PackModel(Payload(), 1);
  ExpectDamaged("KGSYNTAY" + bytes.substr(8), "wrong magic bytes");
  ExpectDamaged(bytes.substr(0, 10), "wrong magic bytes");
  std::string sizes = bytes;
  sizes[16] = static_cast<char>(sizes[16] ^ 1);  // the main stream's size
  ExpectDamaged(sizes, "header checksum mismatch");
  ExpectDamaged(bytes + "x", "trailing bytes");
  ExpectDamaged(bytes.substr(0, bytes.size() - 1), "file truncated");
}

TEST(ModelFile, DamagedFrameIsFoundWhereItIsRead) {
  // The last 4 bytes of the file are the last frame's content checksum.
  std::string bytes = PackModel(Payload(), 1);
  bytes.back() = static_cast<char>(bytes.back() ^ 0x40);
  auto r = ModelFileReader::FromBytes(bytes, "d.kgm");
  ASSERT_TRUE(r.ok()) << "the header is intact";
  const ModelFileReader& file = **r;
  std::string blob(file.size(2), '\0');
  EXPECT_TRUE(file.error().empty());
  EXPECT_FALSE(file.Read(2, blob.data()));
  EXPECT_NE(file.error().find("checksum mismatch"), std::string::npos) << file.error();
  std::string first(file.size(0), '\0');
  EXPECT_TRUE(file.Read(0, first.data())) << "other sections stay readable";
}

}  // namespace
}  // namespace kg::syntax
