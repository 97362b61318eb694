// Unicode helpers. NormalizeName gives the form names are indexed and looked up in:
// Unicode NFKC, case folded, white space collapsed.
// "KTL", "ktl" and "ＫＴＬ" meet; "한국산업기술시험원" stays itself (Hangul is composed by NFKC).
#ifndef TIEGRAPH_TEXT_H_
#define TIEGRAPH_TEXT_H_

#include <string>
#include <string_view>

namespace tiegraph {

// Returns false when `text` is not valid UTF-8.
bool NormalizeName(std::string_view text, std::string* out);

// Byte offset of the first invalid UTF-8 sequence in `text`, or npos when it is all valid.
size_t FindInvalidUtf8(std::string_view text);

// Levenshtein distance between two UTF-8 strings, counted in code points (so one Hangul
// syllable is one edit). Invalid bytes count as one code point each.
size_t EditDistance(std::string_view a, std::string_view b);

// Columns `text` takes on a terminal (East Asian wide characters count two).
size_t DisplayWidth(std::string_view text);

}  // namespace tiegraph

#endif  // TIEGRAPH_TEXT_H_
