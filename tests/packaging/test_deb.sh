#!/usr/bin/env bash
# Builds the .deb from a build tree with CPack, unpacks it into a scratch root and checks that what
# a user installs works on its own: dependencies cover every library the binary links, the
# desktop entry and AppStream metainfo validate, icons/man page/model are where they belong, and
# the unpacked binary analyses a real file with the packaged model (not the source tree's).
#   tests/packaging/test_deb.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "${1:?usage: test_deb.sh BUILD_DIR SOURCE_DIR}" && pwd)
src=$(cd "${2:?usage: test_deb.sh BUILD_DIR SOURCE_DIR}" && pwd)
app_id=org.spectag.Spectag

fail() { echo "FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null || fail "$1 not found (apt-get install $2; packaging/install-deps.sh --test)"; }
need cpack cmake
need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need python3 python3

scratch=$(mktemp -d "${TMPDIR:-/tmp}/spectag-deb.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:.*=//p' "$build/CMakeCache.txt")
[ -f "$build/CPackConfig.cmake" ] || fail "$build/CPackConfig.cmake missing (configure with the GUI on)"

# --- build the package -------------------------------------------------------------------------
# -B keeps CPack's staging tree out of the build directory.
echo "== cpack -G DEB"
(cd "$build" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out") > "$scratch/cpack.log" 2>&1 \
  || { cat "$scratch/cpack.log"; fail "cpack failed"; }
debs=("$scratch"/out/*.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || { cat "$scratch/cpack.log"; fail "expected exactly one .deb"; }
deb=${debs[0]}
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb --field "$deb"
[ "$(dpkg-deb -f "$deb" Package)" = spectag ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version $(dpkg-deb -f "$deb" Version) != project $version"
depends=$(dpkg-deb -f "$deb" Depends)

# --- dependencies ------------------------------------------------------------------------------
root=$scratch/root
dpkg -x "$deb" "$root"
bin=$root/usr/bin/spectag
appbin=$root/usr/lib/spectag/spectag-app  # the full program the launcher execs (app/launcher.cpp)
[ -x "$bin" ] || fail "usr/bin/spectag missing"
[ -x "$appbin" ] || fail "usr/lib/spectag/spectag-app missing"
# grep -q reads from a here-string, not a pipe: with pipefail, an echo killed by SIGPIPE when
# grep stops at its first match would fail the check at random.
# Every library the binary asks for by name must come from a package listed in Depends; this is
# what dpkg-shlibdeps should produce, checked independently through dpkg -S on the ldd paths.
names() { tr ',' '\n' | sed 's/([^)]*)//; s/|.*//; s/:any//; s/^ *//; s/ *$//' | grep -v '^$'; }
dep_names=$(echo "$depends" | names)
# A library may live in a package that a listed one pulls in (libtag1v5 -> libtag1v5-vanilla).
covered=$( { echo "$dep_names"; for d in $dep_names; do
  dpkg-query -W -f='${Depends}, ${Pre-Depends}\n' "$d" 2>/dev/null | names; done; } | sort -u)
for exe in "$bin" "$appbin"; do
  missing_libs=$(ldd "$exe" | grep 'not found' || true)
  [ -z "$missing_libs" ] || fail "unresolved libraries of $exe: $missing_libs"
  needed=$(readelf -d "$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
  for lib in $needed; do
    # "libfoo.so.1 => /path (addr)", except the loader: "/lib64/ld-linux-x86-64.so.2 (addr)".
    path=$(ldd "$exe" | awk -v l="$lib" '$1 == l { print $3 } $1 ~ "/" l "$" { print $1 }')
    [ -n "$path" ] || fail "ldd does not resolve $lib"
    real=$(readlink -f "$path")
    owner=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$real" 2>/dev/null || true)
    owner=${owner%%:*}
    [ -n "$owner" ] || fail "$lib ($path) belongs to no Debian package, so Depends cannot cover it"
    grep -qx "$owner" <<<"$covered" || fail "$lib comes from $owner, which Depends does not pull in: $depends"
  done
done
# The launcher must stay free of LibTorch: that is its whole point.
if readelf -d "$bin" | grep -q 'libtorch'; then fail "usr/bin/spectag links LibTorch"; fi
# Plugins loaded at run time (not visible to ldd): the catalog's SQLite driver, the SVG icons.
for p in libqt6sql6-sqlite libqt6svg6; do
  grep -qx "$p" <<<"$dep_names" || fail "Depends lacks plugin package $p"
done
dpkg-deb -f "$deb" Recommends | grep -q gstreamer1.0-plugins-base || fail "Recommends lacks GStreamer"
dpkg-deb -f "$deb" Recommends | grep -q libopenblas0 || fail "Recommends lacks an optimised BLAS"

# --- data files --------------------------------------------------------------------------------
desktop=$root/usr/share/applications/$app_id.desktop
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
[ -f "$desktop" ] || fail "desktop file missing"
[ -f "$metainfo" ] || fail "metainfo missing"
# The package must hold this source tree's files, not a stale build's.
cmp "$desktop" "$src/packaging/linux/$app_id.desktop" || fail "packaged desktop file differs from the source"
cmp "$metainfo" "$src/packaging/linux/$app_id.metainfo.xml" || fail "packaged metainfo differs from the source"
desktop-file-validate "$desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate"
grep -qx "Icon=$app_id" "$desktop" || fail "desktop Icon= is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" || fail "metainfo launchable"
newest=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$metainfo" | head -n 1)
[ "$newest" = "$version" ] || fail "metainfo's newest release $newest != project version $version"
[ -f "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg" ] || fail "scalable icon missing"
for size in 48 64 128 256; do
  png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
  [ -f "$png" ] || fail "${size}px icon missing (is librsvg2-bin installed?)"
  dims=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print("%dx%d" % struct.unpack(">II", d[16:24]))' "$png")
  [ "$dims" = "${size}x${size}" ] || fail "$png is $dims"
done
man=$root/usr/share/man/man1/spectag.1.gz
[ -f "$man" ] || fail "man page missing"
zcat "$man" | grep -q '^\.TH SPECTAG 1' || fail "man page content"
doc=$root/usr/share/doc/spectag
[ -f "$doc/copyright" ] || fail "usr/share/doc/spectag/copyright missing"
top=$(zcat "$doc/changelog.gz" | sed -n '1s/^spectag (\([^)]*\)).*/\1/p') || fail "changelog.gz missing"
[ "$top" = "$version" ] || fail "packaging/linux/changelog's top entry is '$top', not $version"
model=$root/usr/share/spectag/models/spectag-default.stm
[ -f "$model" ] || fail "default model missing from the package (resources/models/spectag-default.stm)"
for lang in de fr en; do
  [ -f "$root/usr/share/spectag/translations/spectag_$lang.qm" ] || fail "translation spectag_$lang.qm missing (translations/CMakeLists.txt)"
done
# No development leftovers in the package.
unexpected=$(cd "$root" && find . -type f ! -path './usr/bin/spectag' ! -path './usr/lib/spectag/spectag-app' ! -path './usr/share/applications/*' \
  ! -path './usr/share/metainfo/*' ! -path './usr/share/icons/hicolor/*' ! -path './usr/share/man/man1/*' ! -path './usr/share/doc/spectag/*' \
  ! -path './usr/share/spectag/models/*.stm' ! -path './usr/share/spectag/models/*.md' ! -path './usr/share/spectag/translations/*.qm')
[ -z "$unexpected" ] || fail "unexpected files in the package: $unexpected"
# CPack strips the binary: the debug info of a RelWithDebInfo build must not reach users.
for exe in "$bin" "$appbin"; do
  if readelf -S "$exe" | grep -q '\.debug_info'; then fail "$exe is not stripped"; fi
done

# --- run the unpacked binary -------------------------------------------------------------------
# No SPECTAG_RESOURCES: the binary must find share/spectag next to its own bin/. HOME and XDG dirs
# point into the scratch folder so nothing touches the user's catalog.
run() {
  env -u SPECTAG_RESOURCES HOME="$scratch/home" XDG_DATA_HOME="$scratch/home/data" \
    XDG_CONFIG_HOME="$scratch/home/config" XDG_CACHE_HOME="$scratch/home/cache" \
    QT_QPA_PLATFORM=offscreen "$bin" "$@"
}
mkdir -p "$scratch/home"
out=$(run --version) || fail "spectag --version exited $?"
echo "spectag --version: $out"
grep -qF "$version" <<<"$out" || fail "--version does not print $version"
# A verb the launcher runs itself, on the packaged files.
run scan --catalog "$scratch/home/launcher.sqlite" "$scratch/home" > /dev/null || fail "spectag scan (run by the launcher) exited $?"

music=/usr/share/games/wesnoth/1.16/data/core/music
if compgen -G "$music/*.ogg" >/dev/null; then
  track=$(ls "$music"/*.ogg | head -n 1)
else
  need ffmpeg ffmpeg
  track=$scratch/tone.wav
  ffmpeg -v error -f lavfi -i "sine=frequency=440:duration=20" -ar 44100 "$track"
fi
echo "== analyze $(basename "$track")"
run analyze --json --threads 2 "$track" > "$scratch/analyze.json" 2> "$scratch/analyze.err" \
  || { cat "$scratch/analyze.err"; fail "analyze exited $?"; }
cat "$scratch/analyze.json"
run model info --json "$model" > "$scratch/model.json" || fail "model info on the packaged model"
python3 - "$scratch/analyze.json" "$scratch/model.json" "$track" <<'EOF' || fail "analyze output"
import json, sys
lines = [l for l in open(sys.argv[1]) if l.strip()]
assert len(lines) == 1, f"expected one JSON line, got {len(lines)}"
track = json.loads(lines[0])
model = json.load(open(sys.argv[2]))
spec = model["spec"]
text = json.dumps(track)
assert sys.argv[3] in text, "the track's path is not in the output"
assert "error" not in track or not track["error"], track.get("error")
# The result names the packaged model's version, and every one of its heads shows up.
if "model" in track:
    assert track["model"] == model["version"], f"model {track['model']} != packaged {model['version']}"
for head in spec["heads"]:
    assert head["name"] in text, f"head {head['name']} missing from the result"
EOF
# Proof that the default model came from the package: without it, the error names the path
# inside the unpacked root, not the source tree the binary was built from.
mv "$model" "$model.away"
if run analyze --json "$track" > /dev/null 2> "$scratch/nomodel.err"; then fail "analyze worked without the packaged model"; fi
grep -qF "$root/usr/share/spectag/models/spectag-default.stm" "$scratch/nomodel.err" \
  || { cat "$scratch/nomodel.err"; fail "the default model is not looked up in the package's share/spectag"; }
echo "PASS: $(basename "$deb")"
