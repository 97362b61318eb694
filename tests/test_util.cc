#include "test_util.h"

#include <rocksdb/db.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "key_format.h"

namespace tiegraph::test {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "tiegraph-test-XXXXXX").string();
  char* made = ::mkdtemp(tmpl.data());
  REQUIRE(made != nullptr);
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Write(const std::string& name, const std::string& content) const {
  std::string p = File(name);
  std::filesystem::create_directories(std::filesystem::path(p).parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

std::string SamplePath() {
  return std::string(TIEGRAPH_SOURCE_DIR) + "/examples/seed-network.json";
}

nlohmann::json LoadSampleJson() {
  std::ifstream in(SamplePath());
  return nlohmann::json::parse(in);
}

std::string SampleDatabase(const TempDir& dir) {
  RunOk({"--db", dir.File("db"), "import", "--create", SamplePath()});
  return dir.File("db");
}

std::unique_ptr<Store> OpenStore(const std::string& path) {
  std::unique_ptr<Store> store;
  OpenOptions options;
  options.create_if_missing = true;
  Status s = Store::Open(path, options, &store);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return store;
}

std::unique_ptr<Store> StoreWith(const std::string& path, const std::vector<std::string>& keys,
                                 const std::vector<TieSpec>& ties) {
  auto store = OpenStore(path);
  Dataset d;
  for (const auto& k : keys) {
    Institution in;
    in.key = k;
    in.name = k;
    d.institutions.push_back(in);
  }
  for (const auto& spec : ties) {
    Tie t;
    t.source = spec.source;
    t.target = spec.target;
    t.strength = spec.strength;
    t.directed = spec.directed;
    d.ties.push_back(t);
  }
  Status s = store->Write(d, WriteOptions{});
  INFO(s.ToString());
  REQUIRE(s.ok());
  return store;
}

std::multiset<std::string> LinesOf(const std::string& text) {
  std::multiset<std::string> out;
  size_t start = 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    out.insert(text.substr(start, nl - start));
  return out;
}

std::string DumpOf(Store& store) {
  std::ostringstream out;
  auto snap = store.Read();
  Status s = DumpJsonl(*snap, out);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return out.str();
}

namespace {
std::string ReadAll(int fd) {
  std::string out;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}
}  // namespace

CliResult RunCli(const std::vector<std::string>& args) {
  return RunProgram(TIEGRAPH_CLI_PATH, args);
}

CliResult RunProgram(const std::string& program, const std::vector<std::string>& args) {
  TempDir io;
  const std::string out_path = io.File("out"), err_path = io.File("err");
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int in = ::open("/dev/null", O_RDONLY);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::dup2(in, 0);
    ::unsetenv("TIEGRAPH_DB");
    std::vector<char*> argv;
    std::string exe = program;
    argv.push_back(exe.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(exe.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  int fd = ::open(out_path.c_str(), O_RDONLY);
  r.out = ReadAll(fd);
  ::close(fd);
  fd = ::open(err_path.c_str(), O_RDONLY);
  r.err = ReadAll(fd);
  ::close(fd);
  return r;
}

std::string Describe(const std::vector<std::string>& args) {
  std::string out = "tiegraph";
  for (const auto& a : args) out += " '" + a + "'";
  return out;
}

CliResult RunOk(const std::vector<std::string>& args) {
  CliResult r = RunCli(args);
  INFO(Describe(args) << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

namespace {
template <typename T>
T Require(const Result<T>& r) {
  INFO(r.status().message());
  REQUIRE(r.ok());
  return r.value();
}
}  // namespace

std::string StringAt(const Table& t, size_t row, std::string_view column) {
  return Require(t.String(row, column));
}
int64_t IntAt(const Table& t, size_t row, std::string_view column) {
  return Require(t.Int(row, column));
}
double RealAt(const Table& t, size_t row, std::string_view column) {
  return Require(t.Real(row, column));
}
bool EmptyAt(const Table& t, size_t row, std::string_view column) {
  const Cell* c = t.At(row, column);
  INFO("table " << t.name << " row " << row << " column " << column);
  REQUIRE(c != nullptr);
  return std::holds_alternative<std::monostate>(*c);
}
const Table& TableNamed(const std::vector<Table>& tables, std::string_view name) {
  const Table* t = FindTable(tables, name);
  INFO("no table " << name);
  REQUIRE(t != nullptr);
  return *t;
}

nlohmann::json RunJsonTables(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db, "--format", "json"});
  CliResult r = RunOk(args);
  INFO(Describe(args) << "\nstdout: " << r.out);
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  REQUIRE_FALSE(j.is_discarded());
  REQUIRE(j.is_object());
  REQUIRE(j.size() == 1);
  REQUIRE(j.contains("tables"));
  REQUIRE(j["tables"].is_array());
  std::set<std::string> table_names;
  for (const auto& t : j["tables"]) {
    REQUIRE(t.is_object());
    REQUIRE(t.contains("name"));
    const std::string name = t["name"].get<std::string>();
    INFO("table " << name);
    CHECK(table_names.insert(name).second);  // names unique within a result
    for (char c : name) CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'));
    REQUIRE(t["title"].is_string());
    REQUIRE(t["columns"].is_array());
    REQUIRE(t["rows"].is_array());
    std::map<std::string, std::string> type_of;
    for (const auto& c : t["columns"]) {
      const std::string column = c["name"].get<std::string>();
      CHECK(type_of.emplace(column, c["type"].get<std::string>()).second);  // no duplicate name
    }
    for (const auto& row : t["rows"]) {
      REQUIRE(row.is_object());
      CHECK(row.size() == type_of.size());
      for (const auto& [column, value] : row.items()) {
        INFO("column " << column << " value " << value.dump());
        REQUIRE(type_of.count(column));
        const std::string& type = type_of[column];
        if (value.is_null()) continue;
        if (type == "string") CHECK(value.is_string());
        if (type == "int") CHECK(value.is_number_integer());
        if (type == "real") CHECK(value.is_number());
      }
    }
  }
  return j;
}

nlohmann::json RunJson(const std::string& db, std::vector<std::string> args) {
  const nlohmann::json j = RunJsonTables(db, std::move(args));
  nlohmann::json by_name = nlohmann::json::object();
  for (const auto& t : j["tables"]) by_name[t["name"].get<std::string>()] = t["rows"];
  return by_name;
}

void WriteRawDatabase(const std::string& path, int families, const std::string& marker) {
  rocksdb::DBOptions o;
  o.create_if_missing = true;
  o.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (int i = 0; i < families; ++i)
    cfs.emplace_back(keys::FamilyName(i), rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::Open(o, path, cfs, &handles, &raw).ok());
  REQUIRE(raw->Put(rocksdb::WriteOptions(), handles[0], keys::kFormatKey, marker).ok());
  for (auto* h : handles) REQUIRE(raw->DestroyColumnFamilyHandle(h).ok());
  delete raw;
}

}  // namespace tiegraph::test
