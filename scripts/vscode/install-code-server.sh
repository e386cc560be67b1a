#!/usr/bin/env bash
# Installs code-server 4.96.4 (VS Code 1.96.4, the newest that runs on Node 20) and the
# Debian packages the in-editor tests need, into a cache outside the clone so repeated
# runs are quick. Works offline apart from the npm registry and Debian's packages.
# Prints the code-server install directory on its last line.
set -euo pipefail
VERSION=4.96.4
CACHE="${GEO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/geo-annotator}"
DIR="$CACHE/code-server-$VERSION"
STAMP="$DIR/.installed"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# Flags in hover cards are emoji: without a colour emoji font the screenshots show boxes.
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || need_apt+=(fonts-noto-color-emoji)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "install-code-server: need root to apt-get install ${need_apt[*]}" >&2; exit 1; fi
  echo "install-code-server: apt-get install ${need_apt[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
fi

if [ -f "$STAMP" ]; then echo "$DIR/node_modules/code-server"; exit 0; fi

echo "install-code-server: installing code-server@$VERSION into $DIR" >&2
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
echo '{"name":"code-server-cache","private":true}' > package.json
export npm_config_unsafe_perm=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
npm install --ignore-scripts --no-save "code-server@$VERSION" >&2

# Its VS Code pins @vscode/proxy-agent to a git+ssh URL no machine here can reach; the
# registry has the same release (same integrity hash).
SHRINK="node_modules/code-server/lib/vscode/npm-shrinkwrap.json"
node -e '
const fs = require("fs"); const f = process.argv[1];
const j = JSON.parse(fs.readFileSync(f, "utf8"));
for (const [k, v] of Object.entries(j.packages || {})) {
  if (k.endsWith("node_modules/@vscode/proxy-agent") && /^git/.test(v.resolved || "")) {
    v.resolved = "https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz";
    v.version = "0.27.0";
  }
}
fs.writeFileSync(f, JSON.stringify(j, null, 2));
' "$SHRINK"

# @vscode/ripgrep downloads rg from GitHub unless its cache holds the archive: give it Debian's.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.9"
mkdir -p "$RG_CACHE"
if [ ! -f "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  tmp=$(mktemp -d); cp "$(command -v rg)" "$tmp/rg"
  tar -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tmp" rg
  rm -rf "$tmp"
fi

# Now the install scripts: argon2's binding, and code-server's postinstall, which installs
# VS Code's own dependencies (it insists on unsafe-perm when run as root).
npm rebuild >&2
node node_modules/code-server/out/node/entry.js --version >&2
touch "$STAMP"
echo "$DIR/node_modules/code-server"
