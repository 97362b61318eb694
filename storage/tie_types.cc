#include <tiegraph/text.h>
#include <tiegraph/tie_types.h>

#include <array>

namespace tiegraph {
namespace {

struct BuiltInType {
  std::string_view type;
  std::vector<std::string_view> aliases;
};

// The defaults of docs/DATA_MODEL.md, "Tie types". Korean aliases are the words the cluster
// news uses for each kind of agreement.
const std::vector<BuiltInType>& Types() {
  static const std::vector<BuiltInType> kTypes = {
      {"mou", {"memorandum of understanding", "업무협약", "업무 협약", "양해각서", "mou signing"}},
      {"investment_intent",
       {"investment intention agreement", "investment intention", "투자의향", "투자의향서",
        "투자협약", "투자 협약"}},
      {"investment", {"투자"}},
      {"joint_research", {"collaborative research", "co-research", "공동연구", "공동 연구"}},
      {"planned_cooperation", {"cooperation plan", "협력 계획"}},
      {"visit_meeting", {"visit", "meeting", "방문", "간담회"}},
      {"tenancy", {"tenancy colocation", "colocation", "입주"}},
      {"membership", {"council membership", "member", "회원"}},
      {"funding", {"grant", "재정지원", "지원금"}},
      {"hosting", {"유치"}},
      {"commissioned_study", {"연구용역", "용역"}},
      {"establishment", {"설립"}},
      {"designation", {"지정"}},
      {"approval", {"승인", "인가"}},
      {"part_of", {"소속"}},
  };
  return kTypes;
}

bool IsSeparator(char c) { return c == ' ' || c == '-' || c == '_' || c == '/'; }

}  // namespace

std::string TieTypeKey(std::string_view text) {
  std::string norm;
  if (!NormalizeName(text, &norm)) norm = std::string(text);  // invalid UTF-8: checked apart
  std::string out;
  bool pending = false;  // a separator run waits for the next character
  for (char c : norm) {
    if (c == '.') continue;
    if (IsSeparator(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back('_');
    pending = false;
    out.push_back(c);
  }
  return out;
}

TieTypeVocabulary TieTypeVocabulary::BuiltIn() {
  TieTypeVocabulary v;
  for (const auto& t : Types()) {
    v.by_key_[TieTypeKey(t.type)] = std::string(t.type);
    v.built_in_type_[TieTypeKey(t.type)] = true;
    for (auto a : t.aliases) v.by_key_.emplace(TieTypeKey(a), std::string(t.type));
  }
  return v;
}

std::string TieTypeVocabulary::AddAlias(std::string_view alias, std::string_view type) {
  const std::string key = TieTypeKey(alias);
  if (key.empty()) return "an alias needs a letter or digit";
  if (TieTypeKey(type).empty()) return "a type needs a letter or digit";
  if (built_in_type_.count(key))
    return "'" + std::string(alias) + "' is the type " + by_key_[key] + " itself";
  const std::string canonical = Canonical(type);
  if (TieTypeKey(canonical) == key)
    return "'" + std::string(alias) + "' already means " + canonical;
  by_key_[key] = canonical;
  user_.emplace_back(std::string(alias), canonical);
  return "";
}

void TieTypeVocabulary::AddStored(std::string_view type) {
  by_key_.emplace(TieTypeKey(type), std::string(type));
}

std::string TieTypeVocabulary::Canonical(std::string_view text) const {
  auto it = by_key_.find(TieTypeKey(text));
  return it == by_key_.end() ? std::string(text) : it->second;
}

std::string TieTypeVocabulary::Learn(std::string_view text) {
  std::string key = TieTypeKey(text);
  auto it = by_key_.find(key);
  if (it != by_key_.end()) return it->second;
  by_key_.emplace(std::move(key), std::string(text));
  return std::string(text);
}

std::vector<std::pair<std::string, std::vector<std::string>>> TieTypeVocabulary::BuiltInTypes()
    const {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& t : Types()) {
    std::vector<std::string> aliases(t.aliases.begin(), t.aliases.end());
    for (const auto& [alias, type] : user_) {
      if (type == t.type) aliases.push_back(alias);
    }
    out.emplace_back(std::string(t.type), std::move(aliases));
  }
  return out;
}

}  // namespace tiegraph
