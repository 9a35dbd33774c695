#!/usr/bin/env bash
# Installs what the test suites need, if missing: PostgreSQL 15 server binaries, Debian's chromium, a Japanese font,
# DejaVu Sans (the fallback-font tests draw Georgian from it), poppler-utils.
set -euo pipefail

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql-15)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# (no grep -q: it would close the pipe early, and pipefail would read fc-list's SIGPIPE as "missing")
fc-list 2>/dev/null | grep "Noto Sans CJK JP" >/dev/null || missing+=(fonts-noto-cjk)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing test dependencies / テストに必要なパッケージを導入します: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo -n"; else
  echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
