// Records <-> Cap'n Proto bytes. The only place that knows the schema in records.capnp.
// Decoding never throws: a damaged record is a Corruption status.
#ifndef TIEGRAPH_STORAGE_RECORD_CODEC_H_
#define TIEGRAPH_STORAGE_RECORD_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <tiegraph/model.h>
#include <tiegraph/status.h>
#include <tiegraph/store.h>

#include <vector>

namespace tiegraph {

void EncodeInstitution(const Institution& in, uint32_t node_id, std::string* out);
Status DecodeInstitution(std::string_view bytes, Institution* out, uint32_t* node_id = nullptr);
// Reads only the node id: the cheap path for adjacency lookups.
Status DecodeInstitutionNodeId(std::string_view bytes, uint32_t* node_id);

// `key` replaces tie.key (the store assigns keys to ties that have none).
void EncodeTie(const Tie& tie, std::string_view key, uint32_t source_id, uint32_t target_id,
               std::string* out);
Status DecodeTie(std::string_view bytes, Tie* out);

void EncodeEvent(const Event& ev, std::string* out);
Status DecodeEvent(std::string_view bytes, Event* out);

}  // namespace tiegraph

#endif  // TIEGRAPH_STORAGE_RECORD_CODEC_H_
