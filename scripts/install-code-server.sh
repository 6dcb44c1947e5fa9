#!/usr/bin/env bash
# Installs code-server (real VS Code in the browser) into .vscode-test/code-server, for the
# extension's integration and end-to-end tests. @vscode/test-electron cannot download VS Code on
# these machines; code-server comes from the npm registry. See ../shared/notes/real-vscode.md.
# Idempotent: does nothing when the install is complete.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=4.100.3
DIR=.vscode-test/code-server
STAMP="$DIR/.installed-$VERSION"
[ -f "$STAMP" ] && exit 0

need_apt=()
for pkg in libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev ripgrep chromium; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "install these Debian packages first: ${need_apt[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || npm init -y >/dev/null
# Its postinstall would download ripgrep from GitHub: skip scripts, then do the steps by hand.
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >/dev/null
npm rebuild argon2 >/dev/null
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin && cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild >/dev/null 2>&1
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev >/dev/null)
cd - >/dev/null
touch ".installed-$VERSION"
echo "code-server $VERSION installed in $DIR"
