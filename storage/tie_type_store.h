// The tie-type vocabulary of one database: the built-in types, the user's aliases (meta key
// tie_type_aliases: pairs of varint-length texts, alias then type) and the stored types.
#ifndef TIEGRAPH_STORAGE_TIE_TYPE_STORE_H_
#define TIEGRAPH_STORAGE_TIE_TYPE_STORE_H_

#include <rocksdb/db.h>

#include <string>

#include <tiegraph/status.h>
#include <tiegraph/tie_types.h>

namespace tiegraph {

Result<TieTypeVocabulary> LoadTieTypeVocabulary(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* meta,
                                                const rocksdb::ReadOptions& ro);
std::string EncodeTieTypeAliases(const TieTypeVocabulary& v);

}  // namespace tiegraph

#endif  // TIEGRAPH_STORAGE_TIE_TYPE_STORE_H_
