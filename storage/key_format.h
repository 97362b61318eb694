// Column families, key layouts and the adjacency entry encoding. See storage/FORMAT.md.
// Integers in keys are big-endian so that byte order is numeric order.
#ifndef TIEGRAPH_STORAGE_KEY_FORMAT_H_
#define TIEGRAPH_STORAGE_KEY_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <tiegraph/store.h>

namespace tiegraph::keys {

// The on-disk format this build writes and reads.
inline constexpr uint32_t kFormatVersion = 2;

// Column family order is fixed: the index is the handle's position.
enum Family : int {
  kMeta = 0,      // "default": format version, id counters, record counts
  kInstitutions,  // institution key -> InstitutionRec
  kNodeIds,       // node id (u32) -> institution key
  kNames,         // normalised name \0 institution key -> ""
  kTies,          // tie sequence (u64) -> TieRec
  kTieKeys,       // tie key -> tie sequence (u64)
  kAdjacency,     // institution key \0 other id (u32) tie sequence (u64) -> AdjacencyValue
  kEvents,        // event key -> EventRec
  kDigests,       // block tag + block number (u64) -> packed analytic digests
  kFamilyCount
};
const char* FamilyName(int family);

// Meta keys.
inline constexpr std::string_view kFormatKey = "format";
inline constexpr std::string_view kNextNodeIdKey = "next_node_id";
inline constexpr std::string_view kNextTieSeqKey = "next_tie_seq";
inline constexpr std::string_view kInstitutionCountKey = "count/institutions";
inline constexpr std::string_view kTieCountKey = "count/ties";
inline constexpr std::string_view kEventCountKey = "count/events";
inline constexpr std::string_view kTieTypesKey = "tie_types";  // the tie-type dictionary
inline constexpr std::string_view kTieTypeAliasesKey = "tie_type_aliases";  // the user's aliases
// The value of kFormatKey starts with this magic, then the decimal version.
inline constexpr std::string_view kFormatMagic = "tiegraph-format ";

void AppendU32(std::string* out, uint32_t v);
void AppendU64(std::string* out, uint64_t v);
uint32_t ReadU32(const char* p);
uint64_t ReadU64(const char* p);

std::string NodeIdKey(uint32_t node_id);
std::string TieSeqKey(uint64_t seq);
// The name index key; `normalized` has no NUL byte (NormalizeName strips control characters).
std::string NameKey(std::string_view normalized, std::string_view institution_key);
// All adjacency entries of an institution share the prefix key + NUL (keys hold no NUL), so
// its ties are one prefix scan, with no lookup of the institution first.
std::string AdjacencyPrefix(std::string_view institution_key);
std::string AdjacencyKey(std::string_view institution_key, uint32_t other_id, uint64_t seq);
void AppendAdjacencyKey(std::string* out, std::string_view institution_key, uint32_t other_id,
                        uint64_t seq);

// What an adjacency entry stores so that listing a node's ties needs no other read.
void EncodeAdjacencyValue(const TieRef& ref, std::string* out);
void EncodeAdjacencyValue(TieRef::Direction direction, TieStatus status, Confidence confidence,
                          double strength, std::string_view type, std::string_view other,
                          std::string_view tie_key, std::string* out);
bool DecodeAdjacencyValue(std::string_view value, TieRef* ref);

}  // namespace tiegraph::keys

#endif  // TIEGRAPH_STORAGE_KEY_FORMAT_H_
