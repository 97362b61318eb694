// The queries of the differential test (differential.mjs describes the mapping and the
// comparison). Each: name; text (the same on both systems) or tiegraph and kuzu texts where the
// dialects differ; params; ordered (compare rows in order); sortLists (collect's order is
// unspecified); known (the reason the systems must disagree: Kuzu's semantics, the modelling,
// or a tiegraph bug, with the smallest query showing it).
//
// Dialect differences behind the two-text queries: Kuzu names a relationship's type with
// label(r) (type() does not exist), splits strings with string_split, filters lists with
// list_filter (no list comprehension), wants MATCH inside EXISTS { }, counts list subscripts
// from 1 and reads a date's year with date_part('year', d) (tiegraph: d.year).
export const QUERIES = [
  // --- filters by sector, region, kind -----------------------------------------------------
  { name: "institutions_per_sector",
    text: "MATCH (n) RETURN n.sector AS sector, count(*) AS institutions" },
  { name: "hospitals_by_key", ordered: true,
    text: "MATCH (h:Hospital) RETURN h.key AS key, h.name AS name ORDER BY key" },
  { name: "academia_or_research",
    kuzu: "MATCH (n:Academia:Research) RETURN n.key, n.sector",
    tiegraph: "MATCH (n) WHERE n:Academia OR n:Research RETURN n.key, n.sector" },
  { name: "institutions_in_gyeonggi",
    text: "MATCH (n) WHERE 'Gyeonggi' IN n.region RETURN n.key, n.name" },
  { name: "institutions_per_province", ordered: true,
    tiegraph: "MATCH (n) WHERE size(n.region) >= 2 RETURN n.region[1] AS province, " +
              "count(*) AS institutions ORDER BY institutions DESC, province",
    kuzu: "MATCH (n) WHERE size(n.region) >= 2 RETURN n.region[2] AS province, " +
          "count(*) AS institutions ORDER BY institutions DESC, province" },
  { name: "foreign_institutions",
    text: "MATCH (n) WHERE n.foreign RETURN n.key, n.region" },
  { name: "foreign_located_in_korea",
    tiegraph: "MATCH (n) WHERE n.foreign AND n.region[0] = 'KR' RETURN n.key",
    kuzu: "MATCH (n) WHERE n.foreign AND n.region[1] = 'KR' RETURN n.key" },
  { name: "sector_by_parameter", params: { sector: "research" },
    text: "MATCH (n) WHERE n.sector = $sector RETURN n.key, n.kind" },
  { name: "distinct_kinds",
    text: "MATCH (n) RETURN DISTINCT n.kind AS kind" },
  { name: "generic_groups",
    text: "MATCH (n) WHERE n.generic AND n.kind = 'group' RETURN n.key, n.sector" },
  { name: "null_counts",
    text: "MATCH (n) RETURN count(*) AS everyone, count(n.parent) AS with_parent, " +
          "count(n.sector) AS with_sector, count(n.region) AS with_region" },

  // --- ties: types, status, directions, dates ------------------------------------------------
  { name: "ties_per_type",
    tiegraph: "MATCH ()-[r]-() RETURN type(r) AS type, count(DISTINCT r.key) AS ties",
    kuzu: "MATCH ()-[r]-() RETURN label(r) AS type, count(DISTINCT r.key) AS ties" },
  { name: "ties_per_type_per_year",
    tiegraph: "MATCH ()-[r]-() WHERE r.since IS NOT NULL " +
              "RETURN type(r) AS type, r.since.year AS year, count(DISTINCT r.key) AS ties",
    kuzu: "MATCH ()-[r]-() WHERE r.since IS NOT NULL " +
          "RETURN label(r) AS type, date_part('year', r.since) AS year, " +
          "count(DISTINCT r.key) AS ties" },
  { name: "status_by_confidence",
    text: "MATCH ()-[r]-() RETURN r.status AS status, r.confidence AS confidence, " +
          "count(DISTINCT r.key) AS ties" },
  { name: "directed_ties_as_stored",
    text: "MATCH (a)-[r]->(b) WHERE r.directed RETURN a.key, r.key, b.key" },
  // Every tie runs from its source to its target, directed or not, in both systems.
  { name: "undirected_ties_arrow",
    text: "MATCH (a)-[r]->(b) RETURN count(*) AS matches" },
  { name: "uppercase_type_names_the_canonical_one",
    text: "MATCH (a)-[r:PART_OF]->(b) RETURN a.key, b.key" },
  { name: "seed_type_name_through_the_vocabulary",
    known: "modelling: tiegraph reads [:council_membership] through the tie-type vocabulary as " +
           "membership; Kuzu has no table of that name",
    text: "MATCH (m)-[r:council_membership]->(c) RETURN count(*) AS members" },
  { name: "two_types",
    text: "MATCH (a)-[r:joint_research|investment_intent]-(b) RETURN DISTINCT r.key, r.status" },
  { name: "ties_since_mid_2024_by_day",
    known: "modelling: tiegraph's dates keep their precision and a month overlapping the day " +
           "compares as null (2024-06 >= 2024-06-01 is null; T032 since 2024-06); Kuzu " +
           "stores the month as its first day",
    text: "MATCH ()-[r]-() WHERE r.since >= date('2024-06-01') RETURN DISTINCT r.key" },
  { name: "ties_since_2025_by_year",
    tiegraph: "MATCH ()-[r]-() WHERE r.since.year >= 2025 RETURN DISTINCT r.key, r.status",
    kuzu: "MATCH ()-[r]-() WHERE date_part('year', r.since) >= 2025 " +
          "RETURN DISTINCT r.key, r.status" },
  { name: "ties_with_an_end",
    text: "MATCH ()-[r]-() WHERE r.until IS NOT NULL RETURN DISTINCT r.key" },
  { name: "first_and_last_year_per_type",
    tiegraph: "MATCH ()-[r]-() WHERE r.since IS NOT NULL RETURN type(r) AS type, " +
              "min(r.since.year) AS first, max(r.since.year) AS last",
    kuzu: "MATCH ()-[r]-() WHERE r.since IS NOT NULL RETURN label(r) AS type, " +
          "min(date_part('year', r.since)) AS first, max(date_part('year', r.since)) AS last" },
  { name: "ties_per_event", ordered: true,
    text: "MATCH ()-[r]-() WHERE r.event IS NOT NULL RETURN r.event AS event, " +
          "count(DISTINCT r.key) AS ties ORDER BY ties DESC, event" },
  { name: "membership_roles",
    text: "MATCH (m)-[r:membership]->(c) WHERE r.role STARTS WITH 'member' " +
          "RETURN r.role AS role, count(*) AS members" },

  // --- aggregation, grouping, ORDER BY / LIMIT -------------------------------------------------
  { name: "top_degree", ordered: true,
    text: "MATCH (n)-[r]-() RETURN n.key AS key, count(r) AS degree " +
          "ORDER BY degree DESC, key LIMIT 10" },
  { name: "page_of_keys", ordered: true,
    text: "MATCH (n) RETURN n.key AS key ORDER BY key SKIP 10 LIMIT 5" },
  { name: "sector_pairs",
    text: "MATCH (a)-[r]-(b) WHERE a.sector < b.sector " +
          "RETURN a.sector AS s1, b.sector AS s2, count(DISTINCT r.key) AS ties" },
  { name: "average_partners_per_sector",
    text: "MATCH (n) WHERE n.sector IS NOT NULL OPTIONAL MATCH (n)-[]-(m) " +
          "WITH n, count(DISTINCT m.key) AS partners " +
          "RETURN n.sector AS sector, avg(partners) AS mean, max(partners) AS most" },
  { name: "council_members", sortLists: true,
    text: "MATCH (m)-[:membership]->(c) RETURN c.key AS council, count(*) AS members, " +
          "collect(m.key) AS who" },
  { name: "sum_of_strength_per_status",
    known: "Kuzu: WITH DISTINCT r after an undirected match keeps each relationship twice " +
           "(MATCH ()-[r]-() WITH DISTINCT r RETURN count(*) is 266 in Kuzu, 133 relationships: 85 ties and 48 participations)",
    text: "MATCH ()-[r]-() WITH DISTINCT r RETURN r.status AS status, sum(r.strength) AS total" },

  // --- OPTIONAL MATCH, two-hop patterns -----------------------------------------------------
  { name: "hospital_partner_counts",
    text: "MATCH (h:Hospital) OPTIONAL MATCH (h)-[r]-(o) RETURN h.key, count(o) AS partners" },
  { name: "hospital_joint_research_or_null",
    text: "MATCH (h:Hospital) OPTIONAL MATCH (h)-[:joint_research]-(o) RETURN h.key, o.key" },
  { name: "institutions_without_ties",
    text: "MATCH (n) OPTIONAL MATCH (n)-[r]-() WITH n, r WHERE r IS NULL RETURN n.key" },
  { name: "two_hop_from_hospitals",
    text: "MATCH (h:Hospital)-[]-(m)-[]-(x) WHERE x.key <> h.key " +
          "RETURN DISTINCT h.key AS hospital, x.key AS reached" },
  { name: "two_hop_walks_count",
    known: "Kuzu: a fixed-length pattern may use one relationship twice (walk semantics); " +
           "openCypher (tiegraph) binds distinct relationships",
    text: "MATCH (h:Hospital)-[r1]-(m)-[r2]-(x) RETURN count(*) AS paths" },
  { name: "shared_partners_academia_hospital", ordered: true,
    text: "MATCH (a:Academia)-[]-(m)-[]-(b:Hospital) RETURN a.key AS a, b.key AS b, " +
          "count(DISTINCT m.key) AS shared ORDER BY shared DESC, a, b LIMIT 10" },
  { name: "parent_names",
    text: "MATCH (n), (p) WHERE n.parent IS NOT NULL AND p.key = n.parent " +
          "RETURN n.key, p.name" },
  { name: "within_two_steps_of_jbnu",
    text: "MATCH (a {key: 'jbnu'})-[*1..2]-(b) WHERE b.key <> 'jbnu' " +
          "RETURN count(DISTINCT b.key) AS reached" },
  { name: "partner_provinces", sortLists: true,
    tiegraph: "MATCH (n)-[]-(m) WHERE size(m.region) >= 2 WITH n, " +
              "collect(DISTINCT m.region[1]) AS provinces WHERE size(provinces) >= 2 " +
              "RETURN n.key, provinces",
    kuzu: "MATCH (n)-[]-(m) WHERE size(m.region) >= 2 WITH n, " +
          "collect(DISTINCT m.region[2]) AS provinces WHERE size(provinces) >= 2 " +
          "RETURN n.key, provinces" },

  // --- UNWIND, CASE, lists, strings -----------------------------------------------------------
  { name: "unwind_aliases_university",
    text: "MATCH (n) UNWIND n.aliases AS alias WITH n, alias " +
          "WHERE alias CONTAINS 'University' RETURN n.key, alias" },
  { name: "unwind_region_levels",
    text: "MATCH (n) UNWIND n.region AS place RETURN place, count(*) AS institutions" },
  { name: "unwind_literal_list",
    text: "UNWIND ['hospital', 'academia', 'nothing'] AS s OPTIONAL MATCH (n) " +
          "WHERE n.sector = s RETURN s, count(n) AS institutions" },
  { name: "case_simple",
    text: "MATCH (n) RETURN CASE n.sector WHEN 'hospital' THEN 'clinical' " +
          "WHEN 'academia' THEN 'academic' ELSE 'other' END AS grp, count(*) AS institutions" },
  { name: "case_searched",
    text: "MATCH ()-[r]-() WITH DISTINCT r.key AS key, r.status AS status, " +
          "r.confidence AS confidence RETURN CASE WHEN status = 'realized' AND " +
          "confidence = 'stated' THEN 'firm' WHEN status = 'realized' THEN 'likely' " +
          "ELSE 'intended' END AS grade, count(*) AS ties" },
  { name: "many_aliases",
    text: "MATCH (n) WHERE size(n.aliases) > 2 RETURN n.key, size(n.aliases) AS aliases" },
  { name: "region_depth",
    text: "MATCH (n) RETURN size(n.region) AS depth, count(*) AS institutions" },
  { name: "name_starts_with",
    text: "MATCH (n) WHERE n.name STARTS WITH '한국' RETURN n.key, n.name" },
  { name: "name_ends_with",
    text: "MATCH (n) WHERE n.name ENDS WITH '병원' OR n.name ENDS WITH '대학교' " +
          "RETURN n.key, n.name" },
  { name: "name_regex",
    text: "MATCH (n) WHERE n.name =~ '.*(바이오|의료).*' RETURN n.key" },
  // Events have no aliases: `n.aliases IS NOT NULL` keeps the question on institutions
  // (any_over_a_missing_column shows why it is needed on Kuzu).
  { name: "alias_case_insensitive",
    text: "MATCH (n) WHERE n.aliases IS NOT NULL AND " +
          "any(a IN n.aliases WHERE toLower(a) CONTAINS 'hospital') RETURN n.key" },
  { name: "any_over_a_missing_column",
    known: "Kuzu: in a WHERE, any() over a column the Event table lacks keeps an event " +
           "(E-gangwon-cic-meeting), though the same any() projected is false; openCypher " +
           "(tiegraph): any() over null is null, so no event",
    text: "MATCH (n) WHERE any(a IN n.aliases WHERE toLower(a) CONTAINS 'hospital') " +
          "RETURN n.key" },
  { name: "evidence_mentions_hyeobyak",
    text: "MATCH ()-[r]-() WHERE any(q IN r.evidence WHERE q CONTAINS '협약') " +
          "RETURN DISTINCT r.key" },
  { name: "key_prefix_split",
    text: "MATCH (n) WHERE n.key CONTAINS '-' RETURN split(n.key, '-')[0] AS prefix, " +
          "count(*) AS institutions",
    kuzu: "MATCH (n) WHERE n.key CONTAINS '-' RETURN string_split(n.key, '-')[1] AS prefix, " +
          "count(*) AS institutions" },
  { name: "coalesce_parent",
    text: "MATCH (n:Hospital) RETURN n.key, coalesce(n.parent, n.key) AS top" },
  { name: "upper_and_size",
    text: "MATCH (n:Research) RETURN toUpper(n.key) AS k, size(n.name) AS letters" },

  // --- combinations --------------------------------------------------------------------------
  { name: "union_distinct",
    text: "MATCH (n:Hospital) RETURN n.sector AS s UNION MATCH (n:Academia) RETURN n.sector AS s" },
  { name: "union_all",
    text: "MATCH (n:Hospital) RETURN n.sector AS s UNION ALL " +
          "MATCH (n:Academia) RETURN n.sector AS s" },
  { name: "order_nulls_last", ordered: true,
    text: "MATCH (n:Industry) RETURN n.key AS key, n.parent AS parent ORDER BY parent, key" },
  { name: "order_desc_nulls_first", ordered: true,
    text: "MATCH (n:Industry) RETURN n.key AS key, n.parent AS parent " +
          "ORDER BY parent DESC, key LIMIT 3" },
  { name: "string_concatenation",
    text: "MATCH (n:Hospital) RETURN n.key + ':' + n.kind AS label" },
  { name: "top_three_then_match", sortLists: true,
    text: "MATCH (n)-[r]-() WITH n, count(r) AS degree ORDER BY degree DESC, n.key LIMIT 3 " +
          "MATCH (n)-[]-(m:Hospital) RETURN n.key AS hub, collect(DISTINCT m.key) AS hospitals" },
  { name: "collect_then_unwind",
    text: "MATCH (n:Hospital) WITH collect(n.key) AS keys UNWIND keys AS k RETURN k" },
  { name: "realized_share_per_type",
    tiegraph: "MATCH ()-[r]-() WITH DISTINCT r.key AS key, type(r) AS type, r.status AS status " +
              "RETURN type, sum(CASE WHEN status = 'realized' THEN 1 ELSE 0 END) * 1.0 / " +
              "count(*) AS share",
    kuzu: "MATCH ()-[r]-() WITH DISTINCT r.key AS key, label(r) AS type, r.status AS status " +
          "RETURN type, sum(CASE WHEN status = 'realized' THEN 1 ELSE 0 END) * 1.0 / " +
          "count(*) AS share" },
  { name: "min_max_strings",
    text: "MATCH (n) RETURN n.sector AS sector, min(n.name) AS first, max(n.key) AS last" },
  { name: "cartesian_count",
    text: "MATCH (a:Hospital), (b:Academia) RETURN count(*) AS pairs" },
  { name: "sector_in_list",
    text: "MATCH (n) WHERE n.sector IN ['hospital', 'academia'] RETURN n.key" },
  { name: "each_undirected_tie_once",
    text: "MATCH (a)-[r]-(b) WHERE NOT r.directed AND a.key < b.key RETURN a.key, b.key, r.key" },
  { name: "empty_aggregates",
    known: "Kuzu: collect() over no rows is null; openCypher (tiegraph) gives []",
    text: "MATCH (n:Hospital) WHERE n.key = 'nobody' RETURN count(*) AS c, collect(n.key) AS ks" },
  { name: "integer_arithmetic",
    text: "MATCH (n) WITH count(*) AS c RETURN c / 2 AS half, c % 7 AS rest, -c AS negated" },
  { name: "exists_subquery",
    tiegraph: "MATCH (n:Research) WHERE EXISTS { (n)-[:membership]->() } RETURN n.key",
    kuzu: "MATCH (n:Research) WHERE EXISTS { MATCH (n)-[:membership]->() } RETURN n.key" },
  { name: "list_comprehension",
    tiegraph: "MATCH (n:Academia) RETURN n.key, [a IN n.aliases WHERE a STARTS WITH 'J'] AS js",
    kuzu: "MATCH (n:Academia) RETURN n.key, list_filter(n.aliases, a -> a STARTS WITH 'J') AS js" },
  { name: "list_concatenation",
    text: "MATCH (n:Hospital) RETURN n.key, size(n.region + n.aliases) AS items" },
  { name: "variable_length_two_exact",
    known: "Kuzu: a variable-length pattern follows walks (a relationship may repeat); " +
           "openCypher (tiegraph) follows trails",
    text: "MATCH (a:Hospital)-[*2..2]-(b) RETURN count(*) AS paths" },
  { name: "optional_match_where_on_optional",
    text: "MATCH (h:Hospital) OPTIONAL MATCH (h)-[r]-(o) WHERE o.sector = 'academia' " +
          "RETURN h.key, o.key" },

  // --- patterns: uniqueness, cycles, directions, variable length ----------------------------
  { name: "relationships_differ",
    text: "MATCH (a:Hospital)-[r]-(b)-[r2]-(c) WHERE r <> r2 RETURN count(*) AS paths" },
  { name: "uniqueness_across_comma_patterns",
    known: "Kuzu: no relationship uniqueness across the patterns of one MATCH; openCypher " +
           "(tiegraph) binds r1 and r2 to different relationships (tiegraph 86, Kuzu 100)",
    text: "MATCH (a:Hospital)-[r1]-(b), (b)-[r2]-(c) RETURN count(*) AS paths" },
  { name: "no_uniqueness_across_clauses",
    text: "MATCH (a:Hospital)-[r1]-(b) MATCH (b)-[r2]-(c) RETURN count(*) AS paths" },
  { name: "triangles",
    text: "MATCH (a)-[]-(b)-[]-(c)-[]-(a) WHERE a.key < b.key AND b.key < c.key " +
          "RETURN DISTINCT a.key, b.key, c.key" },
  { name: "pairs_with_several_ties",
    text: "MATCH (a)-[r1]-(b)-[r2]-(a) WHERE r1.key < r2.key AND a.key < b.key " +
          "RETURN a.key, b.key, r1.key, r2.key" },
  { name: "labels_along_a_chain",
    text: "MATCH (a:Government)-[]-(b:Academia)-[]-(c:Hospital) RETURN DISTINCT a.key, b.key, c.key" },
  { name: "incoming_directed",
    text: "MATCH (c)<-[:membership]-(m) RETURN c.key, count(m) AS members" },
  { name: "siblings_under_a_parent",
    text: "MATCH (a)-[:part_of]->(p)<-[:part_of]-(b) WHERE a.key < b.key " +
          "RETURN a.key, b.key, p.key" },
  { name: "relationship_property_map",
    text: "MATCH (a)-[r:membership {role: 'chair'}]->(b) RETURN a.key, b.key" },
  { name: "reachable_within_three",
    text: "MATCH (a:Hospital)-[*1..3]-(b:Academia) RETURN DISTINCT a.key, b.key" },
  { name: "reachable_within_four",
    text: "MATCH (a:Hospital)-[*1..4]-(b:Government) RETURN DISTINCT a.key, b.key" },
  { name: "typed_variable_length",
    known: "Kuzu: walks may go back along the same tie, so mohw reaches itself " +
           "(mohw -> council -> mohw); openCypher (tiegraph) trails do not (18 against 19)",
    text: "MATCH (a)-[:membership*1..2]-(b) WHERE a.key = 'mohw' RETURN DISTINCT b.key" },
  { name: "path_lengths",
    known: "Kuzu: walk semantics, as typed_variable_length (length-2 paths from ncc: 13 against 15)",
    text: "MATCH p = (a:Hospital)-[*1..2]-(b) WHERE a.key = 'ncc' " +
          "RETURN length(p) AS hops, count(*) AS paths" },
  { name: "zero_length_included",
    text: "MATCH (a:Hospital)-[*0..1]-(b) RETURN count(DISTINCT b.key) AS reached" },

  // --- events: Event nodes and PARTICIPATED_IN relationships ---------------------------------
  { name: "participants_per_event", ordered: true,
    text: "MATCH (i)-[:PARTICIPATED_IN]->(e:Event) RETURN e.key AS event, " +
          "count(i) AS participants ORDER BY participants DESC, event" },
  { name: "institutions_sharing_an_event",
    text: "MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b) " +
          "WHERE a.key < b.key RETURN a.key, b.key, count(e) AS events" },
  { name: "event_dates", ordered: true,
    text: "MATCH (e:Event) RETURN e.key AS key, e.date AS date, e.type AS type ORDER BY key" },
  { name: "events_per_year",
    tiegraph: "MATCH (e:Event) WHERE e.date IS NOT NULL RETURN e.date.year AS year, " +
              "count(*) AS events",
    kuzu: "MATCH (e:Event) WHERE e.date IS NOT NULL RETURN date_part('year', e.date) AS year, " +
          "count(*) AS events" },
  { name: "roles_at_events",
    text: "MATCH (i)-[p:PARTICIPATED_IN]->(e) WHERE p.role IS NOT NULL " +
          "RETURN e.key, i.key, p.role" },

  // --- projection, ordering, parameters, syntax ----------------------------------------------
  { name: "order_by_unprojected_property", ordered: true,
    text: "MATCH (n:Hospital) RETURN n.key AS k ORDER BY n.name" },
  { name: "with_order_limit", ordered: true,
    text: "MATCH (n) WITH n, n.key AS k ORDER BY k DESC LIMIT 3 RETURN k" },
  { name: "with_aggregate_then_match",
    text: "MATCH (n)-[r]-() WITH n, count(r) AS degree WHERE degree > 5 " +
          "MATCH (n)-[]-(m:Hospital) RETURN DISTINCT n.key, m.key" },
  { name: "average_of_degrees",
    text: "MATCH (n)-[]-(m) WITH n.sector AS s, n, count(m) AS d " +
          "RETURN s, avg(d) AS mean, min(d) AS least, max(d) AS most" },
  { name: "shadowing_a_variable",
    text: "MATCH (n:Hospital) WITH n.key AS n RETURN n" },
  { name: "unwind_distinct_with_nulls",
    text: "UNWIND [1, 1, 2, null, null] AS x RETURN DISTINCT x" },
  { name: "distinct_lists",
    text: "MATCH (n) RETURN DISTINCT n.region AS region" },
  { name: "last_element",
    text: "MATCH (n:Hospital) RETURN n.key, n.region[-1] AS place" },
  { name: "chained_optional_matches",
    text: "MATCH (h:Hospital) OPTIONAL MATCH (h)-[]-(u:Academia) " +
          "OPTIONAL MATCH (u)-[]-(g:Government) RETURN h.key, u.key, g.key" },
  { name: "optional_match_first",
    text: "OPTIONAL MATCH (n:Hospital {key: 'none'}) RETURN n.key AS k" },
  { name: "list_parameter", params: { sectors: ["hospital", "research"] },
    text: "MATCH (n) WHERE n.sector IN $sectors RETURN n.key" },
  { name: "integer_parameter", params: { min: 10 },
    text: "MATCH (n)-[r]-() WITH n, count(r) AS d WHERE d >= $min RETURN n.key, d" },
  { name: "comments_backticks_lowercase",
    text: "match (`the node`:Hospital) // hospitals\n/* all */ where `the node`.foreign = false " +
          "return count(*) as c" },
  { name: "xor_and_null_logic",
    text: "MATCH (n:Industry) RETURN n.key, n.foreign XOR n.generic AS x, " +
          "(n.parent = 'a') OR true AS o, (n.parent = 'a') AND false AS a" },
  { name: "mixed_numbers",
    known: "Kuzu: a list literal mixing integers and floats becomes a list of floats, so " +
           "1 / 2 is 0.5; openCypher (tiegraph) keeps 1 an integer: 0",
    text: "UNWIND [1, 2.5, 3] AS x RETURN x, x > 2 AS greater, x = 3.0 AS equal, x / 2 AS half" },
  { name: "integer_division_signs",
    text: "UNWIND [-7, 7] AS x RETURN x, x / 2 AS d, x % 3 AS m" },

  // --- null semantics where Kuzu departs from openCypher ---------------------------------------
  { name: "simple_case_with_null",
    known: "Kuzu: CASE x WHEN null matches a null x; openCypher (tiegraph) compares with =, " +
           "so null never matches",
    text: "MATCH (n:Industry) RETURN n.key, CASE n.parent WHEN null THEN 'none' ELSE 'some' END AS p" },
  { name: "in_list_with_null",
    known: "Kuzu: 'y' IN [null, 'x'] is false; openCypher (tiegraph) gives null",
    text: "UNWIND ['x', 'y'] AS v RETURN v, v IN [null, 'x'] AS found" },
  { name: "sum_of_nothing",
    known: "Kuzu: sum() over no rows is null; openCypher (tiegraph) gives 0",
    text: "MATCH (n:Hospital) WHERE n.key = 'none' RETURN sum(1) AS s, min(n.key) AS m, avg(1) AS a" },
  { name: "collect_of_nulls",
    known: "Kuzu: collect() of nulls only is null; openCypher (tiegraph) gives []",
    text: "MATCH (n)-[]-(m) RETURN n.key, size(collect(DISTINCT m.sector)) AS sectors" },
  { name: "concatenation_with_null",
    known: "Kuzu: 'a' + null is 'a'; openCypher (tiegraph) gives null",
    text: "MATCH (n:Industry) RETURN n.key, n.key + n.parent AS x" },
  { name: "subscript_out_of_range",
    known: "Kuzu: a subscript out of range is an error; openCypher (tiegraph) gives null",
    tiegraph: "MATCH (n:Hospital) RETURN n.key, n.region[5] AS x",
    kuzu: "MATCH (n:Hospital) RETURN n.key, n.region[6] AS x" },
];
