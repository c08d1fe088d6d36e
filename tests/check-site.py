#!/usr/bin/env python3
# Publishes sites with vigia-cli and checks them as a reader and a host
# would: every page parses, says it is in es-PE, loads nothing from outside,
# has its headings in order, its tables captioned with headers, its charts
# described with their numbers; every internal link and anchor resolves;
# plan texts are escaped; publishing again writes nothing that did not
# change and removes the pages of plans left out.  The real JNE plans of
# ../shared (third-party material, not in the project) are published too
# where it is there; without it that part is skipped, and said so.
#
#   check-site.py VIGIA_CLI SOURCE_ROOT SHARED_SAMPLES
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

HTML = "{http://www.w3.org/1999/xhtml}"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def cli(vigia_cli, library, *args, check=True):
    env = dict(os.environ, LANGUAGE="es", LANG="es_PE.UTF-8", VIGIA_USER="Ana Quispe")
    result = subprocess.run([vigia_cli, "--library", library, *args], capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise SystemExit(f"vigia-cli {' '.join(args)} failed: {result.stderr}")
    return result


def parse(path):
    text = open(path, encoding="utf-8").read()
    # The pages are HTML5 written as well-formed XML, without a namespace.
    body = re.sub(r"^<!DOCTYPE html>\n", "", text)
    try:
        return text, ET.fromstring(body)
    except ET.ParseError as error:
        fail(f"{path}: not well-formed: {error}")
        return text, None


def local(tag):
    return tag.split("}")[-1]


def check_page(root_dir, path, pages):
    text, tree = parse(path)
    if tree is None:
        return
    rel = os.path.relpath(path, root_dir)
    if tree.get("lang") != "es-PE":
        fail(f"{rel}: lang is {tree.get('lang')!r}, not es-PE")

    # Nothing from outside: no external resources at all, inline only.
    for element in tree.iter():
        name = local(element.tag)
        if name in ("img", "iframe", "link", "object", "embed", "audio", "video", "source") and \
                (element.get("src") or element.get("href")):
            fail(f"{rel}: loads {element.get('src') or element.get('href')} in <{name}>")
        if name == "script" and element.get("src"):
            fail(f"{rel}: loads the script {element.get('src')}")
        if name == "use" and (element.get("{http://www.w3.org/1999/xlink}href", "#").startswith("#") is False):
            fail(f"{rel}: an SVG <use> refers outside the page")
    for style in re.findall(r"<style>(.*?)</style>", text, re.S):
        if re.search(r"@import|url\(", style):
            fail(f"{rel}: its style sheet loads something")

    # Headings: one h1, never a level skipped.
    levels = [int(local(e.tag)[1]) for e in tree.iter() if re.fullmatch(r"h[1-6]", local(e.tag))]
    if levels.count(1) != 1:
        fail(f"{rel}: {levels.count(1)} h1 headings")
    for a, b in zip(levels, levels[1:]):
        if b > a + 1:
            fail(f"{rel}: heading h{a} followed by h{b}")
            break

    # Tables: a caption and column or row headers.
    for table in tree.iter("table"):
        if table.find("caption") is None or not "".join(table.find("caption").itertext()).strip():
            fail(f"{rel}: a table without a caption")
        if not any(local(e.tag) == "th" for e in table.iter()):
            fail(f"{rel}: a table without headers")

    # Charts: described, with their figures.
    for svg in tree.iter("{http://www.w3.org/2000/svg}svg"):
        if svg.get("role") == "img":
            label = svg.get("aria-label") or ""
            # A chart with nothing recorded has no figure to give, and says so.
            if not re.search(r"\d", label) and "nada registrado" not in label:
                fail(f"{rel}: a chart whose text alternative has no figure: {label[:80]!r}")

    # Links: internal ones resolve, anchors included.
    for element in tree.iter():
        href = element.get("href")
        if local(element.tag) != "a" or href is None:
            continue
        parts = urlsplit(href)
        if parts.scheme in ("http", "https", "mailto"):
            continue
        if parts.scheme:
            fail(f"{rel}: a link of scheme {parts.scheme}: {href}")
            continue
        target = os.path.normpath(os.path.join(os.path.dirname(path), unquote(parts.path))) if parts.path else path
        if not os.path.exists(target):
            fail(f"{rel}: the link {href} leads nowhere")
            continue
        if parts.fragment and target.endswith(".html"):
            ids = pages.setdefault(target, set(re.findall(r'\bid="([^"]+)"', open(target, encoding="utf-8").read())))
            if parts.fragment not in ids:
                fail(f"{rel}: the link {href} names no section")


def luminance(color):
    color = color.lstrip("#")
    if len(color) == 3:
        color = "".join(c * 2 for c in color)
    channels = [int(color[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def check_contrast(path):
    """WCAG 2.1 AA (4.5:1) for the page's text colours on its backgrounds, light and dark."""
    text = open(path, encoding="utf-8").read()
    schemes = {}
    for block in re.findall(r":root\{([^}]*)\}", text):
        values = dict(re.findall(r"--([a-z]+):(#[0-9a-fA-F]{3,6})", block))
        schemes["dark" if "color-scheme:dark" in block else "light"] = values
    if set(schemes) != {"light", "dark"}:
        fail(f"{path}: no light and dark colours found")
        return
    for name, colors in schemes.items():
        for fg, bg in (("ink", "bg"), ("muted", "bg"), ("muted", "shade"), ("link", "bg"), ("ink", "head"),
                       ("ink", "shade"), ("link", "shade")):
            ratio = contrast(colors[fg], colors[bg])
            if ratio < 4.5:
                fail(f"{path}: {name} --{fg} on --{bg} is {ratio:.2f}:1, under 4.5:1")


def check_site(site):
    pages = {}
    files = sorted(glob.glob(os.path.join(site, "*.html")) + glob.glob(os.path.join(site, "planes", "*.html")) +
                   glob.glob(os.path.join(site, "ranking", "*.html")))
    for path in files:
        check_page(site, path, pages)
    check_contrast(os.path.join(site, "index.html"))
    for data in ("datos/avance.csv", "datos/planes.json"):
        if not os.path.exists(os.path.join(site, data)):
            fail(f"{site}: no {data}")
    csv_head = open(os.path.join(site, "datos/avance.csv"), "rb").read(3)
    if csv_head != b"\xef\xbb\xbf":
        fail("avance.csv has no byte order mark")
    document = json.load(open(os.path.join(site, "datos/planes.json"), encoding="utf-8"))
    return files, document


def summary(result):
    match = re.search(r"(\d+) plan(?:es)? publicados? en .*: (\d+) archivos? escritos?, (\d+) sin cambios?, (\d+) eliminados?",
                      result.stdout)
    if match is None:
        match = re.search(r"(\d+) plans? published in .*: (\d+) files written, (\d+) unchanged, (\d+) removed", result.stdout)
    if match is None:
        raise SystemExit(f"unexpected output: {result.stdout!r}")
    return tuple(int(n) for n in match.groups())


def main():
    vigia_cli, source_root, shared = sys.argv[1], sys.argv[2], sys.argv[3]
    work = tempfile.mkdtemp(prefix="vigia-site-")
    try:
        library = os.path.join(work, "plans.sqlite")
        samples = sorted(glob.glob(os.path.join(source_root, "data", "samples", "*")))
        samples = [s for s in samples if not s.endswith(".md")]

        # A plan whose texts are hostile.
        sample = json.load(open(os.path.join(source_root, "data", "samples", "erm2026-regional-ejemplo.json"),
                                encoding="utf-8"))
        sample["datoGeneral"]["idPlanGobierno"] = 999001
        sample["datoGeneral"]["txOrganizacionPolitica"] = "<script>alert('x')</script> & \"COMILLAS\""
        sample["dimensiones"][0]["detalle"][0]["txPgObjetivo"] = "</td><img src=x onerror=alert(1)> OBJETIVO"
        hostile = os.path.join(work, "hostil.json")
        json.dump(sample, open(hostile, "w", encoding="utf-8"), ensure_ascii=False)
        cli(vigia_cli, library, "import", *samples, hostile)
        listed = cli(vigia_cli, library, "list", "--json").stdout
        plans = json.loads(listed)
        hostile_plan = next(p for p in plans if "script" in (p.get("organization") or ""))
        cli(vigia_cli, library, "progress", "set", f"{hostile_plan['id']}:1:1", "2027-S1", "35",
            "--status", "in-progress", "--note", "Nota <b>con</b> marcas",
            "--evidence", "javascript:alert(1)", "--evidence", "https://example.org/informe?a=1&b=2")

        site = os.path.join(work, "sitio")
        first = summary(cli(vigia_cli, library, "publish", "--output", site, "--title", "Observatorio <Prueba>"))
        files, document = check_site(site)
        n_plans = len(plans)
        if first[0] != n_plans or len(glob.glob(os.path.join(site, "planes", "*.html"))) != 2 * n_plans:
            fail(f"{first[0]} plans published, {n_plans} in the library")
        if len(document.get("plans", [])) != n_plans:
            fail(f"planes.json holds {len(document.get('plans', []))} plans, not {n_plans}")

        index = open(os.path.join(site, "index.html"), encoding="utf-8").read()
        if "<h1>Observatorio &lt;Prueba&gt;</h1>" not in index:
            fail("the title is not escaped on the index")
        if "<script>alert" in index or index.count("<script>") != 1:
            fail("a plan's text became a script on the index")
        if "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;COMILLAS&quot;" not in index:
            fail("the hostile organization is not on the index, escaped")
        if "Mapa" not in index and "Cumplimiento por región" not in index:
            fail("the index has no map section in Spanish")
        for region in ("Lima Metropolitana", "Puno"):
            if f'<span class="sr">{region}: </span>' not in index:
                fail(f"the map has no tile for {region}")

        page = open(os.path.join(site, "planes", hostile_plan["uuid"] + ".html"), encoding="utf-8").read()
        targets_name = hostile_plan["uuid"] + "-metas.html"
        targets = open(os.path.join(site, "planes", targets_name), encoding="utf-8").read()
        for name, text in (("plan", page), ("targets", targets)):
            if "<img src=x" in text or "&lt;/td&gt;&lt;img src=x onerror=alert(1)&gt; OBJETIVO" not in text:
                fail(f"the hostile objective is not escaped on the {name} page")
            if 'href="javascript:' in text:
                fail(f"a javascript: evidence became a link on the {name} page")
        if 'href="https://example.org/informe?a=1&amp;b=2"' not in targets:
            fail("the evidence link is missing from the target's section")
        if "Nota &lt;b&gt;con&lt;/b&gt; marcas" not in targets or "Ana Quispe" not in targets:
            fail("the entry's note or who recorded it is missing from the target's section")
        if 'id="meta-1-1-1"' not in targets or f'href="{targets_name}#meta-1-1-1"' not in page:
            fail("the target has no section of its own linked from its goal")
        if f'href="{hostile_plan["uuid"]}.html"' not in targets:
            fail("the page of targets does not lead back to its plan")

        # Again: nothing changed, nothing written.
        again = summary(cli(vigia_cli, library, "publish", "--output", site, "--title", "Observatorio <Prueba>"))
        if again[1] != 0 or again[3] != 0:
            fail(f"publishing again wrote {again[1]} files and removed {again[3]}")

        # A change to one plan rewrites its page, the index and the data, not the others.
        cli(vigia_cli, library, "progress", "set", f"{hostile_plan['id']}:1:1", "2027-S1", "40")
        changed = summary(cli(vigia_cli, library, "publish", "--output", site, "--title", "Observatorio <Prueba>"))
        if not 4 <= changed[1] <= 6:
            fail(f"one plan changed, {changed[1]} files written (expected its two pages and the two data "
                 "files, and the index and methodology if their figures or date moved)")

        # Left out: a plan no longer included loses its page.
        only = summary(cli(vigia_cli, library, "publish", "--output", site, "--title", "Observatorio <Prueba>",
                           "--plan", hostile_plan["uuid"]))
        if only[0] != 1 or only[3] != 2 * (n_plans - 1):
            fail(f"publishing one plan removed {only[3]} pages, not {2 * (n_plans - 1)}")
        if len(glob.glob(os.path.join(site, "planes", "*.html"))) != 2:
            fail("pages of plans left out are still there")
        check_site(site)

        # Bad input: a folder that is a file.
        not_folder = os.path.join(work, "archivo")
        open(not_folder, "w").write("x")
        result = cli(vigia_cli, library, "publish", "--output", not_folder, check=False)
        if result.returncode == 0 or "archivo" not in result.stderr:
            fail(f"publishing into a file: {result.returncode} {result.stderr!r}")
        result = cli(vigia_cli, library, "publish", check=False)
        if result.returncode != 2:
            fail("publishing without --output is not a usage error")

        # The real plans of the JNE, with their lists for places.
        real = sorted(glob.glob(os.path.join(shared, "jne-json", "real", "*.json")))
        lists = sorted(glob.glob(os.path.join(shared, "jne-lists", "*.json")))
        if not real:
            print(f"{shared}: not there; the real JNE plans are not published here")
        else:
            real_library = os.path.join(work, "real.sqlite")
            cli(vigia_cli, real_library, "import", *samples, *lists, *real, check=False)
            real_site = os.path.join(work, "real")
            published = summary(cli(vigia_cli, real_library, "publish", "--output", real_site))
            files, document = check_site(real_site)
            print(f"real plans: {published[0]} plans, {len(files)} pages checked")
            if published[0] < len(real) // 2:
                fail(f"only {published[0]} of {len(real)} real plans published")
            for observer in ("observer",):
                check_site_source = os.path.join(work, "real-" + observer)
                summary(cli(vigia_cli, real_library, "publish", "--output", check_site_source, "--source", observer,
                            "--group", "election"))
                check_site(check_site_source)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if failures:
        print(f"{len(failures)} problems")
        sys.exit(1)
    print("the published sites are whole, escaped, and up to date")


if __name__ == "__main__":
    main()
