#!/usr/bin/env bash
# Fetches upstream's Pi agent package (@agentos-software/pi@0.2.7: the pi-sdk-acp adapter embedding the real
# @mariozechner/pi-coding-agent SDK, packed as an .aospkg) with npm, checks its pinned sha512 integrity, and
# extracts the .aospkg for the tests. Nothing fetched is committed; the download is cached in target/.
set -euo pipefail
out="$1"
spec="@agentos-software/pi@0.2.7"
integrity="sha512-nOdwksByJgTqt92Ya84CzTGxpVFwGI6gkGWaCD/mmvP11JRA++1nshNdbig2mtiaxT7VG3ovWJmK7ZLTTzkhPA=="
mkdir -p "$out"
if [ -f "$out/package.aospkg" ]; then exit 0; fi
work="$out/fetch"
mkdir -p "$work"
echo "fetching $spec (133 MB) ..." >&2
tgz=$(cd "$work" && npm pack "$spec" --silent)
actual="sha512-$(openssl dgst -sha512 -binary "$work/$tgz" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  echo "integrity mismatch for $spec: expected $integrity, got $actual" >&2
  rm -f "$work/$tgz"
  exit 1
fi
tar -xzf "$work/$tgz" -C "$work" package/dist/package.aospkg package/agentos-package.json
mv "$work/package/dist/package.aospkg" "$out/package.aospkg.part"
mv "$out/package.aospkg.part" "$out/package.aospkg"
rm -rf "$work"
