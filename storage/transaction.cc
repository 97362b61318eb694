// Transaction: reads through the changes, and the record-level operations (create, put,
// delete of a tie). Structural operations are in transaction_ops.cc, the commit in
// transaction_commit.cc.
#include <algorithm>

#include "field_checks.h"
#include "key_format.h"
#include "record_codec.h"
#include "transaction_impl.h"

namespace tiegraph {
namespace {

rocksdb::Slice AsSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

Status Unknown(std::string_view what, std::string_view key) {
  return Status::NotFound("no " + std::string(what) + " with key '" + std::string(key) + "'");
}

}  // namespace

Status Transaction::Impl::Get(int family, std::string_view key, std::string* value) const {
  auto s = store->db->Get(rocksdb::ReadOptions(), store->cf[family], AsSlice(key), value);
  if (s.IsNotFound()) return Status::NotFound(std::string(key));
  return FromRocks(s, std::string("reading ") + keys::FamilyName(family));
}

Status Transaction::Impl::Writable() const {
  return committed ? Status::InvalidArgument("the transaction has been committed") : Status::OK();
}

Result<std::pair<Institution, uint32_t>> Transaction::Impl::StoredInstitution(
    std::string_view key) const {
  std::string v;
  Status s = Get(keys::kInstitutions, key, &v);
  if (s.IsNotFound()) return Unknown("institution", key);
  TIEGRAPH_RETURN_IF_ERROR(s);
  std::pair<Institution, uint32_t> out;
  TIEGRAPH_RETURN_IF_ERROR(DecodeInstitution(v, &out.first, &out.second));
  return out;
}

Result<std::pair<Tie, uint64_t>> Transaction::Impl::StoredTie(std::string_view key) const {
  std::string seq;
  Status s = Get(keys::kTieKeys, key, &seq);
  if (s.IsNotFound()) return Unknown("tie", key);
  TIEGRAPH_RETURN_IF_ERROR(s);
  if (seq.size() != 8) return Status::Corruption("the tie key " + std::string(key) + " is damaged");
  std::string v;
  TIEGRAPH_RETURN_IF_ERROR(Get(keys::kTies, seq, &v));
  std::pair<Tie, uint64_t> out;
  TIEGRAPH_RETURN_IF_ERROR(DecodeTie(v, &out.first));
  out.second = keys::ReadU64(seq.data());
  return out;
}

Result<uint32_t> Transaction::Impl::StoredNodeId(std::string_view key) const {
  std::string v;
  TIEGRAPH_RETURN_IF_ERROR(Get(keys::kInstitutions, key, &v));
  uint32_t id = 0;
  TIEGRAPH_RETURN_IF_ERROR(DecodeInstitutionNodeId(v, &id));
  return id;
}

Result<std::optional<Institution>> Transaction::Impl::Institution_(std::string_view key) const {
  if (auto it = nodes.find(key); it != nodes.end()) return it->second.after;
  auto stored = StoredInstitution(key);
  if (stored.status().IsNotFound()) return std::optional<Institution>();
  if (!stored.ok()) return stored.status();
  return std::optional<Institution>(std::move(stored->first));
}

Result<std::optional<Tie>> Transaction::Impl::Tie_(std::string_view key) const {
  if (auto it = ties.find(key); it != ties.end()) return it->second.after;
  auto stored = StoredTie(key);
  if (stored.status().IsNotFound()) return std::optional<Tie>();
  if (!stored.ok()) return stored.status();
  return std::optional<Tie>(std::move(stored->first));
}

Result<std::optional<Event>> Transaction::Impl::Event_(std::string_view key) const {
  if (auto it = events.find(key); it != events.end()) return it->second.after;
  auto stored = snap->GetEvent(key);
  if (stored.status().IsNotFound()) return std::optional<Event>();
  if (!stored.ok()) return stored.status();
  return std::optional<Event>(std::move(*stored));
}

Result<uint32_t> Transaction::Impl::NodeIdAfter(std::string_view key) const {
  if (auto it = nodes.find(key); it != nodes.end()) {
    if (!it->second.after) return Unknown("institution", key);
    return it->second.id;
  }
  return StoredNodeId(key);
}

void Transaction::Impl::SetInstitution(std::string key, std::optional<Institution> after) {
  auto it = nodes.find(key);
  if (it == nodes.end()) {
    NodeChange c;
    auto id = StoredNodeId(key);
    c.stored = id.ok();
    c.id = id.ok() ? *id : static_cast<uint32_t>(next_node++);
    it = nodes.emplace(std::move(key), std::move(c)).first;
  }
  it->second.after = std::move(after);
}

void Transaction::Impl::SetTie(std::string key, std::optional<Tie> after) {
  auto it = ties.find(key);
  if (it == ties.end()) {
    TieChange c;
    auto stored = StoredTie(key);
    c.stored = stored.ok();
    c.seq = stored.ok() ? stored->second : next_seq++;
    it = ties.emplace(std::move(key), std::move(c)).first;
  }
  it->second.after = std::move(after);
}

void Transaction::Impl::SetEvent(std::string key, std::optional<Event> after) {
  auto it = events.find(key);
  if (it == events.end()) {
    EventChange c;
    c.stored = snap->GetEvent(key).ok();
    it = events.emplace(std::move(key), std::move(c)).first;
  }
  it->second.after = std::move(after);
}

Transaction::Transaction(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Transaction::~Transaction() = default;

Result<std::unique_ptr<Transaction>> Transaction::Begin(Store* store,
                                                        const TransactionOptions& options) {
  Store::Impl* s = store->impl_.get();
  if (s->read_only) return Status::NotSupported("the database was opened read-only");
  auto impl = std::make_unique<Impl>();
  impl->store = s;
  impl->options = options;
  impl->lock = std::unique_lock<std::mutex>(s->write_mu);
  impl->snap = store->Read();  // after the lock: no commit can come between
  auto counts = impl->snap->GetCounts();
  if (!counts.ok()) return counts.status();
  impl->next_node = counts->next_node_id;
  impl->next_seq = counts->next_tie_seq;
  auto vocabulary = impl->snap->GetTieTypeVocabulary();
  if (!vocabulary.ok()) return vocabulary.status();
  impl->vocabulary = std::move(*vocabulary);
  return std::unique_ptr<Transaction>(new Transaction(std::move(impl)));
}

Result<Institution> Transaction::GetInstitution(std::string_view key) const {
  auto in = impl_->Institution_(key);
  if (!in.ok()) return in.status();
  if (!*in) return Unknown("institution", key);
  return std::move(**in);
}

Result<Tie> Transaction::GetTie(std::string_view key) const {
  auto t = impl_->Tie_(key);
  if (!t.ok()) return t.status();
  if (!*t) return Unknown("tie", key);
  return std::move(**t);
}

Result<Event> Transaction::GetEvent(std::string_view key) const {
  auto ev = impl_->Event_(key);
  if (!ev.ok()) return ev.status();
  if (!*ev) return Unknown("event", key);
  return std::move(**ev);
}

Result<std::vector<Tie>> Transaction::TiesOf(std::string_view institution) const {
  return impl_->TiesAt(institution);
}

namespace {

Status FieldError(std::string_view key, const std::optional<FieldProblem>& bad) {
  return Status::InvalidArgument(std::string(key) + ": " + bad->field + " " + bad->message);
}

}  // namespace

Result<uint32_t> Transaction::NodeId(std::string_view key) const {
  auto now = impl_->Institution_(key);
  if (!now.ok()) return now.status();
  if (!*now) return Status::NotFound("no node '" + std::string(key) + "'");
  return impl_->NodeIdAfter(key);
}

Result<uint64_t> Transaction::TieSequence(std::string_view key) const {
  auto now = impl_->Tie_(key);
  if (!now.ok()) return now.status();
  if (!*now) return Status::NotFound("no tie '" + std::string(key) + "'");
  if (auto it = impl_->ties.find(key); it != impl_->ties.end()) return it->second.seq;
  return impl_->snap->TieSequence(key);
}

namespace {

// The key a write gives a record created without one: "#<number>", or "#<number>.<n>" should
// that be taken. `lookup` gives the record a key names, as the transaction leaves it.
template <typename Lookup>
Result<std::string> AssignedKey(uint64_t number, Lookup&& lookup) {
  const std::string base = "#" + std::to_string(number);
  std::string key = base;
  for (int n = 1;; ++n) {
    auto now = lookup(key);
    if (!now.ok()) return now.status();
    if (!now->has_value()) return key;
    key = base + "." + std::to_string(n);
  }
}

}  // namespace

Result<std::string> Transaction::CreateInstitution(const Institution& node) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  Institution in = node;
  if (in.key.empty()) {
    auto key =
        AssignedKey(impl_->next_node, [&](const std::string& k) { return impl_->Institution_(k); });
    if (!key.ok()) return key.status();
    in.key = std::move(*key);
  }
  TIEGRAPH_RETURN_IF_ERROR(CheckKey(in.key).WithContext("key"));
  if (auto bad = CheckInstitutionFields(in)) return FieldError(in.key, bad);
  auto now = impl_->Institution_(in.key);
  if (!now.ok()) return now.status();
  if (*now) return Status::InvalidArgument("a node with key '" + in.key + "' exists");
  std::string key = in.key;
  impl_->SetInstitution(key, std::move(in));
  return key;
}

Status Transaction::PutInstitution(const Institution& in) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  auto now = impl_->Institution_(in.key);
  if (!now.ok()) return now.status();
  if (!*now) return Unknown("institution", in.key);
  if (auto bad = CheckInstitutionFields(in)) return FieldError(in.key, bad);
  impl_->SetInstitution(in.key, in);
  return Status::OK();
}

