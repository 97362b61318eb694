#include "cli_context.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace tiegraph::cli {

int ExitCodeFor(const Status& s) {
  if (s.ok()) return kExitOk;
  return s.IsInvalidArgument() || s.IsNotFound() ? kExitInput : kExitStorage;
}

TableFormat Context::table_format() const {
  if (format == "json") return TableFormat::kJson;
  if (format == "csv") return TableFormat::kCsv;
  return TableFormat::kText;
}

int Context::Fail(const Status& s) const {
  std::cerr << "tiegraph: " << s.message() << "\n";
  return ExitCodeFor(s);
}

bool Context::Open(Access access, std::unique_ptr<Store>* store, int* exit_code) const {
  if (db_path.empty()) {
    *exit_code =
        Fail(Status::InvalidArgument("no database given: use --db PATH or set TIEGRAPH_DB"));
    return false;
  }
  OpenOptions options;
  options.create_if_missing = access == Access::kCreate || access == Access::kCreateNew;
  options.error_if_exists = access == Access::kCreateNew;
  options.read_only = access == Access::kRead;
  options.lock_wait_seconds = wait_seconds;
  Status s = Store::Open(db_path, options, store);
  // The commands that write offer --create besides init.
  if (s.IsNotFound() && access == Access::kWrite) {
    s = Status::NotFound(s.message() + ", or give this command --create");
  }
  if (!s.ok()) {
    *exit_code = Fail(s);
    return false;
  }
  return true;
}

Status Context::Print(const std::vector<Table>& tables) const {
  for (const Table& t : tables) {
    if (Status s = t.Validate(); !s.ok())
      return Status::Corruption("internal error: " + s.message());
  }
  if (table.empty()) {
    RenderTables(tables, table_format(), std::cout);
    return Status::OK();
  }
  auto selected = SelectTable(tables, table);
  if (!selected.ok()) return selected.status();
  RenderTables({*selected}, table_format(), std::cout);
  return Status::OK();
}

}  // namespace tiegraph::cli

namespace tiegraph::cli {

CommitInfo Context::Commit(std::string command) const {
  CommitInfo info;
  info.author = author;
  if (info.author.empty()) {
    if (const char* user = std::getenv("USER"); user && *user) {
      info.author = user;
    } else if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) {
      info.author = pw->pw_name;
    }
  }
  info.message = message;
  info.command = std::move(command);
  return info;
}

std::optional<uint64_t> Context::Transact(const std::string& command,
                                          const std::function<Status(Transaction&)>& fn,
                                          int* exit_code) const {
  std::unique_ptr<Store> store;
  if (!Open(Access::kWrite, &store, exit_code)) return std::nullopt;
  auto txn = Transaction::Begin(store.get());
  Status s = txn.ok() ? fn(**txn) : txn.status();
  Result<uint64_t> id = s.ok() ? (*txn)->Commit(Commit(command)) : Result<uint64_t>(s);
  if (!id.ok()) {
    *exit_code = Fail(id.status());
    return std::nullopt;
  }
  return *id;
}

}  // namespace tiegraph::cli
