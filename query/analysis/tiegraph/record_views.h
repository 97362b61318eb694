// Records and their history as tables: a tie or an event by key, the fields of any record, the
// commits that changed the database or one record, and one commit's changes field by field.
#ifndef TIEGRAPH_RECORD_VIEWS_H_
#define TIEGRAPH_RECORD_VIEWS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tiegraph/history.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/table.h>

namespace tiegraph {

// A property value and an evidence entry as text, as every view prints them.
std::string PropertyText(const PropertyValue& v);
std::string EvidenceText(const Evidence& e);

// A record's fields as (field, value) pairs in the model's order; empty values left out.
std::vector<std::pair<std::string, std::string>> RecordFields(const RecordValue& record);

// What a change did: "created", "deleted", or its changed fields, "sector: academia → research".
std::string DescribeChange(const RecordChange& change);

// A tie with its ends' names; an event with its participants and ties.
Result<std::vector<Table>> ShowTie(const Snapshot& snap, std::string_view key);
Result<std::vector<Table>> ShowEvent(const Snapshot& snap, std::string_view key);

// The commits, newest first (up to `limit`): all of them, or (with a key) those that created or
// changed that record, with what each did to it.
Result<Table> HistoryTable(const Snapshot& snap, size_t limit);
Result<Table> RecordHistoryTable(const Snapshot& snap, RecordKind kind, std::string_view key,
                                 size_t limit);
// One commit: its header and each record it changed.
Result<std::vector<Table>> CommitTables(const Snapshot& snap, uint64_t id);

}  // namespace tiegraph

#endif  // TIEGRAPH_RECORD_VIEWS_H_
