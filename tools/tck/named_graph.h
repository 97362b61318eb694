// The kit's named graphs (graphs/NAME/NAME.cypher): the statements that build one, for
// `Given the NAME graph`.
#ifndef TIEGRAPH_TOOLS_TCK_NAMED_GRAPH_H_
#define TIEGRAPH_TOOLS_TCK_NAMED_GRAPH_H_

#include <string>
#include <string_view>
#include <vector>

#include <tiegraph/status.h>

namespace tiegraph::tck {

// Splits a script at its semicolons, leaving those inside strings, quoted names and comments;
// statements are trimmed, blank ones dropped.
std::vector<std::string> SplitStatements(std::string_view script);

// The statements of graph `name` under `graphs_dir`; NotFound when the kit has no such graph.
Result<std::vector<std::string>> LoadNamedGraph(const std::string& graphs_dir,
                                                const std::string& name);

}  // namespace tiegraph::tck

#endif  // TIEGRAPH_TOOLS_TCK_NAMED_GRAPH_H_
