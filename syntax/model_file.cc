#include "syntax/model_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <cerrno>
#include <cstring>

#include "syntax/feature_hash.h"

namespace kg::syntax {

namespace {

constexpr char kMagic[8] = {'K', 'G', 'S', 'Y', 'N', 'T', 'A', 'X'};
constexpr size_t kFixedHeader = sizeof(kMagic) + 4 + 4;  // magic, version, section count
constexpr uint32_t kMaxSections = 64;
constexpr uint64_t kMaxPayload = uint64_t{1} << 31;  // 2 GB: far above any real model
// Raw bytes per frame. One frame per section would make the file ~1.3 MB
// (6 %) smaller, the weights repeating at longer distances, but a reader
// would hold whole compressed sections in memory, 19 MB for the parser's
// two largest, which are read at the same time.
constexpr uint64_t kFrameBytes = uint64_t{1} << 20;

uint64_t FramesOf(uint64_t raw) { return raw == 0 ? 1 : (raw + kFrameBytes - 1) / kFrameBytes; }

// RFC 8878: a zstd frame starts with the magic number 0xFD2FB528 and a
// descriptor byte whose bit 2 says the content checksum is present. Checked
// because the decompressor verifies the checksum only when the frame says
// it has one, and damage could clear the bit.
bool HasContentChecksum(std::string_view frame) {
  constexpr unsigned char kZstdMagic[4] = {0x28, 0xB5, 0x2F, 0xFD};
  return frame.size() > 4 && std::memcmp(frame.data(), kZstdMagic, 4) == 0 && (frame[4] & 0x04) != 0;
}

Status VersionError(std::string_view origin, uint32_t version) {
  const std::string file = "syntax model '" + std::string(origin) + "' has format version " +
                           std::to_string(version) + "; this kg reads version " +
                           std::to_string(kModelFormatVersion);
  if (version < kModelFormatVersion)
    return Status::NotSupported(file +
                                " (an older kg wrote it: retrain it with this kg's kg-train, or use the "
                                "model shipped with this kg; docs/syntax.md)");
  return Status::NotSupported(file + " (use the model shipped with this kg, or retrain with kg-train)");
}

}  // namespace

Status DamagedModel(std::string_view origin, std::string_view what) {
  return Status::Corruption(std::string("syntax model '") + std::string(origin) + "' is damaged (" +
                            std::string(what) +
                            "); reinstall kg or rebuild the model with kg-train (docs/syntax.md)");
}

std::string PackModel(const ByteWriter& payload, int zstd_level) {
  std::vector<std::string_view> sections = {payload.bytes()};
  for (const std::string& blob : payload.blobs()) sections.emplace_back(blob);
  std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> cctx(ZSTD_createCCtx(), ZSTD_freeCCtx);
  if (cctx == nullptr) return {};
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, zstd_level);
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);
  ByteWriter header;
  for (char c : kMagic) header.Put<char>(c);
  header.Put<uint32_t>(kModelFormatVersion);
  header.Put<uint32_t>(static_cast<uint32_t>(sections.size()));
  for (std::string_view s : sections) header.Put<uint64_t>(s.size());
  std::string frames;
  for (std::string_view s : sections) {
    for (uint64_t f = 0; f < FramesOf(s.size()); ++f) {
      const std::string_view raw = s.substr(std::min<uint64_t>(f * kFrameBytes, s.size()), kFrameBytes);
      std::string packed(ZSTD_compressBound(raw.size()), '\0');
      const size_t n = ZSTD_compress2(cctx.get(), packed.data(), packed.size(), raw.data(), raw.size());
      if (ZSTD_isError(n)) return {};
      packed.resize(n);
      header.Put<uint32_t>(static_cast<uint32_t>(packed.size()));
      frames += packed;
    }
  }
  header.Put<uint64_t>(HashString(header.bytes()));
  return header.Take() + frames;
}

Result<std::unique_ptr<ModelFileReader>> ModelFileReader::FromBytes(std::string_view bytes,
                                                                    std::string origin) {
  std::unique_ptr<ModelFileReader> r(new ModelFileReader(std::move(origin), bytes, -1));
  KG_RETURN_IF_ERROR(r->ReadHeader(bytes.size()));
  return r;
}

Result<std::unique_ptr<ModelFileReader>> ModelFileReader::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Status::NotFound("syntax model '" + path +
                            "' not found; set KG_SYNTAX_MODEL or reinstall kg (docs/syntax.md)");
  std::unique_ptr<ModelFileReader> r(new ModelFileReader(path, {}, fd));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    return Status::IOError("cannot read syntax model '" + path + "'");
  KG_RETURN_IF_ERROR(r->ReadHeader(static_cast<uint64_t>(st.st_size)));
  return r;
}

ModelFileReader::~ModelFileReader() {
  if (fd_ >= 0) ::close(fd_);
}

