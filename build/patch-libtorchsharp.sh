#!/usr/bin/env bash
# Makes TorchSharp's libLibTorchSharp.so load on a libstdc++ older than GCC 13's (GLIBCXX < 3.4.32),
# such as Debian 12's. See DESIGN.md, "Known environment facts", and build/glibcxx-shim/.
#
# libLibTorchSharp.so (TorchSharp 0.107, built with GCC 13) asks libstdc++.so.6 for version
# GLIBCXX_3.4.32, for exactly one symbol, std::ios_base_library_init(). Debian 12 stops at 3.4.30,
# so dlopen fails and TorchSharp reports a misleading "doesn't contain a reference to libtorch-cpu".
# The fix, applied to a copy of the file:
#   1. compile build/glibcxx-shim/ (a library defining that symbol at GLIBCXX_3.4.32) once, cached
#      by a hash of its sources under the cache folder, and put it beside libLibTorchSharp.so;
#   2. add the shim as DT_NEEDED (patchelf --add-needed); libLibTorchSharp.so's RUNPATH starts with
#      $ORIGIN, so the loader finds it in the same folder (added if a future build lacks it);
#   3. mark the GLIBCXX_3.4.32 entry of .gnu.version_r weak (VER_FLG_WEAK in vna_flags), so the
#      loader no longer insists that libstdc++.so.6 defines that version; the symbol itself
#      resolves from the shim.
# Every step checks first and changes nothing that is already done, so running it again on a
# patched file is a no-op. Files are patched on a temporary copy and renamed into place, so a
# reader (or a parallel build) never sees a half-written library.
#
# Why bash and not Python: the only binary edit is one byte at an offset that `readelf -V` prints
# (section offset + entry offset + 4), and readelf and patchelf are needed anyway; bash with
# coreutils keeps the dependency list at exactly what scripts/install-prerequisites.sh installs
# (g++, patchelf, binutils), with no interpreter to find (python3 on PATH may be a pyenv shim).
#
# Usage:
#   patch-libtorchsharp.sh [--cache DIR] check          prints "needed" or "not-needed"
#   patch-libtorchsharp.sh [--cache DIR] patch FILE...  patches FILEs in place, shim beside each
#   patch-libtorchsharp.sh [--cache DIR] copy SRC DEST  DEST becomes a patched copy of SRC
# "patch" and "copy" do nothing to the library (copy copies it as is) when check says not-needed.
# --cache DIR: where the compiled shim is kept (default: artifacts/native/glibcxx-shim in the repo).
# TORCHSHARP_LIBSTDCXX=/path/libstdc++.so.6 examines that file instead of the one ldconfig knows
# (to try the "system is new enough" path on an old system).
set -euo pipefail

readonly VERSION_NEEDED='GLIBCXX_3.4.32'
readonly ONLY_SYMBOL='_ZSt21ios_base_library_initv'
readonly SHIM_NAME='libglibcxx_3_4_32_shim.so'
readonly VER_FLG_WEAK=2

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shim_src_dir="$here/glibcxx-shim"
cache="$here/../artifacts/native/glibcxx-shim"
me="patch-libtorchsharp"

# Temporary files to remove if the script stops half-way.
temporaries=()
trap 'rm -f "${temporaries[@]}"' EXIT

# MSBuild's Exec turns lines in this canonical format into build errors.
fail() { echo "$me: error GLIBCXXSHIM: $*" >&2; exit 1; }
say() { echo "$me: $*"; }

