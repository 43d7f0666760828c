#!/usr/bin/env bash
# Starts SmartID HK (IdP on :8180, portal on :8080, sample bank on :8280, sample utility on :8320) in the foreground; Ctrl-C stops it.
#   ./run.sh                                 build what changed, start everything, print where to go
#   ./run.sh stop                            stop servers a previous run left behind (e.g. after the terminal was closed)
#   ./run.sh register-bank <registration.json>  register a bank with the running IdP (docs/banking-made-easy.md)
#   ./run.sh seed <N> [clients]              fill the running IdP with N counter-verified synthetic residents (re-runnable)
#   ./run.sh cluster [stop]                  the production shape: PostgreSQL, two Keycloak nodes, two portal instances,
#                                            HAProxy on :8180 and :8080 (needs: apt-get install -y postgresql haproxy)
# All state lives in var/ (servers, H2 databases, logs, generated secrets); delete it to start afresh.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "run.sh: Java 17 is needed (java was not found on the PATH)." >&2
  exit 1
fi

# The launcher and its libraries (Keycloak's admin client, Jackson), copied there by the build.
launcher=(java -cp "platform/target/classes:platform/target/platform-artifacts/launcher/*" hk.smartid.platform.PlatformLauncher)
case "${1:-start}" in
  start)
    echo "Building SmartID HK (first run downloads Maven, Keycloak and Payara; later runs reuse them) ..."
    ./mvnw -q -B -DskipTests package
    exec "${launcher[@]}" start platform/target/platform-artifacts var
    ;;
  stop)
    exec "${launcher[@]}" stop platform/target/platform-artifacts var
    ;;
  register-bank)
    if [ $# -ne 2 ]; then
      echo "usage: ./run.sh register-bank <registration.json>   (e.g. samples/bank-rp/registration.json)" >&2
      exit 2
    fi
    exec "${launcher[@]}" register-bank "$2" platform/target/platform-artifacts var
    ;;
  seed)
    if [ $# -lt 2 ] || [ $# -gt 3 ]; then
      echo "usage: ./run.sh seed <residents> [clients]   (e.g. ./run.sh seed 10000; clients: batches in flight, default 2)" >&2
      exit 2
    fi
    # The synthetic residents are the IdP's own enrolment requests (with their HKID check digits): its jar joins the classpath.
    exec java -cp "platform/target/classes:platform/target/platform-artifacts/launcher/*:platform/target/platform-artifacts/smartid-idp-extensions.jar" \
      hk.smartid.platform.PlatformLauncher seed "$2" "${3:-2}" platform/target/platform-artifacts var
    ;;
  cluster)
    classpath="platform/target/classes:platform/target/platform-artifacts/launcher/*"
    if [ "${2:-start}" = stop ]; then
      exec java -cp "$classpath" hk.smartid.platform.ClusterLauncher stop platform/target/platform-artifacts var
    fi
    echo "Building SmartID HK ..."
    ./mvnw -q -B -DskipTests package
    exec java -cp "$classpath" hk.smartid.platform.ClusterLauncher start platform/target/platform-artifacts var
    ;;
  *)
    echo "usage: ./run.sh [start|stop|register-bank <registration.json>|seed <N> [clients]|cluster [stop]]" >&2
    exit 2
    ;;
esac
