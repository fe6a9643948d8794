#!/usr/bin/env bash
# Builds a pinned, kubelet-less Kubernetes control plane for integration tests:
#   etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok
# from Go modules fetched through the Go module proxy (no GitHub, no Docker).
#
# Usage: tools/kube-testbin/build.sh
#   Prints the directory holding the binaries as its LAST stdout line.
#   Everything else (versions, timings, go output) goes to stderr.
#
# Environment:
#   KUBE_TESTBIN_DIR   output dir (default: $HOME/.cache/atonix/kube-testbin/<k8s-version>)
#   KUBE_TESTBIN_NICE  nice level for the go builds (default: 10)
#   KUBE_TESTBIN_FORCE=1  rebuild even if the output dir is up to date
#   GOCACHE / GOMODCACHE / GOPROXY are honoured as usual.
set -euo pipefail

# ---- pinned versions (keep in sync with */go.mod) ---------------------------
K8S_VERSION=v1.37.2
K8S_BUILD_DATE=2026-10-27T12:01:04Z   # tag time as reported by the module proxy
ETCD_VERSION=v3.7.3
KWOK_VERSION=v0.8.0
# -----------------------------------------------------------------------------

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${KUBE_TESTBIN_DIR:-${HOME}/.cache/atonix/kube-testbin/${K8S_VERSION}}"
NICE="${KUBE_TESTBIN_NICE:-10}"
BINARIES=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok)
# kwok has no built-in behaviour: it needs Stage objects (--config). These are
# copied verbatim from the pinned kwok module (kustomize/stage/...).
KWOK_FILES=(kwok-stages.yaml kwok-volume-stages.yaml kwok-volume-storageclass.yaml)

log() { printf '[kube-testbin] %s\n' "$*" >&2; }

# The stamp covers the pins and the exact module graphs, so editing any
# go.mod/go.sum or a version above triggers a rebuild.
recipe_hash() {
  {
    printf '%s\n' "$K8S_VERSION" "$K8S_BUILD_DATE" "$ETCD_VERSION" "$KWOK_VERSION"
    cat "$HERE"/kubernetes/go.mod "$HERE"/kubernetes/go.sum \
        "$HERE"/etcd/go.mod "$HERE"/etcd/go.sum \
        "$HERE"/kwok/go.mod "$HERE"/kwok/go.sum
  } | sha256sum | cut -d' ' -f1
}
EXPECTED_STAMP="$(cat <<EOF
kubernetes=${K8S_VERSION}
etcd=${ETCD_VERSION}
kwok=${KWOK_VERSION}
recipe=$(recipe_hash)
EOF
)"

up_to_date() {
  [[ -f "$OUT/versions.txt" ]] || return 1
  [[ "$(grep -v '^#' "$OUT/versions.txt")" == "$EXPECTED_STAMP" ]] || return 1
  local b
  for b in "${BINARIES[@]}"; do [[ -x "$OUT/$b" ]] || return 1; done
  for f in "${KWOK_FILES[@]}"; do [[ -s "$OUT/$f" ]] || return 1; done
}

print_versions() {
  log "kubernetes ${K8S_VERSION} (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl)"
  log "etcd       ${ETCD_VERSION}"
  log "kwok       ${KWOK_VERSION}"
}

mkdir -p "$OUT"

# Serialise concurrent invocations (e.g. parallel test forks) on one output dir.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$OUT/.lock"
  flock 9
fi

if [[ "${KUBE_TESTBIN_FORCE:-0}" != 1 ]] && up_to_date; then
  print_versions
  log "up to date in $OUT (nothing to build)"
  echo "$OUT"
  exit 0
fi

command -v go >/dev/null 2>&1 || { log "ERROR: 'go' not found on PATH (need Go >= 1.26)"; exit 1; }
print_versions
log "building into $OUT (go: $(go version | cut -d' ' -f3), nice ${NICE}) ..."
START=$(date +%s)

TMP="$(mktemp -d "$OUT/.build.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# Fully pinned, reproducible-ish builds: committed go.sum, no workspace, no cgo.
export GOFLAGS="-mod=readonly -buildvcs=false"
export GOWORK=off
export CGO_ENABLED=0
export GOTOOLCHAIN="${GOTOOLCHAIN:-auto}"

