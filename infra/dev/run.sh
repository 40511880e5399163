#!/usr/bin/env bash
# Starts the development identity provider, then Limber in development mode.
set -euo pipefail
cd "$(dirname "$0")/../.."
IDP_JAR=modules/devidp/target/limber-devidp-0.1.0-SNAPSHOT.jar
APP_JAR=modules/app/target/limber-app-0.1.0-SNAPSHOT.jar
IDP_URL=http://localhost:9000
mkdir -p .limber

java -jar "$IDP_JAR" > .limber/devidp.log 2>&1 &
idp_pid=$!
trap 'kill $idp_pid 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 60); do
  if curl -fsS "$IDP_URL/acme/.well-known/openid-configuration" >/dev/null 2>&1; then break; fi
  if ! kill -0 $idp_pid 2>/dev/null; then echo "The development identity provider failed to start; see .limber/devidp.log"; exit 1; fi
  sleep 1
done

cat <<MSG

  Development identity provider: $IDP_URL (issuers /acme, /globex, /platform; log in .limber/devidp.log)
  Limber is starting on http://localhost:8080 with embedded PostgreSQL (data in .limber/pgdata).

  Sign in at http://localhost:8080/login with any demo user; the password is limber-demo:
    employee@acme.test  lead@acme.test  hr@acme.test  admin@acme.test
    employee@globex.test  lead@globex.test  hr@globex.test  admin@globex.test
  API token for curl:  make token USER=hr@acme.test
  Stop with Ctrl-C.

MSG
# Started from the extracted jar with a class data sharing archive: the first run writes it
# as it exits, later runs map it instead of loading and verifying the same classes again
# (start-up to ready 111 s -> 32 s on the same database, 2 cores at load average 13). A rebuilt
# jar is extracted afresh and its archive written again.
APP_DIR=.limber/app
if [ ! -f "$APP_DIR/.extracted" ] || [ "$APP_JAR" -nt "$APP_DIR/.extracted" ]; then
  rm -rf "$APP_DIR"
  java -Djarmode=tools -jar "$APP_JAR" extract --destination "$APP_DIR" >/dev/null
  touch "$APP_DIR/.extracted"
fi
if [ -f "$APP_DIR/limber.jsa" ]; then
  CDS="-XX:SharedArchiveFile=$APP_DIR/limber.jsa"
else
  CDS="-XX:ArchiveClassesAtExit=$APP_DIR/limber.jsa"
fi
# -Xlog: the dump would list every class it skips (generated, unverifiable) as a warning
java "$CDS" -Xlog:cds*=off -jar "$APP_DIR/$(basename "$APP_JAR")" --spring.profiles.active=dev
