#!/usr/bin/env bash
# Builds one of the small Go commands under tools/ (kstatus, argocd-lua) from the Go module proxy and prints the
# binary's path as the last stdout line. Cached under ~/.cache/atonix/<tool>/<recipe hash>, so a change of its
# go.mod, go.sum or source builds it again.
#   tools/build-go-tool.sh kstatus
set -euo pipefail
tool="${1:?usage: tools/build-go-tool.sh TOOL}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/$tool" && pwd)"
command -v go >/dev/null || { echo "[$tool] Go is needed to build tools/$tool (https://go.dev/dl, or apt-get install golang)" >&2; exit 1; }
recipe="$(cat "$here/go.mod" "$here/go.sum" "$here"/*.go | sha256sum | cut -c1-16)"
out="$HOME/.cache/atonix/$tool/$recipe"
if [ ! -x "$out/$tool" ]; then
  echo "[$tool] building tools/$tool from the Go module proxy into $out" >&2
  mkdir -p "$out"
  (cd "$here" && go build -trimpath -o "$out/$tool.tmp" . >&2)
  mv "$out/$tool.tmp" "$out/$tool"
fi
echo "$out/$tool"
