#!/usr/bin/env bash
# Installs the pinned Python packages of tools/python-packages/NAME.txt (every package of the set, exact versions, so
# no resolver picks anything newer) from PyPI into ~/.cache/atonix/python/NAME-<hash>, without touching the machine's
# Python: `pip install --target`, no venv (Debian's python3 lacks ensurepip without python3-venv). Prints that
# directory as the last stdout line; its `python` runs the python3 that installed them with the packages on its path.
#   tools/python-packages/fetch.sh moto   # then: <dir>/python -m moto.server -H 127.0.42.1 -p 5000
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tools/python-packages/fetch.sh NAME" >&2; exit 2; }
requirements="$(cd "$(dirname "$0")" && pwd)/$1.txt"
[ -f "$requirements" ] || { echo "[python-packages] no $requirements" >&2; exit 2; }
python="$(command -v python3)" || { echo "[python-packages] python3 is missing: install Python 3 and pip" >&2; exit 1; }
key="$( (cat "$requirements"; "$python" -c 'import sys; print(sys.version)') | sha256sum | cut -c1-16)"
out="$HOME/.cache/atonix/python/$1-$key"
if [ ! -f "$out/complete" ]; then
  echo "[python-packages] installing $1.txt into $out" >&2
  rm -rf "$out" && mkdir -p "$out"
  "$python" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps --target "$out/lib" -r "$requirements" >&2 \
    || { echo "[python-packages] pip could not install $requirements (python3 -m pip needs PyPI)" >&2; exit 1; }
  printf '#!/bin/sh\nPYTHONPATH="%s" exec "%s" "$@"\n' "$out/lib" "$python" >"$out/python"
  chmod +x "$out/python"
  touch "$out/complete"
fi
echo "$out"
