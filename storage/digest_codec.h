// Analytic digests: the fields projections read, packed in blocks of consecutive node ids or
// tie sequences, so building a projection reads a few large values and decodes no Cap'n Proto
// message. Written beside the records in the same atomic write; see storage/FORMAT.md.
//
// Block b of institutions holds node ids [b * kDigestBlock, (b + 1) * kDigestBlock), block b of
// ties the sequences in the same range. Ids and sequences are only ever appended, so a write
// extends the last block and adds new ones; a deleted record leaves a tombstone in its slot
// (ids and sequences are never reused), which readers skip.
#ifndef TIEGRAPH_STORAGE_DIGEST_CODEC_H_
#define TIEGRAPH_STORAGE_DIGEST_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/model.h>
#include <tiegraph/store.h>

namespace tiegraph::digest {

inline constexpr uint64_t kDigestBlock = 4096;
inline constexpr size_t kTieDigestSize = 28;
inline constexpr char kNodeBlockTag = 'n';
inline constexpr char kTieBlockTag = 't';

// Key of a block: tag byte + block number (u64, big-endian).
std::string BlockKey(char tag, uint64_t block);

// Appends one institution: key, kind, parent, sector, other sectors, region levels.
void AppendNode(const Institution& in, std::string* block);
// The slot of a deleted institution: an empty key (a stored key is never empty).
void AppendNodeTombstone(std::string* block);
// Decodes the institution at *pos of `block` and advances *pos; views point into `block`.
// False when the bytes are damaged.
bool ReadNode(std::string_view block, size_t* pos, InstitutionSummary* out);

// Appends one tie as kTieDigestSize bytes; `type_id` indexes the tie-type dictionary.
void AppendTie(const Tie& tie, uint32_t source_id, uint32_t target_id, uint16_t type_id,
               std::string* block);
// The slot of a deleted tie: codes bit 5 set, the rest zero.
void AppendTieTombstone(std::string* block);
bool TieIsTombstone(const char* p);
// Decodes the tie at `p` (kTieDigestSize bytes). `types` is the dictionary; false when the
// bytes are damaged (an unknown type id or an out-of-range code).
bool ReadTie(const char* p, const std::vector<std::string>& types, TieSummary* out);

// The tie-type dictionary (type id -> type text), kept in the meta family.
std::string EncodeTypes(const std::vector<std::string>& types);
bool DecodeTypes(std::string_view bytes, std::vector<std::string>* types);

}  // namespace tiegraph::digest

#endif  // TIEGRAPH_STORAGE_DIGEST_CODEC_H_
