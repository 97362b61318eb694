// Varints (LEB128, as Protocol Buffers write them) and length-prefixed texts: the packing of
// digests and history entries.
#ifndef TIEGRAPH_STORAGE_VARINT_H_
#define TIEGRAPH_STORAGE_VARINT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace tiegraph::varint {

inline void Append(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// False when the bytes end inside the varint or it is longer than 64 bits.
inline bool Read(std::string_view in, size_t* pos, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && *pos < in.size(); shift += 7) {
    const auto byte = static_cast<uint8_t>(in[(*pos)++]);
    *v |= uint64_t{byte & 0x7fu} << shift;
    if (byte < 0x80) return true;
  }
  return false;
}

inline void AppendText(std::string* out, std::string_view s) {
  Append(out, s.size());
  out->append(s);
}

// `s` points into `in`.
inline bool ReadText(std::string_view in, size_t* pos, std::string_view* s) {
  uint64_t n;
  if (!Read(in, pos, &n) || n > in.size() - *pos) return false;
  *s = in.substr(*pos, n);
  *pos += n;
  return true;
}

}  // namespace tiegraph::varint

#endif  // TIEGRAPH_STORAGE_VARINT_H_
