#include <tiegraph/projection_spec.h>

#include <tiegraph/vocabulary.h>

namespace tiegraph {
namespace {

// Each of `names` parsed by `parse` into `out`; the first failure names the field.
template <typename T, typename Parse>
Status ParseEach(const char* field, const std::vector<std::string>& names, Parse parse,
                 std::vector<T>* out) {
  for (const auto& name : names) {
    auto value = parse(name);
    if (!value.ok())
      return Status::InvalidArgument(std::string(field) + ": " + value.status().message());
    out->push_back(*value);
  }
  return Status::OK();
}

}  // namespace

std::vector<std::string> ParseRegionPath(std::string_view text) {
  std::vector<std::string> levels;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('/', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) levels.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return levels;
}

Result<DateWindow> ParseDateWindow(std::string_view text) {
  const size_t dots = text.find("..");
  if (dots == std::string_view::npos)
    return Status::InvalidArgument("expected FROM..TO, e.g. 2021..2024-06");
  auto from = ParseDate(text.substr(0, dots)), to = ParseDate(text.substr(dots + 2));
  if (!from.ok()) return from.status();
  if (!to.ok()) return to.status();
  if (EndsBeforeStart(*from, *to)) return Status::InvalidArgument("TO is before FROM");
  return DateWindow{*from, *to};
}

Result<ProjectionOptions> ParseProjectionSpec(const ProjectionSpec& spec) {
  ProjectionOptions o;
  ProjectionFilter& f = o.filter;
  TIEGRAPH_RETURN_IF_ERROR(ParseEach("sector", spec.sector, ParseSector, &f.sectors));
  TIEGRAPH_RETURN_IF_ERROR(ParseEach("status", spec.status, ParseTieStatus, &f.statuses));
  TIEGRAPH_RETURN_IF_ERROR(
      ParseEach("confidence", spec.confidence, ParseConfidence, &f.confidences));
  f.kinds = spec.kind;
  f.tie_types = spec.type;
  f.region = ParseRegionPath(spec.region);
  auto as_of = ParseDate(spec.as_of);
  if (!as_of.ok()) return Status::InvalidArgument("as-of: " + as_of.status().message());
  f.as_of = *as_of;
  if (!spec.window.empty()) {
    auto window = ParseDateWindow(spec.window);
    if (!window.ok()) return Status::InvalidArgument("window: " + window.status().message());
    f.window_from = window->from;
    f.window_to = window->to;
  }
  if (!(spec.min_strength >= 0)) return Status::InvalidArgument("min-strength: must be 0 or more");
  f.min_strength = spec.min_strength;
  f.include_part_of = spec.include_part_of;
  auto combine = ParseCombineTies(spec.combine);
  if (!combine.ok()) return Status::InvalidArgument("combine: " + combine.status().message());
  o.combine = *combine;
  o.directed = spec.directed;
  o.rollup = spec.rollup;
  return o;
}

}  // namespace tiegraph
