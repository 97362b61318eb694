# On-disk record schemas. Field numbers are never reused or renumbered; new fields are appended.
# See storage/FORMAT.md.
@0xc6a1f0b2e4d3a951;

struct DateRec {
  year @0 :Int32;
  month @1 :UInt8;
  day @2 :UInt8;
  precision @3 :UInt8;   # 0 unknown, 1 year, 2 month, 3 day
}

struct EvidenceRec {
  source @0 :Text;
  quote @1 :Text;
  url @2 :Text;
}

struct PropertyRec {
  name @0 :Text;
  value :union {
    text @1 :Text;
    integer @2 :Int64;
    real @3 :Float64;
    boolean @4 :Bool;
    date @5 :DateRec;
    list @6 :List(ScalarRec);
  }
}

# One item of a list property.
struct ScalarRec {
  value :union {
    text @0 :Text;
    integer @1 :Int64;
    real @2 :Float64;
    boolean @3 :Bool;
    date @4 :DateRec;
  }
}

struct InstitutionRec {
  key @0 :Text;
  name @1 :Text;
  aliases @2 :List(Text);
  sector @3 :UInt8;          # tiegraph::Sector
  otherSectors @4 :List(UInt8);
  kind @5 :Text;
  foreign @6 :Bool;
  region @7 :List(Text);
  parent @8 :Text;
  properties @9 :List(PropertyRec);
  evidence @10 :List(EvidenceRec);
  nodeId @11 :UInt32;        # dense internal id, the adjacency index's node number
  labels @12 :List(Text);    # the node's labels when labelsStored; else ["Institution"]
  labelsStored @13 :Bool;    # false in records written before nodes had labels
}

struct TieRec {
  key @0 :Text;
  source @1 :Text;
  target @2 :Text;
  type @3 :Text;
  directed @4 :Bool;
  strength @5 :Float64;
  status @6 :UInt8;          # tiegraph::TieStatus
  confidence @7 :UInt8;      # tiegraph::Confidence
  since @8 :DateRec;
  until @9 :DateRec;
  event @10 :Text;
  role @11 :Text;
  properties @12 :List(PropertyRec);
  evidence @13 :List(EvidenceRec);
  sourceId @14 :UInt32;
  targetId @15 :UInt32;
}

struct ParticipantRec {
  institution @0 :Text;
  role @1 :Text;
}

struct EventRec {
  key @0 :Text;
  name @1 :Text;
  type @2 :Text;
  date @3 :DateRec;
  participants @4 :List(ParticipantRec);
  properties @5 :List(PropertyRec);
  evidence @6 :List(EvidenceRec);
}
