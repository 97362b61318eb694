#include "digest_codec.h"

#include <bit>
#include <cstring>

#include <tiegraph/vocabulary.h>

#include "key_format.h"
#include "varint.h"

namespace tiegraph::digest {
namespace {

static_assert(std::endian::native == std::endian::little,
              "tie digests are stored little-endian and read in place");

// A date in four bytes (year u16, month, day); its precision goes into a shared byte.
void PutDate(char* p, const Date& d) {
  const auto year = static_cast<uint16_t>(d.year);
  std::memcpy(p, &year, 2);
  p[2] = static_cast<char>(d.month);
  p[3] = static_cast<char>(d.day);
}

Date GetDate(const char* p, unsigned precision) {
  Date d;
  uint16_t year;
  std::memcpy(&year, p, 2);
  d.year = year;
  d.month = static_cast<uint8_t>(p[2]);
  d.day = static_cast<uint8_t>(p[3]);
  d.precision = static_cast<Date::Precision>(precision);
  return d;
}

}  // namespace

std::string BlockKey(char tag, uint64_t block) {
  std::string k(1, tag);
  keys::AppendU64(&k, block);
  return k;
}

// The sector byte's bit 7: the node's labels follow its region (it has labels other than just
// Institution). Digests written before nodes had labels never set it.
constexpr unsigned kLabelsFollow = 0x80;

void AppendNode(const Institution& in, std::string* block) {
  varint::AppendText(block, in.key);
  varint::AppendText(block, in.kind);
  varint::AppendText(block, in.parent);
  const bool plain = in.labels.size() == 1 && in.labels[0] == kInstitutionLabel;
  block->push_back(
      static_cast<char>(static_cast<unsigned>(in.sector) | (plain ? 0 : kLabelsFollow)));
  varint::Append(block, in.other_sectors.size());
  for (Sector s : in.other_sectors) block->push_back(static_cast<char>(s));
  varint::Append(block, in.region.size());
  for (const auto& r : in.region) varint::AppendText(block, r);
  if (plain) return;
  varint::Append(block, in.labels.size());
  for (const auto& l : in.labels) varint::AppendText(block, l);
}

void AppendNodeTombstone(std::string* block) {
  Institution none;
  none.kind.clear();
  AppendNode(none, block);
}

bool ReadNode(std::string_view block, size_t* pos, InstitutionSummary* out) {
  if (!varint::ReadText(block, pos, &out->key) || !varint::ReadText(block, pos, &out->kind) ||
      !varint::ReadText(block, pos, &out->parent) || *pos >= block.size()) {
    return false;
  }
  auto sector = [&](Sector* s) {
    const auto code = static_cast<uint8_t>(block[(*pos)++]);
    *s = static_cast<Sector>(code);
    return code < kSectorCount;
  };
  const bool labels_follow = static_cast<uint8_t>(block[*pos]) & kLabelsFollow;
  if (labels_follow) {
    // Clear the flag for the sector check; the block is read-only, so judge a copy.
    const auto code = static_cast<uint8_t>(block[(*pos)++]) & ~kLabelsFollow;
    if (code >= kSectorCount) return false;
    out->sector = static_cast<Sector>(code);
  } else if (!sector(&out->sector)) {
    return false;
  }
  uint64_t n;
  if (!varint::Read(block, pos, &n) || n > block.size() - *pos) return false;
  out->other_sectors.resize(n);
  for (Sector& s : out->other_sectors) {
    if (!sector(&s)) return false;
  }
  if (!varint::Read(block, pos, &n) || n > block.size() - *pos) return false;
  out->region.resize(n);
  for (auto& r : out->region) {
    if (!varint::ReadText(block, pos, &r)) return false;
  }
  out->labels.clear();
  out->institution = true;
  if (!labels_follow) return true;
  if (!varint::Read(block, pos, &n) || n > block.size() - *pos) return false;
  out->labels.resize(n);
  out->institution = false;
  for (auto& l : out->labels) {
    if (!varint::ReadText(block, pos, &l)) return false;
    if (l == kInstitutionLabel) out->institution = true;
  }
  return true;
}

// Layout (little-endian): source u32, target u32, strength f64, since (year u16, month u8,
// day u8), until (same), type id u16, codes u8 (status bits 0-1, confidence bits 2-3,
// directed bit 4, tombstone bit 5), precisions u8 (since bits 0-1, until bits 2-3).
void AppendTie(const Tie& tie, uint32_t source_id, uint32_t target_id, uint16_t type_id,
               std::string* block) {
  char p[kTieDigestSize];
  std::memcpy(p, &source_id, 4);
  std::memcpy(p + 4, &target_id, 4);
  std::memcpy(p + 8, &tie.strength, 8);
  PutDate(p + 16, tie.since);
  PutDate(p + 20, tie.until);
  std::memcpy(p + 24, &type_id, 2);
  p[26] =
      static_cast<char>(static_cast<unsigned>(tie.status) |
                        (static_cast<unsigned>(tie.confidence) << 2) | (tie.directed ? 0x10u : 0u));
  p[27] = static_cast<char>(static_cast<unsigned>(tie.since.precision) |
                            (static_cast<unsigned>(tie.until.precision) << 2));
  block->append(p, kTieDigestSize);
}

constexpr uint8_t kTombstoneBit = 0x20;

void AppendTieTombstone(std::string* block) {
  char p[kTieDigestSize] = {};
  p[26] = static_cast<char>(kTombstoneBit);
  block->append(p, kTieDigestSize);
}

bool TieIsTombstone(const char* p) { return (static_cast<uint8_t>(p[26]) & kTombstoneBit) != 0; }

bool ReadTie(const char* p, const std::vector<std::string>& types, TieSummary* out) {
  std::memcpy(&out->source_id, p, 4);
  std::memcpy(&out->target_id, p + 4, 4);
  std::memcpy(&out->strength, p + 8, 8);
  uint16_t type_id;
  std::memcpy(&type_id, p + 24, 2);
  if (type_id >= types.size()) return false;
  out->type = types[type_id];
  const auto codes = static_cast<uint8_t>(p[26]), precisions = static_cast<uint8_t>(p[27]);
  if ((codes & 3u) > 2 || ((codes >> 2) & 3u) > 2) return false;
  out->status = static_cast<TieStatus>(codes & 3u);
  out->confidence = static_cast<Confidence>((codes >> 2) & 3u);
  out->directed = (codes & 0x10u) != 0;
  out->since = GetDate(p + 16, precisions & 3u);
  out->until = GetDate(p + 20, (precisions >> 2) & 3u);
  return true;
}

std::string EncodeTypes(const std::vector<std::string>& types) {
  std::string out;
  for (const auto& t : types) varint::AppendText(&out, t);
  return out;
}

bool DecodeTypes(std::string_view bytes, std::vector<std::string>* types) {
  types->clear();
  size_t pos = 0;
  while (pos < bytes.size()) {
    std::string_view t;
    if (!varint::ReadText(bytes, &pos, &t)) return false;
    types->emplace_back(t);
  }
  return true;
}

}  // namespace tiegraph::digest
