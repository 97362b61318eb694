// What the import tests of bad input share: a store that already holds a small valid import,
// so that "unchanged" after a rejected import means something, and the forms of the places an
// error names. Expected line numbers are counted by hand from the file contents each test
// writes; each file's lines are numbered in a comment beside it.
#ifndef TIEGRAPH_TESTS_QUERY_IMPORT_FIXTURE_H_
#define TIEGRAPH_TESTS_QUERY_IMPORT_FIXTURE_H_

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include <tiegraph/tiegraph.h>

#include "test_util.h"

namespace tiegraph::test {

// The base import: three institutions and two ties.
inline constexpr char kBaseInstitutions[] =
    "key,name,sector,region\n"                                   // line 1
    "kitech,한국생산기술연구원,research,KR/Chungnam/Cheonan\n"   // line 2
    "ktl,한국산업기술시험원,public-agency,KR/Gyeongnam/Jinju\n"  // line 3
    "snuh,서울대학교병원,hospital,KR/Seoul\n";                   // line 4
inline constexpr char kBaseTies[] =
    "key,source,target,type,strength,since,until\n"  // line 1
    "b1,ktl,kitech,mou,2,2020-01,2022\n"             // line 2
    "b2,ktl,snuh,joint_research,1,2024-02-29,\n";    // line 3: a leap day, valid

// Two new, valid institutions, for imports that pair a good file with a bad one.
inline constexpr char kNewInstitutions[] =
    "key,name,sector\n"       // line 1
    "n1,New One,industry\n"   // line 2
    "n2,New Two,academia\n";  // line 3

// A temporary store holding the base import, with its dump and counts as they were before the
// bad input.
class Fixture {
 public:
  Fixture() : store_(OpenStore(dir_.File("db"))) {
    Status s = ImportFiles(
        {Write("base_institutions.csv", kBaseInstitutions), Write("base_ties.csv", kBaseTies)});
    INFO(s.ToString());
    REQUIRE(s.ok());
    before_ = DumpOf(*store_);
    counts_ = store_->Read()->GetCounts().value();
    REQUIRE(counts_.institutions == 3);
    REQUIRE(counts_.ties == 2);
    REQUIRE(counts_.events == 0);
  }

  std::string Write(const std::string& name, const std::string& content) const {
    return dir_.Write(name, content);
  }
  std::string File(const std::string& name) const { return dir_.File(name); }

  Status ImportFiles(const std::vector<std::string>& paths, bool dry_run = false,
                     ImportReport* report = nullptr) {
    ImportOptions options;
    options.dry_run = dry_run;
    return ImportWith(paths, options, report);
  }
  Status ImportWith(const std::vector<std::string>& paths, const ImportOptions& options,
                    ImportReport* report = nullptr) {
    std::vector<InputFile> files;
    for (const auto& p : paths) files.push_back(InputFile{p, InputFormat::kAuto});
    return tiegraph::Import(store_.get(), files, options, report);
  }

  // The database holds exactly what the base import wrote.
  void ExpectUnchanged() {
    CHECK(DumpOf(*store_) == before_);
    Counts now = store_->Read()->GetCounts().value();
    CHECK(now.institutions == counts_.institutions);
    CHECK(now.ties == counts_.ties);
    CHECK(now.events == counts_.events);
  }

  Store& store() { return *store_; }

 private:
  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::string before_;
  Counts counts_;
};

// `s` rejects the input as invalid, and its message holds every fragment.
inline void ExpectInvalid(const Status& s, const std::vector<std::string>& fragments) {
  INFO("status: " << s.ToString());
  REQUIRE_FALSE(s.ok());
  CHECK(s.IsInvalidArgument());
  for (const auto& f : fragments) CHECK_THAT(s.message(), Catch::Matchers::Contains(f));
}

// "path:line:", the form every CSV and JSON Lines error starts with.
inline std::string At(const std::string& path, int line) {
  return path + ":" + std::to_string(line) + ":";
}

// "path: $.ties[3]", how a seed JSON error names its record.
inline std::string AtJson(const std::string& path, const std::string& json_path) {
  return path + ": " + json_path;
}

}  // namespace tiegraph::test

#endif  // TIEGRAPH_TESTS_QUERY_IMPORT_FIXTURE_H_
