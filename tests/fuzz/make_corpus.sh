#!/usr/bin/env bash
# Seed corpora for the fuzzers, generated (nothing binary is checked in):
#   OUT/audio      small files of every extension fuzzutil.h knows, made by ffmpeg with tags, each
#                  prefixed by the byte that selects its extension (used by fuzz_tags and fuzz_decode)
#   OUT/modelfile  tiny .stm images built from the shipped model's spec (fuzz_modelfile)
# usage: tests/fuzz/make_corpus.sh OUT
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: make_corpus.sh OUT}
mkdir -p "$out/audio" "$out/modelfile"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Index = position in fuzzutil::kExtensions: mp3 flac ogg opus m4a wav aiff ape wv wma aac mp4
idx() {
  local i=0
  for e in mp3 flac ogg opus m4a wav aiff ape wv wma aac mp4; do
    [[ $e == "$1" ]] && { echo $i; return; }
    i=$((i + 1))
  done
  echo "unknown extension $1" >&2; exit 1
}

# make NAME EXT SECONDS [ffmpeg output options...]
make() {
  local name=$1 ext=$2 secs=$3
  shift 3
  ffmpeg -nostdin -v error -y -f lavfi -i "sine=frequency=440:duration=$secs" -ac 2 -ar 22050 \
    -metadata title="Seed $name" -metadata artist="Spectag" -metadata album="Fuzz" \
    -metadata genre="Ambient" -metadata mood="calm" "$@" "$tmp/$name.$ext"
  printf "\\x$(printf %02x "$(idx "$ext")")" > "$out/audio/$name"
  cat "$tmp/$name.$ext" >> "$out/audio/$name"
}

make mp3-id3v24 mp3 0.2 -c:a libmp3lame -b:a 32k
make mp3-id3v23 mp3 0.2 -c:a libmp3lame -b:a 32k -id3v2_version 3
make flac flac 0.2
make ogg ogg 0.3 -c:a libvorbis
make opus opus 0.2 -c:a libopus -ar 48000
make m4a-aac m4a 0.2 -c:a aac -b:a 32k
make m4a-alac m4a 0.1 -c:a alac
make wav-s16 wav 0.1
make wav-float wav 0.1 -c:a pcm_f32le
make aiff aiff 0.1
make wv wv 0.1 -c:a wavpack
make wma wma 0.2 -c:a wmav2 -b:a 32k
make aac aac 0.2 -c:a aac -b:a 32k -f adts
make mp4 mp4 0.2 -c:a aac -b:a 32k
# A file with an ID3v2 tag but another extension (what a mislabelled download looks like).
printf '\x01' > "$out/audio/mp3-named-flac"; tail -c +2 "$out/audio/mp3-id3v24" >> "$out/audio/mp3-named-flac"

python3 "$here/make_model_seeds.py" "$here/../../resources/models/spectag-default.stm" "$out/modelfile"
echo "seeds: $(ls "$out/audio" | wc -l) audio, $(ls "$out/modelfile" | wc -l) model files in $out"
