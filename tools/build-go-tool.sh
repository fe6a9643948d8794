#!/usr/bin/env bash
# Builds one of the Go commands under tools/ from the Go module proxy and prints the binary's path as the last stdout
# line. A recipe is either a small command of our own (kstatus, argocd-lua: go.mod, go.sum, *.go) or a published
# command pinned by a go.mod `tool` line and its go.sum (postgres-exporter: the exact version the operator deploys,
# every module's hash checked against go.sum). Cached under ~/.cache/atonix/<tool>/<recipe hash>, so a change of the
# recipe builds it again.
#   tools/build-go-tool.sh kstatus
set -euo pipefail
shopt -s nullglob
tool="${1:?usage: tools/build-go-tool.sh TOOL}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/$tool" && pwd)"
command -v go >/dev/null || { echo "[$tool] Go is needed to build tools/$tool (https://go.dev/dl, or apt-get install golang)" >&2; exit 1; }
recipe="$(cat "$here/go.mod" "$here/go.sum" "$here"/*.go | sha256sum | cut -c1-16)"
out="$HOME/.cache/atonix/$tool/$recipe"
if [ ! -x "$out/$tool" ]; then
  # The recipe's own package, or the command its go.mod names with `tool`.
  package="$(awk '$1 == "tool" && NF == 2 { print $2 }' "$here/go.mod")"
  echo "[$tool] building tools/$tool ${package:-.} from the Go module proxy into $out" >&2
  mkdir -p "$out"
  (cd "$here" && go build -trimpath -o "$out/$tool.tmp" "${package:-.}" >&2)
  mv "$out/$tool.tmp" "$out/$tool"
fi
echo "$out/$tool"
