// The tie-type vocabulary: one canonical spelling per type, and the other spellings that mean
// it. Two spellings that differ only in case, full-width forms, dots, spaces, hyphens,
// underscores or slashes are always one type ("MOU", "M.O.U.", "mou"); aliases join others
// ("업무협약" is `mou`). Canonical types are lower snake_case, so each is a plain identifier in
// a query (`[:joint_research]`). A type outside the vocabulary is stored as first given, and
// later spellings of it take that one. See docs/DATA_MODEL.md, "Tie types".
#ifndef TIEGRAPH_TIE_TYPES_H_
#define TIEGRAPH_TIE_TYPES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tiegraph {

// The form that decides whether two spellings are one type: Unicode NFKC and case folding,
// dots dropped, each run of spaces, hyphens, underscores and slashes one '_', none at the
// ends. "M.O.U." -> "mou", "Joint-Research" -> "joint_research".
std::string TieTypeKey(std::string_view text);

class TieTypeVocabulary {
 public:
  // The built-in types and their aliases (docs/DATA_MODEL.md).
  static TieTypeVocabulary BuiltIn();

  // A user's alias: `alias` (any spelling) means `type`. InvalidArgument-style message when it
  // cannot be (an empty spelling, or a built-in type's own spelling); empty when added.
  std::string AddAlias(std::string_view alias, std::string_view type);
  // A type as stored: later spellings of it take this one, unless the vocabulary has it.
  void AddStored(std::string_view type);

  // The canonical spelling of `text`: the vocabulary's type, else a stored type's spelling,
  // else `text` itself.
  std::string Canonical(std::string_view text) const;
  // Canonical, remembering a new type's spelling for the ones that follow (one import).
  std::string Learn(std::string_view text);

  // The canonical built-in types, in their documented order, each with its aliases.
  std::vector<std::pair<std::string, std::vector<std::string>>> BuiltInTypes() const;
  // The user's aliases, as added: (alias, type).
  const std::vector<std::pair<std::string, std::string>>& user_aliases() const { return user_; }

 private:
  std::unordered_map<std::string, std::string> by_key_;  // key -> canonical spelling
  std::unordered_map<std::string, bool> built_in_type_;  // keys of built-in canonical types
  std::vector<std::pair<std::string, std::string>> user_;
};

}  // namespace tiegraph

#endif  // TIEGRAPH_TIE_TYPES_H_