# --- does this system need it? --------------------------------------------------------------
system_libstdcxx() {
    if [[ -n "${TORCHSHARP_LIBSTDCXX:-}" ]]; then
        echo "$TORCHSHARP_LIBSTDCXX"
        return
    fi
    local ldconfig arch found='' candidate
    ldconfig="$(command -v ldconfig || echo /sbin/ldconfig)"
    case "$(uname -m)" in
        x86_64) arch='x86-64' ;;
        aarch64) arch='AArch64' ;;
        *) arch='' ;;
    esac
    # Lines look like: "libstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6"
    if [[ -x "$ldconfig" ]]; then
        found="$("$ldconfig" -p 2>/dev/null | awk -v arch="$arch" '$1 == "libstdc++.so.6" && index($2, arch) { print $NF; exit }')"
    fi
    # A container without /etc/ld.so.cache: look where distributions put it.
    if [[ -z "$found" ]]; then
        for candidate in "/usr/lib/$(uname -m)-linux-gnu/libstdc++.so.6" /usr/lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6; do
            [[ -r "$candidate" ]] && { found="$candidate"; break; }
        done
    fi
    echo "$found"
}

# Succeeds when the system libstdc++ lacks VERSION_NEEDED. Prints nothing: `check`'s output is parsed.
patch_needed() {
    local lib
    lib="$(system_libstdcxx)"
    # No libstdc++ at all: TorchSharp cannot load whatever we do; leave the files alone.
    [[ -n "$lib" && -r "$lib" ]] || return 1
    # The version names of a library are plain strings in its .dynstr; libstdc++ only carries the
    # name of a GLIBCXX version it defines.
    ! grep -qaF "$VERSION_NEEDED" "$(readlink -f "$lib")"
}

