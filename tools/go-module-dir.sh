#!/usr/bin/env bash
# Downloads one Go module at a pinned version from the Go module proxy into the module cache (hashes checked against
# the checksum database) and prints its directory as the last stdout line: how the tests obtain files that projects
# publish inside their Go modules, such as the CRD YAML of cert-manager and of the Gateway API.
#   tools/go-module-dir.sh github.com/cert-manager/cert-manager@v1.21.2
set -euo pipefail
module="${1:?usage: tools/go-module-dir.sh MODULE@VERSION}"
command -v go >/dev/null || { echo "[go-module-dir] Go is needed to download $module (https://go.dev/dl, or apt-get install golang)" >&2; exit 1; }
# Outside any module, so that no go.mod around the checkout takes part.
cd "$(mktemp -d)"
json="$(GOFLAGS=-mod=mod go mod download -json "$module")"
dir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
  echo "[go-module-dir] $module could not be downloaded: $json" >&2
  exit 1
fi
echo "$dir"
