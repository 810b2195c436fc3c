#!/bin/sh
# Rebuild repackage/preview/static/twitter-text.js, the browser build of the official
# twitter-text library (npm package "twitter-text", Apache-2.0) that the review page counts
# X posts with, and copy its licence beside it.
#
# Run from the project root: sh tools/vendor_twitter_text.sh   (needs node and npm)
set -eu
VERSION=3.1.0
ESBUILD=0.28.2
DEST=repackage/preview/static
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(
  cd "$WORK"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --silent "twitter-text@$VERSION" "esbuild@$ESBUILD"
  echo 'window.twttr = { txt: require("twitter-text") };' > entry.js
  ./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --target=es2017 \
    --legal-comments=none --log-level=warning --outfile=bundle.js
)
{
  echo "/*! twitter-text $VERSION (npm), Apache-2.0: see twitter-text.LICENSE. Bundled with its"
  echo "    dependencies core-js, @babel/runtime, punycode and twemoji-parser (MIT). */"
  cat "$WORK/bundle.js"
} > "$DEST/twitter-text.js"
cp "$WORK/node_modules/twitter-text/LICENSE" "$DEST/twitter-text.LICENSE"
echo "wrote $DEST/twitter-text.js ($(wc -c < "$DEST/twitter-text.js") bytes)"
