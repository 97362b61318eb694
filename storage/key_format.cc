#include "key_format.h"

#include <cstring>

namespace tiegraph::keys {

const char* FamilyName(int family) {
  static const char* const kNames[kFamilyCount] = {"default",   "institutions", "node_ids",
                                                   "names",     "ties",         "tie_keys",
                                                   "adjacency", "events",       "digests"};
  return kNames[family];
}

void AppendU32(std::string* out, uint32_t v) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
               static_cast<char>(v)};
  out->append(b, 4);
}

void AppendU64(std::string* out, uint64_t v) {
  AppendU32(out, static_cast<uint32_t>(v >> 32));
  AppendU32(out, static_cast<uint32_t>(v));
}

uint32_t ReadU32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | u[3];
}

uint64_t ReadU64(const char* p) { return (uint64_t{ReadU32(p)} << 32) | ReadU32(p + 4); }

std::string NodeIdKey(uint32_t node_id) {
  std::string k;
  AppendU32(&k, node_id);
  return k;
}

std::string TieSeqKey(uint64_t seq) {
  std::string k;
  AppendU64(&k, seq);
  return k;
}

std::string NameKey(std::string_view normalized, std::string_view institution_key) {
  std::string k;
  k.reserve(normalized.size() + 1 + institution_key.size());
  k.append(normalized);
  k.push_back('\0');
  k.append(institution_key);
  return k;
}

std::string AdjacencyPrefix(std::string_view institution_key) {
  std::string k(institution_key);
  k.push_back('\0');
  return k;
}

void AppendAdjacencyKey(std::string* out, std::string_view institution_key, uint32_t other_id,
                        uint64_t seq) {
  out->append(institution_key);
  out->push_back('\0');
  AppendU32(out, other_id);
  AppendU64(out, seq);
}

std::string AdjacencyKey(std::string_view institution_key, uint32_t other_id, uint64_t seq) {
  std::string k;
  AppendAdjacencyKey(&k, institution_key, other_id, seq);
  return k;
}

namespace {
void AppendString(std::string* out, std::string_view s) {
  AppendU32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}
bool ReadString(std::string_view* in, std::string* s) {
  if (in->size() < 4) return false;
  uint32_t n = ReadU32(in->data());
  if (in->size() < 4 + size_t{n}) return false;
  s->assign(in->data() + 4, n);
  in->remove_prefix(4 + size_t{n});
  return true;
}
}  // namespace

// Layout: direction u8, status u8, confidence u8, strength (IEEE double, little-endian),
// then type, other key and tie key, each as u32 length + bytes.
void EncodeAdjacencyValue(TieRef::Direction direction, TieStatus status, Confidence confidence,
                          double strength, std::string_view type, std::string_view other,
                          std::string_view tie_key, std::string* out) {
  out->clear();
  out->push_back(static_cast<char>(direction));
  out->push_back(static_cast<char>(status));
  out->push_back(static_cast<char>(confidence));
  char bytes[8];
  std::memcpy(bytes, &strength, 8);
  out->append(bytes, 8);
  AppendString(out, type);
  AppendString(out, other);
  AppendString(out, tie_key);
}

void EncodeAdjacencyValue(const TieRef& ref, std::string* out) {
  EncodeAdjacencyValue(ref.direction, ref.status, ref.confidence, ref.strength, ref.type, ref.other,
                       ref.tie_key, out);
}

bool DecodeAdjacencyValue(std::string_view value, TieRef* ref) {
  if (value.size() < 11) return false;
  auto dir = static_cast<uint8_t>(value[0]), status = static_cast<uint8_t>(value[1]),
       confidence = static_cast<uint8_t>(value[2]);
  if (dir > 2 || status > 2 || confidence > 2) return false;
  ref->direction = static_cast<TieRef::Direction>(dir);
  ref->status = static_cast<TieStatus>(status);
  ref->confidence = static_cast<Confidence>(confidence);
  std::memcpy(&ref->strength, value.data() + 3, 8);
  value.remove_prefix(11);
  return ReadString(&value, &ref->type) && ReadString(&value, &ref->other) &&
         ReadString(&value, &ref->tie_key) && value.empty();
}

}  // namespace tiegraph::keys
