// Embedding tiegraph's query language: one parameterised query through a Session, its rows
// read by column name.
//   query_example DB_PATH [REGION]        (REGION defaults to Gangwon)
#include <tiegraph/tiegraph.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " DB_PATH [REGION]\n";
    return 1;
  }
  tiegraph::OpenOptions options;
  options.read_only = true;
  std::unique_ptr<tiegraph::Store> store;
  if (auto s = tiegraph::Store::Open(argv[1], options, &store); !s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 2;
  }
  // The institutions of a region and how many partners each has, most connected first.
  const std::string query =
      "MATCH (i:Institution)-[t]-(p:Institution) "
      "WHERE $region IN i.region AND type(t) <> 'part_of' "
      "RETURN i.name AS institution, i.sector AS sector, count(DISTINCT p) AS partners "
      "ORDER BY partners DESC, institution LIMIT 10";
  tiegraph::cypher::Session session(store.get());
  auto result = session.Execute(query, {{"region", std::string(argc > 2 ? argv[2] : "Gangwon")}});
  if (!result.ok()) {
    std::cerr << result.error().Render(query) << "\n";
    return 1;
  }
  for (size_t r = 0; r < result->size(); ++r) {
    const auto& sector = result->Get(r, "sector");
    std::cout << result->Get(r, "institution").string() << " ("
              << (sector.is_null() ? "none" : sector.string())
              << "): " << result->Get(r, "partners").integer() << " partners\n";
  }
  return 0;
}
