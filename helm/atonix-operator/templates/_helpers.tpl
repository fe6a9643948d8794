{{/* The chart's name, or nameOverride. */}}
{{- define "atonix-operator.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release's full name: the release name when it already contains the chart's name. */}}
{{- define "atonix-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/*
Labels of every object of the chart. app.kubernetes.io/managed-by is Helm, never atonix-operator: the operator's
informers select the objects it manages by that label, and must not see its own installation.
*/}}
{{- define "atonix-operator.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "atonix-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "atonix-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "atonix-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "atonix-operator.serviceAccountName" -}}
{{- default (include "atonix-operator.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{/* k=v,k2=v2 from a map, in key order: how the operator reads a set of labels from one setting. */}}
{{- define "atonix-operator.labelList" -}}
{{- $pairs := list -}}
{{- range $key, $value := . -}}
{{- $pairs = append $pairs (printf "%s=%s" $key $value) -}}
{{- end -}}
{{- join "," $pairs -}}
{{- end -}}

{{/*
What the operator may do in the namespaces it watches: exactly the (group, resource, verb) triples its controllers
use, derived from the code by operator/src/test/java/io/atonix/operator/install/RbacTest.java, which fails when this
list and the code disagree. No wildcards. Why each rule is there: docs/install.md, "What the operator may do".
*/}}
{{- define "atonix-operator.clusterRules" -}}
- apiGroups: ["apiextensions.k8s.io"]
  resources: ["customresourcedefinitions"]
  verbs: ["get"]
- apiGroups: [""]
  resources: ["namespaces"]
  verbs: ["get"]
# Under deletionPolicy Retain the bound volumes of kept claims get reclaim policy Retain (docs/postgres.md).
- apiGroups: [""]
  resources: ["persistentvolumes"]
  verbs: ["get", "patch"]
{{- end -}}

{{- define "atonix-operator.rules" -}}
- apiGroups: ["atonix.io"]
  resources: ["appstacks"]
  verbs: ["get", "list", "watch", "patch"]
- apiGroups: ["atonix.io"]
  resources: ["postgreses", "redises"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: ["atonix.io"]
  resources: ["appstacks/status", "postgreses/status", "redises/status"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["serviceaccounts", "services"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: [""]
  resources: ["persistentvolumeclaims"]
  verbs: ["get", "list", "watch", "create", "patch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["list"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: ["apps"]
  resources: ["statefulsets"]
  verbs: ["get", "list", "watch", "create", "update"]
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: ["networking.k8s.io"]
  resources: ["ingresses", "networkpolicies"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: ["monitoring.coreos.com"]
  resources: ["servicemonitors", "prometheusrules"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
# The edge (docs/edge.md): a cert-manager Certificate per host whose TLS names an issuer, and in Gateway mode the
# services' HTTPRoutes.
- apiGroups: ["cert-manager.io"]
  resources: ["certificates"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: ["gateway.networking.k8s.io"]
  resources: ["httproutes"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
# Event-driven autoscaling (docs/autoscaling.md): where KEDA runs, a ScaledObject per service with triggers and a
# TriggerAuthentication per service with a Kafka lag trigger.
- apiGroups: ["keda.sh"]
  resources: ["scaledobjects", "triggerauthentications"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
# Object stores that name a COSI BucketClaim (docs/object-storage.md): where COSI runs, a BucketAccess per use; COSI
# writes the credentials into a Secret the operator reads like the stores' other credentials.
- apiGroups: ["objectstorage.k8s.io"]
  resources: ["bucketaccesses"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: ["batch"]
  resources: ["cronjobs"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
# A stack's migrations (docs/jobs.md): a Job per version, never updated (its template cannot change).
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "delete"]
- apiGroups: ["kafka.strimzi.io"]
  resources: ["kafkatopics", "kafkausers"]
  verbs: ["get", "list", "watch", "create", "update", "delete"]
- apiGroups: ["kafka.strimzi.io"]
  resources: ["kafkas"]
  verbs: ["get", "list", "watch"]
{{- end -}}

{{/* The allow-list of shared topics as the operator reads it: topic:ns1,ns2;topic2:* */}}
{{- define "atonix-operator.sharedTopics" -}}
{{- $entries := list -}}
{{- range . -}}
{{- $entries = append $entries (printf "%s:%s" .topic (join "," .namespaces)) -}}
{{- end -}}
{{- join ";" $entries -}}
{{- end -}}
