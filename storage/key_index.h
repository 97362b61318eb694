// KeyIndex: an open-addressing hash map from string keys (not owned) to 32-bit ids.
// Validation looks up two endpoints per tie, millions of times in a bulk import; a flat
// table with stored hashes touches one cache line per probe where std::unordered_map
// chases a node pointer.
#ifndef TIEGRAPH_STORAGE_KEY_INDEX_H_
#define TIEGRAPH_STORAGE_KEY_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>
#include <vector>

namespace tiegraph {

class KeyIndex {
 public:
  explicit KeyIndex(size_t expected = 16) { Rehash(Capacity(expected)); }

  // Adds key -> id; false (and no change) when the key is present. The key's bytes must
  // outlive the index.
  bool Insert(std::string_view key, uint32_t id) {
    if (2 * (size_ + 1) > slots_.size()) Rehash(slots_.size() * 2);
    return Place(key, std::hash<std::string_view>{}(key), id);
  }
  // The id of `key`, or false.
  bool Find(std::string_view key, uint32_t* id) const {
    const uint64_t h = std::hash<std::string_view>{}(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.used) return false;
      if (s.hash == h && s.Equals(key)) return *id = s.id, true;
    }
  }
  size_t size() const { return size_; }

 private:
  // Keys of up to kInline bytes are compared in the slot itself, without touching the
  // caller's memory: one cache miss per lookup instead of two.
  static constexpr size_t kInline = 16;
  struct Slot {
    uint64_t hash = 0;
    const char* data = nullptr;
    uint32_t size = 0;
    uint32_t id = 0;
    char prefix[kInline] = {};
    bool used = false;
    std::string_view key() const { return std::string_view(data, size); }
    bool Equals(std::string_view k) const {
      if (k.size() != size) return false;
      if (size <= kInline) return std::memcmp(prefix, k.data(), size) == 0;
      return std::memcmp(data, k.data(), size) == 0;
    }
  };
  static size_t Capacity(size_t n) {
    size_t c = 16;
    while (c < 2 * n) c *= 2;
    return c;
  }
  bool Place(std::string_view key, uint64_t h, uint32_t id) {
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (!s.used) {
        s.hash = h;
        s.data = key.data();
        s.size = static_cast<uint32_t>(key.size());
        s.id = id;
        std::memcpy(s.prefix, key.data(), std::min(key.size(), kInline));
        s.used = true;
        ++size_;
        return true;
      }
      if (s.hash == h && s.Equals(key)) return false;
    }
  }
  void Rehash(size_t capacity) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    size_ = 0;
    for (const Slot& s : old) {
      if (s.used) Place(s.key(), s.hash, s.id);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace tiegraph

#endif  // TIEGRAPH_STORAGE_KEY_INDEX_H_
