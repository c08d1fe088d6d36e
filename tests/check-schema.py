#!/usr/bin/env python3
# Validates every document vigia-cli writes against data/vigia-plans.schema.json
# (JSON Schema draft 2020-12), and checks that export → import into a new
# library → export gives the same document apart from the libraries' ids.
#
#   check-schema.py SCHEMA SAMPLES_DIR   (VIGIA_CLI names the program)
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema

schema_path, samples = sys.argv[1], sys.argv[2]
cli = os.environ["VIGIA_CLI"]
declara = os.path.join(samples, "erm2022-lima-independencia-juntos-por-el-peru.txt")
jne = os.path.join(samples, "erm2026-regional-ejemplo.json")

with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = 0


def run(library, *args):
    result = subprocess.run([cli, "--library", library, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"vigia-cli {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def validate(name, text):
    global failures
    document = json.loads(text)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        failures += 1
        print(f"{name}: {'/'.join(str(p) for p in error.path)}: {error.message}")
    print(f"{'not ok' if errors else 'ok'} - {name} against the schema")
    return document


def without_ids(text):
    # A library that receives a plan records that it took it in ("merged").
    text = re.sub(r'"merged": (null|"[^"]*")', '"merged": _', text)
    return re.sub(r'"id": [0-9]+', '"id": _', text)


with tempfile.TemporaryDirectory() as tmp:
    first = os.path.join(tmp, "first.sqlite")
    second = os.path.join(tmp, "second.sqlite")
    all_path = os.path.join(tmp, "all.json")
    again_path = os.path.join(tmp, "again.json")
    one_path = os.path.join(tmp, "one.json")

    run(first, "import", declara)
    run(first, "import", "--place", "PUNO", "--term", "2027-2030", jne)
    run(second, "import", jne)  # without place and term: nulls where the schema allows them

    for plan in ("1", "2"):
        validate(f"show {plan} --json", run(first, "show", plan, "--json"))
    validate("show 1 --json (no place, no term)", run(second, "show", "1", "--json"))
    run(first, "export", "1", "--format", "json", "--output", one_path)
    with open(one_path, encoding="utf-8") as f:
        validate("export 1", f.read())
    run(first, "export", "--all", "--format", "json", "--output", all_path)
    with open(all_path, encoding="utf-8") as f:
        exported = f.read()
    document = validate("export --all", exported)
    assert len(document["plans"]) == 2

    # The round trip, through a library that has never seen these plans.
    third = os.path.join(tmp, "third.sqlite")
    run(third, "import", all_path)
    run(third, "export", "--all", "--output", again_path)
    with open(again_path, encoding="utf-8") as f:
        again = f.read()
    validate("export --all after import", again)
    if without_ids(again) != without_ids(exported):
        failures += 1
        print("not ok - the round trip changed the document")
    else:
        print("ok - the round trip gives the same document")

    # A package of changes: an entry recorded after a time, in a plan and a
    # goal written only to hold it, and a deletion.
    since = run(first, "show", "1", "--json")  # a moment before the changes below
    since = json.loads(since)["plans"][0]["edited"]
    run(first, "progress", "set", "1:social:1", "2024-S1", "12")
    package = validate("export --since", run(first, "export", "1", "--since", since))
    plan = package["plans"][0] if package["plans"] else {}
    if package.get("since") is None or not plan.get("unchanged"):
        failures += 1
        print("not ok - the package of changes did not name its plan as unchanged")

    # A version 1 document (tests/fixtures, written before goals had targets)
    # imports, and is written back as version 3, each goal with its one target.
    fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "exchange-v1.json")
    fourth = os.path.join(tmp, "fourth.sqlite")
    run(fourth, "import", fixture)
    upgraded = validate("export --all of a version 1 document", run(fourth, "export", "--all"))
    goals = [g for p in upgraded["plans"] for d in p["dimensions"] for g in d["goals"]]
    if upgraded["version"] != 3 or len(goals) != 18 or any(len(g["targets"]) != 1 for g in goals):
        failures += 1
        print("not ok - the version 1 document did not become 18 goals of one target")

    # A document that breaks the schema is caught by it (the check checks).
    broken = json.loads(exported)
    broken["plans"][0]["dimensions"][0]["goals"][0]["targets"][0]["measure"] = "percentage"
    if validator.is_valid(broken):
        failures += 1
        print("not ok - the schema accepts a measure that does not exist")

sys.exit(1 if failures else 0)
