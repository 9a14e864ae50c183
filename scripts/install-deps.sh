#!/usr/bin/env bash
# Installs the Debian packages kg needs, calling apt-get only when something is
# missing. Idempotent; works as root or through sudo. See docs/architecture.md.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  librocksdb-dev libantlr4-runtime-dev antlr4 default-jre-headless
  libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev nlohmann-json3-dev libedit-dev
  liblink-grammar-dev link-grammar-dictionaries-en wordnet-dev wordnet-base iso-codes
  libzstd-dev libicu-dev clang libclang-rt-14-dev python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "kg: installing Debian packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "kg: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
