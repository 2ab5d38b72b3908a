#!/bin/sh
# test_dockerfile.sh - docker/Dockerfile cannot drift from what CI proves (no Docker engine runs
# here): its build stage installs exactly the Makefile's APT_PKGS and runs the README's build
# command; its runtime stage installs exactly the packages of the libraries build/cmkemu needs;
# the files it copies are enough to build cmkemu; and the image's settings are as documented.
. "$(dirname "$0")/lib.sh"

DF=docker/Dockerfile
BIN="$CMKEMU_TMP/docker-build/build/cmkemu" # built below from the build stage's files

# Splits the Dockerfile into stages and instructions (continuations joined): "stage<TAB>INSTR<TAB>args".
python3 - "$DF" >"$CMKEMU_TMP/df.tsv" <<'PY'
import sys
stage, buf = -1, ""
for raw in open(sys.argv[1]):
    line = raw.rstrip("\n")
    if not buf and (not line.strip() or line.lstrip().startswith("#")):
        continue
    if line.endswith("\\"):
        buf += line[:-1] + " "
        continue
    buf += line
    instr, _, args = buf.strip().partition(" ")
    if instr.upper() == "FROM":
        stage += 1
    print(f"{stage}\t{instr.upper()}\t{' '.join(args.split())}")
    buf = ""
PY
instr() { awk -F '\t' -v s="$1" -v i="$2" '$1 == s && $2 == i { print $3 }' "$CMKEMU_TMP/df.tsv"; }
# the packages of "apt-get install ... pkg pkg" in a stage's RUN lines, sorted
apt_of() { instr "$1" RUN | tr '&;' '\n\n' | grep 'apt-get install' | tr ' ' '\n' | grep -v '^-' | grep -v '=' |
           sed '1,/^install$/d' | grep . | sort -u; }

# build stage
expect_line() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "got:  $2" "want: $3"; fi; }
expect_line "the build stage is debian:bookworm" "$(instr 0 FROM)" "debian:bookworm AS build"
make_pkgs=$(sed -n 's/^APT_PKGS *:= *//p' Makefile | tr ' ' '\n' | grep . | sort -u)
expect_line "the build stage installs the Makefile's APT_PKGS" "$(apt_of 0 | tr '\n' ' ')" "$(echo "$make_pkgs" | tr '\n' ' ')"
readme_build=$(sed -n 's/^\(make [a-z-]*\) *# only builds build\/cmkemu.*/\1/p' README.md)
if [ -n "$readme_build" ] && instr 0 RUN | grep -qx "$readme_build"; then ok "the build stage runs the README's build command ($readme_build)"
else bad "the build stage runs the README's build command" "README: '$readme_build'" "RUN: $(instr 0 RUN | tr '\n' '|')"; fi

# the image's settings
env=$(instr 1 ENV)
for kv in CMKEMU_HOST=0.0.0.0 CMKEMU_PORT=4566 CMKEMU_DB=/data/cmkemu.db; do
    case " $env " in *" $kv "*) ok "the image sets $kv" ;; *) bad "the image sets $kv" "ENV $env" ;; esac
done
expect_line "the image runs as the non-root user cmkemu" "$(instr 1 USER)" "cmkemu"
expect_line "the image has the /data volume" "$(instr 1 VOLUME)" "/data"
expect_line "the image exposes 4566" "$(instr 1 EXPOSE)" "4566"
expect_line "the health check is cmkemu --health-check" "$(instr 1 HEALTHCHECK | sed 's/.*CMD //')" '["cmkemu", "--health-check"]'
expect_line "the entrypoint is cmkemu" "$(instr 1 ENTRYPOINT)" '["cmkemu"]'
grep -q '/seed.json' docker/compose.yaml && grep -q 'CMKEMU_SEED: /seed.json' docker/compose.yaml &&
    grep -q 'dockerfile: docker/Dockerfile' docker/compose.yaml &&
    ok "compose.yaml builds docker/Dockerfile and mounts a seed at /seed.json" ||
    bad "compose.yaml builds docker/Dockerfile and mounts a seed at /seed.json"

# every COPY source exists, and the build stage's copies alone build cmkemu
missing=""
for src in $(instr 0 COPY | awk '{ $NF = ""; print }') $(instr 1 COPY | grep -v -- '--from' | awk '{ $NF = ""; print }'); do
    [ -e "$src" ] || missing="$missing $src"
done
expect_line "every file the Dockerfile copies exists" "$missing" ""
ctx="$CMKEMU_TMP/docker-build"
mkdir -p "$ctx"
instr 0 COPY | while read -r src dest; do cp -R "$src" "$ctx/$dest"; done
# as Docker would: none of this make's or the suite's settings (make asan's BUILD, CC, SAN)
if (cd "$ctx" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u BUILD -u CC -u SAN -u OPT \
        make -j2 all >"$CMKEMU_TMP/docker-build.log" 2>&1) && [ -x "$ctx/build/cmkemu" ]; then
    ok "the build stage's files build cmkemu with the README's command"
else
    bad "the build stage's files build cmkemu with the README's command" "$(tail -n 20 "$CMKEMU_TMP/docker-build.log")"
fi
"$ctx/build/cmkemu" --version >/dev/null 2>&1 && ok "the built binary runs" || bad "the built binary runs"

# runtime stage: exactly the packages of the libraries that binary needs (libc6 is in the base)
expect_line "the runtime stage is debian:bookworm-slim" "$(instr 1 FROM)" "debian:bookworm-slim"
if command -v dpkg >/dev/null && command -v readelf >/dev/null && [ -x "$BIN" ]; then
    need=$(for so in $(readelf -d "$BIN" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        p=$(ldd "$BIN" | awk -v s="$so" '$1 == s { print $3 }')
        { dpkg -S "$p" 2>/dev/null || dpkg -S "/usr$p" 2>/dev/null || dpkg -S "${p#/usr}" 2>/dev/null; } | cut -d: -f1
    done | grep -vx libc6 | sort -u)
    expect_line "the runtime stage installs the packages of the binary's libraries" "$(apt_of 1 | tr '\n' ' ')" "$(echo "$need" | tr '\n' ' ')"
else
    ok "the runtime packages are not checked here (no dpkg, readelf or binary)"
fi

finish
