// Embedding tiegraph: open a database, resolve an institution by any of its names, list its ties.
//   embed_example DB_PATH [NAME]        (NAME defaults to KTL)
#include <tiegraph/tiegraph.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " DB_PATH [NAME]\n";
    return 1;
  }
  const std::string name = argc > 2 ? argv[2] : "KTL";

  tiegraph::OpenOptions options;
  options.read_only = true;
  std::unique_ptr<tiegraph::Store> store;
  if (auto s = tiegraph::Store::Open(argv[1], options, &store); !s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 2;
  }
  auto snap = store->Read();
  auto key = tiegraph::ResolveInstitution(*snap, name);  // key, name or alias, any language
  if (!key.ok()) {
    std::cerr << key.status().message() << "\n";
    return 1;
  }
  auto institution = snap->GetInstitution(*key);
  std::vector<tiegraph::TieRef> ties;
  if (auto s = snap->TiesOf(*key, &ties); !s.ok() || !institution.ok()) {
    std::cerr << s.ToString() << "\n";
    return 2;
  }
  std::cout << institution->name << " (" << *key << "), " << ties.size() << " ties\n";
  for (const auto& t : ties) {
    auto other = snap->GetInstitution(t.other);
    std::cout << "  " << t.type << "  " << (other.ok() ? other->name : t.other) << "  ["
              << tiegraph::TieStatusName(t.status) << "]\n";
  }
  return 0;
}
