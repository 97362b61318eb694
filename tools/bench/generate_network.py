#!/usr/bin/python3
"""Generates a synthetic network of institutions and ties for the import benchmarks.

    /usr/bin/python3 tools/bench/generate_network.py OUT_DIR [--institutions 100000]
        [--ties 1000000] [--seed 42]

writes OUT_DIR/institutions.csv (key,name,sector,kind,region) and OUT_DIR/ties.csv
(source,target,key,type,strength,status). The output depends only on the arguments: the same
seed and sizes give byte-identical files.

The ties file puts source,target first because Kuzu's COPY of a rel table takes the two endpoint
columns first and then the rel table's properties in declaration order; tiegraph maps CSV
columns by header name, so the order does not matter to it.

Degrees follow a preferential-attachment ("rich get richer") process: each endpoint is, with
probability ATTACH, a copy of an endpoint already drawn (so picked in proportion to its degree
so far) and otherwise a uniformly random institution. That gives a heavy-tailed degree
distribution with hubs of a few thousand ties, as real collaboration networks have, while every
institution still has a fair chance of some ties. There are no self-loops; parallel ties
between the same pair are allowed (they are distinct ties with their own keys).

Standard library only.
"""

import argparse
import csv
import os
import random
import sys

SECTORS = ["industry", "academia", "research", "hospital", "government", "public-agency",
           "support-org"]
# Rough shares of a regional innovation network: mostly firms.
SECTOR_WEIGHTS = [55, 12, 10, 6, 5, 7, 5]
KINDS = {
    "industry": ["company", "company", "company", "startup", "sme", "conglomerate"],
    "academia": ["university", "university", "college", "graduate-school"],
    "research": ["institute", "institute", "laboratory", "research-center"],
    "hospital": ["hospital", "university-hospital", "clinic"],
    "government": ["ministry", "province", "city", "county-office"],
    "public-agency": ["agency", "foundation", "public-corporation"],
    "support-org": ["association", "technopark", "incubator", "cluster-office"],
}
NAME_TAIL = {
    "industry": ["Co., Ltd.", "Corporation", "Industries", "Tech", "Systems", "Solutions"],
    "academia": ["University", "National University", "College", "Institute of Technology"],
    "research": ["Research Institute", "Laboratory", "Research Center", "Technology Institute"],
    "hospital": ["Hospital", "Medical Center", "University Hospital", "Clinic"],
    "government": ["Provincial Office", "City Hall", "Ministry Office", "County Office"],
    "public-agency": ["Agency", "Foundation", "Promotion Agency", "Public Corporation"],
    "support-org": ["Association", "Technopark", "Business Incubator", "Cluster Office"],
}
FIELDS = ["Advanced Materials", "Bio", "Semiconductor", "Display", "Battery", "Robotics",
          "Precision Machinery", "Marine", "Aerospace", "Automotive", "Digital Health",
          "Smart Factory", "Energy", "Hydrogen", "Software", "Photonics", "Textile", "Food",
          "Chemical", "Nano", "Medical Device", "Agritech", "Logistics", "Steel", "Shipbuilding"]
HANGUL_FIELDS = ["첨단소재", "바이오", "반도체", "디스플레이", "이차전지", "로봇", "정밀기계",
                 "해양", "항공우주", "자동차", "디지털헬스", "스마트공장", "에너지", "수소"]
HANGUL_TAIL = {
    "industry": "주식회사", "academia": "대학교", "research": "연구원", "hospital": "병원",
    "government": "청", "public-agency": "진흥원", "support-org": "협회",
}
REGIONS = {
    "Seoul": ["Gangnam", "Guro", "Mapo", "Seocho", "Songpa", "Geumcheon"],
    "Gyeonggi": ["Suwon", "Seongnam", "Goyang", "Yongin", "Ansan", "Hwaseong", "Pyeongtaek"],
    "Incheon": ["Namdong", "Yeonsu", "Bupyeong"],
    "Daejeon": ["Yuseong", "Daedeok", "Seo"],
    "Busan": ["Haeundae", "Gangseo", "Saha"],
    "Daegu": ["Dalseo", "Buk", "Dong"],
    "Gwangju": ["Buk", "Gwangsan"],
    "Ulsan": ["Nam", "Ulju"],
    "Chungbuk": ["Cheongju", "Chungju", "Osong"],
    "Chungnam": ["Cheonan", "Asan", "Dangjin"],
    "Gyeongbuk": ["Pohang", "Gumi", "Gyeongsan"],
    "Gyeongnam": ["Changwon", "Gimhae", "Jinju", "Geoje"],
    "Jeonbuk": ["Jeonju", "Iksan", "Gunsan"],
    "Jeonnam": ["Yeosu", "Suncheon", "Naju", "Mokpo"],
    "Gangwon": ["Chuncheon", "Wonju", "Gangneung"],
    "Jeju": ["Jeju", "Seogwipo"],
    "Sejong": ["Sejong"],
}
REGION_NAMES = list(REGIONS)
HANGUL_PROVINCE = {
    "Seoul": "서울", "Gyeonggi": "경기", "Incheon": "인천", "Daejeon": "대전", "Busan": "부산",
    "Daegu": "대구", "Gwangju": "광주", "Ulsan": "울산", "Chungbuk": "충북", "Chungnam": "충남",
    "Gyeongbuk": "경북", "Gyeongnam": "경남", "Jeonbuk": "전북", "Jeonnam": "전남",
    "Gangwon": "강원", "Jeju": "제주", "Sejong": "세종",
}
# Population-like weights: the capital region dominates.
REGION_WEIGHTS = [22, 26, 6, 6, 7, 5, 3, 3, 3, 4, 5, 5, 3, 3, 2, 1, 2]
TIE_TYPES = ["collaboration", "joint_research", "supply", "funding", "membership",
             "mou", "technology-transfer", "joint-project", "spin-off", "procurement"]
