// History entries in the meta family (storage/FORMAT.md, "History"): a header per commit, one
// entry per changed record, and a per-record index so that the history of one key is a
// prefix scan.
#ifndef TIEGRAPH_STORAGE_HISTORY_CODEC_H_
#define TIEGRAPH_STORAGE_HISTORY_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <tiegraph/history.h>
#include <tiegraph/status.h>

namespace tiegraph::history {

inline constexpr std::string_view kNextCommitKey = "next_commit";
inline constexpr std::string_view kEntryPrefix = "history/";
inline constexpr std::string_view kKeyIndexPrefix = "history-key/";

std::string HeaderKey(uint64_t id);
std::string ChangeKey(uint64_t id, uint32_t index);
// The index entry of one record's change in commit `id`; KeyIndexPrefix(kind, key) + 8 bytes.
std::string KeyIndexPrefix(RecordKind kind, std::string_view key);
std::string KeyIndexKey(RecordKind kind, std::string_view key, uint64_t id);

// The header: everything but `changes`.
std::string EncodeHeader(const HistoryEntry& e);
Status DecodeHeader(std::string_view bytes, HistoryEntry* e);

// A change holds the records' stored bytes (record_codec.h), empty for an absent record.
std::string EncodeChange(RecordKind kind, std::string_view key, uint64_t number,
                         std::string_view before, std::string_view after);
Status DecodeChange(std::string_view bytes, RecordChange* out);

// The stored bytes of a record value (EncodeInstitution etc.; node ids 0: history keeps the
// fields, not the places).
std::string EncodeValue(const RecordValue& v);

}  // namespace tiegraph::history

#endif  // TIEGRAPH_STORAGE_HISTORY_CODEC_H_
