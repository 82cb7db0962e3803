#!/usr/bin/env bash
# Fetches the pinned @rivet-dev/agentos-runtime-core tarball with npm, checks its sha512 integrity against the
# pinned value, and extracts the commands this bundle ships. Only the tarball is used: its npm dependencies (the
# native sidecar) are never installed.
set -euo pipefail
out="$1"
spec="@rivet-dev/agentos-runtime-core@0.2.21"
integrity="sha512-NAZ5p8HmCxLx0puSBi2uaTXIlH7xlJWFQjsYe1c4rfySTKzNLu+0UZvVTzsVMJMne3confQx+9d+3o79t2SnxQ=="
commands="grep rg fd jq git curl wget"

work="$out/fetch"
mkdir -p "$work" "$out/tools/bin"
if [ ! -f "$work/runtime-core.tgz" ]; then
  echo "fetching $spec (45 MB) ..." >&2
  tgz=$(cd "$work" && npm pack "$spec" --silent)
  mv "$work/$tgz" "$work/runtime-core.tgz.part"
  actual="sha512-$(openssl dgst -sha512 -binary "$work/runtime-core.tgz.part" | base64 -w0)"
  if [ "$actual" != "$integrity" ]; then
    echo "integrity mismatch for $spec: expected $integrity, got $actual" >&2
    rm -f "$work/runtime-core.tgz.part"
    exit 1
  fi
  mv "$work/runtime-core.tgz.part" "$work/runtime-core.tgz"
fi
members=""
for c in $commands; do members="$members package/commands/$c"; done
tar -xzf "$work/runtime-core.tgz" -C "$work" $members package/LICENSE 2>/dev/null || tar -xzf "$work/runtime-core.tgz" -C "$work" $members
for c in $commands; do cp "$work/package/commands/$c" "$out/tools/bin/$c"; done