TIE_TYPE_WEIGHTS = [30, 18, 14, 10, 8, 7, 5, 4, 2, 2]
STATUSES = ["realized", "planned", "proposed"]
STATUS_WEIGHTS = [80, 12, 8]
ATTACH = 0.6  # probability that an endpoint is drawn by degree rather than uniformly


def cumulative(weights):
    out, total = [], 0
    for w in weights:
        total += w
        out.append(total)
    return out


def write_institutions(path, n, rng):
    sector_cum = cumulative(SECTOR_WEIGHTS)
    region_cum = cumulative(REGION_WEIGHTS)
    width = len(str(n))
    keys = []
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["key", "name", "sector", "kind", "region"])
        for i in range(n):
            key = "inst-%0*d" % (width, i + 1)
            sector = rng.choices(SECTORS, cum_weights=sector_cum)[0]
            kind = rng.choice(KINDS[sector])
            province = rng.choices(REGION_NAMES, cum_weights=region_cum)[0]
            city = rng.choice(REGIONS[province])
            if rng.random() < 0.2:  # some names in Korean, as the real data has
                name = "%s%s%s %d" % (HANGUL_PROVINCE[province], rng.choice(HANGUL_FIELDS),
                                      HANGUL_TAIL[sector], i + 1)
            else:
                name = "%s %s %s %d" % (city, rng.choice(FIELDS), rng.choice(NAME_TAIL[sector]),
                                        i + 1)
            w.writerow([key, name, sector, kind, "KR/%s/%s" % (province, city)])
            keys.append(key)
    return keys


def write_ties(path, keys, m, rng):
    n = len(keys)
    type_cum = cumulative(TIE_TYPE_WEIGHTS)
    status_cum = cumulative(STATUS_WEIGHTS)
    width = len(str(m))
    urn = []  # every endpoint drawn so far: a degree-proportional sample
    rand, randrange = rng.random, rng.randrange

    def endpoint():
        if urn and rand() < ATTACH:
            return urn[randrange(len(urn))]
        return randrange(n)

    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "key", "type", "strength", "status"])
        batch = []
        for i in range(m):
            s = endpoint()
            t = endpoint()
            while t == s:
                t = randrange(n)
            urn.append(s)
            urn.append(t)
            tie_type = rng.choices(TIE_TYPES, cum_weights=type_cum)[0]
            status = rng.choices(STATUSES, cum_weights=status_cum)[0]
            strength = "%.2f" % min(10.0, 0.1 + rng.expovariate(1.0))
            batch.append((keys[s], keys[t], "tie-%0*d" % (width, i + 1), tie_type, strength,
                          status))
            if len(batch) == 10000:
                w.writerows(batch)
                batch.clear()
        w.writerows(batch)
    return urn


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out_dir")
    p.add_argument("--institutions", type=int, default=100_000)
    p.add_argument("--ties", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=42)
    args = p.parse_args()
    if args.institutions < 2 or args.ties < 0:
        p.error("need at least 2 institutions and a non-negative number of ties")
    os.makedirs(args.out_dir, exist_ok=True)
    rng = random.Random(args.seed)
    inst_path = os.path.join(args.out_dir, "institutions.csv")
    ties_path = os.path.join(args.out_dir, "ties.csv")
    keys = write_institutions(inst_path, args.institutions, rng)
    urn = write_ties(ties_path, keys, args.ties, rng)
    degree = [0] * len(keys)
    for v in urn:
        degree[v] += 1
    degree.sort()
    isolated = sum(1 for d in degree if d == 0)
    print("wrote %s (%d institutions) and %s (%d ties); degree max %d, median %d, "
          "%d institutions without ties" % (inst_path, len(keys), ties_path, args.ties,
                                            degree[-1], degree[len(degree) // 2], isolated),
          file=sys.stderr)


if __name__ == "__main__":
    main()
