#!/usr/bin/env bash
# Build step (pom.xml, execution "deb-extras", after Asciidoctor wrote the roff man pages): lays out
# in target/deb/ the files of the Debian package that are made rather than copied, for jdeb:
#   man1/*.1.gz          roff pages from target/man (vbios.1 and one per subcommand), gzip -9n
#   bash/vbios           picocli's completion script (target/vbios_completion), no #! line: it is
#                        sourced by bash-completion, never run
#   zsh/_vbios           the same script as a zsh autoload function (#compdef, via bashcompinit)
#   changelog.Debian.gz  src/deb/changelog with this build's Debian version and date
# Usage: package-extras.sh TARGET_DIR DEBIAN_VERSION
set -euo pipefail
target="$1"
# Maven 0.1.0-SNAPSHOT is Debian 0.1.0~SNAPSHOT-1 (sorts before 0.1.0; jdeb writes the ~, and -1
# is the packaging revision: a changelog.Debian for a non-native package).
version="${2/-SNAPSHOT/~SNAPSHOT}-1"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$target/deb"
rm -rf "$out"
mkdir -p "$out/man1" "$out/bash" "$out/zsh"

shopt -s nullglob
pages=("$target"/man/*.1)
[ "${#pages[@]}" -gt 0 ] || { echo "package-extras: no man pages in $target/man" >&2; exit 1; }
for page in "${pages[@]}"; do
  gzip -9n -c "$page" > "$out/man1/${page##*/}.gz"
done

sed '1{/^#!/d}' "$target/vbios_completion" > "$out/bash/vbios"

{
  echo '#compdef vbios'
  echo '# zsh completion for vbios: the bash completion script through bashcompinit. zsh runs this'
  echo '# file as the function _vbios on the first completion; it defines the bash functions, and'
  echo '# "complete" registers them for later completions, so this first one is answered at the end.'
  sed '1{/^#!/d}' "$target/vbios_completion"
  echo '_bash_complete -F _complete_vbios -o default "$@"'
} > "$out/zsh/_vbios"

sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(LC_ALL=C date '+%a, %d %b %Y %H:%M:%S %z')/" "$src/changelog" \
  | gzip -9n > "$out/changelog.Debian.gz"
