// The one include for embedders: the store, import, queries and tables.
//
//   #include <tiegraph/tiegraph.h>
//   std::unique_ptr<tiegraph::Store> store;
//   if (auto s = tiegraph::Store::Open("net.db", {}, &store); !s.ok()) { ... s.ToString() ... }
//   auto snap = store->Read();
//   auto key = tiegraph::ResolveInstitution(*snap, "KTL");      // key, name or alias
//   std::vector<tiegraph::TieRef> ties;
//   if (key.ok()) snap->TiesOf(*key, &ties).PermitUnchecked();
#ifndef TIEGRAPH_TIEGRAPH_H_
#define TIEGRAPH_TIEGRAPH_H_

#include <tiegraph/analysis.h>
#include <tiegraph/brokerage.h>
#include <tiegraph/centrality.h>
#include <tiegraph/community.h>
#include <tiegraph/export.h>
#include <tiegraph/gap_analysis.h>
#include <tiegraph/import.h>
#include <tiegraph/layout.h>
#include <tiegraph/link_prediction.h>
#include <tiegraph/mixing.h>
#include <tiegraph/model.h>
#include <tiegraph/paths.h>
#include <tiegraph/projection.h>
#include <tiegraph/queries.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/structure.h>
#include <tiegraph/table.h>
#include <tiegraph/text.h>
#include <tiegraph/version.h>
#include <tiegraph/vocabulary.h>

#endif  // TIEGRAPH_TIEGRAPH_H_
