#!/bin/sh
# Fails when a user-visible string has no Spanish translation, or when a source
# file with translatable strings is missing from po/POTFILES.in.
set -eu
top=${1:-$(dirname "$0")/..}
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

grep -v '^#' po/POTFILES.in | sed '/^[[:space:]]*$/d' > "$tmp/files"

# Every file with a translatable string must be listed.
grep -rlE '(^|[^A-Za-z_])(_|N_|C_|NC_|ngettext|g_dngettext)\( *"|translatable="yes"' src data \
  | grep -E '\.(c|ui|in)$' | sort > "$tmp/with-strings"
while read -r f; do
  if ! grep -qxF "$f" "$tmp/files"; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done < "$tmp/with-strings"

while read -r f; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists a missing file: $f"; status=1; }
done < "$tmp/files"

xgettext --from-code=UTF-8 --files-from="$tmp/files" --output="$tmp/vigia.pot" \
  --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --keyword=g_dpgettext2:2c,3 \
  --flag=g_strdup_printf:1:c-format --flag=g_dngettext:2:pass-c-format

msgfmt --check --output-file=/dev/null po/es.po
msgmerge --quiet --no-fuzzy-matching po/es.po "$tmp/vigia.pot" --output-file="$tmp/es.po"
stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$tmp/es.po" 2>&1)
echo "es: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Strings without a Spanish translation:"
    msgattrib --untranslated --no-obsolete "$tmp/es.po" | grep -A1 '^msgid ' | grep -v '^--$'
    msgattrib --only-fuzzy --no-obsolete "$tmp/es.po" | grep -A1 '^msgid ' | grep -v '^--$'
    status=1 ;;
esac

exit $status
