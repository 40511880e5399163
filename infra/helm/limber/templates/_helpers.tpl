{{- define "limber.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "limber.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "limber.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "limber.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "limber.selectorLabels" -}}
app.kubernetes.io/name: {{ include "limber.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "limber.image" -}}
{{ printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end -}}

{{- define "limber.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{ default (include "limber.fullname" .) .Values.serviceAccount.name }}
{{- else -}}
{{ default "default" .Values.serviceAccount.name }}
{{- end -}}
{{- end -}}

{{/* A password comes from a Secret the chart creates (value given) or from an existing one. */}}
{{- define "limber.appSecretName" -}}
{{- if .Values.database.app.password -}}
{{ include "limber.fullname" . }}-db-app
{{- else -}}
{{ required "database.app.existingSecret or database.app.password is required" .Values.database.app.existingSecret }}
{{- end -}}
{{- end -}}

{{- define "limber.ownerSecretName" -}}
{{- if .Values.database.owner.password -}}
{{ include "limber.fullname" . }}-db-owner
{{- else -}}
{{ required "database.owner.existingSecret or database.owner.password is required" .Values.database.owner.existingSecret }}
{{- end -}}
{{- end -}}

{{- define "limber.redisSecretName" -}}
{{- if .Values.sessions.redis.password -}}
{{ include "limber.fullname" . }}-redis
{{- else -}}
{{ .Values.sessions.redis.existingSecret }}
{{- end -}}
{{- end -}}

{{- define "limber.metricsSecretName" -}}
{{- if .Values.metrics.scrapeToken -}}
{{ include "limber.fullname" . }}-metrics
{{- else -}}
{{ .Values.metrics.existingSecret }}
{{- end -}}
{{- end -}}

{{/* Hardened container settings shared by the app and the migration Job. */}}
{{- define "limber.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}
