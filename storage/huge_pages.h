// Large import buffers in 2 MiB pages: AdviseHugePages for a buffer that is
// already allocated, ZeroedArray for hash tables whose empty slot is all
// zero bytes.
#ifndef KG_STORAGE_HUGE_PAGES_H_
#define KG_STORAGE_HUGE_PAGES_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>

namespace kg::storage {

// Backs the 2 MiB-aligned inside of [data, data + bytes) with huge pages where
// the kernel allows it (transparent huge pages in "madvise" mode, as on
// Debian). Call before the pages are first written. An import fills hundreds
// of megabytes of fresh memory; in 4 KiB pages each first write is a page
// fault, which costs microseconds in a virtual machine (about 10 % of an
// import's CPU before the fifth pass of docs/performance.md). A refusal
// changes nothing but speed.
inline void AdviseHugePages(void* data, size_t bytes) {
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const auto at = reinterpret_cast<uintptr_t>(data);
  const uintptr_t begin = (at + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (at + bytes) & ~(kHuge - 1);
  if (end > begin) (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

// A fixed number of T, every byte zero at first, in memory of its own (an
// anonymous mapping: the kernel supplies zeroed pages as they are touched, so
// a table whose empty slot is all zero bytes needs no clearing pass).
// Throws std::bad_alloc when the mapping fails, as `new` would.
template <class T>
class ZeroedArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  ZeroedArray() = default;
  explicit ZeroedArray(size_t n) : size_(n) {
    if (n == 0) return;
    void* p = mmap(nullptr, Bytes(), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    AdviseHugePages(p, Bytes());
    data_ = static_cast<T*>(p);
  }
  ~ZeroedArray() {
    if (data_ != nullptr) munmap(data_, Bytes());
  }
  ZeroedArray(ZeroedArray&& o) noexcept
      : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)) {}
  ZeroedArray& operator=(ZeroedArray&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    return *this;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }

 private:
  size_t Bytes() const { return size_ * sizeof(T); }
  T* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_HUGE_PAGES_H_
