#!/usr/bin/env bash
# Installs the Debian packages that CI needs beyond a JDK and Maven.
# Each tool is listed once here, so that .ci/run stays a single call to `make test`.
set -euo pipefail
# chromium: the browser journeys (modules/e2e) drive Debian's Chromium; CI requires them (.ci/run).
# redis-server: TwoInstancesTests; docker-compose: ComposeFileTests (validates infra/compose).
packages=(chromium redis-server docker-compose)
if ((${#packages[@]} == 0)); then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