gobuild() { # <module dir> <-o target> <ldflags> <pkg>...
  local dir="$1" out="$2" ldflags="$3"; shift 3
  local t0
  t0=$(date +%s)
  (cd "$HERE/$dir" && nice -n "$NICE" go build -trimpath -ldflags "-s -w $ldflags" -o "$out" "$@")
  log "  built $* in $(( $(date +%s) - t0 ))s"
}

k8s_minor="${K8S_VERSION#v1.}"; k8s_minor="${k8s_minor%%.*}"
K8S_LDFLAGS=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  K8S_LDFLAGS+=" -X ${pkg}.gitVersion=${K8S_VERSION}"
  K8S_LDFLAGS+=" -X ${pkg}.gitMajor=1 -X ${pkg}.gitMinor=${k8s_minor}"
  K8S_LDFLAGS+=" -X ${pkg}.gitTreeState=clean -X ${pkg}.buildDate=${K8S_BUILD_DATE}"
  K8S_LDFLAGS+=" -X ${pkg}.gitCommit="
done

gobuild etcd "$TMP/etcd" "" go.etcd.io/etcd/server/v3
gobuild kwok "$TMP/kwok" "-X sigs.k8s.io/kwok/pkg/consts.Version=${KWOK_VERSION} -X sigs.k8s.io/kwok/pkg/consts.KubeVersion=${K8S_VERSION}" \
  sigs.k8s.io/kwok/cmd/kwok
gobuild kubernetes "$TMP/" "$K8S_LDFLAGS" \
  k8s.io/kubernetes/cmd/kube-apiserver \
  k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler \
  k8s.io/kubernetes/cmd/kubectl

# Sanity check: every binary runs and the kube ones report the pinned version.
# The output is read whole before it is matched: `prog | grep -q` under pipefail fails when grep exits at its match
# before prog has written the rest (SIGPIPE), which etcd's several lines made happen at random.
apiserver_version="$("$TMP/kube-apiserver" --version)"
[[ "$apiserver_version" == "Kubernetes ${K8S_VERSION}" ]] \
  || { log "ERROR: kube-apiserver reports '$apiserver_version'"; exit 1; }
etcd_version="$("$TMP/etcd" --version)"
grep -q "etcd Version: ${ETCD_VERSION#v}" <<<"$etcd_version" \
  || { log "ERROR: etcd reports '$(head -1 <<<"$etcd_version")'"; exit 1; }
"$TMP/kwok" --version >/dev/null

# kwok Stage objects, the same set kwokctl uses by default
# (node-initialize, node-heartbeat-with-lease, pod-ready/complete/delete),
# plus the optional PV/PVC simulation stages and their StorageClass.
KWOK_SRC="$(cd "$HERE/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)/kustomize/stage"
concat() { # <out> <files under $KWOK_SRC>...
  local out="$1" f; shift
  echo "# generated by tools/kube-testbin/build.sh from sigs.k8s.io/kwok@${KWOK_VERSION}/kustomize/stage" > "$out"
  # shellcheck disable=SC1003  # sed '$a\' = add a final newline if missing
  for f in "$@"; do echo "---"; sed -e '$a\' "$KWOK_SRC/$f"; done >> "$out"
}
concat "$TMP/kwok-stages.yaml" \
  node/fast/node-initialize.yaml node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
  pod/fast/pod-ready.yaml pod/fast/pod-complete.yaml pod/fast/pod-delete.yaml
concat "$TMP/kwok-volume-stages.yaml" \
  volume/fast/pv-bind.yaml volume/fast/pv-delete.yaml volume/fast/pvc-provision.yaml volume/fast/pvc-delete.yaml
concat "$TMP/kwok-volume-storageclass.yaml" volume/fast/storage-class.yaml

rm -f "$OUT/versions.txt"
for b in "${BINARIES[@]}" "${KWOK_FILES[@]}"; do mv -f "$TMP/$b" "$OUT/$b"; done
{
  echo "# written by tools/kube-testbin/build.sh after a successful build"
  echo "$EXPECTED_STAMP"
} > "$OUT/versions.txt"

log "build finished in $(( $(date +%s) - START ))s; $(du -sh "$OUT" | cut -f1) in $OUT"
echo "$OUT"
