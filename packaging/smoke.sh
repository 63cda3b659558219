#!/usr/bin/env bash
# Smoke test of the built application (dist/tdkt): --version; `check` creating then re-opening
# a database under a Vietnamese path; `selftest`; a broken file refused. Fails on any error.
# Usage: bash packaging/smoke.sh   (APP_DIR=path/to/tdkt to test another folder)
set -euo pipefail
cd "$(dirname "$0")/.."

APP_DIR=${APP_DIR:-dist/tdkt}
[[ -d "$APP_DIR" ]] || { echo "smoke: $APP_DIR not found; run 'make build' first" >&2; exit 1; }
APP_DIR=$(cd "$APP_DIR" && pwd)
EXE=""
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) EXE=".exe" ;; esac
CLI="$APP_DIR/tdkt-cli$EXE"
GUI="$APP_DIR/tdkt$EXE"
for f in "$CLI" "$GUI"; do
  [[ -x "$f" ]] || { echo "smoke: $f not found; run 'make build' first" >&2; exit 1; }
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
WORK="$TMP/Nguyễn Thị Hằng/Dữ liệu thi đua"   # a Windows user name with diacritics
mkdir -p "$WORK"
export TDKT_DATA_DIR="$WORK/dữ liệu người dùng"  # logs and backups stay in the temp folder
export QT_QPA_PLATFORM=offscreen
DB="$WORK/khen thưởng phường Thành Đông.sqlite"

want_version="tdkt $(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)"
head=$(ls db/migrations/versions | sed -n 's/^0*\([0-9][0-9]*\)_.*\.py$/\1/p' | sort -n | tail -1)
cd "$TMP"  # away from the source tree: the bundle must not lean on ./app or ./resources
ms() { date +%s%N | cut -c1-13; }
# A modal dialog waiting for a click would hang CI: every run of the app gets a time limit.
app() { timeout 180 "$@"; }

t0=$(ms); out=$(app "$CLI" --version); t1=$(ms)
echo "$CLI --version → $out ($((t1 - t0)) ms)"
[[ "$out" == "$want_version" ]] || { echo "smoke: expected '$want_version'" >&2; exit 1; }

if [[ -z "$EXE" ]]; then  # the windowed Windows exe has no stdout; elsewhere it must print too
  out=$(app "$GUI" --version)
  [[ "$out" == "$want_version" ]] || { echo "smoke: $GUI --version printed '$out'" >&2; exit 1; }
fi

for pass in "tạo mới" "mở lại"; do
  t0=$(ms); out=$(app "$CLI" check --db "$DB"); t1=$(ms)
  echo "--- check ($pass, $((t1 - t0)) ms)"; echo "$out"
  grep -qx "Phiên bản lược đồ: $head (.*)" <<<"$out" \
    || { echo "smoke: schema version is not $head" >&2; exit 1; }
  grep -qx "Kiểm tra toàn vẹn: ok" <<<"$out" || { echo "smoke: integrity check failed" >&2; exit 1; }
done
[[ -s "$DB" ]] || { echo "smoke: database file was not created at $DB" >&2; exit 1; }

# Every part loaded at run time (fonts, rules, migrations, ReportLab, Excel/Word, zip, Qt with
# its PDF engine, the main window and each screen), offscreen, in a temporary folder.
t0=$(ms); app "$CLI" selftest; t1=$(ms)
echo "--- selftest ($((t1 - t0)) ms)"

# A broken file must be refused with a message and a non-zero exit, not a traceback.
printf 'không phải cơ sở dữ liệu' > "$WORK/hỏng.sqlite"
if app "$CLI" check --db "$WORK/hỏng.sqlite" >"$TMP/out.txt" 2>&1; then
  echo "smoke: a broken file was accepted" >&2; exit 1
fi
grep -q "^Lỗi: " "$TMP/out.txt" || { echo "smoke: no clear error:"; cat "$TMP/out.txt"; exit 1; } >&2
echo "smoke: OK"
