#!/usr/bin/env python3
# Checks data/ubigeo/places.tsv against two lists the project does not ship
# (../shared/data/ubigeo, third-party reference material): INEI's 2025
# directory for the codes and names of every place, and a district crosswalk
# for the RENIEC codes.  Skips (exit 77) where ../shared is absent.
#
#   check-places.py PLACES.TSV SHARED_UBIGEO_DIR
import csv
import os
import sys
import unicodedata
from collections import Counter, defaultdict


def fold(text):
    decomposed = unicodedata.normalize("NFD", text.strip().upper())
    folded = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return folded.replace("-", " ")


def main():
    places_path, shared = sys.argv[1], sys.argv[2]
    inei_path = os.path.join(shared, "ubigeo_inei_2025.csv")
    crosswalk_path = os.path.join(shared, "ubigeo_distrito_inei_reniec.csv")
    if not os.path.exists(inei_path) or not os.path.exists(crosswalk_path):
        print(f"{shared}: not there; the place table is checked only beside ../shared")
        sys.exit(77)

    places = {}
    with open(places_path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    for code, reniec, name in rows[1:]:
        places[code] = (reniec, name)

    # INEI's directory lists districts; provinces and departments take the
    # name most of their districts give (one row names its province wrongly).
    expected = {}
    votes = defaultdict(Counter)
    with open(inei_path, encoding="utf-8-sig") as f:
        for row in csv.DictReader(f, delimiter=";"):
            expected[row["ubigeo"]] = row["distrito"]
            votes[row["ubigeo"][:4]][row["provincia"]] += 1
            votes[row["ubigeo"][:2]][row["departamento"]] += 1
    for code, names in votes.items():
        expected[code] = names.most_common(1)[0][0]

    problems = []
    for code in sorted(set(expected) | set(places)):
        if code not in places:
            problems.append(f"{code} {expected[code]}: in INEI's 2025 directory, not in the table")
        elif code not in expected:
            problems.append(f"{code} {places[code][1]}: in the table, not in INEI's 2025 directory")
        elif fold(places[code][1]) != fold(expected[code]):
            problems.append(f"{code}: the table says {places[code][1]}, INEI {expected[code]}")

    checked = 0
    with open(crosswalk_path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["inei"] in places and row["reniec"] != "NA":
                checked += 1
                if places[row["inei"]][0] != row["reniec"]:
                    problems.append(f"{row['inei']} {row['distrito']}: RENIEC {places[row['inei']][0]!r} "
                                    f"in the table, {row['reniec']} in the crosswalk")

    for problem in problems:
        print(problem)
    print(f"{len(places)} places; {checked} RENIEC codes compared; {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