require_tools() {
    local missing=() tool
    for tool in g++ patchelf readelf; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    if ((${#missing[@]})); then
        fail "TorchSharp's native library needs $VERSION_NEEDED, which this system's libstdc++ lacks;" \
             "patching it needs g++, patchelf and readelf (binutils); not found: ${missing[*]}." \
             "Run scripts/install-prerequisites.sh (apt-get install g++ patchelf binutils), then build again."
    fi
}

# --- the shim, compiled once per version of its sources -------------------------------------
shim_flags=(-shared -fPIC -O2 -Wall -Wextra -Werror -Wl,-z,defs -Wl,-soname,"$SHIM_NAME")

built_shim() {
    local src="$shim_src_dir/ios_base_library_init.cpp" map="$shim_src_dir/glibcxx-3.4.32.map"
    [[ -r "$src" && -r "$map" ]] || fail "shim sources missing under $shim_src_dir"
    local key dir out tmp
    key="$( { cat "$src" "$map"; echo "${shim_flags[*]}"; g++ -dumpfullversion; } | sha256sum | cut -c1-16)"
    dir="$cache/$key"
    out="$dir/$SHIM_NAME"
    if [[ ! -f "$out" ]]; then
        mkdir -p "$dir"
        tmp="$(mktemp "$dir/.$SHIM_NAME.XXXXXX")"
        temporaries+=("$tmp")
        if ! g++ "${shim_flags[@]}" -Wl,--version-script="$map" -o "$tmp" "$src" >&2; then
            rm -f "$tmp"
            fail "compiling $src failed"
        fi
        if ! readelf --dyn-syms -W "$tmp" | grep -qF "$ONLY_SYMBOL@@$VERSION_NEEDED"; then
            rm -f "$tmp"
            fail "the compiled shim does not define $ONLY_SYMBOL@@$VERSION_NEEDED"
        fi
        chmod 755 "$tmp"
        mv -f "$tmp" "$out" # atomic: a parallel build sees either no shim or a whole one
    fi
    echo "$out"
}

install_shim_beside() { # $1 = library; copies the shim into its folder unless an identical one is there
    local shim="$2" dest tmp
    dest="$(dirname "$1")/$SHIM_NAME"
    cmp -s "$shim" "$dest" 2>/dev/null && return 0
    tmp="$(mktemp "$(dirname "$1")/.$SHIM_NAME.XXXXXX")"
    temporaries+=("$tmp")
    cp "$shim" "$tmp"
    chmod 755 "$tmp"
    mv -f "$tmp" "$dest"
}

# --- reading the ELF file --------------------------------------------------------------------
check_elf() {
    local header
    header="$(readelf -h "$1" 2>/dev/null)" || fail "$1 is not an ELF file"
    grep -q 'Class:.*ELF64' <<<"$header" || fail "$1 is not a 64-bit ELF file"
    grep -q 'Data:.*little endian' <<<"$header" || fail "$1 is not a little-endian ELF file"
}

# Prints "<file offset of vna_flags> <flags>" of the vernaux entry that asks libstdc++.so.6 for
# VERSION_NEEDED, or nothing when the file does not ask for it. readelf -V prints, for
# .gnu.version_r, the section's file offset, then one line per Elf64_Verneed ("File: ...") and
# per Elf64_Vernaux ("Name: ... Flags: ..."), each prefixed with its offset inside the section.
# Elf64_Vernaux is { u32 vna_hash; u16 vna_flags; u16 vna_other; u32 vna_name; u32 vna_next }, so
# the flags are at entry offset + 4.
version_need_entry() {
    local line in_needs=0 section_offset='' file='' re_section re_file re_aux
    re_section='Offset: (0x[0-9a-fA-F]+)'
    re_file='^ *(0x)?[0-9a-fA-F]+: Version: [0-9]+ +File: ([^ ]+)'
    re_aux='^ *0x([0-9a-fA-F]+): +Name: ([^ ]+) +Flags: (.*) +Version: [0-9]+'
    while IFS= read -r line; do
        if [[ "$line" == *"Version needs section"* ]]; then
            in_needs=1
            continue
        elif [[ "$line" == *"section '"* ]]; then
            in_needs=0
        fi
        ((in_needs)) || continue
        if [[ -z "$section_offset" && "$line" =~ $re_section ]]; then
            section_offset="${BASH_REMATCH[1]}"
        elif [[ "$line" =~ $re_file ]]; then
            file="${BASH_REMATCH[2]}"
        elif [[ "$line" =~ $re_aux ]] && [[ "$file" == libstdc++.so.6 && "${BASH_REMATCH[2]}" == "$VERSION_NEEDED" ]]; then
            [[ -n "$section_offset" ]] || fail "could not read the offset of .gnu.version_r in $1"
            local flags="${BASH_REMATCH[3]}"
            flags="${flags%"${flags##*[![:space:]]}"}" # trim trailing blanks
            echo "$((section_offset + 16#${BASH_REMATCH[1]} + 4)) $flags"
            return
        fi
    done < <(readelf -V -W "$1")
}

has_needed_shim() { readelf -d -W "$1" | grep -F '(NEEDED)' | grep -qF "[$SHIM_NAME]"; }

has_origin_path() { # RUNPATH (or the older RPATH) lists $ORIGIN, so dependencies beside the file are found
    readelf -d -W "$1" | grep -E '\((RUNPATH|RPATH)\)' | grep -qE '[[:space:]:\[]\$ORIGIN/?(:|\])'
}

# Symbols the file takes at VERSION_NEEDED; the shim provides ONLY_SYMBOL and nothing else.
check_symbols_covered() {
    local others
    others="$(readelf --dyn-syms -W "$1" | awk -v v="@$VERSION_NEEDED" '$7 == "UND" && index($8, v) { sub(/@.*/, "", $8); print $8 }' |
              grep -vxF "$ONLY_SYMBOL" || true)"
    [[ -z "$others" ]] ||
        fail "$1 needs more from $VERSION_NEEDED than build/glibcxx-shim provides: $(echo $others)." \
             "A newer TorchSharp needs a newer shim (or a newer libstdc++)."
}

is_patched() { # $1 file, $2 flags of the vernaux entry
    [[ "$2" == *WEAK* ]] && has_needed_shim "$1" && has_origin_path "$1"
}

# --- patching ------------------------------------------------------------------------------
set_weak_flag() { # $1 file, $2 file offset of vna_flags (little-endian u16; the flag is in the low byte)
    local offset="$2" low
    low="$(od -An -tu1 -j "$offset" -N1 "$1" | tr -d ' ')"
    [[ "$low" =~ ^[0-9]+$ ]] || fail "could not read vna_flags at offset $offset of $1"
    (( (low & VER_FLG_WEAK) != 0 )) && return 0
    printf "\\x$(printf '%02x' $((low | VER_FLG_WEAK)))" | dd of="$1" bs=1 seek="$offset" conv=notrunc status=none
}

# Patches $1 in place unless it is done already; $2 is the shim. Prints what it did.
patch_file() {
    local file="$1" shim="$2" entry offset flags tmp
    [[ -f "$file" ]] || fail "$file not found"
    check_elf "$file"
    entry="$(version_need_entry "$file")"
    if [[ -z "$entry" ]]; then
        say "$file does not ask for $VERSION_NEEDED; left as it is"
        return
    fi
    check_symbols_covered "$file"
    read -r offset flags <<<"$entry"
    if is_patched "$file" "$flags"; then
        install_shim_beside "$file" "$shim"
        say "$file already patched"
        return
    fi

    tmp="$(mktemp "$(dirname "$file")/.$(basename "$file").XXXXXX")"
    temporaries+=("$tmp")
    cp -p "$file" "$tmp"
    chmod u+w "$tmp"
    has_needed_shim "$tmp" || patchelf --add-needed "$SHIM_NAME" "$tmp"
    has_origin_path "$tmp" || patchelf --add-rpath '$ORIGIN' "$tmp"
    # patchelf may have moved sections around: read the entry's offset again on the new file.
    entry="$(version_need_entry "$tmp")"
    [[ -n "$entry" ]] || fail "lost the $VERSION_NEEDED entry while patching $file"
    read -r offset flags <<<"$entry"
    set_weak_flag "$tmp" "$offset"
    entry="$(version_need_entry "$tmp")"
    read -r offset flags <<<"$entry"
    is_patched "$tmp" "$flags" || fail "patching $file did not take (flags: $flags)"

    install_shim_beside "$file" "$shim"
    mv -f "$tmp" "$file"
    say "patched $file ($VERSION_NEEDED weak, needs $SHIM_NAME)"
}

# --- command line ----------------------------------------------------------------------------
while [[ $# -gt 0 && "$1" == --* ]]; do
    case "$1" in
        --cache) cache="${2:?--cache needs a folder}"; shift 2 ;;
        *) fail "unknown option $1" ;;
    esac
done
command="${1:-}"
shift || true

case "$command" in
    check)
        if patch_needed; then echo needed; else echo not-needed; fi
        ;;
    patch)
        (($#)) || fail "patch: no files given"
        if ! patch_needed; then
            say "system libstdc++ has $VERSION_NEEDED (or there is none); nothing to do"
            exit 0
        fi
        require_tools
        shim="$(built_shim)"
        for f in "$@"; do patch_file "$f" "$shim"; done
        ;;
    copy)
        (($# == 2)) || fail "copy: needs SRC and DEST"
        src="$1" dest="$2"
        [[ -f "$src" ]] || fail "$src not found"
        mkdir -p "$(dirname "$dest")"
        tmp_dest="$(mktemp "$(dirname "$dest")/.$(basename "$dest").copy.XXXXXX")"
        temporaries+=("$tmp_dest")
        cp --preserve=mode "$src" "$tmp_dest" # keep the package's mode, not mktemp's 0600; the time is now
        chmod u+w "$tmp_dest"
        if patch_needed; then
            require_tools
            shim="$(built_shim)"
            patch_file "$tmp_dest" "$shim" >/dev/null
        fi
        mv -f "$tmp_dest" "$dest"
        say "$dest ready"
        ;;
    *)
        fail "usage: $(basename "$0") [--cache DIR] check | patch FILE... | copy SRC DEST"
        ;;
esac
