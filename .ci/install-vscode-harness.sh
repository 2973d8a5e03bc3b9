#!/usr/bin/env bash
# Installs the real-VS-Code test harness (code-server 4.100.3 + playwright-core + mocha 11)
# into .ci/vscode-harness/node_modules. Idempotent: every step is skipped when already done.
# See shared/docs/vscode-harness.md for why each workaround exists.
#
#   bash .ci/install-vscode-harness.sh          # install / verify
#   FORCE=1 bash .ci/install-vscode-harness.sh  # reinstall the npm part
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
H="$ROOT/.ci/vscode-harness"
RG_PKG_VERSION=1.15.11                                   # @vscode/ripgrep in code-server's lib/vscode/npm-shrinkwrap.json
RG_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
log() { printf '[vscode-harness] %s\n' "$*"; }
t0=$SECONDS

# ---- 1. Debian packages -----------------------------------------------------------------------
APT_PKGS=(chromium libkrb5-dev ripgrep)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # another apt run (e.g. a parallel job) may hold the lock: wait for it rather than fail
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
  $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt: ${APT_PKGS[*]} already installed"
fi
command -v chromium >/dev/null || { log "chromium missing after apt"; exit 1; }
command -v rg >/dev/null || { log "rg missing after apt"; exit 1; }

# ---- 2. seed @vscode/ripgrep's download cache with Debian's rg ---------------------------------
RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
if [ -s "$RG_CACHE/$RG_ARCHIVE" ]; then
  log "ripgrep cache already seeded ($RG_CACHE)"
else
  log "seeding ripgrep cache $RG_CACHE/$RG_ARCHIVE"
  mkdir -p "$RG_CACHE"
  t="$(mktemp -d)"; cp "$(command -v rg)" "$t/rg"
  tar czf "$RG_CACHE/$RG_ARCHIVE.tmp" -C "$t" rg && mv "$RG_CACHE/$RG_ARCHIVE.tmp" "$RG_CACHE/$RG_ARCHIVE"
  rm -rf "$t"
fi

# ---- 3. npm ci in the harness folder ----------------------------------------------------------
STAMP="$H/node_modules/.harness-lock.sha256"
want="$(sha256sum "$H/package-lock.json" | cut -d' ' -f1)"
if [ -z "${FORCE:-}" ] && [ -x "$H/node_modules/.bin/code-server" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  log "npm: harness node_modules up to date"
else
  log "npm ci in $H (≈40 s, ≈320 MB)"
  (
    cd "$H"
    export npm_config_yes=true          # node-pty's postinstall runs `npx node-gyp`: must not prompt
    export npm_config_unsafe_perm=true  # code-server 4.100 postinstall demands it as root
    npm ci --no-audit --no-fund --loglevel=error
  )
  echo "$want" > "$STAMP"
fi

# ---- 4. verify (without touching $HOME: code-server writes a config.yaml on first start) -------
x="$(mktemp -d)"
ver="$(XDG_CONFIG_HOME="$x/c" XDG_DATA_HOME="$x/d" XDG_CACHE_HOME="$x/k" "$H/node_modules/.bin/code-server" --version 2>/dev/null | tail -1)"
rm -rf "$x"
case "$ver" in
  4.100.3*) log "ok: code-server $ver ($((SECONDS - t0)) s)";;
  *) log "unexpected code-server version: '$ver'"; exit 1;;
esac
[ -x "$(find "$H/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin" -name rg 2>/dev/null | head -1)" ] \
  || { log "code-server's ripgrep binary missing (Quick Open would not work)"; exit 1; }
