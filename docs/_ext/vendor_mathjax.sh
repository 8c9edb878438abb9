#!/usr/bin/env bash
# Refresh the vendored MathJax (TeX to SVG, one file) from the npm package mathjax@3.
set -euo pipefail
cd "$(dirname "$0")/../javascripts/mathjax"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "mathjax@${1:-3}" >/dev/null && tar xzf mathjax-*.tgz)
cp "$tmp/package/es5/tex-svg.js" tex-svg.js
cp "$tmp/package/LICENSE" LICENSE
echo "MathJax $(node -p "require('$tmp/package/package.json').version") vendored in $PWD"
