#!/usr/bin/env bash
# End-to-end checks of the sitegen binary, as CI and a new user meet it:
# the example site, the error corpus of ../shared/bench/gen-corpus, exit
# codes, an untouched output after a failed build, and determinism; then the
# editor workflow: check (text, json, github, gitlab, sarif; German and
# English), new, schema, and serve on a
# free loopback port with live rebuilds.
# Ends with the line "acceptance: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
SITEGEN=${SITEGEN:-.build/debug/sitegen}
# sitegen speaks the locale's language; the checks below read its English
# (code-scanning-check.sh sets the locale itself for the German).
export LC_ALL=C.UTF-8
GEN=${GEN_CORPUS:-../shared/bench/gen-corpus}
work=$(mktemp -d)
server=""
# The preview server is always stopped, however the script ends.
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  mountpoint -q "$work/mnt" 2>/dev/null && umount "$work/mnt"
  rm -rf "$work"
}
trap cleanup EXIT
passed=0 failed=0
ok()   { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/       /' | head -20; }

[ -x "$SITEGEN" ] || swift build --product sitegen >/dev/null || { echo "acceptance: cannot build sitegen"; exit 1; }

# 1. The example site builds, twice to identical bytes, with a page per file.
if "$SITEGEN" build --output "$work/a" >"$work/log" 2>&1; then ok "example site builds"; else fail "example site builds" "$(cat "$work/log")"; fi
"$SITEGEN" build --output "$work/b" >/dev/null 2>&1
if diff -r "$work/a" "$work/b" >/dev/null; then ok "example site is byte-identical across builds"; else fail "example site is byte-identical across builds"; fi
missing=""
for f in content/kommunen/*.md content/kaffeerunden/*.md content/meldungen/*.md; do
  kind=$(basename "$(dirname "$f")"); slug=$(basename "$f" .md)
  [ -f "$work/a/$kind/$slug/index.html" ] || missing+="$kind/$slug "
done
if [ -z "$missing" ]; then ok "every profile, report and news item has its page"; else fail "pages missing" "$missing"; fi

# 1b. A damaged build cache is not used: one note, and what a clean build writes.
"$SITEGEN" build --output "$work/e" >/dev/null 2>&1
shard=$(ls -S "$work/.sitegen-cache/e/"decoded-*.bin | head -1)
python3 -c "import sys; p=sys.argv[1]; b=bytearray(open(p,'rb').read()); b[len(b)//2]^=4; open(p,'wb').write(b)" "$shard"
"$SITEGEN" build --drafts --output "$work/e" >/dev/null 2>"$work/note.log"
"$SITEGEN" build --drafts --no-cache --output "$work/e-clean" >/dev/null 2>&1
if [ "$(cat "$work/note.log")" = "sitegen: note: the build cache in $work/.sitegen-cache/e was damaged and is rebuilt" ] \
  && diff -r "$work/e" "$work/e-clean" >/dev/null; then
  ok "a damaged cache gives a note and a clean build"; else fail "a damaged cache gives a note and a clean build" "$(cat "$work/note.log")"; fi

# 2. The error corpus: every expected location reported, exit 1, output untouched.
if [ -x "$GEN" ]; then
  python3 "$GEN" "$work/broken" --broken >/dev/null
  cp -r "$work/a" "$work/out" && before=$(cd "$work/out" && find . -type f -exec sha1sum {} + | sort)
  "$SITEGEN" build --content "$work/broken/content" --output "$work/out" >"$work/broken.log" 2>&1
  status=$?
  if [ $status -eq 1 ]; then ok "broken corpus exits 1"; else fail "broken corpus exits 1 (got $status)"; fi
  notfound=""
  while IFS= read -r expected; do
    case "$expected" in ''|'#'*) continue ;; esac
    grep -q "^$work/broken/content/$expected:" "$work/broken.log" || notfound+="$expected "
  done < "$work/broken/EXPECTED-ERRORS.txt"
  if [ -z "$notfound" ]; then ok "broken corpus: every expected error location reported"; else fail "broken corpus: not reported: $notfound" "$(cat "$work/broken.log")"; fi
  after=$(cd "$work/out" && find . -type f -exec sha1sum {} + | sort)
  if [ "$before" = "$after" ]; then ok "failed build leaves the output untouched"; else fail "failed build changed the output"; fi

  # 3. A generated site of 500 Kommunen builds without diagnostics.
  python3 "$GEN" "$work/gen" --kommunen 500 >/dev/null
  if "$SITEGEN" build --content "$work/gen/content" --output "$work/gen-out" >"$work/gen.log" 2>&1 && ! grep -q "warning\|error" "$work/gen.log"; then
    ok "generated corpus builds cleanly"; else fail "generated corpus builds cleanly" "$(cat "$work/gen.log")"; fi
  "$SITEGEN" build --content "$work/gen/content" --output "$work/gen-out2" >/dev/null 2>&1
  if diff -r "$work/gen-out" "$work/gen-out2" >/dev/null; then ok "generated corpus is byte-identical across builds"; else fail "generated corpus differs between builds"; fi

  # 3b. Every profile within three clicks of the home page and no page over
  #     300 KB: on the example site, the generated corpus, and Germany's real
  #     Kommunen (gen-corpus --real: 11,560 profiles, many names more than once).
  for site in a gen-out; do
    if python3 scripts/navigation-check.py "$work/$site" >"$work/nav.log" 2>&1; then ok "$(tail -1 "$work/nav.log")"
    else fail "navigation of $site" "$(cat "$work/nav.log")"; fi
  done
  python3 "$GEN" "$work/real" --real >/dev/null
  "$SITEGEN" build --quiet --content "$work/real/content" --output "$work/real-out" >"$work/real.log" 2>&1
  if python3 scripts/navigation-check.py "$work/real-out" >"$work/nav.log" 2>&1; then ok "real Kommunen: $(tail -1 "$work/nav.log")"
  else fail "navigation of the real Kommunen" "$(cat "$work/real.log" "$work/nav.log")"; fi
  rm -rf "$work/real" "$work/real-out"
else
  fail "gen-corpus not found at $GEN (expected ../shared beside the checkout)"
fi

# 4. Usage and I/O errors exit 2 and write nothing.
"$SITEGEN" build --content "$work/nowhere" --output "$work/c" >/dev/null 2>&1
status=$?
if [ $status -eq 2 ] && [ ! -e "$work/c" ]; then ok "missing content folder exits 2"; else fail "missing content folder exits 2 (got $status)"; fi
"$SITEGEN" build --base-url not-a-url --output "$work/d" >/dev/null 2>&1
status=$?
if [ $status -eq 2 ] && [ ! -e "$work/d" ]; then ok "bad option exits 2"; else fail "bad option exits 2 (got $status)"; fi
mkdir -p "$work/foreign" && echo keep > "$work/foreign/notes.txt"
"$SITEGEN" build --output "$work/foreign" >/dev/null 2>&1
status=$?
if [ $status -eq 2 ] && [ "$(cat "$work/foreign/notes.txt")" = keep ]; then ok "a folder sitegen did not write is not replaced"; else fail "foreign output folder (got $status)"; fi

# 5. Build output a person can read: the summary, --quiet, no colour off a
#    terminal or with NO_COLOR, the version, and no live-reload code.
if grep -q "^sitegen: built [0-9]* pages ([0-9]* Kommunen, .*) and copied [0-9]* files to $work/a in [0-9.]* s$" "$work/log"; then
  ok "build prints a summary"; else fail "build prints a summary" "$(cat "$work/log")"; fi
out=$("$SITEGEN" build --quiet --output "$work/q" 2>&1)
if [ $? -eq 0 ] && [ -z "$out" ] && [ -f "$work/q/index.html" ]; then ok "build --quiet prints nothing"; else fail "build --quiet prints nothing" "$out"; fi
if [ -x "$GEN" ] && ! grep -q $'\e' "$work/broken.log"; then ok "no colour codes off a terminal"; else fail "no colour codes off a terminal"; fi
if command -v script >/dev/null && [ -x "$GEN" ]; then
  script -qec "$SITEGEN check --content $work/broken/content" /dev/null > "$work/tty.log" 2>&1
  NO_COLOR=1 script -qec "$SITEGEN check --content $work/broken/content" /dev/null > "$work/tty-nocolor.log" 2>&1
  if grep -q $'\e\[1;31merror\e\[0m' "$work/tty.log" && ! grep -q $'\e' "$work/tty-nocolor.log"; then
    ok "colour on a terminal, none with NO_COLOR"; else fail "colour on a terminal, none with NO_COLOR" "$(head -3 "$work/tty.log" | cat -v)"; fi
fi
version=$("$SITEGEN" --version)
# Built by make from a git checkout, it names the commit.
commit=$(git rev-parse --short=12 HEAD 2>/dev/null)
if [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+( \(commit [0-9a-f]{7,}(-dirty)?\))?$ ]] && { [ -z "$commit" ] || [[ "$version" == *"commit $commit"* ]]; }; then
  ok "sitegen --version prints $version"; else fail "sitegen --version names the commit $commit" "$version"; fi
if ! grep -rq "_sitegen" "$work/a"; then ok "build output has no live-reload code"; else fail "build output has no live-reload code" "$(grep -rl _sitegen "$work/a")"; fi

# 6. check: what build validates, without writing, in three formats.
mkdir "$work/cwd"
(repo=$PWD bin=$(realpath "$SITEGEN") && cd "$work/cwd" && "$bin" check --content "$repo/content" --templates "$repo/templates" >"$work/check.log" 2>&1)
status=$?
if [ $status -eq 0 ] && [ -z "$(ls -A "$work/cwd")" ]; then ok "check passes the example site and writes nothing"; else fail "check on the example site (got $status)" "$(cat "$work/check.log")"; fi
if [ -x "$GEN" ]; then
  "$SITEGEN" check --content "$work/broken/content" --format github >"$work/github.log" 2>/dev/null
  status=$?
  expected=$(grep -cv '^\(#\|$\)' "$work/broken/EXPECTED-ERRORS.txt")
  annotations=$(grep -c '^::error file=' "$work/github.log")
  notfound=""
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    grep -q "^::error file=$work/broken/content/${line%:*},line=${line##*:},col=[0-9]*::." "$work/github.log" || notfound+="$line "
  done < "$work/broken/EXPECTED-ERRORS.txt"
  if [ $status -eq 1 ] && [ "$annotations" -eq "$expected" ] && [ -z "$notfound" ]; then
    ok "check --format github: one annotation per expected error ($annotations)"
  else fail "check --format github (exit $status, $annotations annotations for $expected errors; missing: $notfound)" "$(cat "$work/github.log")"; fi
  "$SITEGEN" check --content "$work/broken/content" --format json >"$work/check.json" 2>/dev/null
  status=$?
  if [ $status -eq 1 ] && python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['errors']==$expected and len(d['diagnostics'])==$expected" "$work/check.json"; then
    ok "check --format json lists every error"; else fail "check --format json (exit $status)" "$(head -20 "$work/check.json")"; fi
fi
"$SITEGEN" check --format yaml >/dev/null 2>&1
status=$?
if [ $status -eq 2 ]; then ok "check with an unknown format exits 2"; else fail "check with an unknown format exits 2 (got $status)"; fi

# 6b. check --format gitlab and sarif, validated against their schemas, and
#     the messages' language (LANG, --lang): scripts/code-scanning-check.sh.
SITEGEN="$SITEGEN" bash scripts/code-scanning-check.sh >"$work/code-scanning.log" 2>&1
while IFS= read -r line; do
  case "$line" in
    "code-scanning: ok   "*) ok "${line#code-scanning: ok   }" ;;
    "code-scanning: FAIL "*) fail "${line#code-scanning: FAIL } (details in the output of scripts/code-scanning-check.sh)" ;;
  esac
done <"$work/code-scanning.log"
grep -q "^code-scanning: ok" "$work/code-scanning.log" || fail "scripts/code-scanning-check.sh ran no check" "$(cat "$work/code-scanning.log")"

# 7. new: a new file in a copy of the content passes check; nothing is overwritten.
cp -r content "$work/site"
if "$SITEGEN" new kommune "Bad Neuenahr-Ahrweiler" --art Stadt --bundesland Rheinland-Pfalz --content "$work/site" >"$work/new.log" 2>&1 \
   && "$SITEGEN" new kaffeerunde "Offene Daten im Kreis" --datum 2024-05-14 --content "$work/site" >>"$work/new.log" 2>&1 \
   && "$SITEGEN" new meldung "Neues Mitglied: Bad Neuenahr-Ahrweiler" --content "$work/site" >>"$work/new.log" 2>&1 \
   && [ -f "$work/site/kommunen/bad-neuenahr-ahrweiler.md" ] && [ -f "$work/site/kaffeerunden/2024-05-offene-daten-im-kreis.md" ] \
   && "$SITEGEN" check --content "$work/site" >>"$work/new.log" 2>&1; then
  ok "new kommune, kaffeerunde and meldung, then check, pass"; else fail "new, then check" "$(cat "$work/new.log")"; fi
before=$(sha1sum "$work/site/kommunen/bad-neuenahr-ahrweiler.md")
"$SITEGEN" new kommune "Bad Neuenahr-Ahrweiler" --art Gemeinde --bundesland Hessen --content "$work/site" >"$work/new2.log" 2>&1
status=$?
if [ $status -eq 2 ] && [ "$before" = "$(sha1sum "$work/site/kommunen/bad-neuenahr-ahrweiler.md")" ]; then
  ok "new refuses to overwrite"; else fail "new refuses to overwrite (got $status)" "$(cat "$work/new2.log")"; fi
"$SITEGEN" new kommune "Irgendwo" --art Grossstadt --content "$work/site" >"$work/new3.log" 2>&1
status=$?
if [ $status -eq 2 ] && grep -q "Großstadt\|allowed" "$work/new3.log" && [ ! -e "$work/site/kommunen/irgendwo.md" ]; then
  ok "new refuses an unknown art with exit 2"; else fail "new with an unknown art (got $status)" "$(cat "$work/new3.log")"; fi

# 8. schema: the files editors' YAML tooling reads; they accept the example
#    content and reject the corpus's typos (when python3 has jsonschema and yaml).
if "$SITEGEN" schema --output "$work/schemas" >/dev/null && diff -r schemas "$work/schemas" >/dev/null \
   && python3 -c 'import json, sys; [json.load(open(f)) for f in sys.argv[1:]]' "$work"/schemas/*.json; then
  ok "schema writes valid JSON, the same as schemas/"; else fail "schema output"; fi
if python3 -c "import jsonschema, yaml" 2>/dev/null && [ -x "$GEN" ]; then
  cat > "$work/validate.py" <<'PY'
import json, pathlib, re, sys, yaml, jsonschema
class Loader(yaml.SafeLoader):
    pass
# Dates stay text, as yaml-language-server (YAML 1.2) reads them.
Loader.yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"]
                                  for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
# So do times such as 10:00, which YAML 1.1 reads as numbers in base 60.
Loader.add_constructor("tag:yaml.org,2002:int", lambda loader, node: node.value if ":" in node.value
                       else yaml.SafeLoader.construct_yaml_int(loader, node))
schemas, root = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
kinds = {"kommunen": "kommune", "kaffeerunden": "kaffeerunde", "meldungen": "meldung", "seiten": "seite"}
def check(path, kind, data):
    validator = jsonschema.Draft7Validator(json.loads((schemas / f"{kind}.schema.json").read_text()))
    if list(validator.iter_errors(data)):
        print(path.relative_to(root))
for folder, kind in kinds.items():
    for path in sorted((root / folder).glob("*.md")):
        match = re.match(r"---\n(.*?)\n---[ \t]*\n", path.read_text() + "\n", re.S)
        check(path, kind, yaml.load(match.group(1), Loader) if match else None)
check(root / "site.yaml", "site", yaml.load((root / "site.yaml").read_text(), Loader))
check(root / "handlungsfelder.yaml", "handlungsfelder", yaml.load((root / "handlungsfelder.yaml").read_text(), Loader))
PY
  invalid=$(python3 "$work/validate.py" schemas content)
  if [ -z "$invalid" ]; then ok "schemas accept the example content"; else fail "schemas reject valid content" "$invalid"; fi
  invalid=$(python3 "$work/validate.py" schemas "$work/broken/content" | sort | tr '\n' ' ')
  if [ "$invalid" = "kaffeerunden/fehler-ohne-titel.md kommunen/fehler-unbekannter-schluessel.md kommunen/fehler-ungueltige-art.md " ]; then
    ok "schemas flag a missing key, an unknown key and a bad enum value"; else fail "schemas on the broken corpus flagged: $invalid"; fi
else
  echo "skip - schema validation of content (python3 jsonschema and yaml not installed)"
fi

# 9. serve: a free loopback port, pages with live reload, nothing outside the
#    site, rebuilds on edits, errors in the browser until fixed.
cp -r content "$work/live"
"$SITEGEN" serve --port 0 --content "$work/live" --templates templates >"$work/serve.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 300); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -1)
  [ -n "$url" ] && curl -s -o /dev/null "$url" && break
  sleep 0.1
done
page="${url}kommunen/bendorf/"
status=$(curl -s -o "$work/page.html" -w '%{http_code}' "$page")
if [ "$status" = 200 ] && grep -q 'src="/_sitegen/live.js"' "$work/page.html"; then ok "serve: a profile page with the reload script"; else fail "serve: profile page (got $status)" "$(cat "$work/serve.log")"; fi
bad=""
for target in ../../etc/passwd ../../../../../../etc/passwd %2e%2e/%2e%2e/etc/passwd kommunen/..%2f..%2f..%2fetc/passwd .sitegen-output; do
  code=$(curl -s --path-as-is -o "$work/out.txt" -w '%{http_code}' "${url}${target}")
  { [ "$code" = 404 ] && ! grep -q "root:" "$work/out.txt"; } || bad+="$target→$code "
done
if [ -z "$bad" ]; then ok "serve: paths outside the site get 404"; else fail "serve: paths outside the site: $bad"; fi
# Seconds until the page at $1 contains $2 (status $3), or "timeout".
wait_for() {
  local start=$(date +%s%N)
  for _ in $(seq 1 200); do
    code=$(curl -s -o "$work/poll.html" -w '%{http_code}' "$1")
    if [ "$code" = "$3" ] && grep -q "$2" "$work/poll.html"; then local ms=$(( ($(date +%s%N) - start) / 1000000 )); printf '%d.%02d\n' $((ms / 1000)) $((ms % 1000 / 10)); return 0; fi
    sleep 0.02
  done
  echo timeout; return 1
}
first=$(curl -sN --max-time 1 "${url}_sitegen/events" | grep -m1 '^data:')
sed -i 's/^name: Bendorf$/name: Bendorf am Rhein/' "$work/live/kommunen/bendorf.md"
took=$(wait_for "$page" "Bendorf am Rhein" 200)
if [ "$took" != timeout ] && [ "${took%%.*}" -lt 3 ]; then ok "serve: an edit shows in the page ($took s)"; else fail "serve: edit not shown ($took)" "$(tail -5 "$work/serve.log")"; fi
second=$(curl -sN --max-time 1 "${url}_sitegen/events" | grep -m1 '^data:')
if [ -n "$first" ] && [ -n "$second" ] && [ "$first" != "$second" ] && grep -q "data-build=\"${second#data: }\"" "$work/poll.html"; then
  ok "serve: the event stream announces the new build"; else fail "serve: event stream ($first / $second)"; fi
sed -i 's/^art: Stadt$/atr: Stadt/' "$work/live/kommunen/bendorf.md"
took=$(wait_for "$page" "bendorf.md:3:1</code>: <strong>error</strong>: unknown key \`atr\`" 500)
if [ "$took" != timeout ]; then ok "serve: a typo shows in the browser with file:line:col ($took s)"; else fail "serve: typo not shown" "$(head -c 600 "$work/poll.html")"; fi
sed -i 's/^atr: Stadt$/art: Stadt/' "$work/live/kommunen/bendorf.md"
took=$(wait_for "$page" "Bendorf am Rhein" 200)
if [ "$took" != timeout ] && ! grep -q "unknown key" "$work/poll.html"; then ok "serve: the error goes when fixed ($took s)"; else fail "serve: error stays after the fix"; fi
kill -INT "$server"
wait "$server"
status=$?
server=""
if [ $status -eq 0 ]; then ok "serve stops cleanly on Ctrl-C"; else fail "serve stops cleanly on Ctrl-C (got $status)" "$(tail -5 "$work/serve.log")"; fi

# 10. The output folder's safety: an output that is a mount point, a content
#     folder reached through a symbolic link, and (as a normal user, for whom
#     permissions count) a commit the file system refuses, unreadable folders
#     and files, and I/O errors in words.
sums() { (cd "$1" && find . -exec sh -c 'if [ -d "$1" ]; then echo "d $1"; else echo "$(sha1sum < "$1") $1"; fi' _ {} \; | sort); }
mkdir -p "$work/mnt"
if mount -t tmpfs -o size=64m sitegen-test "$work/mnt" 2>"$work/mount.log"; then
  cp -r content "$work/mc"
  "$SITEGEN" build --content "$work/mc" --output "$work/mnt" >"$work/mnt.log" 2>&1; s1=$?
  sed -i 's/^name: Bendorf$/name: Bendorf am Rhein/' "$work/mc/kommunen/bendorf.md"
  "$SITEGEN" build --content "$work/mc" --output "$work/mnt" >>"$work/mnt.log" 2>&1; s2=$?
  if [ $s1 -eq 0 ] && [ $s2 -eq 0 ] && grep -q "Bendorf am Rhein" "$work/mnt/kommunen/bendorf/index.html" \
     && [ -z "$(ls -A "$work" | grep staging)" ] && [ -z "$(ls -A "$work/mnt" | grep staging)" ]; then
    ok "an output folder that is a mount point is built and updated"
  else fail "build into a mount point ($s1, $s2)" "$(cat "$work/mnt.log")"; fi
  umount "$work/mnt"
else
  fail "cannot mount a tmpfs to test a mount point (run as root)" "$(cat "$work/mount.log")"
fi
cp -r content "$work/real" && ln -s "$work/real" "$work/link"
"$SITEGEN" build --content "$work/link" --output "$work/real/public" >"$work/link.log" 2>&1; status=$?
if [ $status -eq 2 ] && [ ! -e "$work/real/public" ] && grep -q "overlaps" "$work/link.log"; then
  ok "an output inside the content folder is refused through a symbolic link"
else fail "overlap through a symbolic link (got $status)" "$(cat "$work/link.log")"; fi

if id nobody >/dev/null 2>&1 && command -v runuser >/dev/null; then
  u="$work/user"; mkdir -p "$u/bin" && cp "$SITEGEN" "$u/bin/sitegen" && cp -r content templates "$u/"
  chmod 755 "$work" && chown -R nobody "$u"
  as_user() { (cd "$u" && runuser -u nobody -- "$u/bin/sitegen" "$@"); }
  as_user build --output out >"$work/u1.log" 2>&1
  before=$(sums "$u/out")
  sed -i 's/^name: Bendorf$/name: Bendorf am Rhein/' "$u/content/kommunen/bendorf.md"
  sed -i 's/^name: Hennef (Sieg)$/name: Hennef an der Sieg/' "$u/content/kommunen/hennef.md"
  chmod 555 "$u/out/kommunen/hennef"
  as_user build --output out >"$work/u2.log" 2>&1; status=$?
  if [ $status -eq 2 ] && [ "$before" = "$(sums "$u/out")" ] && ! grep -q "Error Domain" "$work/u2.log"; then
    ok "a commit the file system refuses leaves the previous output exactly"
  else fail "refused commit (got $status)" "$(cat "$work/u2.log"; diff <(echo "$before") <(sums "$u/out") | head)"; fi
  chmod 755 "$u/out/kommunen/hennef"
  as_user build --output out >"$work/u3.log" 2>&1; status=$?
  if [ $status -eq 0 ] && grep -q "Bendorf am Rhein" "$u/out/kommunen/bendorf/index.html" && grep -q "Hennef an der Sieg" "$u/out/kommunen/hennef/index.html"; then
    ok "the next build after a refused commit goes through"
  else fail "build after a refused commit (got $status)" "$(cat "$work/u3.log")"; fi
  chmod 000 "$u/content/meldungen"
  as_user check --output out >"$work/u4.log" 2>&1; status=$?
  if [ $status -eq 1 ] && grep -q "content/meldungen:.*cannot read the folder: Permission denied" "$work/u4.log"; then
    ok "an unreadable content folder is an error, not a silent gap"
  else fail "unreadable content folder (got $status)" "$(cat "$work/u4.log")"; fi
  chmod 755 "$u/content/meldungen"
  medium=$(cd "$u/content" && ls medien/* | head -1)
  chmod 000 "$u/content/$medium"
  as_user build --output out >"$work/u5.log" 2>&1; status=$?
  if [ $status -eq 1 ] && grep -q "content/$medium:.*cannot read the file: Permission denied" "$work/u5.log"; then
    ok "an unreadable medium is reported at the file"
  else fail "unreadable medium (got $status)" "$(cat "$work/u5.log")"; fi
  chmod 644 "$u/content/$medium"
  mkdir -p "$u/ro" && chmod 555 "$u/ro"
  as_user build --output ro/site >"$work/u6.log" 2>&1; status=$?
  if [ $status -eq 2 ] && grep -q "Permission denied" "$work/u6.log" && ! grep -q "Error Domain" "$work/u6.log"; then
    ok "an output folder that cannot be written is reported in words"
  else fail "unwritable output folder (got $status)" "$(cat "$work/u6.log")"; fi
else
  fail "runuser and the user nobody are needed for the permission checks"
fi

# 11. init ci: the GitLab pipeline's commands, run here as its jobs would run
# them, in a site repository with sitegen as a submodule-like folder: make
# install (of the debug build the tests made: INSTALL_CONFIG=debug
# INSTALL_BUILD=--build-tests, see the Makefile), check,
# then pages, which builds public/ with the installed default theme.
python3 -c "import yaml" 2>/dev/null || { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-yaml >/dev/null 2>&1; }
ci="$work/ci-site"
mkdir -p "$ci" && cp -R content "$ci/content" && ln -s "$PWD" "$ci/sitegen"
if "$SITEGEN" init ci --gitlab --repository "$ci" >"$work/ci.log" 2>&1 && [ -f "$ci/.gitlab-ci.yml" ] \
  && ! "$SITEGEN" init ci --gitlab --repository "$ci" >>"$work/ci.log" 2>&1; then
  ok "init ci --gitlab writes .gitlab-ci.yml once and never replaces it"
else fail "init ci --gitlab" "$(cat "$work/ci.log")"; fi
python3 - "$ci/.gitlab-ci.yml" >"$ci/jobs.sh" <<'PY'
import sys, yaml
ci = yaml.safe_load(open(sys.argv[1]))
print("set -e")
for job in ["check", "pages"]:
    print(f"echo '== {job}'")
    for line in ci["default"]["before_script"] + ci[job]["script"]:
        print(line)
PY
if (cd "$ci" && CI_PROJECT_DIR="$ci" INSTALL_CONFIG=debug INSTALL_BUILD=--build-tests PATH="/usr/bin:/bin:$PATH" bash jobs.sh) >"$work/ci-run.log" 2>&1 \
  && [ -x "$ci/.sitegen/bin/sitegen" ] && [ -f "$ci/.sitegen/share/sitegen/templates/layout.mustache" ] \
  && [ ! -e "$ci/templates" ] && grep -q "Bendorf" "$ci/public/kommunen/bendorf/index.html"; then
  ok "the GitLab jobs' commands install sitegen, check and build public/ with the installed theme"
else fail "the GitLab jobs' commands" "$(tail -20 "$work/ci-run.log")"; fi

echo "acceptance: $passed passed, $failed failed"
[ $failed -eq 0 ]
