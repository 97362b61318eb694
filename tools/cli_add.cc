// add institution, add tie, add event: single records, validated like an import.
#include <iostream>

#include "cli_commands.h"

namespace tiegraph::cli {
namespace {

// Parses a vocabulary value given on the command line; on error prints it and returns false.
template <typename T>
bool Parse(const Context& ctx, Result<T> r, const char* option, T* out, int* exit_code) {
  if (!r.ok()) {
    *exit_code =
        ctx.Fail(Status::InvalidArgument(std::string(option) + ": " + r.status().message()));
    return false;
  }
  *out = *r;
  return true;
}

void WriteOne(const Context& ctx, const Dataset& data, const std::string& what, bool create,
              int* exit_code) {
  std::unique_ptr<Store> store;
  if (!ctx.Open(create ? Access::kCreate : Access::kWrite, &store, exit_code)) return;
  ImportOptions options;  // one record is held to the rules of an imported one
  options.write.locate = [&what](RecordKind, size_t) { return what; };
  options.write.commit = ctx.Commit("add");
  Status s = ImportRecords(store.get(), data, options);
  if (!s.ok()) {
    *exit_code = ctx.Fail(s);
    return;
  }
  std::cout << "added " << what << "\n";
}

}  // namespace

void RegisterAddCommands(CLI::App& app, Context& ctx, int* exit_code) {
  auto* add = app.add_subcommand("add", "Add one institution or tie");
  add->require_subcommand(1);

  struct InstitutionArgs {
    Institution in;
    std::string sector, region;
    std::vector<std::string> other_sectors;
    bool create = false;
  };
  auto ia = std::make_shared<InstitutionArgs>();
  auto* inst = add->add_subcommand("institution", "Add an institution");
  inst->add_option("key", ia->in.key, "Stable key, e.g. ktl")->required();
  inst->add_option("--name", ia->in.name, "Display name")->required();
  inst->add_option("--alias", ia->in.aliases, "Another name (repeatable)");
  inst->add_option(
      "--sector", ia->sector,
      "industry, academia, research, hospital, government, public-agency, support-org");
  inst->add_option("--other-sector", ia->other_sectors, "A further sector (repeatable)");
  inst->add_option("--kind", ia->in.kind, "organization, facility, council, place, group…");
  inst->add_option("--region", ia->region, "Country/province/city, e.g. KR/Gyeonggi/Goyang");
  inst->add_option("--parent", ia->in.parent, "Key of the institution this one is part of");
  inst->add_flag("--foreign", ia->in.foreign, "A foreign institution");
  inst->add_flag("--create", ia->create, "Create the database if there is none at --db");
  inst->callback([&ctx, exit_code, ia]() {
    Institution in = ia->in;
    if (!Parse(ctx, ParseSector(ia->sector), "--sector", &in.sector, exit_code)) return;
    for (const auto& s : ia->other_sectors) {
      Sector other;
      if (!Parse(ctx, ParseSector(s), "--other-sector", &other, exit_code)) return;
      in.other_sectors.push_back(other);
    }
    size_t start = 0;
    while (start < ia->region.size()) {
      size_t slash = ia->region.find('/', start);
      if (slash == std::string::npos) slash = ia->region.size();
      if (slash > start) in.region.push_back(ia->region.substr(start, slash - start));
      start = slash + 1;
    }
    WriteOne(ctx, Dataset{{in}, {}, {}}, "institution " + in.key, ia->create, exit_code);
  });

  struct TieArgs {
    Tie tie;
    std::string status = "realized", confidence = "stated", since, until;
    std::string evidence_source, evidence_quote, evidence_url;
  };
  auto ta = std::make_shared<TieArgs>();
  auto* tie = add->add_subcommand("tie", "Add a tie between two institutions (keys or names)");
  tie->add_option("source", ta->tie.source, "Source institution")->required();
  tie->add_option("target", ta->tie.target, "Target institution")->required();
  tie->add_option("--key", ta->tie.key, "Stable key (assigned when omitted)");
  tie->add_option("--type", ta->tie.type, "mou, joint_research, investment_intent, tenancy…");
  tie->add_flag("--directed", ta->tie.directed, "Source -> target, as the type reads");
  tie->add_option("--strength", ta->tie.strength, "A strength >= 0 (default 1)");
  tie->add_option("--status", ta->status, "realized, planned or proposed");
  tie->add_option("--confidence", ta->confidence, "stated, implied or derived");
  tie->add_option("--since", ta->since, "Start: YYYY, YYYY-MM or YYYY-MM-DD");
  tie->add_option("--until", ta->until, "End: YYYY, YYYY-MM or YYYY-MM-DD");
  tie->add_option("--event", ta->tie.event, "Key of the event the tie belongs to");
  tie->add_option("--role", ta->tie.role, "The source's role");
  tie->add_option("--evidence-source", ta->evidence_source, "Document the tie is stated in");
  tie->add_option("--evidence-quote", ta->evidence_quote, "The sentence that states it");
  tie->add_option("--evidence-url", ta->evidence_url, "Where the document is");
  tie->callback([&ctx, exit_code, ta]() {
    Tie t = ta->tie;
    if (!Parse(ctx, ParseTieStatus(ta->status), "--status", &t.status, exit_code) ||
        !Parse(ctx, ParseConfidence(ta->confidence), "--confidence", &t.confidence, exit_code) ||
        !Parse(ctx, ParseDate(ta->since), "--since", &t.since, exit_code) ||
        !Parse(ctx, ParseDate(ta->until), "--until", &t.until, exit_code)) {
      return;
    }
    if (!ta->evidence_source.empty() || !ta->evidence_quote.empty() || !ta->evidence_url.empty()) {
      t.evidence.push_back({ta->evidence_source, ta->evidence_quote, ta->evidence_url});
    }
    // Endpoints may be given by name or alias; they are stored by key.
    {
      std::unique_ptr<Store> store;
      if (!ctx.Open(Access::kRead, &store, exit_code)) return;
      auto snap = store->Read();
      for (std::string* end : {&t.source, &t.target}) {
        auto key = ResolveInstitution(*snap, *end);
        if (!key.ok()) {
          *exit_code = ctx.Fail(key.status());
          return;
        }
        *end = *key;
      }
    }
    WriteOne(ctx, Dataset{{}, {}, {t}}, "tie " + t.source + " " + t.type + " " + t.target, false,
             exit_code);
  });

  struct EventArgs {
    Event ev;
    std::string date;
    std::vector<std::string> participants;  // NAME or NAME=ROLE
  };
  auto ea = std::make_shared<EventArgs>();
  auto* event = add->add_subcommand("event", "Add an event (council, joint project, meeting)");
  event->add_option("key", ea->ev.key, "Stable key")->required();
  event->add_option("--name", ea->ev.name, "What it was");
  event->add_option("--type", ea->ev.type, "council, joint-project, meeting…");
  event->add_option("--date", ea->date, "YYYY, YYYY-MM or YYYY-MM-DD");
  event->add_option("--participant", ea->participants,
                    "An institution (key, name or alias), optionally NAME=ROLE (repeatable)");
  event->callback([&ctx, exit_code, ea]() {
    Event ev = ea->ev;
    if (!Parse(ctx, ParseDate(ea->date), "--date", &ev.date, exit_code)) return;
    {
      std::unique_ptr<Store> store;
      if (!ctx.Open(Access::kRead, &store, exit_code)) return;
      auto snap = store->Read();
      for (const std::string& p : ea->participants) {
        const size_t eq = p.rfind('=');
        auto key = ResolveInstitution(*snap, eq == std::string::npos ? p : p.substr(0, eq));
        if (!key.ok()) {
          *exit_code = ctx.Fail(key.status());
          return;
        }
        ev.participants.push_back({*key, eq == std::string::npos ? "" : p.substr(eq + 1)});
      }
    }
    WriteOne(ctx, Dataset{{}, {ev}, {}}, "event " + ev.key, false, exit_code);
  });
}

}  // namespace tiegraph::cli