Result<std::string> Transaction::CreateTie(const Tie& tie) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  Tie t = tie;
  t.type = impl_->vocabulary.Learn(t.type);
  if (t.key.empty()) {
    auto key = AssignedKey(impl_->next_seq, [&](const std::string& k) { return impl_->Tie_(k); });
    if (!key.ok()) return key.status();
    t.key = std::move(*key);
  }
  TIEGRAPH_RETURN_IF_ERROR(CheckKey(t.key).WithContext("key"));
  if (auto bad = CheckTieFields(t)) return FieldError(t.key, bad);
  auto now = impl_->Tie_(t.key);
  if (!now.ok()) return now.status();
  if (*now) return Status::InvalidArgument("a tie with key '" + t.key + "' exists");
  if (t.source == t.target && !impl_->options.allow_self_loops)
    return Status::InvalidArgument(t.key + ": a tie from " + t.source + " to itself");
  impl_->SetTie(t.key, t);
  return t.key;
}

Status Transaction::PutTie(const Tie& tie) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  auto now = impl_->Tie_(tie.key);
  if (!now.ok()) return now.status();
  if (!*now) return Unknown("tie", tie.key);
  if (auto bad = CheckTieFields(tie)) return FieldError(tie.key, bad);
  if (tie.source == tie.target && (*now)->source != (*now)->target &&
      !impl_->options.allow_self_loops)
    return Status::InvalidArgument(tie.key + ": a tie from " + tie.source + " to itself");
  Tie t = tie;
  t.type = impl_->vocabulary.Learn(t.type);
  const std::string key = t.key;  // before t is moved from
  impl_->SetTie(key, std::move(t));
  return Status::OK();
}

