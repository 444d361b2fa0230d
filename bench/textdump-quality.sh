#!/usr/bin/env bash
# Text-dump quality on the development corpus, per language: ../shared/quality/run textdumps (title, body
# kept, chrome dropped, dates, language, source on the 38 pages saved as text), for the working tree and,
# to show before and after, for any commits named, each built in a temporary worktree that is removed after.
# Only reads the corpus (../shared/corpus); nothing from it is copied.
#
# Usage: bench/textdump-quality.sh [--no-build] [COMMIT...]
#   bench/textdump-quality.sh d7c9e71          # before issue 16's work, then the working tree
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
quality=$(cd ../shared/quality 2>/dev/null && pwd)/run
[ -x "$quality" ] || { echo "no ../shared/quality/run: the development corpus is not beside this checkout" >&2; exit 2; }
build=yes
if [ "${1:-}" = "--no-build" ]; then build=no; shift; fi

score() {  # $1 = label; runs in the current directory, which has target/article-pipeline.jar
  echo "== $1"
  "$quality" textdumps | sed -n '/^per kind/,/^summary/p'
  echo
}

for commit in "$@"; do
  tmp=$(mktemp -d)
  git worktree add -q --detach "$tmp/wt" "$commit"
  ( cd "$tmp/wt" && ./mvnw -B -q -o -DskipTests package >/dev/null && score "commit $(git rev-parse --short HEAD)" )
  git worktree remove --force "$tmp/wt"
  rm -rf "$tmp"
done
if [ "$build" = yes ]; then
  ./mvnw -B -q -o -DskipTests package
fi
cd "$root"
score "working tree at $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' + uncommitted changes')"
