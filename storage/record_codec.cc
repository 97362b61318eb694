#include "record_codec.h"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <algorithm>
#include <cstring>

#include "records.capnp.h"

namespace tiegraph {
namespace {

// Writes the message in Cap'n Proto's standard flat form (segment table, then segments).
// The common single-segment case writes its 8-byte table by hand to avoid a second copy.
void Flatten(capnp::MessageBuilder& message, std::string* out) {
  auto segments = message.getSegmentsForOutput();
  if (segments.size() == 1) {
    auto bytes = segments[0].asBytes();
    const uint32_t table[2] = {0, static_cast<uint32_t>(segments[0].size())};  // little-endian
    out->resize(sizeof table + bytes.size());
    std::memcpy(out->data(), table, sizeof table);
    std::memcpy(out->data() + sizeof table, bytes.begin(), bytes.size());
    return;
  }
  auto words = capnp::messageToFlatArray(segments);
  auto bytes = words.asBytes();
  out->assign(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

// A zeroed first segment for building messages without a heap allocation per record.
// Cap'n Proto requires the first segment to be zeroed; the words a message used are cleared
// again once it has been copied out. One per thread: bulk imports encode on two threads.
class ScratchSegment {
 public:
  kj::ArrayPtr<capnp::word> Words() { return kj::arrayPtr(words_, kWords); }
  void Clear(size_t used_words) {
    std::memset(words_, 0, std::min(used_words, kWords) * sizeof(capnp::word));
  }

 private:
  static constexpr size_t kWords = 2048;
  capnp::word words_[kWords] = {};
};

// Builds a message on the thread's scratch segment with `build`, then flattens it to `out`.
template <typename Rec, typename BuildFn>
void EncodeWith(BuildFn&& build, std::string* out) {
  thread_local ScratchSegment scratch;
  size_t used = 0;
  {
    capnp::MallocMessageBuilder message(scratch.Words());
    build(message.initRoot<Rec>());
    Flatten(message, out);
    used = message.getSegmentsForOutput()[0].size();
  }
  scratch.Clear(used);
}

kj::StringPtr Text(const std::string& s) { return kj::StringPtr(s.c_str(), s.size()); }
std::string Str(capnp::Text::Reader t) { return std::string(t.cStr(), t.size()); }

void PutDate(DateRec::Builder b, const Date& d) {
  b.setYear(d.year);
  b.setMonth(d.month);
  b.setDay(d.day);
  b.setPrecision(static_cast<uint8_t>(d.precision));
}
Date GetDate(DateRec::Reader r) {
  Date d;
  d.year = r.getYear();
  d.month = r.getMonth();
  d.day = r.getDay();
  d.precision = static_cast<Date::Precision>(r.getPrecision() > 3 ? 0 : r.getPrecision());
  return d;
}

void PutEvidence(capnp::List<EvidenceRec>::Builder list, const std::vector<Evidence>& ev) {
  for (size_t i = 0; i < ev.size(); ++i) {
    auto b = list[static_cast<unsigned>(i)];
    b.setSource(Text(ev[i].source));
    b.setQuote(Text(ev[i].quote));
    b.setUrl(Text(ev[i].url));
  }
}
std::vector<Evidence> GetEvidence(capnp::List<EvidenceRec>::Reader list) {
  std::vector<Evidence> out;
  out.reserve(list.size());
  for (auto r : list) out.push_back({Str(r.getSource()), Str(r.getQuote()), Str(r.getUrl())});
  return out;
}

// A scalar into a union builder of PropertyRec or ScalarRec (the two spell their members alike).
template <typename Builder>
void PutScalar(Builder v, const PropertyScalar& scalar) {
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string>)
          v.setText(Text(x));
        else if constexpr (std::is_same_v<T, int64_t>)
          v.setInteger(x);
        else if constexpr (std::is_same_v<T, double>)
          v.setReal(x);
        else if constexpr (std::is_same_v<T, bool>)
          v.setBoolean(x);
        else
          PutDate(v.initDate(), x);
      },
      scalar);
}

// The scalar a union reader of PropertyRec or ScalarRec holds; false for a list.
template <typename Reader, typename Which>
bool GetScalar(Reader v, PropertyScalar* out) {
  switch (v.which()) {
    case Which::TEXT:
      *out = Str(v.getText());
      return true;
    case Which::INTEGER:
      *out = v.getInteger();
      return true;
    case Which::REAL:
      *out = v.getReal();
      return true;
    case Which::BOOLEAN:
      *out = v.getBoolean();
      return true;
    case Which::DATE:
      *out = GetDate(v.getDate());
      return true;
    default:
      return false;
  }
}

PropertyValue ToValue(PropertyScalar scalar) {
  return std::visit([](auto&& x) -> PropertyValue { return std::move(x); }, std::move(scalar));
}

void PutProperties(capnp::List<PropertyRec>::Builder list, const std::vector<Property>& props) {
  for (size_t i = 0; i < props.size(); ++i) {
    auto b = list[static_cast<unsigned>(i)];
    b.setName(Text(props[i].name));
    auto v = b.initValue();
    if (const auto* l = std::get_if<PropertyList>(&props[i].value)) {
      auto items = v.initList(static_cast<unsigned>(l->items.size()));
      for (size_t j = 0; j < l->items.size(); ++j) {
        PutScalar(items[static_cast<unsigned>(j)].initValue(), l->items[j]);
      }
      continue;
    }
    std::visit(
        [&](const auto& x) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(x)>, PropertyList>) PutScalar(v, x);
        },
        props[i].value);
  }
}
std::vector<Property> GetProperties(capnp::List<PropertyRec>::Reader list) {
  std::vector<Property> out;
  out.reserve(list.size());
  for (auto r : list) {
    Property p;
    p.name = Str(r.getName());
    auto v = r.getValue();
    PropertyScalar scalar;
    if (GetScalar<PropertyRec::Value::Reader, PropertyRec::Value>(v, &scalar)) {
      p.value = ToValue(std::move(scalar));
    } else if (v.which() == PropertyRec::Value::LIST) {
      PropertyList l;
      for (auto item : v.getList()) {
        if (GetScalar<ScalarRec::Value::Reader, ScalarRec::Value>(item.getValue(), &scalar)) {
          l.items.push_back(std::move(scalar));
        }
      }
      p.value = std::move(l);
    }
    out.push_back(std::move(p));
  }
  return out;
}

