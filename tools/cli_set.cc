// set institution KEY …, set tie KEY …: change the given fields of one record, in one
// transaction; fields not given keep their values.
#include <iostream>
#include <optional>

#include <tiegraph/transaction.h>

#include "cli_commands.h"

namespace tiegraph::cli {
namespace {

// Each option's text, present only when given.
using Given = std::optional<std::string>;

// Parses a given value into *out; the error names the option.
template <typename T>
Status Apply(const Given& text, Result<T> (*parse)(std::string_view), const char* option, T* out) {
  if (!text) return Status::OK();
  auto v = parse(*text);
  if (!v.ok()) return v.status().WithContext(option);
  *out = *v;
  return Status::OK();
}

// Commits fn's change to the record in a transaction, printing what changed.
void Change(const Context& ctx, int* exit_code, const std::string& what,
            const std::function<Status(Transaction&)>& fn) {
  auto id = ctx.Transact("set", fn, exit_code);
  if (!id) return;
  if (*id == 0) {
    std::cout << what << " is unchanged\n";
  } else {
    std::cout << "changed " << what << " (commit " << *id << ")\n";
  }
}

}  // namespace

void RegisterSetCommands(CLI::App& app, Context& ctx, int* exit_code) {
  auto* set = app.add_subcommand("set", "Change fields of an institution, a tie or an event");
  set->require_subcommand(1);

  struct InstitutionArgs {
    std::string key;
    Given name, sector, kind, region, parent, foreign;
    std::vector<std::string> add_alias, remove_alias;
  };
  auto ia = std::make_shared<InstitutionArgs>();
  auto* inst = set->add_subcommand("institution", "Change an institution's fields");
  inst->add_option("key", ia->key, "The institution's key")->required();
  inst->add_option("--name", ia->name, "Display name");
  inst->add_option("--sector", ia->sector, "Primary sector");
  inst->add_option("--kind", ia->kind, "organization, facility, council, place, group…");
  inst->add_option("--region", ia->region, "Country/province/city, e.g. KR/Gyeonggi/Goyang");
  inst->add_option("--parent", ia->parent, "Key of the institution this one is part of ('' none)");
  inst->add_option("--foreign", ia->foreign, "true or false");
  inst->add_option("--add-alias", ia->add_alias, "Another name (repeatable)");
  inst->add_option("--remove-alias", ia->remove_alias, "Drop this alias (repeatable)");
  inst->callback([&ctx, exit_code, ia]() {
    Change(ctx, exit_code, "institution " + ia->key, [&](Transaction& txn) -> Status {
      auto in = txn.GetInstitution(ia->key);
      if (!in.ok()) return in.status();
      if (ia->name) in->name = *ia->name;
      TIEGRAPH_RETURN_IF_ERROR(Apply(ia->sector, &ParseSector, "--sector", &in->sector));
      if (ia->kind) in->kind = *ia->kind;
      if (ia->region) {
        in->region.clear();
        for (size_t start = 0; start < ia->region->size();) {
          size_t slash = ia->region->find('/', start);
          if (slash == std::string::npos) slash = ia->region->size();
          if (slash > start) in->region.push_back(ia->region->substr(start, slash - start));
          start = slash + 1;
        }
      }
      if (ia->parent) in->parent = *ia->parent;
      if (ia->foreign) {
        auto yes = MatchName("--foreign", *ia->foreign, {"false", "true"});
        if (!yes.ok()) return yes.status();
        in->foreign = *yes == 1;
      }
      for (const auto& a : ia->remove_alias) {
        auto it = std::find(in->aliases.begin(), in->aliases.end(), a);
        if (it == in->aliases.end())
          return Status::InvalidArgument("--remove-alias: '" + a + "' is not an alias of " +
                                         ia->key);
        in->aliases.erase(it);
      }
      for (const auto& a : ia->add_alias) {
        if (std::find(in->aliases.begin(), in->aliases.end(), a) == in->aliases.end())
          in->aliases.push_back(a);
      }
      return txn.PutInstitution(*in);
    });
  });

  struct TieArgs {
    std::string key;
    Given type, strength, status, confidence, since, until, role, event, directed;
  };
  auto ta = std::make_shared<TieArgs>();
  auto* tie = set->add_subcommand("tie", "Change a tie's fields");
  tie->add_option("key", ta->key, "The tie's key")->required();
  tie->add_option("--type", ta->type, "mou, joint_research, investment_intent, tenancy…");
  tie->add_option("--strength", ta->strength, "A strength >= 0");
  tie->add_option("--status", ta->status, "realized, planned or proposed");
  tie->add_option("--confidence", ta->confidence, "stated, implied or derived");
  tie->add_option("--since", ta->since, "Start: YYYY, YYYY-MM or YYYY-MM-DD ('' unknown)");
  tie->add_option("--until", ta->until, "End: YYYY, YYYY-MM or YYYY-MM-DD ('' open)");
  tie->add_option("--role", ta->role, "The source's role");
  tie->add_option("--event", ta->event, "Key of the event the tie belongs to ('' none)");
  tie->add_option("--directed", ta->directed, "true or false");
  tie->callback([&ctx, exit_code, ta]() {
    Change(ctx, exit_code, "tie " + ta->key, [&](Transaction& txn) -> Status {
      auto t = txn.GetTie(ta->key);
      if (!t.ok()) return t.status();
      if (ta->type) t->type = *ta->type;
      if (ta->strength) {
        try {
          size_t used = 0;
          t->strength = std::stod(*ta->strength, &used);
          if (used != ta->strength->size()) throw std::invalid_argument("trailing");
        } catch (const std::exception&) {
          return Status::InvalidArgument("--strength: expected a number, not '" + *ta->strength +
                                         "'");
        }
      }
      TIEGRAPH_RETURN_IF_ERROR(Apply(ta->status, &ParseTieStatus, "--status", &t->status));
      TIEGRAPH_RETURN_IF_ERROR(
          Apply(ta->confidence, &ParseConfidence, "--confidence", &t->confidence));
      TIEGRAPH_RETURN_IF_ERROR(Apply(ta->since, &ParseDate, "--since", &t->since));
      TIEGRAPH_RETURN_IF_ERROR(Apply(ta->until, &ParseDate, "--until", &t->until));
      if (ta->role) t->role = *ta->role;
      if (ta->event) t->event = *ta->event;
      if (ta->directed) {
        auto yes = MatchName("--directed", *ta->directed, {"false", "true"});
        if (!yes.ok()) return yes.status();
        t->directed = *yes == 1;
      }
      return txn.PutTie(*t);
    });
  });

  struct EventArgs {
    std::string key;
    Given name, type, date;
    std::vector<std::string> add_participant, remove_participant;
  };
  auto ea = std::make_shared<EventArgs>();
  auto* event = set->add_subcommand("event", "Change an event's fields and participants");
  event->add_option("key", ea->key, "The event's key")->required();
  event->add_option("--name", ea->name, "Name");
  event->add_option("--type", ea->type, "council, joint-project, meeting…");
  event->add_option("--date", ea->date, "YYYY, YYYY-MM or YYYY-MM-DD ('' unknown)");
  event->add_option("--add-participant", ea->add_participant,
                    "KEY or KEY=ROLE: an institution that takes part (repeatable)");
  event->add_option("--remove-participant", ea->remove_participant,
                    "KEY: an institution that no longer takes part (repeatable)");
  event->callback([&ctx, exit_code, ea]() {
    Change(ctx, exit_code, "event " + ea->key, [&](Transaction& txn) -> Status {
      auto ev = txn.GetEvent(ea->key);
      if (!ev.ok()) return ev.status();
      if (ea->name) ev->name = *ea->name;
      if (ea->type) ev->type = *ea->type;
      TIEGRAPH_RETURN_IF_ERROR(Apply(ea->date, &ParseDate, "--date", &ev->date));
      for (const auto& key : ea->remove_participant) {
        const size_t before = ev->participants.size();
        std::erase_if(ev->participants, [&](const Participant& p) { return p.institution == key; });
        if (ev->participants.size() == before)
          return Status::InvalidArgument("--remove-participant: " + key +
                                         " does not take part in " + ea->key);
      }
      for (const auto& text : ea->add_participant) {
        const size_t eq = text.find('=');
        Participant p{text.substr(0, eq), eq == std::string::npos ? "" : text.substr(eq + 1)};
        if (!txn.GetInstitution(p.institution).ok())
          return Status::InvalidArgument("--add-participant: no institution with key '" +
                                         p.institution + "'");
        std::erase_if(ev->participants,
                      [&](const Participant& q) { return q.institution == p.institution; });
        ev->participants.push_back(std::move(p));
      }
      return txn.PutEvent(*ev);
    });
  });
}

}  // namespace tiegraph::cli
