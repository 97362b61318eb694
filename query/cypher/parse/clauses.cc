// Statements and clauses: UNION, MATCH, UNWIND, WITH, RETURN, CREATE, MERGE, SET, REMOVE,
// DELETE, CALL.
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "parser.h"

namespace tiegraph::cypher {

bool Parser::AtQueryEnd(bool in_subquery) const {
  if (in_subquery) return AtSymbol("}") || Peek().kind == TokenKind::kEnd;
  return Peek().kind == TokenKind::kEnd || AtSymbol(";");
}

bool Parser::ParseQuery(ast::Query* query, bool in_subquery) {
  query->parts.emplace_back();
  if (!ParseSingleQuery(&query->parts.back(), in_subquery, /*whole_statement=*/!in_subquery)) {
    return false;
  }
  while (AtKeyword("UNION")) {
    query->union_positions.push_back(Next().position);
    query->union_all.push_back(AcceptKeyword("ALL"));
    query->parts.emplace_back();
    if (!ParseSingleQuery(&query->parts.back(), in_subquery, /*whole_statement=*/false)) {
      return false;
    }
  }
  return true;
}

bool Parser::ParseSingleQuery(ast::SingleQuery* single, bool in_subquery, bool whole_statement) {
  single->position = Peek().position;
  while (!AtQueryEnd(in_subquery) && !AtKeyword("UNION")) {
    if (!single->clauses.empty() &&
        std::holds_alternative<ast::Return>(single->clauses.back().node)) {
      return FailExpected("the end of the query or UNION after RETURN");
    }
    single->clauses.emplace_back();
    if (!ParseClause(&single->clauses.back(), whole_statement && single->clauses.size() == 1,
                     in_subquery)) {
      return false;
    }
  }
  if (single->clauses.empty()) return FailExpected("a clause (MATCH, RETURN, CREATE, …)");
  return true;
}

bool Parser::ParseClause(ast::Clause* clause, bool first_clause, bool in_subquery) {
  clause->position = Peek().position;
  if (AtKeyword("MATCH") || AtKeyword("OPTIONAL")) {
    ast::Match match;
    if (AcceptKeyword("OPTIONAL")) {
      match.optional = true;
      if (!ExpectKeyword("MATCH", "after OPTIONAL")) return false;
    } else {
      Next();
    }
    if (!ParseMatch(&match)) return false;
    clause->node = std::move(match);
  } else if (AcceptKeyword("UNWIND")) {
    ast::Unwind unwind;
    if (!ParseUnwind(&unwind)) return false;
    clause->node = std::move(unwind);
  } else if (AcceptKeyword("WITH")) {
    ast::With with;
    if (!ParseProjection(&with.projection) || !ParseWhere(&with.where)) return false;
    clause->node = std::move(with);
  } else if (AcceptKeyword("RETURN")) {
    ast::Return ret;
    if (!ParseProjection(&ret.projection)) return false;
    clause->node = std::move(ret);
  } else if (AcceptKeyword("CREATE")) {
    ast::Create create;
    if (!ParsePatternList(&create.patterns)) return false;
    clause->node = std::move(create);
  } else if (AcceptKeyword("MERGE")) {
    ast::Merge merge;
    if (!ParseMerge(&merge)) return false;
    clause->node = std::move(merge);
  } else if (AcceptKeyword("SET")) {
    ast::Set set;
    if (!ParseSetItems(&set.items)) return false;
    clause->node = std::move(set);
  } else if (AcceptKeyword("REMOVE")) {
    ast::Remove remove;
    do {
      remove.items.emplace_back();
      if (!ParseRemoveItem(&remove.items.back())) return false;
    } while (AcceptSymbol(","));
    clause->node = std::move(remove);
  } else if (AtKeyword("DELETE") || AtKeyword("DETACH")) {
    ast::Delete del;
    if (AcceptKeyword("DETACH")) {
      del.detach = true;
      if (!ExpectKeyword("DELETE", "after DETACH")) return false;
    } else {
      Next();
    }
    if (!ParseDelete(&del)) return false;
    clause->node = std::move(del);
  } else if (AcceptKeyword("CALL")) {
    ast::Call call;
    if (!ParseCall(&call, first_clause && !in_subquery)) return false;
    clause->node = std::move(call);
  } else {
    return FailExpected(
        "a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN, CREATE, MERGE, SET, REMOVE, "
        "DELETE, CALL)");
  }
  return true;
}

bool Parser::ParseWhere(ast::ExpressionPtr* where) {
  if (!AcceptKeyword("WHERE")) return true;
  *where = ParseExpression(/*predicate=*/true);
  return *where != nullptr;
}

bool Parser::ParseMatch(ast::Match* match) {
  return ParsePatternList(&match->patterns) && ParseWhere(&match->where);
}

bool Parser::ParseUnwind(ast::Unwind* unwind) {
  unwind->list = ParseExpression();
  if (!unwind->list || !ExpectKeyword("AS", "and a variable after UNWIND's list")) return false;
  return ParseName(&unwind->variable, "a variable after AS");
}

bool Parser::ParseProjectionItem(ast::ProjectionItem* item) {
  item->position = Peek().position;
  const size_t first = Mark();
  item->expression = ParseExpression();
  if (!item->expression) return false;
  item->text = TextSince(first);
  if (AcceptKeyword("AS")) return ParseName(&item->alias, "a name after AS");
  return true;
}

bool Parser::ParseProjection(ast::Projection* projection) {
  projection->distinct = AcceptKeyword("DISTINCT");
  bool need_item = true;
  if (AcceptSymbol("*")) {
    projection->star = true;
    need_item = AcceptSymbol(",");
  }
  if (need_item) {
    do {
      projection->items.emplace_back();
      if (!ParseProjectionItem(&projection->items.back())) return false;
    } while (AcceptSymbol(","));
  }
  if (AtKeyword("ORDER")) {
    Next();
    if (!ExpectKeyword("BY", "after ORDER")) return false;
    do {
      ast::SortItem item;
      item.expression = ParseExpression();
      if (!item.expression) return false;
      if (AcceptKeyword("DESC") || AcceptKeyword("DESCENDING")) {
        item.descending = true;
      } else if (!AcceptKeyword("ASC")) {
        AcceptKeyword("ASCENDING");
      }
      projection->order_by.push_back(std::move(item));
    } while (AcceptSymbol(","));
  }
  if (AcceptKeyword("SKIP")) {
    projection->skip = ParseExpression();
    if (!projection->skip) return false;
  }
  if (AcceptKeyword("LIMIT")) {
    projection->limit = ParseExpression();
    if (!projection->limit) return false;
  }
  return true;
}

bool Parser::ParseMerge(ast::Merge* merge) {
  if (!ParsePatternPart(&merge->pattern)) return false;
  while (AtKeyword("ON")) {
    Next();
    std::vector<ast::SetItem>* items = nullptr;
    if (AcceptKeyword("CREATE")) {
      items = &merge->on_create;
    } else if (AcceptKeyword("MATCH")) {
      items = &merge->on_match;
    } else {
      return FailExpected("CREATE or MATCH after ON");
    }
    if (!ExpectKeyword("SET", "after ON CREATE or ON MATCH") || !ParseSetItems(items)) {
      return false;
    }
  }
  return true;
}

bool Parser::ParseSetItems(std::vector<ast::SetItem>* items) {
  do {
    items->emplace_back();
    if (!ParseSetItem(&items->back())) return false;
  } while (AcceptSymbol(","));
  return true;
}

bool Parser::ParseSetItem(ast::SetItem* item) {
  item->position = Peek().position;
  const Token& start = Peek();
  ast::ExpressionPtr target = ParsePostfix(/*labels=*/false);
  if (!target) return false;
  auto* variable = std::get_if<ast::Variable>(&target->node);
  if (std::holds_alternative<ast::PropertyAccess>(target->node)) {
    item->kind = ast::SetItem::Kind::kProperty;
    item->property = std::move(target);
    if (!ExpectSymbol("=", "and a value to assign to the property")) return false;
  } else if (variable == nullptr) {
    return Fail(start, "expected a property (a.key) or a variable to SET");
  } else if (AtSymbol(":")) {
    item->kind = ast::SetItem::Kind::kLabels;
    item->variable = variable->name;
    return ParseLabels(&item->labels);
  } else if (AcceptSymbol("+=")) {
    item->kind = ast::SetItem::Kind::kMergeProperties;
    item->variable = variable->name;
  } else if (AcceptSymbol("=")) {
    item->kind = ast::SetItem::Kind::kReplaceProperties;
    item->variable = variable->name;
  } else {
    return FailExpected("'=', '+=' or ':' after the variable to SET");
  }
  item->value = ParseExpression();
  return item->value != nullptr;
}

bool Parser::ParseRemoveItem(ast::RemoveItem* item) {
  item->position = Peek().position;
  const Token& start = Peek();
  ast::ExpressionPtr target = ParsePostfix(/*labels=*/false);
  if (!target) return false;
  if (std::holds_alternative<ast::PropertyAccess>(target->node)) {
    item->kind = ast::RemoveItem::Kind::kProperty;
    item->property = std::move(target);
    return true;
  }
  auto* variable = std::get_if<ast::Variable>(&target->node);
  if (variable == nullptr) return Fail(start, "expected a property (a.key) or labels to REMOVE");
  item->kind = ast::RemoveItem::Kind::kLabels;
  item->variable = variable->name;
  if (!AtSymbol(":")) return FailExpected("':' and the labels to REMOVE");
  return ParseLabels(&item->labels);
}

bool Parser::ParseDelete(ast::Delete* del) {
  do {
    ast::ExpressionPtr expression = ParseExpression();
    if (!expression) return false;
    del->expressions.push_back(std::move(expression));
  } while (AcceptSymbol(","));
  return true;
}

bool Parser::ParseProcedureName(std::string* name) {
  if (!ParseName(name, "a procedure name after CALL")) return false;
  while (AtSymbol(".") && AtName(1)) {
    Next();
    *name += "." + Next().text;
  }
  return true;
}

bool Parser::NoClauseFollows() const {
  int depth = 0;
  for (size_t ahead = 0;; ++ahead) {
    const Token& token = Peek(ahead);
    if (token.kind == TokenKind::kEnd) return true;
    if (token.kind == TokenKind::kSymbol) {
      if (token.text == "(" || token.text == "[" || token.text == "{") ++depth;
      if (token.text == ")" || token.text == "]" || token.text == "}") --depth;
      if (token.text == ";" && depth == 0) return true;
      continue;
    }
    if (depth != 0) continue;
    for (std::string_view keyword :
         {"MATCH", "OPTIONAL", "RETURN", "UNWIND", "WITH", "CREATE", "MERGE", "SET", "DELETE",
          "DETACH", "REMOVE", "CALL", "UNION"}) {
      if (AtKeyword(keyword, ahead)) return false;
    }
  }
}

bool Parser::ParseCall(ast::Call* call, bool may_stand_alone) {
  if (!ParseProcedureName(&call->procedure)) return false;
  // The standalone forms (no parentheses, YIELD *) need the CALL to be the whole statement.
  const bool standalone = may_stand_alone && NoClauseFollows();
  if (AtSymbol("(")) {
    const TextPosition opened = Next().position;
    call->explicit_arguments = true;
    if (!AtSymbol(")")) {
      do {
        ast::ExpressionPtr argument = ParseExpression();
        if (!argument) return false;
        call->arguments.push_back(std::move(argument));
      } while (AcceptSymbol(","));
    }
    if (!ExpectClose(")", "the procedure's arguments", opened)) return false;
  } else if (!standalone) {
    return FailExpected(
        "'(' and the procedure's arguments (only a CALL that is the whole query "
        "may leave them out)");
  }
  if (!AcceptKeyword("YIELD")) return true;
  if (AtSymbol("*")) {
    if (!standalone) {
      return Fail(Peek(),
                  "YIELD * is allowed only when the CALL is the whole query; name the "
                  "fields to yield");
    }
    Next();
    call->yield_all = true;
    return true;
  }
  do {
    ast::YieldItem item;
    item.position = Peek().position;
    if (!ParseName(&item.field, "a field name to YIELD")) return false;
    if (AcceptKeyword("AS") && !ParseName(&item.alias, "a variable after AS")) return false;
    call->yields.push_back(std::move(item));
  } while (AcceptSymbol(","));
  return ParseWhere(&call->where);
}

}  // namespace tiegraph::cypher
