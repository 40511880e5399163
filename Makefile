# Limber: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
MVN ?= mvn
MVN_FLAGS ?= -B -ntp
APP_JAR := modules/app/target/limber-app-0.1.0-SNAPSHOT.jar
SOURCES := $(shell find pom.xml modules -path '*/target' -prune -o -type f \( -name '*.java' -o -name '*.xml' -o -name '*.yml' -o -name '*.sql' -o -name '*.html' -o -name '*.properties' -o -name '*.css' -o -name '*.js' -o -name '*.json' \) -print 2>/dev/null)

.PHONY: help run test build format token check-tools clean-data image image-push bench
IMAGE ?= limber:0.1.0-SNAPSHOT
IMAGE_BASE ?= eclipse-temurin:17-jre
# the version is the root pom's (pluginManagement)
JIB := com.google.cloud.tools:jib-maven-plugin

help:
	@echo "make run    build if needed, then start Limber on http://localhost:8080 (embedded PostgreSQL)"
	@echo "make test   run every test against a real embedded PostgreSQL"
	@echo "make build  build all modules without tests"
	@echo "make format apply Spring's Java formatter (make test checks it)"
	@echo "make token USER=hr@acme.test   print an API access token of a demo user (while make run runs)"
	@echo "make clean-data  delete the embedded database under .limber/"
	@echo "make image  container image as modules/app/target/limber-image.tar (Jib, no Docker daemon; pulls IMAGE_BASE)"
	@echo "make image-push IMAGE=registry.example.com/limber:tag   build and push the image to a registry"
	@echo "make bench  measure write path, HR dashboard, leaderboard and start-up; writes docs/benchmarks.md (QUICK=1: small data, a few minutes; ONLY=write,dashboard,leaderboard,tenants; those write modules/bench/target/benchmarks-partial.md)"

check-tools:
	@command -v java >/dev/null 2>&1 || { echo "Java 17 or newer is required but 'java' was not found."; \
	  echo "  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jdk-headless"; \
	  echo "  macOS:         brew install openjdk@17"; \
	  echo "  SDKMAN:        sdk install java 17.0.15-tem"; exit 1; }
	@version=$$(java -version 2>&1 | awk -F'"' '/version/ {print $$2}' | cut -d. -f1); \
	  if [ "$${version:-0}" -lt 17 ] 2>/dev/null; then echo "Java 17 or newer is required; found Java $$version."; \
	  echo "  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jdk-headless"; \
	  echo "  macOS:         brew install openjdk@17"; \
	  echo "  SDKMAN:        sdk install java 17.0.15-tem"; exit 1; fi
	@command -v $(MVN) >/dev/null 2>&1 || { echo "Maven 3.8 or newer is required but 'mvn' was not found."; \
	  echo "  Debian/Ubuntu: sudo apt-get install -y maven"; \
	  echo "  macOS:         brew install maven"; \
	  echo "  SDKMAN:        sdk install maven"; exit 1; }
	@mvn_version=$$($(MVN) -v 2>/dev/null | awk '/Apache Maven/ {print $$3}'); \
	  major=$${mvn_version%%.*}; rest=$${mvn_version#*.}; minor=$${rest%%.*}; \
	  if [ "$$major" -lt 3 ] || { [ "$$major" -eq 3 ] && [ "$$minor" -lt 8 ]; }; then \
	  echo "Maven 3.8 or newer is required; found $$mvn_version. See https://maven.apache.org/install.html or 'sdk install maven'."; exit 1; fi

BUILD_STAMP := modules/app/target/.built

# Rebuild only when a source changed since the last build; formatting is checked by make test, not here,
# so that trying out an edit never waits for its layout.
$(BUILD_STAMP): $(SOURCES)
	$(MVN) $(MVN_FLAGS) -q -DskipTests -Dspring-javaformat.validate.skip=true install
	@touch $(BUILD_STAMP)

build: check-tools $(BUILD_STAMP)

run: check-tools $(BUILD_STAMP)
	@infra/dev/run.sh

token:
	@infra/dev/token.sh "$(USER)"

# Spring's formatter over all Java code (make test fails on code it would change).
format:
	$(MVN) $(MVN_FLAGS) -q spring-javaformat:apply

CHROMIUM ?= /usr/bin/chromium

test: check-tools
	@if [ -x "$(CHROMIUM)" ]; then echo "Chromium found at $(CHROMIUM): the browser journeys (modules/e2e) will run."; \
	  else echo "Chromium is not installed at $(CHROMIUM): the browser journeys (modules/e2e) will be SKIPPED."; \
	  echo "  Debian/Ubuntu: sudo apt-get install -y chromium   (CI sets LIMBER_REQUIRE_BROWSER=1 and fails instead)"; fi
	$(MVN) $(MVN_FLAGS) verify -Dlimber.chromium=$(CHROMIUM)

clean-data:
	rm -rf .limber

# Jib builds the image without a Docker daemon; it needs the registry of IMAGE_BASE.
image: check-tools
	$(MVN) $(MVN_FLAGS) -q -pl modules/app -am -DskipTests package $(JIB):buildTar \
	  -Dimage.base=$(IMAGE_BASE) -Dimage.name=$(IMAGE)
	@echo "Image tar: modules/app/target/limber-image.tar (docker load -i ...)"

image-push: check-tools
	$(MVN) $(MVN_FLAGS) -q -pl modules/app -am -DskipTests package $(JIB):build \
	  -Dimage.base=$(IMAGE_BASE) -Dimage.name=$(IMAGE)
# The load generator (Gatling) runs in the bench JVM; it needs java.lang opened for its log writer.
BENCH_JAVA_OPTS ?= --add-opens java.base/java.lang=ALL-UNNAMED -Xmx2g

bench: check-tools
	$(MVN) $(MVN_FLAGS) -q -DskipTests package -pl modules/app,modules/bench -am
	java $(BENCH_JAVA_OPTS) -cp "modules/bench/target/classes:$$(cat modules/bench/target/bench.classpath)" \
	  dev.limber.bench.Bench $(if $(QUICK),--quick) $(if $(ONLY),--only=$(ONLY))
