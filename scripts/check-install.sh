#!/usr/bin/env bash
# What a user who runs `make install` gets, checked with the tools that read each part: the
# installed binary checks the shipped example, `man -l` renders the page with every subcommand,
# bash, zsh and fish parse the completion scripts (zsh and fish where they are installed).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
make --no-print-directory install PREFIX="$prefix" >/dev/null

status=0
"$prefix/bin/lockstep" check examples/acme.yaml --today 2026-06-01 >/dev/null || status=$?
[ "$status" = 1 ] || { echo "check-install: the installed lockstep check exited $status, not 1" >&2; exit 1; }

page=$(MANWIDTH=100 man -l "$prefix/share/man/man1/lockstep.1" 2>"$prefix/man-warnings")
if [ -s "$prefix/man-warnings" ]; then
    echo "check-install: man reports problems in the page:" >&2
    cat "$prefix/man-warnings" >&2
    exit 1
fi
for subcommand in shell check diff explain rules tour docs; do
    grep -qE "^     $subcommand( |$)" <<<"$page" || { echo "check-install: the man page does not list '$subcommand'" >&2; exit 1; }
done

bash -n "$prefix/share/bash-completion/completions/lockstep"
if command -v zsh >/dev/null; then zsh -n "$prefix/share/zsh/site-functions/_lockstep"; fi
if command -v fish >/dev/null; then fish -n "$prefix/share/fish/vendor_completions.d/lockstep.fish"; fi
for file in README.md rules.md commands.md workbook.md check-report.schema.json; do
    [ -f "$prefix/share/doc/lockstep/$file" ] || { echo "check-install: $file is not installed" >&2; exit 1; }
done
echo "check-install: binary, man page, completions and docs in place"
