#!/usr/bin/env bash
# Smoke test of the built application (dist/tdkt): --version; `check` creating then re-opening
# a database under a Vietnamese user folder; `selftest`; a backup to a temporary folder and a
# restore from it; a broken file refused. Fails on any error.
# Linux: bash packaging/smoke.sh. Windows: the same script in Git Bash (the CI's `shell: bash`);
# paths handed to the .exe are converted with cygpath and its CRLF line ends dropped.
# APP_DIR=path/to/tdkt tests another folder.
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

# A path as the program sees it: C:\Users\… on Windows, unchanged elsewhere.
native() { if [[ -n "$EXE" ]]; then cygpath -w "$1"; else printf '%s' "$1"; fi; }
ms() { date +%s%N | cut -c1-13; }
# A modal dialog waiting for a click would hang CI: every run of the app gets a time limit.
app() { timeout 180 "$@"; }
cli() { app "$CLI" "$@" | tr -d '\r'; }  # Windows programs end their lines with CRLF
fail() { echo "smoke: $*" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
HOME_VI="$TMP/Users/Nguyễn Văn A"   # a Windows user name with diacritics
WORK="$HOME_VI/Tài liệu/Dữ liệu thi đua"
BACKUPS="$TMP/USB KINGSTON/Sao lưu"
mkdir -p "$WORK" "$BACKUPS"
# Logs, settings and staging stay in the user's (temporary) data folder.
TDKT_DATA_DIR=$(native "$HOME_VI/AppData/Local/ThiDuaKhenThuong")
export TDKT_DATA_DIR
export QT_QPA_PLATFORM=offscreen
DB="$WORK/khen thưởng phường Thành Đông.sqlite"
DB_ARG=$(native "$DB")

want_version="tdkt $(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py | tr -d '\r')"
# The schema version shown is the head's place in the migration history: the number of
# revisions (db.migrate.schema_number), whatever numbers their names carry.
head=$(grep -l "^revision = " db/migrations/versions/*.py | wc -l | tr -d ' ')
cd "$TMP"  # away from the source tree: the bundle must not lean on ./app or ./resources

t0=$(ms); out=$(cli --version); t1=$(ms)
echo "$CLI --version → $out ($((t1 - t0)) ms)"
[[ "$out" == "$want_version" ]] || fail "expected '$want_version'"

if [[ -z "$EXE" ]]; then  # the windowed Windows exe has no stdout; elsewhere it must print too
  out=$(app "$GUI" --version)
  [[ "$out" == "$want_version" ]] || fail "$GUI --version printed '$out'"
fi

check_db() {  # $1: what this pass is; the schema must be the newest and the file sound
  local out t0 t1
  t0=$(ms); out=$(cli check --db "$DB_ARG"); t1=$(ms)
  echo "--- check ($1, $((t1 - t0)) ms)"; echo "$out"
  grep -qx "Phiên bản lược đồ: $head (.*)" <<<"$out" || fail "schema version is not $head"
  grep -qx "Kiểm tra toàn vẹn: ok" <<<"$out" || fail "integrity check failed"
}
check_db "tạo mới"
check_db "mở lại"
[[ -s "$DB" ]] || fail "database file was not created at $DB"

# Every part loaded at run time (fonts, rules, migrations, ReportLab, Excel/Word, zip, Qt with
# its PDF engine, the main window and each screen), offscreen, in a temporary folder.
# (SMOKE_SKIP_SELFTEST=1 only for tests/packaging, which run this script on the source tree.)
if [[ "${SMOKE_SKIP_SELFTEST:-0}" != 1 ]]; then
  t0=$(ms); cli selftest; t1=$(ms)
  echo "--- selftest ($((t1 - t0)) ms)"
fi

# A verified backup to a "USB" folder, then a restore from it over the database.
t0=$(ms); out=$(cli backup --db "$DB_ARG" --to "$(native "$BACKUPS")"); t1=$(ms)
echo "--- backup ($((t1 - t0)) ms)"; echo "$out"
grep -q "^Đã sao lưu và kiểm tra: " <<<"$out" || fail "backup did not report a verified copy"
copies=("$BACKUPS"/TDKT-sao-luu-*.sqlite)
[[ -s "${copies[0]}" ]] || fail "no backup file in $BACKUPS"
t0=$(ms); out=$(cli restore "$(native "${copies[0]}")" --db "$DB_ARG"); t1=$(ms)
echo "--- restore ($((t1 - t0)) ms)"; echo "$out"
grep -q "^Đã khôi phục " <<<"$out" || fail "restore did not say it restored"
check_db "sau khôi phục"
ls "$HOME_VI/AppData/Local/ThiDuaKhenThuong" >/dev/null || fail "the user data folder is missing"

# A broken file must be refused with a message and a non-zero exit, not a traceback.
printf 'không phải cơ sở dữ liệu' > "$WORK/hỏng.sqlite"
if app "$CLI" check --db "$(native "$WORK/hỏng.sqlite")" >"$TMP/out.txt" 2>&1; then
  fail "a broken file was accepted"
fi
grep -q "^Lỗi: " "$TMP/out.txt" || { echo "smoke: no clear error:"; cat "$TMP/out.txt"; exit 1; } >&2
echo "smoke: OK"