// Layout: magic, u32 version, u32 section count S, S × u64 raw size, one u32
// compressed size per frame (FramesOf(raw) frames per section), u64
// HashString of the header bytes before it; then the frames.
Status ModelFileReader::ReadHeader(uint64_t file_size) {
  std::string buffer;
  std::string_view head;
  if (file_size < kFixedHeader || !Fetch(0, kFixedHeader, &buffer, &head) ||
      std::memcmp(head.data(), kMagic, sizeof(kMagic)) != 0)
    return DamagedModel(origin_, "not a kg syntax model: wrong magic bytes");
  ByteReader fixed(head.substr(sizeof(kMagic)));
  const auto version = fixed.Get<uint32_t>();
  const auto sections = fixed.Get<uint32_t>();
  if (version != kModelFormatVersion) return VersionError(origin_, version);
  if (sections == 0 || sections > kMaxSections) return DamagedModel(origin_, "section count out of range");
  KG_RETURN_IF_ERROR(ReadSizes(file_size, sections));
  return ReadFrames(file_size);
}

Status ModelFileReader::ReadSizes(uint64_t file_size, uint32_t sections) {
  std::string buffer;
  std::string_view head;
  if (file_size < kFixedHeader + 8 * sections || !Fetch(kFixedHeader, 8 * sections, &buffer, &head))
    return DamagedModel(origin_, "header truncated");
  ByteReader sizes(head);
  uint64_t total = 0, frames = 0;
  for (uint32_t s = 0; s < sections; ++s) {
    raw_.push_back(sizes.Get<uint64_t>());
    first_frame_.push_back(frames);
    total += std::min(raw_.back(), kMaxPayload + 1);  // no overflow
    frames += FramesOf(std::min(raw_.back(), kMaxPayload));
  }
  first_frame_.push_back(frames);
  if (total > kMaxPayload) return DamagedModel(origin_, "payload size out of range");
  return Status::OK();
}

Status ModelFileReader::ReadFrames(uint64_t file_size) {
  const uint64_t frames = first_frame_.back();
  const uint64_t table = kFixedHeader + 8 * raw_.size();
  const uint64_t header_size = table + 4 * frames + 8;
  std::string buffer;
  std::string_view head;
  if (file_size < header_size || !Fetch(0, header_size, &buffer, &head))
    return DamagedModel(origin_, "header truncated");
  ByteReader sizes(head.substr(table));
  uint64_t offset = header_size;
  for (uint64_t f = 0; f < frames; ++f) {
    frame_offset_.push_back(offset);
    frame_packed_.push_back(sizes.Get<uint32_t>());
    offset += frame_packed_.back();
  }
  if (sizes.Get<uint64_t>() != HashString(head.substr(0, header_size - 8)))
    return DamagedModel(origin_, "header checksum mismatch");
  if (offset != file_size)
    return DamagedModel(origin_, offset < file_size ? "trailing bytes" : "file truncated");
  return Status::OK();
}

bool ModelFileReader::Fetch(uint64_t offset, size_t n, std::string* buffer, std::string_view* out) const {
  if (fd_ < 0) {
    if (offset > bytes_.size() || n > bytes_.size() - offset) return false;
    *out = bytes_.substr(offset, n);
    return true;
  }
  buffer->resize(n);
  size_t done = 0;
  while (done < n) {
    const ssize_t got = ::pread(fd_, buffer->data() + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    done += static_cast<size_t>(got);
  }
  *out = *buffer;
  return true;
}

bool ModelFileReader::ReadSection(size_t section, void* dest) const {
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (dctx == nullptr) return Fail("out of memory");
  std::string buffer;
  auto* out = static_cast<char*>(dest);
  uint64_t left = raw_[section];
  for (size_t f = first_frame_[section]; f < first_frame_[section + 1]; ++f) {
    std::string_view frame;
    if (!Fetch(frame_offset_[f], frame_packed_[f], &buffer, &frame))
      return Fail("cannot read section " + std::to_string(section));
    const uint64_t expected = std::min(left, kFrameBytes);
    if (!HasContentChecksum(frame) || ZSTD_getFrameContentSize(frame.data(), frame.size()) != expected)
      return Fail("frame header of section " + std::to_string(section));
    const size_t n = ZSTD_decompressDCtx(dctx.get(), out, expected, frame.data(), frame.size());
    if (ZSTD_isError(n))
      return Fail(ZSTD_getErrorCode(n) == ZSTD_error_checksum_wrong
                      ? "checksum mismatch in section " + std::to_string(section)
                      : "section " + std::to_string(section) + " does not decompress");
    if (n != expected) return Fail("size of section " + std::to_string(section));
    out += expected;
    left -= expected;
  }
  return true;
}

bool ModelFileReader::Fail(std::string what) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (error_.empty()) error_ = std::move(what);
  return false;
}

std::string ModelFileReader::error() const {
  std::lock_guard<std::mutex> lock(mu_);
  return error_;
}

Result<std::string> ModelFileReader::ReadMain() const {
  std::string main(raw_[0], '\0');
  if (!ReadSection(0, main.data())) return DamagedModel(origin_, error());
  return main;
}

}  // namespace kg::syntax
