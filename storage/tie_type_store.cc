#include "tie_type_store.h"

#include "digest_codec.h"
#include "key_format.h"
#include "store_impl.h"
#include "varint.h"

namespace tiegraph {

Result<TieTypeVocabulary> LoadTieTypeVocabulary(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* meta,
                                                const rocksdb::ReadOptions& ro) {
  TieTypeVocabulary v = TieTypeVocabulary::BuiltIn();
  std::string bytes;
  auto s = db->Get(ro, meta, keys::kTieTypeAliasesKey, &bytes);
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "reading the tie-type aliases");
  for (size_t pos = 0; pos < bytes.size();) {
    std::string_view alias, type;
    if (!varint::ReadText(bytes, &pos, &alias) || !varint::ReadText(bytes, &pos, &type))
      return Status::Corruption("the tie-type aliases are damaged");
    v.AddAlias(alias, type);
  }
  bytes.clear();
  s = db->Get(ro, meta, keys::kTieTypesKey, &bytes);
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "reading the tie-type dictionary");
  std::vector<std::string> types;
  if (!digest::DecodeTypes(bytes, &types))
    return Status::Corruption("the tie-type dictionary is damaged");
  for (const auto& t : types) v.AddStored(t);
  return v;
}

std::string EncodeTieTypeAliases(const TieTypeVocabulary& v) {
  std::string out;
  for (const auto& [alias, type] : v.user_aliases()) {
    varint::AppendText(&out, alias);
    varint::AppendText(&out, type);
  }
  return out;
}

}  // namespace tiegraph
