#!/usr/bin/env bash
# Installs the Debian packages that CI needs beyond a JDK and Maven.
# Each tool is listed once here, so that .ci/run stays a single call to `make test`.
set -euo pipefail
# chromium: the browser journeys (modules/e2e) drive Debian's Chromium; CI requires them (.ci/run).
# redis-server: TwoInstancesTests; docker-compose: ComposeFileTests (validates infra/compose).
packages=(chromium redis-server docker-compose)
# nodejs, npm: the Lighthouse audits (modules/e2e/lighthouse, installed by the build with npm ci).
# Only when missing: a newer Node.js from another source (it brings its own npm) is kept.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi
if ((${#packages[@]} == 0)); then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