void PutTexts(capnp::List<capnp::Text>::Builder list, const std::vector<std::string>& v) {
  for (size_t i = 0; i < v.size(); ++i) list.set(static_cast<unsigned>(i), Text(v[i]));
}
std::vector<std::string> GetTexts(capnp::List<capnp::Text>::Reader list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (auto t : list) out.push_back(Str(t));
  return out;
}

uint8_t Checked(uint8_t value, uint8_t count) { return value < count ? value : 0; }

// Runs `decode` on the record in `bytes`; Cap'n Proto's exceptions become Corruption.
template <typename Rec, typename Fn>
Status Decode(std::string_view bytes, const char* what, Fn&& decode) {
  if (bytes.size() % sizeof(capnp::word) != 0 || bytes.empty()) {
    return Status::Corruption(std::string(what) + " record has a bad length");
  }
  // RocksDB values are not word aligned; copy into aligned words (records are small).
  kj::Array<capnp::word> words = kj::heapArray<capnp::word>(bytes.size() / sizeof(capnp::word));
  std::memcpy(words.begin(), bytes.data(), bytes.size());
  Status status;
  KJ_IF_MAYBE (e, kj::runCatchingExceptions([&]() {
                 capnp::FlatArrayMessageReader reader(words);
                 decode(reader.getRoot<Rec>());
               })) {
    status = Status::Corruption(std::string(what) +
                                " record is damaged: " + std::string(e->getDescription().cStr()));
  }
  return status;
}

}  // namespace

void EncodeInstitution(const Institution& in, uint32_t node_id, std::string* out) {
  EncodeWith<InstitutionRec>(
      [&](InstitutionRec::Builder b) {
        b.setKey(Text(in.key));
        b.setName(Text(in.name));
        PutTexts(b.initAliases(static_cast<unsigned>(in.aliases.size())), in.aliases);
        b.setSector(static_cast<uint8_t>(in.sector));
        auto others = b.initOtherSectors(static_cast<unsigned>(in.other_sectors.size()));
        for (size_t i = 0; i < in.other_sectors.size(); ++i) {
          others.set(static_cast<unsigned>(i), static_cast<uint8_t>(in.other_sectors[i]));
        }
        b.setKind(Text(in.kind));
        b.setForeign(in.foreign);
        PutTexts(b.initRegion(static_cast<unsigned>(in.region.size())), in.region);
        b.setParent(Text(in.parent));
        PutProperties(b.initProperties(static_cast<unsigned>(in.properties.size())), in.properties);
        PutEvidence(b.initEvidence(static_cast<unsigned>(in.evidence.size())), in.evidence);
        b.setNodeId(node_id);
        PutTexts(b.initLabels(static_cast<unsigned>(in.labels.size())), in.labels);
        b.setLabelsStored(true);
      },
      out);
}

