#!/usr/bin/env bash
# Prints an access token of the development identity provider for a demo user.
set -euo pipefail
user=${1:?usage: make token USER=hr@acme.test}
response=$(curl -fsS -X POST http://localhost:9000/dev/token \
  --data-urlencode "username=$user" --data-urlencode "password=${LIMBER_DEMO_PASSWORD:-limber-demo}") \
  || { echo "No token: is 'make run' running, and is $user a demo user?" >&2; exit 1; }
printf '%s\n' "$response" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
