#!/usr/bin/env bash
# Packs a staged `make install` (STAGE/lockstep/…) into lockstep-VERSION-linux-ARCH.tar.gz in OUT,
# with RUNTIME-LIBRARIES naming each shared library the binary loads and the Debian package that
# ships it, and the tarball's SHA-256 in SHA256SUMS.
set -euo pipefail
stage=$1
out=$2
binary="$stage/lockstep/bin/lockstep"
version=$("$binary" --version)
arch=$(uname -m)
name="lockstep-$version-linux-$arch"

{
    echo "# Shared libraries bin/lockstep loads (the Swift runtime is linked in), and their Debian packages."
    echo "# On Debian or Ubuntu: apt-get install libedit2 libyaml-0-2"
    ldd "$binary" | awk '/=>/ { print $1, $3 }' | while read -r soname path; do
        package=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1 || true)
        [ -n "$package" ] || package=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1 || true)
        echo "$soname ${package:-unknown}"
    done
} > "$stage/lockstep/RUNTIME-LIBRARIES"

rm -rf "$out/$name"
mv "$stage/lockstep" "$out/$name"
# A reproducible archive: sorted names, one owner, the last commit's time on every file.
mtime=$(git log -1 --format=%cI 2>/dev/null || date -u +%FT%TZ)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" -C "$out" -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > SHA256SUMS)
echo "wrote $out/$name.tar.gz"
cat "$out/SHA256SUMS"
