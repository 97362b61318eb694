#include "history_codec.h"

#include "key_format.h"
#include "record_codec.h"
#include "varint.h"

namespace tiegraph::history {
namespace {

constexpr uint8_t kFormatVersion = 1;  // of the header and change values

Status Damaged() { return Status::Corruption("a history entry is damaged"); }

Status DecodeValue(RecordKind kind, std::string_view bytes, RecordValue* out) {
  if (bytes.empty()) {
    *out = std::monostate{};
    return Status::OK();
  }
  switch (kind) {
    case RecordKind::kInstitution: {
      Institution in;
      TIEGRAPH_RETURN_IF_ERROR(DecodeInstitution(bytes, &in));
      *out = std::move(in);
      return Status::OK();
    }
    case RecordKind::kTie: {
      Tie t;
      TIEGRAPH_RETURN_IF_ERROR(DecodeTie(bytes, &t));
      *out = std::move(t);
      return Status::OK();
    }
    case RecordKind::kEvent: {
      Event ev;
      TIEGRAPH_RETURN_IF_ERROR(DecodeEvent(bytes, &ev));
      *out = std::move(ev);
      return Status::OK();
    }
  }
  return Damaged();
}

}  // namespace

std::string HeaderKey(uint64_t id) {
  std::string k(kEntryPrefix);
  keys::AppendU64(&k, id);
  return k;
}

std::string ChangeKey(uint64_t id, uint32_t index) {
  std::string k = HeaderKey(id);
  keys::AppendU32(&k, index);
  return k;
}

std::string KeyIndexPrefix(RecordKind kind, std::string_view key) {
  std::string k(kKeyIndexPrefix);
  k.push_back(static_cast<char>('0' + static_cast<int>(kind)));
  k.append(key);
  k.push_back('\0');
  return k;
}

std::string KeyIndexKey(RecordKind kind, std::string_view key, uint64_t id) {
  std::string k = KeyIndexPrefix(kind, key);
  keys::AppendU64(&k, id);
  return k;
}

std::string EncodeHeader(const HistoryEntry& e) {
  std::string out(1, static_cast<char>(kFormatVersion));
  varint::Append(&out, e.id);
  varint::Append(&out, static_cast<uint64_t>(e.time));
  varint::AppendText(&out, e.info.author);
  varint::AppendText(&out, e.info.message);
  varint::AppendText(&out, e.info.command);
  out.push_back(e.bulk ? 1 : 0);
  for (uint64_t v : {e.created_institutions, e.created_ties, e.first_node_id, e.end_node_id,
                     e.first_tie_seq, e.end_tie_seq, uint64_t{e.change_count}})
    varint::Append(&out, v);
  varint::Append(&out, e.created_events.size());
  for (const auto& k : e.created_events) varint::AppendText(&out, k);
  return out;
}

Status DecodeHeader(std::string_view bytes, HistoryEntry* e) {
  if (bytes.empty() || static_cast<uint8_t>(bytes[0]) != kFormatVersion) return Damaged();
  size_t pos = 1;
  uint64_t time = 0, changes = 0, events = 0;
  std::string_view author, message, command;
  if (!varint::Read(bytes, &pos, &e->id) || !varint::Read(bytes, &pos, &time) ||
      !varint::ReadText(bytes, &pos, &author) || !varint::ReadText(bytes, &pos, &message) ||
      !varint::ReadText(bytes, &pos, &command) || pos >= bytes.size())
    return Damaged();
  e->time = static_cast<int64_t>(time);
  e->info = {std::string(author), std::string(message), std::string(command)};
  e->bulk = bytes[pos++] != 0;
  for (uint64_t* v : {&e->created_institutions, &e->created_ties, &e->first_node_id,
                      &e->end_node_id, &e->first_tie_seq, &e->end_tie_seq, &changes}) {
    if (!varint::Read(bytes, &pos, v)) return Damaged();
  }
  e->change_count = changes;
  if (!varint::Read(bytes, &pos, &events) || events > bytes.size()) return Damaged();
  e->created_events.clear();
  for (uint64_t i = 0; i < events; ++i) {
    std::string_view k;
    if (!varint::ReadText(bytes, &pos, &k)) return Damaged();
    e->created_events.emplace_back(k);
  }
  return pos == bytes.size() ? Status::OK() : Damaged();
}

std::string EncodeChange(RecordKind kind, std::string_view key, uint64_t number,
                         std::string_view before, std::string_view after) {
  std::string out(1, static_cast<char>(kind));
  varint::AppendText(&out, key);
  varint::Append(&out, number);
  varint::AppendText(&out, before);
  varint::AppendText(&out, after);
  return out;
}

Status DecodeChange(std::string_view bytes, RecordChange* out) {
  if (bytes.empty() || static_cast<uint8_t>(bytes[0]) > 2) return Damaged();
  out->kind = static_cast<RecordKind>(bytes[0]);
  size_t pos = 1;
  std::string_view key, before, after;
  if (!varint::ReadText(bytes, &pos, &key) || !varint::Read(bytes, &pos, &out->number) ||
      !varint::ReadText(bytes, &pos, &before) || !varint::ReadText(bytes, &pos, &after) ||
      pos != bytes.size())
    return Damaged();
  out->key = std::string(key);
  TIEGRAPH_RETURN_IF_ERROR(DecodeValue(out->kind, before, &out->before));
  return DecodeValue(out->kind, after, &out->after);
}

std::string EncodeValue(const RecordValue& v) {
  std::string out;
  if (const auto* in = std::get_if<Institution>(&v)) {
    EncodeInstitution(*in, 0, &out);
  } else if (const auto* t = std::get_if<Tie>(&v)) {
    EncodeTie(*t, t->key, 0, 0, &out);
  } else if (const auto* ev = std::get_if<Event>(&v)) {
    EncodeEvent(*ev, &out);
  }
  return out;
}

}  // namespace tiegraph::history
