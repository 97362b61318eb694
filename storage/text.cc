#include <tiegraph/text.h>

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace tiegraph {

namespace {

// White space collapses to one space; ends are trimmed.
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// NFKC and case folding leave ASCII as it is but for upper case; control characters go.
// Most keys, and most names outside Korea, are ASCII: this skips utf8proc's allocation.
bool NormalizeAscii(std::string_view text, std::string* out) {
  bool pending_space = false;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (IsSpace(c)) {
      pending_space = !out->empty();
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) continue;
    if (pending_space) out->push_back(' ');
    pending_space = false;
    out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return true;
}

}  // namespace

bool NormalizeName(std::string_view text, std::string* out) {
  out->clear();
  if (NormalizeAscii(text, out)) return true;
  out->clear();
  utf8proc_uint8_t* mapped = nullptr;
  const auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STABLE | UTF8PROC_IGNORE | UTF8PROC_STRIPCC);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
  if (n < 0) return false;
  // Collapse runs of white space to one space and trim both ends, so "Korea  Testing" matches.
  bool pending_space = false;
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    char c = static_cast<char>(mapped[i]);
    if (IsSpace(c)) {
      pending_space = !out->empty();
      continue;
    }
    if (pending_space) out->push_back(' ');
    pending_space = false;
    out->push_back(c);
  }
  std::free(mapped);
  return true;
}

size_t FindInvalidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0, n = text.size();
  while (i < n) {
    if (p[i] < 0x80) {  // ASCII fast path
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len <= 0) return i;
    i += static_cast<size_t>(len);
  }
  return std::string_view::npos;
}

namespace {
std::vector<int32_t> CodePoints(std::string_view text) {
  std::vector<int32_t> out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len =
        utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (len <= 0) cp = -static_cast<int32_t>(p[i]) - 1, len = 1;
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}
}  // namespace

size_t EditDistance(std::string_view a_text, std::string_view b_text) {
  const std::vector<int32_t> a = CodePoints(a_text), b = CodePoints(b_text);
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

size_t DisplayWidth(std::string_view text) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t i = 0, width = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len =
        utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (len <= 0) {  // count a stray byte as one column rather than failing
      ++i, ++width;
      continue;
    }
    i += static_cast<size_t>(len);
    int w = utf8proc_charwidth(cp);
    width += w > 0 ? static_cast<size_t>(w) : 0;
  }
  return width;
}

}  // namespace tiegraph
