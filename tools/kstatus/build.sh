#!/usr/bin/env bash
# Builds tools/kstatus (Flux's kstatus library, sigs.k8s.io/cli-utils, behind a tiny command) from the Go module proxy
# and prints the binary's path as the last stdout line. Cached under ~/.cache/atonix/kstatus/<recipe hash>.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
recipe="$(cat "$here/go.mod" "$here/go.sum" "$here/main.go" | sha256sum | cut -c1-16)"
out="${KSTATUS_DIR:-$HOME/.cache/atonix/kstatus/$recipe}"
if [ ! -x "$out/kstatus" ]; then
  echo "[kstatus] building $(grep 'sigs.k8s.io/cli-utils' "$here/go.mod" | xargs) into $out" >&2
  mkdir -p "$out"
  (cd "$here" && go build -trimpath -o "$out/kstatus.tmp" . >&2)
  mv "$out/kstatus.tmp" "$out/kstatus"
fi
echo "$out/kstatus"
