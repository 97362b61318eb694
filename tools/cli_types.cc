// types: the tie-type vocabulary (tiegraph/tie_types.h): the types with their ties and aliases,
// a new alias, and canonical spellings for a database written before the vocabulary.
#include <iostream>
#include <map>

#include "cli_commands.h"

namespace tiegraph::cli {
namespace {

Result<std::vector<Table>> TypesTable(const Snapshot& snap) {
  auto vocabulary = snap.GetTieTypeVocabulary();
  if (!vocabulary.ok()) return vocabulary.status();
  std::map<std::string, int64_t> ties;                      // canonical type -> ties
  std::map<std::string, std::vector<std::string>> spelled;  // other stored spellings
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachTieSummary([&](const TieSummary& t) {
    ++ties[std::string(t.type)];
    return true;
  }));
  std::map<std::string, int64_t> by_type;
  for (const auto& [type, n] : ties) {
    const std::string c = vocabulary->Canonical(type);
    by_type[c] += n;
    if (c != type) spelled[c].push_back(type);
  }
  using enum ColumnType;
  Table t{"tie_types",
          "tie types",
          {{"type", kString}, {"ties", kInt}, {"aliases", kString}, {"stored_as", kString}}};
  t.note = "aliases and other spellings name the same type everywhere (filters, imports, set)";
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? " | " : "") + v[i];
    return out;
  };
  std::map<std::string, std::vector<std::string>> aliases;
  for (const auto& [type, list] : vocabulary->BuiltInTypes()) aliases[type] = list;
  for (const auto& [alias, type] : vocabulary->user_aliases()) {
    if (!aliases.count(type) ||
        std::find(aliases[type].begin(), aliases[type].end(), alias) == aliases[type].end())
      aliases[type].push_back(alias);
  }
  for (const auto& [type, list] : aliases) by_type.emplace(type, 0);
  for (const auto& [type, n] : by_type)
    t.AddRow({type, n, join(aliases[type]), join(spelled[type])});
  return std::vector<Table>{std::move(t)};
}

}  // namespace

void RegisterTypeCommands(CLI::App& app, Context& ctx, int* exit_code) {
  auto* types = app.add_subcommand(
      "types", "Tie types: the vocabulary with its aliases, and how many ties each has");
  types->require_subcommand(0, 1);
  types->callback([&ctx, exit_code, types]() {
    if (!types->get_subcommands().empty()) return;
    std::unique_ptr<Store> store;
    if (!ctx.Open(Access::kRead, &store, exit_code)) return;
    auto tables = TypesTable(*store->Read());
    if (!tables.ok()) {
      *exit_code = ctx.Fail(tables.status());
      return;
    }
    if (Status s = ctx.Print(*tables); !s.ok()) *exit_code = ctx.Fail(s);
  });

  auto alias = std::make_shared<std::pair<std::string, std::string>>();
  auto* add = types->add_subcommand(
      "alias", "Make a spelling mean a type; stored ties of that spelling take the type");
  add->add_option("alias", alias->first, "The other spelling, e.g. 업무협약")->required();
  add->add_option("type", alias->second, "The type it means, e.g. mou")->required();
  add->callback([&ctx, exit_code, alias]() {
    auto id = ctx.Transact(
        "types alias",
        [&](Transaction& txn) { return txn.AliasTieType(alias->first, alias->second); }, exit_code);
    if (id) std::cout << "'" << alias->first << "' now means " << alias->second << "\n";
  });

  auto* canon = types->add_subcommand(
      "canonicalize", "Give every stored tie its type's canonical spelling (older databases)");
  canon->callback([&ctx, exit_code]() {
    auto id = ctx.Transact(
        "types canonicalize", [](Transaction& txn) { return txn.CanonicalizeTieTypes(); },
        exit_code);
    if (id)
      std::cout << (*id ? "respelled, commit " + std::to_string(*id) : "already canonical") << "\n";
  });
}

}  // namespace tiegraph::cli
