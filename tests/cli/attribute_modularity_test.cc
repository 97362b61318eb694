// `communities --by ATTRIBUTE` scores a grouping given by the data with modularity.
#include <catch2/catch.hpp>

#include "test_util.h"

namespace tiegraph::test {
namespace {

TEST_CASE("modularity of the sector grouping of the sample network", "[cli][analysis]") {
  TempDir dir;
  const std::string db = dir.File("db");
  RunOk({"--db", db, "import", "--create", SamplePath()});
  // Expected value: networkx 2.8 on the seed JSON, undirected simple graph of every tie except
  // part_of (self-loops dropped), one community per seed sector with council, place and mixed
  // together as "no sector":
  //   networkx.algorithms.community.modularity(G, groups) = -0.11342222222222223
  auto j = RunJson(db, {"communities", "--by", "sector", "--unweighted"});
  const auto& row = j.at("communities").at(0);
  CHECK(row.at("method") == "by sector");
  CHECK(row.at("communities") == 8);
  CHECK(row.at("modularity").get<double>() == Approx(-0.11342222222222223).margin(1e-9));
  CHECK(RunCli({"--db", db, "communities", "--by", "colour"}).exit_code == 1);
}

}  // namespace
}  // namespace tiegraph::test
