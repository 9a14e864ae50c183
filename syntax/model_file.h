// The model file's container (docs/syntax.md "Model file"): a header, then
// zstd frames holding the payload's main byte stream and each of its blobs
// (binary_io.h). Every section (the main stream or one blob) is cut into
// frames of at most 1 MiB, each carrying zstd's checksum of its content, so
// a reader needs one frame's compressed bytes at a time, decompresses a
// blob straight into the memory that keeps it, and finds damage wherever
// it reads.
#ifndef KG_SYNTAX_MODEL_FILE_H_
#define KG_SYNTAX_MODEL_FILE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "kg/result.h"
#include "kg/status.h"
#include "syntax/binary_io.h"

namespace kg::syntax {

// Version 2: sections in 1 MiB zstd frames with content checksums; the
// perceptrons' tables as blobs. Version 1 (one zstd frame, FNV checksum) is
// refused.
inline constexpr uint32_t kModelFormatVersion = 2;

// Corruption naming the file `origin` and saying what is wrong, with what to do.
Status DamagedModel(std::string_view origin, std::string_view what);

// The file bytes of `payload` (its main stream and blobs); deterministic for
// a given zstd level. "" when zstd fails (out of memory).
std::string PackModel(const ByteWriter& payload, int zstd_level);

// Reads a model file's sections; its blobs are the payload's.
class ModelFileReader final : public BlobSource {
 public:
  // Check the header: Corruption for a file that is no kg syntax model or
  // whose header or size is wrong, NotSupported for another format version,
  // each naming `origin`. FromBytes keeps a view of `bytes`.
  static Result<std::unique_ptr<ModelFileReader>> FromBytes(std::string_view bytes, std::string origin);
  static Result<std::unique_ptr<ModelFileReader>> Open(const std::string& path);
  ~ModelFileReader() override;
  ModelFileReader(const ModelFileReader&) = delete;
  ModelFileReader& operator=(const ModelFileReader&) = delete;

  // The main stream, decompressed.
  Result<std::string> ReadMain() const;

  size_t count() const override { return raw_.size() - 1; }
  uint64_t size(size_t index) const override { return raw_[index + 1]; }
  bool Read(size_t index, void* dest) const override { return ReadSection(index + 1, dest); }

  // What the first failed read found ("" while none failed).
  std::string error() const;

 private:
  ModelFileReader(std::string origin, std::string_view bytes, int fd)
      : origin_(std::move(origin)), bytes_(bytes), fd_(fd) {}
  Status ReadHeader(uint64_t file_size);
  // The raw size of each section and the index of its first frame.
  Status ReadSizes(uint64_t file_size, uint32_t sections);
  // Where every frame is and how long, and the header's checksum.
  Status ReadFrames(uint64_t file_size);
  // The compressed bytes [offset, offset + n): a view of bytes_, or read from
  // the file into `buffer`.
  bool Fetch(uint64_t offset, size_t n, std::string* buffer, std::string_view* out) const;
  bool ReadSection(size_t section, void* dest) const;
  bool Fail(std::string what) const;

  std::string origin_;
  std::string_view bytes_;              // FromBytes
  int fd_ = -1;                         // Open
  std::vector<uint64_t> raw_;           // raw bytes per section
  std::vector<size_t> first_frame_;     // per section, then the frame count
  std::vector<uint64_t> frame_offset_;  // per frame, from the file start
  std::vector<uint32_t> frame_packed_;  // compressed bytes per frame
  mutable std::mutex mu_;
  mutable std::string error_;
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_MODEL_FILE_H_
