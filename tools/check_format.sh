#!/usr/bin/env bash
# Fails when a C++ file of the project is not as clang-format (Debian's, with the top-level
# .clang-format) would write it. Run with --fix to reformat in place.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
mapfile -t files < <(git ls-files '*.cc' '*.h')
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}"; then
  echo "format: the files above differ from clang-format's output; run tools/check_format.sh --fix"
  exit 1
fi
echo "format: ${#files[@]} files as clang-format writes them"
