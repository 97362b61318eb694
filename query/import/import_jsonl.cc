// JSON Lines import: one record per line, in the form `dump` writes (json_records.h).
#include "import_internal.h"
#include "json_records.h"
#include "json_syntax.h"

namespace tiegraph {
namespace {

// The fields a record gives: those present and not null (docs/FORMATS.md, "Re-import").
FieldMask Given(const Json& j, RecordKind kind) {
  const auto& names = RecordFields(kind);
  FieldMask given = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    auto it = j.find(names[i]);
    if (it != j.end() && !it->is_null()) given |= FieldMask{1} << i;
  }
  return given;
}

// Reads one line's record into ctx.out; an error names the field (the caller adds the place).
Status ReadRecord(ReadContext& ctx, size_t line, const Json& j) {
  if (!j.is_object()) return Status::InvalidArgument("is not a JSON object");
  auto rec = j.find("record");
  if (rec == j.end() || !rec->is_string()) {
    return Status::InvalidArgument(
        "field 'record': is missing (expected \"institution\", \"node\", \"event\" or \"tie\")");
  }
  const std::string kind = rec->get<std::string>();
  if (kind == "institution" || kind == "node") {
    Institution in;
    TIEGRAPH_RETURN_IF_ERROR(InstitutionFromJson(j, &in));
    TIEGRAPH_RETURN_IF_ERROR(AsStatus(ctx.checks->Check(in, FieldStyle::kJson)));
    ctx.out->institutions.push_back(std::move(in));
    ctx.Added(RecordKind::kInstitution, line, Given(j, RecordKind::kInstitution));
  } else if (kind == "event") {
    Event ev;
    TIEGRAPH_RETURN_IF_ERROR(EventFromJson(j, &ev));
    TIEGRAPH_RETURN_IF_ERROR(AsStatus(ctx.checks->Check(ev, FieldStyle::kJson)));
    ctx.out->events.push_back(std::move(ev));
    ctx.Added(RecordKind::kEvent, line, Given(j, RecordKind::kEvent));
  } else if (kind == "tie") {
    Tie t;
    TIEGRAPH_RETURN_IF_ERROR(TieFromJson(j, &t));
    TIEGRAPH_RETURN_IF_ERROR(AsStatus(ctx.checks->Check(t, FieldStyle::kJson)));
    ctx.out->ties.push_back(std::move(t));
    ctx.Added(RecordKind::kTie, line, Given(j, RecordKind::kTie));
  } else {
    return Status::InvalidArgument("field 'record': unknown record kind '" + kind +
                                   "' (expected institution, node, event or tie)");
  }
  return Status::OK();
}

}  // namespace

Status ReadJsonl(ReadContext& ctx, std::string_view text) {
  size_t line = 0, pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (Trim(raw).empty()) continue;
    Json j;
    Status s;
    if (auto syntax = ParseJson(raw, &j)) {  // columns count from the line's own start
      s = Status::InvalidArgument("column " + std::to_string(syntax->column) +
                                  ": not valid JSON: " + syntax->what);
    } else {
      s = ReadRecord(ctx, line, j);
    }
    if (!s.ok()) ctx.bad->Add(ctx.Error(line, s.message()));
  }
  return Status::OK();
}

}  // namespace tiegraph
