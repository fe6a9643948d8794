#!/usr/bin/env bash
# Unpacks Debian packages (without installing them, without root) into ~/.cache/atonix/debian/<hash>/root and prints
# that directory as the last stdout line. The tests run real programs from there: redis-server from redis-server,
# redis-tools and the libraries a fresh machine lacks (libjemalloc2, liblzf1), promtool from prometheus. Programs
# find those libraries through LD_LIBRARY_PATH=<root>/usr/lib/x86_64-linux-gnu.
#   tools/debian-packages/fetch.sh redis-server redis-tools libjemalloc2 liblzf1
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: tools/debian-packages/fetch.sh PACKAGE..." >&2; exit 2; }
command -v apt-get >/dev/null || { echo "[debian-packages] apt-get is missing: this needs Debian or Ubuntu" >&2; exit 1; }
key="$(printf '%s\n' "$@" | sha256sum | cut -c1-16)"
out="$HOME/.cache/atonix/debian/$key"
if [ ! -f "$out/complete" ]; then
  echo "[debian-packages] downloading $* into $out" >&2
  rm -rf "$out" && mkdir -p "$out/debs"
  cd "$out/debs"
  # Without package lists (a machine that never ran apt-get update) read them into a private directory: no root needed.
  if ! apt-get download "$@" >download.log 2>&1; then
    lists=(-o "Dir::State::Lists=$out/lists" -o "Dir::Cache=$out/cache" -o "Debug::NoLocking=1")
    mkdir -p "$out/lists/partial" "$out/cache/archives/partial"
    apt-get "${lists[@]}" update >update.log 2>&1 || { cat update.log >&2; exit 1; }
    apt-get "${lists[@]}" download "$@" >download.log 2>&1 || { cat download.log >&2; exit 1; }
  fi
  for deb in *.deb; do dpkg-deb -x "$deb" "$out/root"; done
  touch "$out/complete"
fi
echo "$out/root"
