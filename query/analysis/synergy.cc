// Triple- and quadruple-helix synergy over events (Leydesdorff 2003; Leydesdorff, Park &
// Lengyel 2014).
#include <tiegraph/synergy.h>
#include <tiegraph/vocabulary.h>

#include <bit>
#include <cmath>
#include <map>
#include <unordered_map>

namespace tiegraph {
namespace {

std::string MaskName(const std::vector<Helix>& helices, uint32_t mask) {
  std::string name;
  for (size_t d = 0; d < helices.size(); ++d) {
    if (mask & (1u << d)) name += helices[d].name;
  }
  return name;
}

}  // namespace

std::vector<Helix> DefaultHelices() {
  return {{"U", {Sector::kAcademia}},
          {"I", {Sector::kIndustry}},
          {"G", {Sector::kGovernment, Sector::kPublicAgency}}};
}

Result<std::vector<Helix>> ParseHelices(std::string_view text) {
  std::vector<Helix> helices;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(start, end - start);
    start = end + 1;
    if (part.empty()) continue;
    const size_t eq = part.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return Status::InvalidArgument("helices: expected NAME=SECTOR[,SECTOR…] in '" +
                                     std::string(part) + "'");
    }
    Helix h{std::string(part.substr(0, eq)), {}};
    std::string_view list = part.substr(eq + 1);
    size_t s = 0;
    while (s <= list.size()) {
      size_t e = list.find(',', s);
      if (e == std::string_view::npos) e = list.size();
      auto sector = ParseSector(list.substr(s, e - s));
      if (!sector.ok()) return Status::InvalidArgument("helices: " + sector.status().message());
      h.sectors.push_back(*sector);
      s = e + 1;
    }
    helices.push_back(std::move(h));
  }
  SynergyRequest checked;
  checked.helices = helices;
  TIEGRAPH_RETURN_IF_ERROR(checked.Validate());
  return helices;
}

Status SynergyRequest::Validate() const {
  if (helices.size() < 2 || helices.size() > 5)
    return Status::InvalidArgument("helices: give 2 to 5 helices, not " +
                                   std::to_string(helices.size()));
  for (size_t i = 0; i < helices.size(); ++i) {
    if (helices[i].sectors.empty())
      return Status::InvalidArgument("helices: helix '" + helices[i].name + "' has no sector");
    for (size_t j = 0; j < i; ++j) {
      if (helices[j].name == helices[i].name)
        return Status::InvalidArgument("helices: helix '" + helices[i].name + "' is named twice");
    }
  }
  return Status::OK();
}

Result<std::vector<Table>> SynergyTables(const Snapshot& snap, const SynergyRequest& r) {
  TIEGRAPH_RETURN_IF_ERROR(r.Validate());
  const size_t dims = r.helices.size();
  std::map<std::string, uint32_t> helix_bits;  // institution key -> the helices it belongs to
  auto bits_of = [&](const std::string& key) -> Result<uint32_t> {
    if (auto it = helix_bits.find(key); it != helix_bits.end()) return it->second;
    auto in = snap.GetInstitution(key);
    if (!in.ok()) return in.status();
    uint32_t bits = 0;
    for (size_t d = 0; d < dims; ++d) {
      for (Sector s : r.helices[d].sectors) {
        bool member = in->sector == s;
        for (Sector o : in->other_sectors) member = member || o == s;
        if (member) bits |= 1u << d;
      }
    }
    helix_bits.emplace(key, bits);
    return bits;
  };
  std::vector<uint32_t> patterns;
  Status bad;
  const bool windowed = r.from.known() || r.to.known();
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachEvent([&](const Event& ev) {
    if (ev.participants.empty()) return true;
    if (windowed && (!ev.date.known() || (r.from.known() && EndsBeforeStart(r.from, ev.date)) ||
                     (r.to.known() && EndsBeforeStart(ev.date, r.to)))) {
      return true;  // outside the window
    }
    uint32_t pattern = 0;
    bool any = false;
    for (const auto& p : ev.participants) {
      if (r.in_scope && !r.in_scope(p.institution)) continue;
      any = true;
      auto bits = bits_of(p.institution);
      if (!bits.ok()) {
        bad = bits.status();
        return false;
      }
      pattern |= *bits;
    }
    if (any) patterns.push_back(pattern);
    return true;
  }));
  TIEGRAPH_RETURN_IF_ERROR(bad);
  size_t joined3 = 0;
  for (uint32_t p : patterns) joined3 += std::popcount(p) >= 3;

  using enum ColumnType;
  Table summary{"helix_synergy",
                "helix synergy",
                {{"events", kInt},
                 {"helices", kString},
                 {"joining_3_or_more", kInt},
                 {"share_3_or_more", kReal}}};
  summary.note = "Events are the units; a helix is present when a participant belongs to it.";
  std::string names;
  for (const auto& h : r.helices) {
    names += (names.empty() ? "" : ", ") + h.name + "=";
    for (size_t i = 0; i < h.sectors.size(); ++i)
      names += (i ? "+" : "") + std::string(SectorName(h.sectors[i]));
  }
  summary.AddRow({static_cast<int64_t>(patterns.size()), names, static_cast<int64_t>(joined3),
                  patterns.empty()
                      ? Cell()
                      : Cell(static_cast<double>(joined3) / static_cast<double>(patterns.size()))});
  Table t{"mutual_information",
          "mutual information",
          {{"helices", kString}, {"dimensions", kInt}, {"t_bits", kReal}}};
  t.note =
      "T in bits: for three helices a negative T is synergy (less uncertainty than the parts); "
      "the sign alternates with the number of helices.";
  for (uint32_t mask = 1; mask < (1u << dims); ++mask) {
    if (std::popcount(mask) < 2) continue;
    t.AddRow({MaskName(r.helices, mask), static_cast<int64_t>(std::popcount(mask)),
              patterns.empty() ? Cell() : Cell(HelixMutualInformationOver(patterns, mask))});
  }
  return std::vector<Table>{std::move(summary), std::move(t)};
}

}  // namespace tiegraph
