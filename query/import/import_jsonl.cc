// JSON Lines import: one record per line, in the form `dump` writes (json_records.h).
#include "import_internal.h"
#include "json_records.h"

namespace tiegraph {

Status ReadJsonl(ReadContext& ctx, std::string_view text) {
  size_t line = 0, pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line;
    if (raw.empty()) continue;
    Json j = Json::parse(raw.begin(), raw.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return ctx.Error(line, "is not valid JSON");
    if (!j.is_object()) return ctx.Error(line, "is not a JSON object");
    auto rec = j.find("record");
    if (rec == j.end() || !rec->is_string()) {
      return ctx.Error(line, "record",
                       "is missing (expected \"institution\", \"event\" or \"tie\")");
    }
    const std::string kind = rec->get<std::string>();
    Status s;
    if (kind == "institution") {
      ctx.out->institutions.emplace_back();
      s = InstitutionFromJson(j, &ctx.out->institutions.back());
      ctx.Added(RecordKind::kInstitution, line);
    } else if (kind == "event") {
      ctx.out->events.emplace_back();
      s = EventFromJson(j, &ctx.out->events.back());
      ctx.Added(RecordKind::kEvent, line);
    } else if (kind == "tie") {
      ctx.out->ties.emplace_back();
      s = TieFromJson(j, &ctx.out->ties.back());
      ctx.Added(RecordKind::kTie, line);
    } else {
      return ctx.Error(line, "record",
                       "unknown record kind '" + kind + "' (expected institution, event or tie)");
    }
    if (!s.ok())
      return Status::InvalidArgument(ctx.path + ":" + std::to_string(line) + ": " + s.message());
  }
  return Status::OK();
}

}  // namespace tiegraph
