#!/usr/bin/env bash
# Installs what tiegraph needs to build and test on Debian 12 (run as root, or with sudo available).
# Idempotent: packages already present are skipped, so a second run costs a few seconds.
#   tools/setup-debian.sh            build + test dependencies (the tests compare against
#                                    networkx and igraph, render with Graphviz and open the
#                                    HTML map in Chromium, so those come too)
#   tools/setup-debian.sh --peers    also graph-tool and the rest of the benchmark peers
set -euo pipefail

packages=(
  build-essential g++ cmake ninja-build make ccache pkg-config clang-format
  librocksdb-dev capnproto libcapnp-dev
  libboost-graph-dev catch2
  libcli11-dev libfmt-dev nlohmann-json3-dev libutf8proc-dev libpugixml-dev libreadline-dev
  python3 python3-networkx python3-igraph python3-numpy python3-scipy
  libgraphviz-dev graphviz fonts-nanum
  chromium python3-pil
)
# The HTML map inlines a JavaScript graph library fetched by npm at build time; a machine that
# already has Node.js with npm (e.g. from NodeSource) keeps it, otherwise Debian's comes.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi
if [[ "${1:-}" == "--peers" ]]; then
  packages+=(python3-graph-tool)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present"
else
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "setup: done"
fi

# Kuzu, the graph database the query language is compared with (the CTest kuzu_differential)
# and measured against (tools/bench): its npm package, pinned, in /opt/kuzu. Without the network
# the step only warns; the differential test then reports itself skipped.
KUZU_DIR=${TIEGRAPH_KUZU_DIR:-/opt/kuzu}
if [[ ! -d "$KUZU_DIR/node_modules/kuzu" ]]; then
  echo "setup: installing kuzu@0.11.3 (npm) in $KUZU_DIR"
  if ! ($SUDO mkdir -p "$KUZU_DIR" && cd "$KUZU_DIR" && { [[ -f package.json ]] || $SUDO npm init -y >/dev/null; } &&
        $SUDO npm install --no-audit --no-fund kuzu@0.11.3 >/dev/null 2>&1); then
    echo "setup: warning: kuzu could not be installed; the test kuzu_differential will be skipped" >&2
  fi
fi
