// Little-endian byte writer and bounds-checked reader for the model file.
// Every read checks the remaining length, so a truncated or damaged model is
// reported (ok() turns false) instead of read past its end.
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
  const std::string& bytes() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}

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
  // An array written by PutArray, without copying: its element count and
  // the address of its bytes (unaligned; read elements with At()).
  template <typename T>
  std::pair<const char*, size_t> GetView() {
    auto n = Get<uint64_t>();
    if (n > (in_.size() - pos_) / sizeof(T) || !Need(n * sizeof(T))) {
      ok_ = false;
      return {nullptr, 0};
    }
    const char* p = in_.data() + pos_;
    pos_ += n * sizeof(T);
    return {p, static_cast<size_t>(n)};
  }
  template <typename T>
  static T At(const char* base, size_t i) {
    T v;
    std::memcpy(&v, base + i * sizeof(T), sizeof(T));
    return v;
  }
  std::vector<std::string> GetStrings() {
    auto n = Get<uint32_t>();
    std::vector<std::string> v;
    for (uint32_t i = 0; i < n && ok_; ++i) v.push_back(GetString());
    return v;
  }
  // False once any read ran past the end (later reads return zero values).
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
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
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_BINARY_IO_H_
