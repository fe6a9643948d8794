#!/usr/bin/env bash
# Smoke test for the kube-testbin binaries: starts etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler and kwok on 127.0.0.1 only (free
# high ports, temp dir, openssl-generated certs), creates a kwok fake Node and a
# 1-replica Deployment, waits until its pod is Running/Ready and the Deployment
# has availableReplicas=1, deletes it (garbage collection), then stops
# everything and removes the temp dir.
#
# Usage: tools/kube-testbin/smoke.sh
#   KUBE_TESTBIN_BIN=<dir>  use binaries from <dir> instead of running build.sh
#   SMOKE_KEEP=1            keep the temp dir (certs, kubeconfigs, logs)
#   SMOKE_TIMEOUT=<s>       per-wait timeout in seconds (default 120)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TIMEOUT="${SMOKE_TIMEOUT:-120}"
T0=$(date +%s)

log() { printf '[smoke %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() { log "FAILED: $*"; exit 1; }

for tool in openssl curl; do command -v "$tool" >/dev/null || die "$tool is required"; done

BIN="${KUBE_TESTBIN_BIN:-}"
if [[ -z "$BIN" ]]; then
  BIN="$("$HERE/build.sh" | tail -n1)"
fi
for b in etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok; do
  [[ -x "$BIN/$b" ]] || die "missing $BIN/$b"
done
[[ -f "$BIN/kwok-stages.yaml" ]] || die "missing $BIN/kwok-stages.yaml"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/kube-testbin-smoke.XXXXXX")"
PIDS=()
NAMES=()
OK=0

stop_all() {
  # stop in reverse start order: clients first, then kube-apiserver, etcd last
  local i wd
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do
    kill -TERM "${PIDS[$i]}" 2>/dev/null || continue
    ( sleep 15; kill -KILL "${PIDS[$i]}" 2>/dev/null && echo "killed ${NAMES[$i]}: still running 15s after SIGTERM" ) &
    wd=$!
    wait "${PIDS[$i]}" 2>/dev/null || true
    kill "$wd" 2>/dev/null || true
    wait "$wd" 2>/dev/null || true
  done
  PIDS=()
}

cleanup() {
  local rc=$?
  stop_all
  if [[ "$OK" != 1 ]]; then
    for n in "${NAMES[@]}"; do
      echo "----- last lines of $n.log -----"
      tail -n 25 "$WORK/$n.log" 2>/dev/null || true
    done
  fi
  if [[ "${SMOKE_KEEP:-0}" == 1 ]]; then
    echo "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- free ports on 127.0.0.1 ------------------------------------------------
USED_PORTS=" "
free_port() {
  local p
  while :; do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    [[ "$USED_PORTS" == *" $p "* ]] && continue
    # connect fails => nothing listens there
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      USED_PORTS+="$p "
      echo "$p"
      return
    fi
  done
}
ETCD_PORT=$(free_port); ETCD_PEER_PORT=$(free_port); APISERVER_PORT=$(free_port)
KCM_PORT=$(free_port); SCHED_PORT=$(free_port); KWOK_PORT=$(free_port)

# ---- PKI --------------------------------------------------------------------
PKI="$WORK/pki"; mkdir -p "$PKI"
ossl() { openssl "$@" 2>>"$WORK/openssl.log"; }
ossl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout "$PKI/ca.key" -out "$PKI/ca.crt" -days 3650 -subj "/CN=atonix-test-ca"
# sign <name> <subject> <extensions>
sign() {
  ossl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$PKI/$1.key" -out "$PKI/$1.csr" -subj "$2"
  printf '%b' "$3" > "$PKI/$1.ext"
  ossl x509 -req -in "$PKI/$1.csr" -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -CAcreateserial \
    -days 3650 -out "$PKI/$1.crt" -extfile "$PKI/$1.ext"
}
CLIENT_EXT='keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n'
sign apiserver "/CN=kube-apiserver" \
  'keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:10.96.0.1\n'
sign admin "/O=system:masters/CN=atonix-admin" "$CLIENT_EXT"
sign kube-controller-manager "/CN=system:kube-controller-manager" "$CLIENT_EXT"
sign kube-scheduler "/CN=system:kube-scheduler" "$CLIENT_EXT"
# service-account token signing key pair (RSA, RS256)
ossl genrsa -out "$PKI/sa.key" 2048
ossl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub"

kubeconfig() { # <user>
  cat > "$WORK/$1.kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: atonix-test
  cluster:
    server: https://127.0.0.1:${APISERVER_PORT}
    certificate-authority: ${PKI}/ca.crt
users:
- name: $1
  user:
    client-certificate: ${PKI}/$1.crt
    client-key: ${PKI}/$1.key
contexts:
- name: atonix-test
  context: {cluster: atonix-test, user: $1}
current-context: atonix-test
EOF
}
kubeconfig admin; kubeconfig kube-controller-manager; kubeconfig kube-scheduler
log "PKI and kubeconfigs written to $WORK"

# ---- helpers ----------------------------------------------------------------
start() { # <name> <binary> <args...>
  local name="$1"; shift
  "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!); NAMES+=("$name")
}
wait_for() { # <what> <command...>
  local what="$1"; shift
  local deadline=$(( $(date +%s) + TIMEOUT ))
  until "$@" >/dev/null 2>&1; do
    (( $(date +%s) < deadline )) || die "timed out after ${TIMEOUT}s waiting for $what"
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || die "a process exited while waiting for $what"; done
    sleep 0.5
  done
  log "$what: ok"
}
export KUBECACHEDIR="$WORK/kube-cache"   # keep kubectl's discovery cache out of ~/.kube
KUBECTL=("$BIN/kubectl" --kubeconfig "$WORK/admin.kubeconfig")
CURL=(curl -fsS --max-time 5 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key")
healthy() { [[ "$("${CURL[@]}" "$1" 2>/dev/null)" == ok ]]; }

# ---- etcd -------------------------------------------------------------------
start etcd "$BIN/etcd" \
  --name=atonix-test \
  --data-dir="$WORK/etcd" \
  --listen-client-urls="http://127.0.0.1:${ETCD_PORT}" \
  --advertise-client-urls="http://127.0.0.1:${ETCD_PORT}" \
  --listen-peer-urls="http://127.0.0.1:${ETCD_PEER_PORT}" \
  --initial-advertise-peer-urls="http://127.0.0.1:${ETCD_PEER_PORT}" \
  --initial-cluster="atonix-test=http://127.0.0.1:${ETCD_PEER_PORT}" \
  --unsafe-no-fsync=true \
  --log-level=warn
wait_for "etcd /health" bash -c "curl -fsS http://127.0.0.1:${ETCD_PORT}/health | grep -q '\"health\":\"true\"'"

# ---- kube-apiserver ---------------------------------------------------------
start kube-apiserver "$BIN/kube-apiserver" \
  --etcd-servers="http://127.0.0.1:${ETCD_PORT}" \
  --bind-address=127.0.0.1 \
  --advertise-address=127.0.0.1 \
  --secure-port="${APISERVER_PORT}" \
  --tls-cert-file="$PKI/apiserver.crt" \
  --tls-private-key-file="$PKI/apiserver.key" \
  --client-ca-file="$PKI/ca.crt" \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$PKI/sa.pub" \
  --service-account-signing-key-file="$PKI/sa.key" \
  --service-cluster-ip-range=10.96.0.0/16 \
  --authorization-mode=RBAC \
  --allow-privileged=true \
  --endpoint-reconciler-type=none
wait_for "kube-apiserver /readyz" healthy "https://127.0.0.1:${APISERVER_PORT}/readyz"

# ---- kube-controller-manager, kube-scheduler, kwok --------------------------
start kube-controller-manager "$BIN/kube-controller-manager" \
  --kubeconfig="$WORK/kube-controller-manager.kubeconfig" \
  --bind-address=127.0.0.1 \
  --secure-port="${KCM_PORT}" \
  --leader-elect=false \
  --controllers='*' \
  --use-service-account-credentials=true \
  --service-account-private-key-file="$PKI/sa.key" \
  --root-ca-file="$PKI/ca.crt" \
  --cluster-signing-cert-file="$PKI/ca.crt" \
  --cluster-signing-key-file="$PKI/ca.key" \
  --flex-volume-plugin-dir="$WORK/flexvolume"
start kube-scheduler "$BIN/kube-scheduler" \
  --kubeconfig="$WORK/kube-scheduler.kubeconfig" \
  --bind-address=127.0.0.1 \
  --secure-port="${SCHED_PORT}" \
  --leader-elect=false
start kwok "$BIN/kwok" \
  --kubeconfig="$WORK/admin.kubeconfig" \
  --config="$BIN/kwok-stages.yaml" \
  --config="$BIN/kwok-volume-stages.yaml" \
  --manage-all-nodes=true \
  --server-address="127.0.0.1:${KWOK_PORT}" \
  --node-ip=127.0.0.1 \
  --cidr=10.244.0.0/16 \
  --node-lease-duration-seconds=40
wait_for "kube-controller-manager /healthz" bash -c "[[ \$(curl -ksS --max-time 5 https://127.0.0.1:${KCM_PORT}/healthz) == ok ]]"
wait_for "kube-scheduler /healthz" bash -c "[[ \$(curl -ksS --max-time 5 https://127.0.0.1:${SCHED_PORT}/healthz) == ok ]]"
wait_for "kwok /healthz" bash -c "curl -fsS --max-time 5 http://127.0.0.1:${KWOK_PORT}/healthz"

# ---- everything listens on loopback only --------------------------------------
if command -v ss >/dev/null; then
  bad=""
  for pid in "${PIDS[@]}"; do
    bad+=$(ss -Hltnp | grep "pid=$pid," | awk '{print $4}' | grep -v -E '^(127\.[0-9.]+|\[::1\]):[0-9]+$' || true)
  done
  [[ -z "$bad" ]] || die "something listens outside loopback: $bad"
  log "listening sockets: $(for pid in "${PIDS[@]}"; do ss -Hltnp | grep "pid=$pid," | awk '{print $4}'; done | sort -u | tr '\n' ' ')"
else
  log "ss not found; skipped the loopback-only check"
fi

# ---- workload ---------------------------------------------------------------
"${KUBECTL[@]}" version 2>&1 | sed 's/^/    /'
"${KUBECTL[@]}" apply -f - >/dev/null <<'EOF'
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-0
  annotations:
    kwok.x-k8s.io/node: fake
  labels:
    type: kwok
    kubernetes.io/hostname: kwok-node-0
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
status:
  allocatable: {cpu: "32", memory: 256Gi, pods: "110"}
  capacity: {cpu: "32", memory: 256Gi, pods: "110"}
EOF
wait_for "node kwok-node-0 Ready" "${KUBECTL[@]}" wait --for=condition=Ready node/kwok-node-0 --timeout=5s
wait_for "serviceaccount default/default" "${KUBECTL[@]}" get serviceaccount default -n default

"${KUBECTL[@]}" apply -f - >/dev/null <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: smoke
  namespace: default
spec:
  replicas: 1
  selector:
    matchLabels: {app: smoke}
  template:
    metadata:
      labels: {app: smoke}
    spec:
      containers:
      - name: app
        image: registry.invalid/smoke:1
        readinessProbe:
          httpGet: {path: /ready, port: 8080}
EOF
wait_for "pod app=smoke Ready" "${KUBECTL[@]}" wait -n default --for=condition=Ready pod -l app=smoke --timeout=5s
wait_for "deployment smoke availableReplicas=1" \
  bash -c "[[ \$(\"\$0\" --kubeconfig \"\$1\" get deploy smoke -n default -o jsonpath='{.status.availableReplicas}') == 1 ]]" \
  "$BIN/kubectl" "$WORK/admin.kubeconfig"
"${KUBECTL[@]}" get deploy,rs,pods -n default -o wide 2>&1 | sed 's/^/    /'
phase=$("${KUBECTL[@]}" get pods -n default -l app=smoke -o jsonpath='{.items[0].status.phase}')
[[ "$phase" == Running ]] || die "pod phase is $phase, expected Running"

# garbage collector: deleting the Deployment removes its ReplicaSet and Pod
"${KUBECTL[@]}" delete deployment smoke -n default --cascade=foreground --wait=false >/dev/null
wait_for "garbage collection of rs/pods" \
  bash -c "[[ -z \$(\"\$0\" --kubeconfig \"\$1\" get rs,pods -n default -l app=smoke -o name) ]]" \
  "$BIN/kubectl" "$WORK/admin.kubeconfig"

# StatefulSet with a volumeClaimTemplate: statefulset controller + kwok's
# PV/PVC simulation stages (kwok-volume-stages.yaml + the kwok-volume StorageClass)
"${KUBECTL[@]}" apply -f "$BIN/kwok-volume-storageclass.yaml" >/dev/null
"${KUBECTL[@]}" apply -f - >/dev/null <<'EOF'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: smoke-sts
  namespace: default
spec:
  replicas: 1
  serviceName: smoke-sts
  selector:
    matchLabels: {app: smoke-sts}
  template:
    metadata:
      labels: {app: smoke-sts}
    spec:
      containers:
      - name: app
        image: registry.invalid/smoke:1
        volumeMounts: [{name: data, mountPath: /data}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
EOF
wait_for "pvc data-smoke-sts-0 Bound" \
  bash -c "[[ \$(\"\$0\" --kubeconfig \"\$1\" get pvc data-smoke-sts-0 -n default -o jsonpath='{.status.phase}') == Bound ]]" \
  "$BIN/kubectl" "$WORK/admin.kubeconfig"
wait_for "pod smoke-sts-0 Ready" "${KUBECTL[@]}" wait -n default --for=condition=Ready pod/smoke-sts-0 --timeout=5s
wait_for "statefulset smoke-sts readyReplicas=1" \
  bash -c "[[ \$(\"\$0\" --kubeconfig \"\$1\" get sts smoke-sts -n default -o jsonpath='{.status.readyReplicas}') == 1 ]]" \
  "$BIN/kubectl" "$WORK/admin.kubeconfig"
"${KUBECTL[@]}" get sts,pods,pvc,pv -n default -o wide 2>&1 | sed 's/^/    /'

OK=1
log "checks passed; stopping"
stop_t0=$(date +%s)
stop_all
log "all processes stopped in $(( $(date +%s) - stop_t0 ))s"
log "SMOKE TEST PASSED (kubernetes $("$BIN/kube-apiserver" --version | cut -d' ' -f2), $("$BIN/etcd" --version | head -1), kwok $("$BIN/kwok" --version 2>&1 | head -1))"
