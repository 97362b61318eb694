// shell: an interactive prompt for the query language. Line editing, history (kept in
// ~/.tiegraph_history) and completion of keywords, labels, tie types and property names come
// from GNU Readline; a statement may span lines and ends at `;`. Commands: :help, :format,
// :param, :params, :explain, :quit. Without a terminal (input from a pipe or a file) it reads
// the statements silently, for scripts.
#include <stdio.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <tiegraph/cypher_render.h>
#include <tiegraph/vocabulary.h>

#include "cli_commands.h"
#include "cli_query.h"

namespace tiegraph::cli {
namespace {

constexpr const char* kHelp =
    "Statements end with ';' and may span lines. Commands:\n"
    "  :help                 this text\n"
    "  :format text|json|csv how results are printed\n"
    "  :param name=value     set $name (value as JSON, else text); :param name= removes it\n"
    "  :params               the parameters set\n"
    "  :explain STATEMENT    the plan of a statement, without running it\n"
    "  :quit                 leave (also Ctrl-D)\n"
    "The language and the graph it sees: docs/QUERY.md. Tab completes keywords, labels, tie\n"
    "types and property names.\n";

const char* const kKeywords[] = {
    "MATCH",  "OPTIONAL", "WHERE",       "RETURN",      "WITH",      "ORDER BY", "SKIP",   "LIMIT",
    "UNWIND", "UNION",    "CREATE",      "MERGE",       "SET",       "REMOVE",   "DELETE", "DETACH",
    "CALL",   "YIELD",    "EXPLAIN",     "DISTINCT",    "AS",        "AND",      "OR",     "NOT",
    "IN",     "IS NULL",  "IS NOT NULL", "STARTS WITH", "ENDS WITH", "CONTAINS", "CASE",   "WHEN",
    "THEN",   "ELSE",     "END",         "count",       "collect",   "date",     "toLower"};

// What Tab offers: filled from the database once, at start.
std::vector<std::string>& Words() {
  static std::vector<std::string> words;
  return words;
}

void LoadWords(const Context& ctx) {
  std::set<std::string> words(std::begin(kKeywords), std::end(kKeywords));
  for (int s = 1; s < kSectorCount; ++s) words.emplace(SectorNodeLabel(static_cast<Sector>(s)));
  words.emplace(kInstitutionLabel);
  for (const char* field : {"key", "name", "aliases", "sector", "other_sectors", "kind", "foreign",
                            "region", "parent", "evidence", "strength", "status", "confidence",
                            "directed", "since", "until", "event", "role"}) {
    words.emplace(field);
  }
  std::unique_ptr<Store> store;
  int ignored = 0;
  if (ctx.Open(Access::kRead, &store, &ignored)) {
    auto snap = store->Read();
    if (auto types = snap->TieTypes(); types.ok()) words.insert(types->begin(), types->end());
    size_t seen = 0;
    snap->ForEachInstitution([&](const Institution& in) {
          words.insert(in.labels.begin(), in.labels.end());
          for (const auto& p : in.properties) words.insert(p.name);
          return ++seen < 20000;  // enough to learn the names a network uses
        })
        .PermitUnchecked();
  }
  Words().assign(words.begin(), words.end());
}

char* NextWord(const char* text, int state) {
  static size_t index;
  if (state == 0) index = 0;
  const size_t length = std::strlen(text);
  const auto& words = Words();
  while (index < words.size()) {
    const std::string& w = words[index++];
    if (w.size() >= length && strncasecmp(w.c_str(), text, length) == 0) return strdup(w.c_str());
  }
  return nullptr;
}

char** Complete(const char* text, int /*start*/, int /*end*/) {
  rl_attempted_completion_over = 1;  // never complete file names
  return rl_completion_matches(text, NextWord);
}

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

struct Shell {
  Context ctx;
  QueryRun run;
  bool interactive = false;
  int last_exit = kExitOk;

  // A line starting with ':'. False for :quit.
  bool Command(const std::string& line) {
    const size_t space = line.find(' ');
    const std::string name = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : Trim(line.substr(space));
    if (name == ":quit" || name == ":exit" || name == ":q") return false;
    if (name == ":help") {
      std::cout << kHelp;
    } else if (name == ":format") {
      if (rest == "text" || rest == "json" || rest == "csv") {
        ctx.format = rest;
      } else {
        std::cerr << ":format takes text, json or csv (now " << ctx.format << ")\n";
      }
    } else if (name == ":param") {
      const size_t eq = rest.find('=');
      if (eq != std::string::npos && Trim(rest.substr(eq + 1)).empty()) {
        run.parameters.erase(Trim(rest.substr(0, eq)));
      } else if (Status s = ParseParam(rest, &run.parameters); !s.ok()) {
        std::cerr << s.message() << "\n";
      }
    } else if (name == ":params") {
      for (const auto& [k, v] : run.parameters)
        std::cout << "$" << k << " = " << cypher::RenderValue(v) << "\n";
    } else if (name == ":explain") {
      Statement("EXPLAIN " + rest);
    } else {
      std::cerr << "unknown command " << name << " (:help lists them)\n";
    }
    return true;
  }

  void Statement(const std::string& text) {
    std::string statement = Trim(text);
    while (!statement.empty() && statement.back() == ';') statement.pop_back();
    if (Trim(statement).empty()) return;
    last_exit = RunQuery(ctx, statement, run);
  }

  bool ReadLine(bool continuation, std::string* line) {
    if (!interactive) return static_cast<bool>(std::getline(std::cin, *line));
    char* raw = readline(continuation ? "     ...> " : "tiegraph> ");
    if (!raw) return false;
    *line = raw;
    if (!Trim(*line).empty()) add_history(raw);
    std::free(raw);
    return true;
  }

  int Loop() {
    std::string buffer, line;
    while (ReadLine(!buffer.empty(), &line)) {
      if (buffer.empty() && Trim(line).rfind(':', 0) == 0) {
        if (!Command(Trim(line))) break;
        continue;
      }
      buffer += line + "\n";
      if (!Trim(line).empty() && Trim(line).back() == ';') {
        Statement(buffer);
        buffer.clear();
      }
    }
    if (!Trim(buffer).empty()) Statement(buffer);  // a last statement without its ';'
    if (interactive) std::cout << "\n";
    return last_exit;
  }
};

std::string HistoryFile() {
  const char* home = std::getenv("HOME");
  return home ? std::string(home) + "/.tiegraph_history" : "";
}

}  // namespace

void RegisterShellCommands(CLI::App& app, Context& ctx, int* exit_code) {
  auto* shell = app.add_subcommand("shell", "An interactive prompt for the query language");
  shell->callback([&ctx, exit_code]() {
    Shell s{ctx, {}, isatty(STDIN_FILENO) != 0};
    if (s.interactive) {
      LoadWords(ctx);
      rl_attempted_completion_function = Complete;
      rl_basic_word_break_characters = const_cast<char*>(" \t\n()[]{},.:;=<>-+*/");
      const std::string history = HistoryFile();
      if (!history.empty()) read_history(history.c_str());
      std::cout << "tiegraph shell on " << ctx.db_path << " (:help for help, :quit to leave)\n";
      *exit_code = s.Loop();
      if (!history.empty()) write_history(history.c_str());
    } else {
      *exit_code = s.Loop();
    }
  });
}

}  // namespace tiegraph::cli
