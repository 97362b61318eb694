#include <tiegraph/dump.h>

#include "json_records.h"

namespace tiegraph {

Status DumpJsonl(const Snapshot& snap, std::ostream& out) {
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachInstitution([&](const Institution& in) {
    out << InstitutionToJson(in).dump() << '\n';
    return true;
  }));
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachEvent([&](const Event& ev) {
    out << EventToJson(ev).dump() << '\n';
    return true;
  }));
  TIEGRAPH_RETURN_IF_ERROR(snap.ForEachTie([&](const Tie& t) {
    out << TieToJson(t).dump() << '\n';
    return true;
  }));
  if (!out) return Status::IOError("writing the dump failed");
  return Status::OK();
}

}  // namespace tiegraph