// Gives every stored tie whose type the vocabulary spells otherwise its canonical spelling
// (ties this transaction changed were canonicalised when changed).
static Status RetypeStoredTies(Transaction::Impl* impl) {
  std::map<std::string, std::string, std::less<>> respelled;  // stored type -> canonical
  auto stored = impl->snap->TieTypes();
  if (!stored.ok()) return stored.status();
  for (const auto& t : *stored) {
    if (std::string c = impl->vocabulary.Canonical(t); c != t) respelled.emplace(t, c);
  }
  if (respelled.empty()) return Status::OK();
  std::vector<uint64_t> sequences;
  TIEGRAPH_RETURN_IF_ERROR(impl->snap->ForEachTieSummary([&](const TieSummary& t) {
    if (respelled.count(t.type)) sequences.push_back(t.sequence);
    return true;
  }));
  for (uint64_t seq : sequences) {
    std::string v;
    TIEGRAPH_RETURN_IF_ERROR(impl->Get(keys::kTies, keys::TieSeqKey(seq), &v));
    Tie t;
    TIEGRAPH_RETURN_IF_ERROR(DecodeTie(v, &t));
    if (impl->ties.count(t.key)) continue;
    t.type = respelled.find(t.type)->second;
    const std::string key = t.key;  // before t is moved from
    impl->SetTie(key, std::move(t));
  }
  for (auto& [k, c] : impl->ties) {
    if (c.after) c.after->type = impl->vocabulary.Canonical(c.after->type);
  }
  return Status::OK();
}

Status Transaction::AliasTieType(std::string_view alias, std::string_view type) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  if (std::string why = impl_->vocabulary.AddAlias(alias, type); !why.empty())
    return Status::InvalidArgument("alias: " + why);
  impl_->aliases_changed = true;
  return RetypeStoredTies(impl_.get());
}

Status Transaction::CanonicalizeTieTypes() {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  return RetypeStoredTies(impl_.get());
}

Status Transaction::CreateEvent(const Event& ev) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  TIEGRAPH_RETURN_IF_ERROR(CheckKey(ev.key).WithContext("key"));
  if (auto bad = CheckEventFields(ev)) return FieldError(ev.key, bad);
  auto now = impl_->Event_(ev.key);
  if (!now.ok()) return now.status();
  if (*now) return Status::InvalidArgument("an event with key '" + ev.key + "' exists");
  impl_->SetEvent(ev.key, ev);
  return Status::OK();
}

Status Transaction::PutEvent(const Event& ev) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  auto now = impl_->Event_(ev.key);
  if (!now.ok()) return now.status();
  if (!*now) return Unknown("event", ev.key);
  if (auto bad = CheckEventFields(ev)) return FieldError(ev.key, bad);
  impl_->SetEvent(ev.key, ev);
  return Status::OK();
}

Status Transaction::DeleteTie(std::string_view key) {
  TIEGRAPH_RETURN_IF_ERROR(impl_->Writable());
  auto now = impl_->Tie_(key);
  if (!now.ok()) return now.status();
  if (!*now) return Unknown("tie", key);
  impl_->SetTie(std::string(key), std::nullopt);
  return Status::OK();
}

}  // namespace tiegraph
