// Names of the enumerated vocabularies, parsing and formatting of dates.
#ifndef TIEGRAPH_VOCABULARY_H_
#define TIEGRAPH_VOCABULARY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/model.h>
#include <tiegraph/status.h>

namespace tiegraph {

// "industry", "academia", "research", "hospital", "government", "public-agency", "support-org";
// "" for kNone.
std::string_view SectorName(Sector s);
// The sector as output shows it: SectorName, or "none" for kNone (councils, places…). Every
// table, export and legend uses this one label.
std::string SectorLabel(Sector s);
// The sector as a node label for the query language: "Industry", "Academia", "Research",
// "Hospital", "Government", "PublicAgency", "SupportOrg"; "" for kNone.
std::string_view SectorNodeLabel(Sector s);
bool IsSectorNodeLabel(std::string_view label);
// The sector whose node label `label` is; nullopt for any other label.
std::optional<Sector> SectorOfNodeLabel(std::string_view label);
// The label of event records seen as nodes.
inline constexpr std::string_view kEventLabel = "Event";
inline constexpr size_t kMaxLabelBytes = 256;
// Accepts the names above (case-insensitive, '_' for '-'). An unknown name gives
// InvalidArgument with a did-you-mean suggestion.
Result<Sector> ParseSector(std::string_view text);

// "institution", "event", "tie" (plural: "institutions"…): how messages and tables name a kind.
const char* RecordKindName(RecordKind kind, bool plural = false);

std::string_view TieStatusName(TieStatus s);  // realized | planned | proposed
Result<TieStatus> ParseTieStatus(std::string_view text);
std::string_view ConfidenceName(Confidence c);  // stated | implied | derived
Result<Confidence> ParseConfidence(std::string_view text);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" with the precision the text has; "" is an unknown date.
// Impossible dates (2024-02-30, month 13) are InvalidArgument.
Result<Date> ParseDate(std::string_view text);
std::string FormatDate(const Date& d);  // the inverse; "" for an unknown date

// Orders two known dates by their first day; -1, 0 or 1.
int CompareDateStart(const Date& a, const Date& b);
// True when an interval that starts at `since` cannot end at `until` (until ends before since
// begins). Unknown ends never conflict.
bool EndsBeforeStart(const Date& since, const Date& until);

// The index of `text` among `names`, matched as the vocabularies above are (case-insensitive,
// '_' and ' ' read as '-'). An unknown name is InvalidArgument: "unknown WHAT 'text' (did you
// mean …?); expected one of: …". Every Parse* of a fixed set of choices goes through it.
Result<size_t> MatchName(std::string_view what, std::string_view text,
                         const std::vector<std::string_view>& names);

// An enum from its name: `names[i]` is the name of the value i (the enum's values numbered from
// 0 in order), matched by MatchName.
template <typename Enum, size_t N>
Result<Enum> ParseChoice(std::string_view what, std::string_view text,
                         const std::string_view (&names)[N]) {
  auto i = MatchName(what, text, std::vector<std::string_view>(names, names + N));
  if (!i.ok()) return i.status();
  return static_cast<Enum>(*i);
}

// The closest of `candidates` to `word` by edit distance, if close enough to be a likely typo.
std::optional<std::string> DidYouMean(std::string_view word,
                                      const std::vector<std::string_view>& candidates);

}  // namespace tiegraph

#endif  // TIEGRAPH_VOCABULARY_H_
