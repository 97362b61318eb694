// The one include for embedders: every public header of every stage. The optional parts (the
// HTML map, pictures through Graphviz) come in when this build has them (tiegraph/config.h).
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

#include <tiegraph/config.h>

// storage
#include <tiegraph/history.h>
#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>
#include <tiegraph/text.h>
#include <tiegraph/transaction.h>
#include <tiegraph/vocabulary.h>

// graph
#include <tiegraph/brokerage.h>
#include <tiegraph/centrality.h>
#include <tiegraph/community.h>
#include <tiegraph/core_periphery.h>
#include <tiegraph/helix.h>
#include <tiegraph/k_core.h>
#include <tiegraph/layout.h>
#include <tiegraph/link_prediction.h>
#include <tiegraph/mixing.h>
#include <tiegraph/paths.h>
#include <tiegraph/permutation.h>
#include <tiegraph/projection.h>
#include <tiegraph/projection_spec.h>
#include <tiegraph/spectral.h>
#include <tiegraph/structure.h>

// query: tables, import, analysis, export (tiegraph/projection_access.h, the helpers the
// analysis stage shares with the export stage, is left out: it is not meant for embedders)
#include <tiegraph/analysis.h>
#include <tiegraph/dump.h>
#include <tiegraph/evolution.h>
#include <tiegraph/export.h>
#include <tiegraph/export_dot.h>
#include <tiegraph/export_graph.h>
#include <tiegraph/gap_analysis.h>
#include <tiegraph/gap_report.h>
#include <tiegraph/group_attribute.h>
#include <tiegraph/import.h>
#include <tiegraph/institution_queries.h>
#include <tiegraph/link_evaluation.h>
#include <tiegraph/overview.h>
#include <tiegraph/record_views.h>
#include <tiegraph/registry.h>
#include <tiegraph/resolve.h>
#include <tiegraph/synergy.h>
#include <tiegraph/table.h>
#include <tiegraph/version.h>

#include <tiegraph/cypher_aggregates.h>
#include <tiegraph/cypher_ast.h>
#include <tiegraph/cypher_bind.h>
#include <tiegraph/cypher_execute.h>
#include <tiegraph/cypher_functions.h>
#include <tiegraph/cypher_graph.h>
#include <tiegraph/cypher_parser.h>
#include <tiegraph/cypher_plan.h>
#include <tiegraph/cypher_render.h>
#include <tiegraph/cypher_semantics.h>
#include <tiegraph/cypher_session.h>
#include <tiegraph/cypher_value.h>
#include <tiegraph/query_error.h>

// optional parts
#ifdef TIEGRAPH_HAVE_HTML_MAP
#include <tiegraph/html_map.h>
#endif
#ifdef TIEGRAPH_HAVE_RENDER
#include <tiegraph/render.h>
#endif

#endif  // TIEGRAPH_TIEGRAPH_H_
