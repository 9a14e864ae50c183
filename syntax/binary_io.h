// Little-endian byte writer and bounds-checked reader for the model file.
// Every read checks the remaining length, so a truncated or damaged model is
// reported (ok() turns false) instead of read past its end.
//
// Large arrays go out of line as blobs (PutBlob/GetBlob): the model file
// compresses each blob on its own, so a loader can decompress it straight
// into the memory that keeps it, on another thread if it likes, instead of
// copying it out of one decompressed payload.
#ifndef KG_SYNTAX_BINARY_IO_H_
#define KG_SYNTAX_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace kg::syntax {

class ByteWriter {
 public:
  template <typename T>
  void Put(T v) {
    static_assert(std::is_arithmetic_v<T>);
    char buf[sizeof(T)];
    std::memcpy(buf, &v, sizeof(T));  // the model format is little-endian (x86-64, aarch64)
    out_.append(buf, sizeof(T));
  }
  void PutString(std::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void PutArray(const std::vector<T>& v) {
    static_assert(std::is_arithmetic_v<T>);
    Put<uint64_t>(v.size());
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void PutStrings(const std::vector<std::string>& v) {
    Put<uint32_t>(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) PutString(s);
  }
  // Appends `n` elements as the next blob; nothing goes into bytes().
  template <typename T>
  void PutBlob(const T* data, size_t n) {
    static_assert(std::is_trivially_copyable_v<T>);
    blobs_.emplace_back(reinterpret_cast<const char*>(data), n * sizeof(T));
  }
  const std::string& bytes() const { return out_; }
  const std::vector<std::string>& blobs() const { return blobs_; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  std::vector<std::string> blobs_;
};

// Where a ByteReader's blobs come from: the model file (syntax/model_file.h)
// or memory (BlobList).
class BlobSource {
 public:
  virtual ~BlobSource() = default;
  virtual size_t count() const = 0;
  // Bytes of blob `index` (< count()).
  virtual uint64_t size(size_t index) const = 0;
  // Writes blob `index` to dest[0, size(index)); false when it is damaged.
  // Thread-safe: blobs may be read concurrently.
  virtual bool Read(size_t index, void* dest) const = 0;
};

// A ByteWriter's blobs, read back from memory (tests, round trips).
class BlobList final : public BlobSource {
 public:
  explicit BlobList(std::vector<std::string> blobs) : blobs_(std::move(blobs)) {}
  size_t count() const override { return blobs_.size(); }
  uint64_t size(size_t index) const override { return blobs_[index].size(); }
  bool Read(size_t index, void* dest) const override {
    if (!blobs_[index].empty()) std::memcpy(dest, blobs_[index].data(), blobs_[index].size());
    return true;
  }

 private:
  std::vector<std::string> blobs_;
};

// One blob of a reader, to be read where and when the caller chooses.
struct Blob {
  const BlobSource* source = nullptr;
  size_t index = 0;
  uint64_t size = 0;
  bool Read(void* dest) const { return source != nullptr && source->Read(index, dest); }
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in, const BlobSource* blobs = nullptr) : in_(in), blobs_(blobs) {}

  template <typename T>
  T Get() {
    static_assert(std::is_arithmetic_v<T>);
    T v{};
    if (!Need(sizeof(T))) return v;
    std::memcpy(&v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::string GetString() {
    auto n = Get<uint32_t>();
    if (!Need(n)) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  template <typename T>
  std::vector<T> GetArray() {
    auto n = Get<uint64_t>();
    if (n > (in_.size() - pos_) / sizeof(T) || !Need(n * sizeof(T))) {
      ok_ = false;
      return {};
    }
    std::vector<T> v(n);
    std::memcpy(v.data(), in_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return v;
  }
  std::vector<std::string> GetStrings() {
    auto n = Get<uint32_t>();
    std::vector<std::string> v;
    for (uint32_t i = 0; i < n && ok_; ++i) v.push_back(GetString());
    return v;
  }
  // The next blob, in the order they were written; an empty Blob (and ok()
  // false) when there is none left.
  Blob GetBlob() {
    if (!ok_ || blobs_ == nullptr || next_blob_ >= blobs_->count()) {
      ok_ = false;
      return {};
    }
    const size_t i = next_blob_++;
    return Blob{blobs_, i, blobs_->size(i)};
  }
  // False once any read ran past the end (later reads return zero values).
  bool ok() const { return ok_; }
  // True when every byte and every blob has been read.
  bool at_end() const { return pos_ == in_.size() && (blobs_ == nullptr || next_blob_ == blobs_->count()); }
  size_t position() const { return pos_; }

 private:
  bool Need(size_t n) {
    if (!ok_ || in_.size() - pos_ < n) {
      ok_ = false;
      return false;
    }
    return true;
  }
  std::string_view in_;
  const BlobSource* blobs_ = nullptr;
  size_t next_blob_ = 0;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_BINARY_IO_H_
