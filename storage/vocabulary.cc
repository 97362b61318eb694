#include <tiegraph/vocabulary.h>

#include <tiegraph/text.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

namespace tiegraph {
namespace {

constexpr std::array<std::string_view, kSectorCount> kSectorNames = {
    "",         "industry",   "academia",      "research",
    "hospital", "government", "public-agency", "support-org"};
constexpr std::array<std::string_view, 3> kStatusNames = {"realized", "planned", "proposed"};
constexpr std::array<std::string_view, 3> kConfidenceNames = {"stated", "implied", "derived"};

// Lower case, '_' and ' ' read as '-', so "Public_Agency" matches "public-agency".
std::string Canonical(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '_' || c == ' ') c = '-';
  }
  return out;
}

template <typename Enum, size_t N>
Result<Enum> ParseName(std::string_view text, const std::array<std::string_view, N>& names,
                       size_t first, const char* what) {
  // The common, exact spelling without building the list: imports parse a value per row.
  for (size_t i = first; i < N; ++i) {
    if (text == names[i]) return static_cast<Enum>(i);
  }
  auto i = MatchName(what, text, std::vector<std::string_view>(names.begin() + first, names.end()));
  if (!i.ok()) return i.status();
  return static_cast<Enum>(*i + first);
}

bool ParseInt(std::string_view text, int* out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && p == text.data() + text.size();
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// The (year, month, day) triple of the first day a date can mean.
std::array<int, 3> FirstDay(const Date& d) {
  return {d.year, d.precision >= Date::Precision::kMonth ? d.month : 1,
          d.precision == Date::Precision::kDay ? d.day : 1};
}
// ...and of the last day.
std::array<int, 3> LastDay(const Date& d) {
  int m = d.precision >= Date::Precision::kMonth ? d.month : 12;
  int day = d.precision == Date::Precision::kDay ? d.day : DaysInMonth(d.year, m);
  return {d.year, m, day};
}

}  // namespace

std::string_view SectorName(Sector s) { return kSectorNames[static_cast<size_t>(s)]; }
std::string SectorLabel(Sector s) {
  return s == Sector::kNone ? std::string("none") : std::string(SectorName(s));
}
namespace {
constexpr std::string_view kSectorNodeLabels[kSectorCount] = {
    "", "Industry", "Academia", "Research", "Hospital", "Government", "PublicAgency", "SupportOrg"};
}  // namespace

std::string_view SectorNodeLabel(Sector s) { return kSectorNodeLabels[static_cast<size_t>(s)]; }
std::optional<Sector> SectorOfNodeLabel(std::string_view label) {
  if (label.empty()) return std::nullopt;
  const auto* it = std::find(std::begin(kSectorNodeLabels), std::end(kSectorNodeLabels), label);
  if (it == std::end(kSectorNodeLabels)) return std::nullopt;
  return static_cast<Sector>(it - std::begin(kSectorNodeLabels));
}
bool IsSectorNodeLabel(std::string_view label) { return SectorOfNodeLabel(label).has_value(); }

Result<Sector> ParseSector(std::string_view text) {
  if (text.empty()) return Sector::kNone;
  return ParseName<Sector>(text, kSectorNames, 1, "sector");
}

const char* RecordKindName(RecordKind kind, bool plural) {
  switch (kind) {
    case RecordKind::kInstitution:
      return plural ? "institutions" : "institution";
    case RecordKind::kEvent:
      return plural ? "events" : "event";
    case RecordKind::kTie:
      break;
  }
  return plural ? "ties" : "tie";
}

std::string_view TieStatusName(TieStatus s) { return kStatusNames[static_cast<size_t>(s)]; }
Result<TieStatus> ParseTieStatus(std::string_view text) {
  return ParseName<TieStatus>(text, kStatusNames, 0, "status");
}

std::string_view ConfidenceName(Confidence c) { return kConfidenceNames[static_cast<size_t>(c)]; }
Result<Confidence> ParseConfidence(std::string_view text) {
  return ParseName<Confidence>(text, kConfidenceNames, 0, "confidence");
}

Result<Date> ParseDate(std::string_view text) {
  Date d;
  if (text.empty()) return d;
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("invalid date '" + std::string(text) + "': " + why +
                                   " (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  };
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t dash = text.find('-', start);
    parts.push_back(text.substr(start, dash == std::string_view::npos ? dash : dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  if (parts.size() > 3) return bad("too many parts");
  int year = 0, month = 0, day = 0;
  if (parts[0].size() != 4 || !ParseInt(parts[0], &year)) return bad("year is not 4 digits");
  d.year = year;
  d.precision = Date::Precision::kYear;
  if (parts.size() >= 2) {
    if (parts[1].size() != 2 || !ParseInt(parts[1], &month)) return bad("month is not 2 digits");
    if (month < 1 || month > 12) return bad("month out of range");
    d.month = static_cast<uint8_t>(month);
    d.precision = Date::Precision::kMonth;
  }
  if (parts.size() == 3) {
    if (parts[2].size() != 2 || !ParseInt(parts[2], &day)) return bad("day is not 2 digits");
    if (day < 1 || day > DaysInMonth(year, month)) return bad("no such day in that month");
    d.day = static_cast<uint8_t>(day);
    d.precision = Date::Precision::kDay;
  }
  return d;
}

std::string FormatDate(const Date& d) {
  if (!d.known()) return "";
  char buf[16];
  int n = 0;
  switch (d.precision) {
    case Date::Precision::kYear:
      n = std::snprintf(buf, sizeof buf, "%04d", d.year);
      break;
    case Date::Precision::kMonth:
      n = std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
      break;
    default:
      n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return std::string(buf, static_cast<size_t>(n));
}

int CompareDateStart(const Date& a, const Date& b) {
  auto x = FirstDay(a), y = FirstDay(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}

bool EndsBeforeStart(const Date& since, const Date& until) {
  if (!since.known() || !until.known()) return false;
  return LastDay(until) < FirstDay(since);
}

Result<size_t> MatchName(std::string_view what, std::string_view text,
                         const std::vector<std::string_view>& names) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (text == names[i]) return i;  // the common, exact spelling
  }
  const std::string canon = Canonical(text);
  for (size_t i = 0; i < names.size(); ++i) {
    if (canon == names[i]) return i;
  }
  std::string msg = "unknown " + std::string(what) + " '" + std::string(text) + "'";
  if (auto guess = DidYouMean(canon, names)) msg += " (did you mean '" + *guess + "'?)";
  msg += "; expected one of:";
  for (auto c : names) msg += " " + std::string(c);
  return Status::InvalidArgument(msg);
}

std::optional<std::string> DidYouMean(std::string_view word,
                                      const std::vector<std::string_view>& candidates) {
  size_t best = SIZE_MAX;
  std::string_view best_word;
  for (auto c : candidates) {
    size_t d = EditDistance(word, c);
    if (c.size() >= word.size() && c.substr(0, word.size()) == word && !word.empty()) d = 1;
    if (d < best) best = d, best_word = c;
  }
  // A typo is at most a third of the word (at least two edits for short words).
  if (best_word.empty() || best > std::max<size_t>(2, word.size() / 3)) return std::nullopt;
  return std::string(best_word);
}

}  // namespace tiegraph