Status DecodeInstitution(std::string_view bytes, Institution* out, uint32_t* node_id) {
  return Decode<InstitutionRec>(bytes, "institution", [&](InstitutionRec::Reader r) {
    Institution in;
    in.key = Str(r.getKey());
    in.name = Str(r.getName());
    in.aliases = GetTexts(r.getAliases());
    in.sector = static_cast<Sector>(Checked(r.getSector(), kSectorCount));
    for (uint8_t s : r.getOtherSectors()) {
      in.other_sectors.push_back(static_cast<Sector>(Checked(s, kSectorCount)));
    }
    in.kind = Str(r.getKind());
    in.foreign = r.getForeign();
    in.region = GetTexts(r.getRegion());
    in.parent = Str(r.getParent());
    in.properties = GetProperties(r.getProperties());
    in.evidence = GetEvidence(r.getEvidence());
    if (r.getLabelsStored()) in.labels = GetTexts(r.getLabels());
    if (node_id) *node_id = r.getNodeId();
    *out = std::move(in);
  });
}

Status DecodeInstitutionNodeId(std::string_view bytes, uint32_t* node_id) {
  return Decode<InstitutionRec>(bytes, "institution",
                                [&](InstitutionRec::Reader r) { *node_id = r.getNodeId(); });
}

void EncodeTie(const Tie& tie, std::string_view key, uint32_t source_id, uint32_t target_id,
               std::string* out) {
  EncodeWith<TieRec>(
      [&](TieRec::Builder b) {
        b.setKey(capnp::Text::Reader(key.data(), key.size()));
        b.setSource(Text(tie.source));
        b.setTarget(Text(tie.target));
        b.setType(Text(tie.type));
        b.setDirected(tie.directed);
        b.setStrength(tie.strength);
        b.setStatus(static_cast<uint8_t>(tie.status));
        b.setConfidence(static_cast<uint8_t>(tie.confidence));
        PutDate(b.initSince(), tie.since);
        PutDate(b.initUntil(), tie.until);
        b.setEvent(Text(tie.event));
        b.setRole(Text(tie.role));
        if (!tie.properties.empty()) {
          PutProperties(b.initProperties(static_cast<unsigned>(tie.properties.size())),
                        tie.properties);
        }
        if (!tie.evidence.empty()) {
          PutEvidence(b.initEvidence(static_cast<unsigned>(tie.evidence.size())), tie.evidence);
        }
        b.setSourceId(source_id);
        b.setTargetId(target_id);
      },
      out);
}

Status DecodeTie(std::string_view bytes, Tie* out) {
  return Decode<TieRec>(bytes, "tie", [&](TieRec::Reader r) {
    Tie t;
    t.key = Str(r.getKey());
    t.source = Str(r.getSource());
    t.target = Str(r.getTarget());
    t.type = Str(r.getType());
    t.directed = r.getDirected();
    t.strength = r.getStrength();
    t.status = static_cast<TieStatus>(Checked(r.getStatus(), 3));
    t.confidence = static_cast<Confidence>(Checked(r.getConfidence(), 3));
    t.since = GetDate(r.getSince());
    t.until = GetDate(r.getUntil());
    t.event = Str(r.getEvent());
    t.role = Str(r.getRole());
    t.properties = GetProperties(r.getProperties());
    t.evidence = GetEvidence(r.getEvidence());
    *out = std::move(t);
  });
}

void EncodeEvent(const Event& ev, std::string* out) {
  EncodeWith<EventRec>(
      [&](EventRec::Builder b) {
        b.setKey(Text(ev.key));
        b.setName(Text(ev.name));
        b.setType(Text(ev.type));
        PutDate(b.initDate(), ev.date);
        auto parts = b.initParticipants(static_cast<unsigned>(ev.participants.size()));
        for (size_t i = 0; i < ev.participants.size(); ++i) {
          parts[static_cast<unsigned>(i)].setInstitution(Text(ev.participants[i].institution));
          parts[static_cast<unsigned>(i)].setRole(Text(ev.participants[i].role));
        }
        PutProperties(b.initProperties(static_cast<unsigned>(ev.properties.size())), ev.properties);
        PutEvidence(b.initEvidence(static_cast<unsigned>(ev.evidence.size())), ev.evidence);
      },
      out);
}

Status DecodeEvent(std::string_view bytes, Event* out) {
  return Decode<EventRec>(bytes, "event", [&](EventRec::Reader r) {
    Event e;
    e.key = Str(r.getKey());
    e.name = Str(r.getName());
    e.type = Str(r.getType());
    e.date = GetDate(r.getDate());
    for (auto p : r.getParticipants()) {
      e.participants.push_back({Str(p.getInstitution()), Str(p.getRole())});
    }
    e.properties = GetProperties(r.getProperties());
    e.evidence = GetEvidence(r.getEvidence());
    *out = std::move(e);
  });
}

}  // namespace tiegraph
