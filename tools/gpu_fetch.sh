#!/usr/bin/env bash
# Fetch, on a CPU machine with the package registries, what the GPU machine lacks to run
# tools/gpu_check.sh: it has python3 3.12 with torch, torchvision and the rest of our
# dependencies, but no moderngl/glcontext, no GL loader libraries and no Mesa, and it
# cannot reach a registry. Everything lands in .gpu/ (git-ignored), which the device
# call carries:
#
#   .gpu/*.whl         moderngl and glcontext for CPython 3.12, manylinux x86-64
#   .gpu/*.deb         the glvnd loaders (libEGL.so.1, ...), unpacked into / there, as the
#                      device README says: the NVIDIA driver brings only its vendor library
#   .gpu/mesa/*.deb    Mesa's llvmpipe and the libraries it needs beyond a base Ubuntu,
#                      unpacked into /tmp/mesa there (never into /: these are Debian 12
#                      builds) for the llvmpipe comparison on the machine's 16 cores and
#                      the CPU-device tests. About 49 MB; --no-mesa leaves it out.
#
# Usage: tools/gpu_fetch.sh [--no-mesa] [--clean]
# Then, with the device tool: run(command="bash tools/gpu_check.sh", carry=[".gpu"],
# timeout_s=540). See docs/BENCHMARKS.md, "GPU (H200)".
set -euo pipefail

cd "$(dirname "$0")/.."
DEST=.gpu
# What the device may carry in all: the working tree plus carried paths.
LIMIT_MIB=64
MESA=1
for arg in "$@"; do
    case "$arg" in
        --no-mesa) MESA=0 ;;
        --clean) rm -rf "$DEST" ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "gpu_fetch: unknown option $arg (use --no-mesa, --clean)" >&2; exit 2 ;;
    esac
done

if [ -z "${PYTHON:-}" ]; then
    PYTHON=python3
    if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; fi
fi

# The versions the CPU suite runs with here, so that both machines test the same code.
version_of() {
    "$PYTHON" -c "import importlib.metadata as m; print(m.version('$1'))" 2>/dev/null || echo "$2"
}
WHEELS=("moderngl==$(version_of moderngl 5.13.0)" "glcontext==$(version_of glcontext 3.1.0)")
# pyproject's other dependencies are on the GPU machine already (device KINDS.md), except
# glfw, which only the windowed preview imports: the GPU machine has no display.

# The glvnd loaders. libvulkan1 from the README's line is left out: nothing here uses Vulkan.
LOADERS=(libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
# Mesa's EGL vendor library and llvmpipe (swrast_dri.so) with every library they load
# (readelf NEEDED, closed over), less those any Ubuntu with python3 has (libc6,
# libgcc-s1, libstdc++6, zlib1g, libzstd1, liblzma5, libexpat1, libffi8, libtinfo6):
# carrying those would shadow the machine's newer copies.
MESA_PACKAGES=(
    libegl-mesa0 libgl1-mesa-dri libglapi-mesa libgbm1 libllvm15 libz3-4 libxml2 libicu72
    libedit2 libbsd0 libmd0 libelf1 libsensors5 libdrm2 libdrm-amdgpu1 libdrm-radeon1
    libdrm-nouveau2 libdrm-intel1 libpciaccess0 libxcb1 libxau6 libxdmcp6 libx11-xcb1
    libxcb-dri2-0 libxcb-dri3-0 libxcb-present0 libxcb-randr0 libxcb-sync1 libxcb-xfixes0
    libxshmfence1 libwayland-client0 libwayland-server0
)

mkdir -p "$DEST"

echo "gpu_fetch: wheels ${WHEELS[*]} for CPython 3.12 (manylinux x86-64)" >&2
"$PYTHON" -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 \
    --implementation cp --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 \
    --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
    --platform manylinux1_x86_64 -d "$DEST" "${WHEELS[@]}"
# One version of each: two stop the whole install there (device README).
for name in moderngl glcontext; do
    count=$(find "$DEST" -maxdepth 1 -name "${name}-*.whl" | wc -l)
    if [ "$count" -ne 1 ]; then
        echo "gpu_fetch: $count $name wheels in $DEST; run with --clean" >&2
        exit 1
    fi
done

# amd64 package lists of their own, whatever this machine's architecture (device README).
APT_LISTS=/tmp/amd64
APT_OPTS=(-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 "-oDir::State::Lists=$APT_LISTS")
mkdir -p "$APT_LISTS/partial"
if ! compgen -G "$APT_LISTS/*_Packages*" >/dev/null; then
    echo "gpu_fetch: apt-get update (amd64 lists in $APT_LISTS)" >&2
    apt-get -qq "${APT_OPTS[@]}" update
fi

download() {  # download FOLDER PACKAGE... : the .debs not there yet
    local folder=$1
    shift
    local missing=()
    for package in "$@"; do
        compgen -G "$folder/${package}_*.deb" >/dev/null || missing+=("$package")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        (cd "$folder" && apt-get -qq "${APT_OPTS[@]}" download "${missing[@]}")
    fi
}

echo "gpu_fetch: GL loaders ${LOADERS[*]}" >&2
download "$DEST" "${LOADERS[@]}"
if [ "$MESA" = 1 ]; then
    echo "gpu_fetch: Mesa llvmpipe (${#MESA_PACKAGES[@]} packages) into $DEST/mesa" >&2
    mkdir -p "$DEST/mesa"
    download "$DEST/mesa" "${MESA_PACKAGES[@]}"
else
    rm -rf "$DEST/mesa"
fi

# The device call refuses a tree over its limit: say how much is left.
carried=$(du -sb "$DEST" | cut -f1)
tree=$(git ls-files -z --cached --others --exclude-standard | xargs -0 du -cb 2>/dev/null \
    | tail -n 1 | cut -f1)
total=$((carried + tree))
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
echo "gpu_fetch: $DEST holds $(mib "$carried") ($(find "$DEST" -name '*.whl' | wc -l) wheels," \
    "$(find "$DEST" -name '*.deb' | wc -l) packages); with the working tree $(mib "$total")" \
    "of the device's $LIMIT_MIB MiB" >&2
if [ "$total" -gt $((LIMIT_MIB * 1048576)) ]; then
    echo "gpu_fetch: over the device's limit; fetch again with --no-mesa" >&2
    exit 1
fi
echo 'gpu_fetch: ready. Device call: run(command="bash tools/gpu_check.sh", carry=[".gpu"], timeout_s=540)'
