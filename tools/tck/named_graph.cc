#include "named_graph.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tiegraph::tck {

std::vector<std::string> SplitStatements(std::string_view script) {
  std::vector<std::string> statements;
  std::string current;
  auto finish = [&] {
    size_t begin = current.find_first_not_of(" \t\r\n");
    if (begin != std::string::npos) {
      size_t end = current.find_last_not_of(" \t\r\n");
      statements.push_back(current.substr(begin, end - begin + 1));
    }
    current.clear();
  };
  char quote = 0;  // the quote (', " or `) of the string or name being read
  for (size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    if (quote) {
      current += c;
      if (c == '\\' && quote != '`' && i + 1 < script.size()) {
        current += script[++i];
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"' || c == '`') {
      quote = c;
      current += c;
    } else if (c == '/' && i + 1 < script.size() && script[i + 1] == '/') {
      size_t end = script.find('\n', i);
      if (end == std::string_view::npos) end = script.size();
      current += script.substr(i, end - i);
      i = end - 1;
    } else if (c == '/' && i + 1 < script.size() && script[i + 1] == '*') {
      size_t end = script.find("*/", i + 2);
      end = end == std::string_view::npos ? script.size() : end + 2;
      current += script.substr(i, end - i);
      i = end - 1;
    } else if (c == ';') {
      finish();
    } else {
      current += c;
    }
  }
  finish();
  return statements;
}

Result<std::vector<std::string>> LoadNamedGraph(const std::string& graphs_dir,
                                                const std::string& name) {
  if (name.find('/') != std::string::npos || name == "." || name == "..") {
    return Status::InvalidArgument("not a graph name: " + name);
  }
  if (graphs_dir.empty()) return Status::NotFound("no graphs folder for named graph " + name);
  std::filesystem::path file = std::filesystem::path(graphs_dir) / name / (name + ".cypher");
  std::ifstream in(file);
  if (!in) return Status::NotFound("no named graph " + name + " (" + file.string() + ")");
  std::ostringstream text;
  text << in.rdbuf();
  return SplitStatements(text.str());
}

}  // namespace tiegraph::tck
