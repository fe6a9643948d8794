#!/usr/bin/env bash
# Builds the operator of an earlier commit of this repository, the previous release that UpgradeIT upgrades from, and
# prints the directory of its source tree (its chart, CRDs and operator/target/quarkus-app) as the last stdout line.
# The commit comes from this clone's own history; a shallow clone fetches it from its origin first. Cached under
# ~/.cache/atonix/previous-release/<commit>, so a second run costs nothing.
#   tools/previous-release/build.sh "$(cat tools/previous-release/commit)"
set -euo pipefail
commit="${1:?usage: tools/previous-release/build.sh COMMIT}"
repository="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$HOME/.cache/atonix/previous-release/$commit"
if [ ! -f "$out/operator/target/quarkus-app/quarkus-run.jar" ]; then
  if ! git -C "$repository" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "[previous-release] $commit is not in this clone's history; fetching it from origin" >&2
    git -C "$repository" fetch -q --depth=1 origin "$commit" >&2 || {
      echo "[previous-release] cannot get $commit: clone the repository with its history (not --depth 1)" >&2
      exit 1
    }
  fi
  echo "[previous-release] building the operator of $commit into $out" >&2
  rm -rf "$out.partial"
  mkdir -p "$out.partial"
  git -C "$repository" archive "$commit" | tar -x -C "$out.partial"
  (cd "$out.partial" && ./mvnw -B -q -pl operator -am package -Dmaven.test.skip=true -Dspotless.check.skip=true >&2)
  rm -rf "$out"
  mv "$out.partial" "$out"
fi
echo "$out"
