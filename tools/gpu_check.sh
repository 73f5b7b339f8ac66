#!/usr/bin/env bash
# Issue 21: the GPU path run for real, as one command on the GPU machine (one NVIDIA
# H200, 16 cores): NVIDIA EGL rendering into CUDA tensors while a ResNet-50 trains.
#
#   bash tools/gpu_check.sh              on the GPU machine, from the repository root,
#                                        with .gpu/ from tools/gpu_fetch.sh carried
#   bash tools/gpu_check.sh --dry-run    anywhere: every step on the CPU (device cpu,
#                                        tiny sizes), to prove the plumbing; ~2 minutes
#   options: --only STEP[,STEP...]  run only these steps (names below), adding to the
#                                   JSON already in $OUT
#            --budget SECONDS       total time (default 470, dry run 170)
#
# Steps, each under its own timeout and the overall budget, in this order (the timings
# first, each on an otherwise idle machine but for the watcher's small renders; a step
# that finds too little time left is recorded as skipped):
#   setup      unpack the carried GL loaders into / (Mesa into /tmp/mesa), pip install
#              moderngl and glcontext into /tmp/site, point glvnd at NVIDIA's EGL
#   context    GL_RENDERER of cuda:0 and "auto" contexts: NVIDIA, not llvmpipe
#   watch      (in the background, from here to the end) renders a fixed set of
#              (program, params) at 224 px, then again every 2 s in the same context
#              while the other steps use the GPU, and compares bytes
#   render     tools/bench_render.py --device cuda:0 at 64, 224 and 256 px: the renderer
#              against the published per-frame loop on the same GPU
#   llvmpipe   tools/bench_render.py --device cpu: llvmpipe on the machine's cores
#   train      300 steps of `pretrain run resnet50-mocov2-mixup-224`, rendering and
#              training on the GPU: images/s, data wait, GPU utilisation (nvidia-smi)
#   fresh      the fixed set rendered by a new process after training, compared
#   synth, gpu-tests, render-tests, stream-tests  at once (none is a timing):
#              `shaderbank synth` of 2,000 programs validated on the GPU; pytest -m gpu;
#              the fast suite's render and stream tests with SHADERBANK_TEST_DEVICE=cuda:0
#              (tests that ask for "cpu" get the carried llvmpipe)
#   stream     RenderStream delivering CUDA tensors at 224 px, built-in and synthesized
#              banks, 2 and 6 workers
#   ceiling    tools/bench_train.py --ceiling-only: the same training on a fixed
#              batch on the GPU, what the train step would reach with free data
# JSON lands in $OUT (the dry run: out/gpu-check): summary.json (targets: pass/fail),
# context.json, tests.json, bench_render.json, stream.json, train.json,
# consistency.json, and log.txt with every step's output. Exit 0 when every target
# passes (the dry run: when every step ran); 3 when there is no GPU.
set -uo pipefail  # no -e: a failing step is recorded, and the next one runs

cd "$(dirname "$0")/.." || exit 2
REPO=$PWD
DRY=${GPU_CHECK_DRY_RUN:-0}
ONLY=""
BUDGET=""
while [ $# -gt 0 ]; do
    case "$1" in
        --dry-run) DRY=1 ;;
        --only) ONLY=${2:-}; shift ;;
        --only=*) ONLY=${1#*=} ;;
        --budget) BUDGET=${2:-}; shift ;;
        --budget=*) BUDGET=${1#*=} ;;
        -h|--help) sed -n '2,39p' "$0"; exit 0 ;;
        *) echo "gpu_check: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

ELSEWHERE='run it on the GPU machine (docs/BENCHMARKS.md, "GPU (H200)"), or try the plumbing here with --dry-run'
if [ "$DRY" = 0 ]; then
    # Before anything touches /: this must be cheap and harmless on any machine.
    if ! command -v nvidia-smi >/dev/null 2>&1; then
        echo "gpu_check: no NVIDIA GPU (nvidia-smi not found); $ELSEWHERE" >&2
        exit 3
    fi
    if ! nvidia-smi -L 2>/dev/null | grep -q '^GPU'; then
        echo "gpu_check: no NVIDIA GPU (nvidia-smi lists none); $ELSEWHERE" >&2
        exit 3
    fi
    if ! python3 -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)' \
        2>/dev/null; then
        echo "gpu_check: no NVIDIA GPU (torch.cuda.is_available() is False); $ELSEWHERE" >&2
        exit 3
    fi
    if ! compgen -G ".gpu/moderngl-*.whl" >/dev/null; then
        echo "gpu_check: no .gpu/ here: run tools/gpu_fetch.sh on the CPU machine and name .gpu in the call's carry" >&2
        exit 2
    fi
fi

START=$(date +%s)
BUDGET=${BUDGET:-$([ "$DRY" = 1 ] && echo 170 || echo 470)}
DEADLINE=$((START + BUDGET))
RESERVE=20  # kept for stopping the watcher and the summary
OUT=${OUT:-$REPO/out/gpu-check}
mkdir -p "$OUT"
# A run of some steps (--only) adds to the JSON of an earlier run; a whole run starts afresh.
[ -z "$ONLY" ] && rm -f "$OUT"/{summary,context,tests,bench_render,stream,train,consistency}.json "$OUT/log.txt"
LOG=$OUT/log.txt
WORK=$(mktemp -d /tmp/gpu_check.XXXXXX)
BACKGROUND=()
cleanup() {  # only the processes this script started
    for pid in "${BACKGROUND[@]}"; do kill "$pid" 2>/dev/null; done
}
trap cleanup EXIT

say() { echo "gpu_check: $*" | tee -a "$LOG" >&2; }

# -- what differs between the GPU machine and the dry run ----------------------------------
if [ "$DRY" = 1 ]; then
    PY=python3
    [ -x .venv/bin/python ] && PY=$REPO/.venv/bin/python
    DEV=cpu
    export PYTHONPATH=$REPO${PYTHONPATH:+:$PYTHONPATH}
    FEW=$("$PY" -c "from shaderbank.bank.bank import Bank; print(' '.join(Bank.load().ids[:3]))")
    RENDER_ARGS="--sizes 32 --rounds 1 $FEW"
    LLVMPIPE_ARGS="--sizes 32 --rounds 1 $FEW"
    WATCH_ARGS="--size 32 --count 4 --per-program 2 --interval 1"
    SYNTH_ARGS="--count 12 --workers 1"
    STREAM_ARGS="--size 32 --batch 16 --workers 1 --seconds 1 --warmup 0.5"
    # The config's method, views and mixing on a small backbone: ResNet-50 takes tens of
    # seconds a step on two shared cores.
    RUN_SETS="--set backbone=resnet18_small --set data.size=32 --set data.batch_size=16 --set data.workers=1 --set method.queue=64 --set train.device=cpu --set data.render_device=cpu"
    TRAIN_STEPS="--set train.steps=3 --set train.log_every=1"
    CEILING_STEPS=2
    # Collecting proves the markers (running them needs CUDA); a few quick tests, the runner.
    GPU_TESTS="-m gpu --collect-only tests/shaderbank/render"
    RENDER_TESTS="tests/shaderbank/render/test_gl.py -k 'cpu_context or passed_off'"
    STREAM_TESTS="tests/pretrain/data/test_stream.py -k 'pinned or no_programs'"
else
    PY=python3
    DEV=cuda:0
    RENDER_ARGS="--sizes 64,224,256 --rounds 2"
    LLVMPIPE_ARGS="--sizes 224,64,256 --rounds 1"
    WATCH_ARGS="--size 224 --count 32 --per-program 4 --interval 2"
    SYNTH_ARGS="--count 2000 --workers 8"
    STREAM_ARGS="--size 224 --batch 256 --workers 2,6 --seconds 6 --warmup 2"
    RUN_SETS=""  # the packaged config as it is: 224 px, batch 256, render_device auto
    TRAIN_STEPS="--set train.steps=300 --set train.log_every=25"
    CEILING_STEPS=60
    GPU_TESTS="-m gpu tests"
    RENDER_TESTS="tests/shaderbank/render"
    STREAM_TESTS="tests/pretrain/data"
fi
export PYTHONUNBUFFERED=1 MPLBACKEND=Agg
export SHADERBANK_CACHE=$WORK/cache  # cold shader caches, as on any fresh machine

record() {  # record GROUP NAME [record options...]
    local group=$1 name=$2
    shift 2
    "$PY" tools/gpu_check.py record --out-dir "$OUT" --group "$group" --name "$name" "$@" \
        || say "could not record $group/$name"
}

wanted() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }

limit_for() {  # limit_for CAP: seconds a step may take now, within the budget
    local left=$((DEADLINE - $(date +%s) - RESERVE))
    echo $(($1 < left ? $1 : left))
}

# step NAME GROUP CAP COMMAND [record options]: COMMAND (a bash string) prints the
# step's JSON on stdout; its stderr goes to the log.
step() {
    local name=$1 group=$2 cap=$3 command=$4
    shift 4
    wanted "$name" || return 0
    local limit
    limit=$(limit_for "$cap")
    if [ "$limit" -lt 10 ]; then
        say "[$name] skipped: out of time"
        record "$group" "${RECORD_AS:-$name}" --skipped "out of time (budget ${BUDGET} s)" \
            --command "$command"
        return 0
    fi
    say "[$name] up to ${limit} s: $command"
    echo "$name" >"$WORK/phase"
    local began=$SECONDS rc
    timeout -k 10 "$limit" bash -c "$command" >"$WORK/$name.out" 2>"$WORK/$name.err"
    rc=$?
    cat "$WORK/$name.err" >>"$LOG"
    say "[$name] rc $rc after $((SECONDS - began)) s"
    record "$group" "${RECORD_AS:-$name}" --rc "$rc" --seconds $((SECONDS - began)) \
        --limit "$limit" --command "$command" --stdout "$WORK/$name.out" \
        --stderr "$WORK/$name.err" "$@"
}

# background NAME GROUP LIMIT COMMAND: like step, without waiting; finish NAME records it.
declare -A BG_PID BG_GROUP BG_AS BG_START BG_COMMAND BG_LIMIT
background() {
    local name=$1 group=$2 limit=$3 command=$4
    wanted "$name" || return 0
    if [ "$limit" -lt 10 ]; then
        say "[$name] skipped: out of time"
        record "$group" "${RECORD_AS:-$name}" --skipped "out of time (budget ${BUDGET} s)" \
            --command "$command"
        return 0
    fi
    say "[$name] started in the background, up to ${limit} s: $command"
    timeout -k 10 "$limit" bash -c "$command" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    BG_PID[$name]=$!
    BG_GROUP[$name]=$group
    BG_AS[$name]=${RECORD_AS:-$name}
    BG_START[$name]=$SECONDS
    BG_COMMAND[$name]=$command
    BG_LIMIT[$name]=$limit
    BACKGROUND+=("$!")
}
finish() {  # finish NAME [record options]
    local name=$1
    shift
    [ -n "${BG_PID[$name]:-}" ] || return 0
    local rc
    wait "${BG_PID[$name]}"
    rc=$?
    cat "$WORK/$name.err" >>"$LOG"
    say "[$name] rc $rc after $((SECONDS - BG_START[$name])) s"
    record "${BG_GROUP[$name]}" "${BG_AS[$name]}" --rc "$rc" --seconds $((SECONDS - BG_START[$name])) \
        --limit "${BG_LIMIT[$name]}" --command "${BG_COMMAND[$name]}" \
        --stdout "$WORK/$name.out" --stderr "$WORK/$name.err" "$@"
    unset "BG_PID[$name]"
}

# -- setup ----------------------------------------------------------------------------------------
NV_JSON=""
MESA_LIB=/tmp/mesa/usr/lib/x86_64-linux-gnu
MESA_JSON=/tmp/mesa/usr/share/glvnd/egl_vendor.d/50_mesa.json
MESA_ENV=""  # the environment of a process that renders on llvmpipe only
BOTH_ENV=""  # ... that sees NVIDIA's EGL device and llvmpipe's
setup() {
    local began=$SECONDS notes=()
    if [ "$DRY" = 1 ]; then
        notes+=("dry run: nothing unpacked or installed; the system's Mesa renders")
        [ -d .gpu ] && notes+=("carried: $(find .gpu -name '*.whl' | wc -l) wheels, $(find .gpu -name '*.deb' | wc -l) packages, $(du -sh .gpu | cut -f1)")
    else
        # The device README's lines: the glvnd loaders into /, then the wheels.
        for f in .gpu/*.deb; do dpkg -x "$f" / || notes+=("dpkg -x $f failed"); done
        ldconfig
        python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
            --target /tmp/site .gpu/*.whl || notes+=("pip install of .gpu/*.whl failed")
        export PYTHONPATH=/tmp/site:$REPO
        for candidate in /usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json \
            /usr/share/glvnd/egl_vendor.d/10_nvidia.json /etc/glvnd/egl_vendor.d/10_nvidia.json; do
            if [ -f "$candidate" ]; then NV_JSON=$candidate; break; fi
        done
        if [ -z "$NV_JSON" ]; then  # elsewhere in this image?
            NV_JSON=$(timeout 20 find /usr /etc /opt -path '*egl_vendor.d/*nvidia*.json' \
                2>/dev/null | head -n 1)
        fi
        if [ -n "$NV_JSON" ]; then
            export __EGL_VENDOR_LIBRARY_FILENAMES=$NV_JSON
        else
            notes+=("no 10_nvidia.json found: glvnd searches its default folders")
        fi
        if ! ldconfig -p | grep -q libEGL_nvidia && [ -d /usr/local/nvidia/lib64 ]; then
            export LD_LIBRARY_PATH=/usr/local/nvidia/lib64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
            notes+=("libEGL_nvidia not in the linker cache: added /usr/local/nvidia/lib64")
        fi
        if compgen -G ".gpu/mesa/*.deb" >/dev/null; then
            # Debian 12 builds: into a folder of their own, loaded only by the processes
            # that render on llvmpipe (device README: other packages can break /).
            for f in .gpu/mesa/*.deb; do dpkg -x "$f" /tmp/mesa || notes+=("dpkg -x $f failed"); done
            local missing
            missing=$(LD_LIBRARY_PATH=$MESA_LIB ldd "$MESA_LIB/dri/swrast_dri.so" \
                "$MESA_LIB/libEGL_mesa.so.0" 2>&1 | grep 'not found' | sort -u | tr -s ' \t\n' ' ')
            [ -n "$missing" ] && notes+=("Mesa libraries not found: $missing")
            local with_mesa="LD_LIBRARY_PATH=$MESA_LIB${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} LIBGL_DRIVERS_PATH=$MESA_LIB/dri"
            MESA_ENV="$with_mesa __EGL_VENDOR_LIBRARY_FILENAMES=$MESA_JSON"
            BOTH_ENV="$with_mesa __EGL_VENDOR_LIBRARY_FILENAMES=${NV_JSON:+$NV_JSON:}$MESA_JSON"
        else
            notes+=("no .gpu/mesa: the llvmpipe comparison and the tests that ask for cpu cannot run")
        fi
    fi
    local facts
    facts=$(NOTES=$(printf '%s\n' "${notes[@]}") SECONDS_TAKEN=$((SECONDS - began)) \
        MESA_ENV="$MESA_ENV" NV_JSON="$NV_JSON" "$PY" -c '
import json, os, platform
print(json.dumps({
    "notes": [n for n in os.environ["NOTES"].splitlines() if n],
    "seconds": int(os.environ["SECONDS_TAKEN"]),
    "python": platform.python_version(),
    "pythonpath": os.environ.get("PYTHONPATH"),
    "nvidia_egl_vendor_file": os.environ.get("NV_JSON") or None,
    "llvmpipe_environment": os.environ.get("MESA_ENV") or None,
    "ld_library_path": os.environ.get("LD_LIBRARY_PATH"),
}))')
    echo "$facts" >"$WORK/setup.out"
    record context setup --stdout "$WORK/setup.out"
    say "setup: $facts"
}

say "$(date -u +%FT%TZ) $([ "$DRY" = 1 ] && echo "dry run on the CPU" || nvidia-smi -L | head -n 1); budget ${BUDGET} s; JSON to $OUT"
setup

step context context 60 "$PY tools/gpu_check.py context --device $DEV"

# Until the very end: it stops when told to, after the last step.
background watch consistency $((DEADLINE - $(date +%s))) "$PY tools/gpu_check.py consistency-watch --device $DEV $WATCH_ARGS --out $WORK/watch.json --stop $WORK/stop --phase $WORK/phase"

RECORD_AS=gpu step render bench_render 75 "$PY tools/bench_render.py --device $DEV $RENDER_ARGS --out $WORK/render.json" \
    --stdout "$WORK/render.json"  # what it finished, should the time limit stop it

# llvmpipe on all the cores, before anything else keeps them busy.
if [ "$DRY" = 0 ] && [ -z "$MESA_ENV" ]; then
    wanted llvmpipe && record bench_render llvmpipe --skipped "no .gpu/mesa carried"
else
    step llvmpipe bench_render 110 "env $MESA_ENV $PY tools/bench_render.py --device cpu $LLVMPIPE_ARGS --out $WORK/llvmpipe.json" \
        --stdout "$WORK/llvmpipe.json"
fi

SMI_PID=""
if [ "$DRY" = 0 ] && wanted train; then
    nvidia-smi --query-gpu=utilization.gpu,memory.used --format=csv,noheader,nounits -l 1 \
        >"$WORK/smi-train.csv" 2>/dev/null &
    SMI_PID=$!
    BACKGROUND+=("$SMI_PID")
fi
step train train 170 "$PY -m pretrain.cli run resnet50-mocov2-mixup-224 --quiet --set out_dir=$WORK/runs --set name=gpu-check --set train.checkpoint_every=100000 --set train.tensorboard=false $TRAIN_STEPS $RUN_SETS" \
    --run-dir "$WORK/runs/gpu-check" --smi "$WORK/smi-train.csv" --keep-stderr
[ -n "$SMI_PID" ] && kill "$SMI_PID" 2>/dev/null

# The watcher wrote its first render before the training; wait for it if it is slow.
for _ in $(seq 30); do [ -s "$WORK/watch.json" ] && break; sleep 1; done
step fresh consistency 45 "$PY tools/gpu_check.py consistency-check --before $WORK/watch.json"

# The synthesis and the three test runs at once: none of them is a timing, and on 16
# cores together they take about as long as the longest alone. Each pytest has a
# folder of its own for its temporary files.
echo tests >"$WORK/phase"
background synth stream "$(limit_for 200)" "$PY tools/gpu_check.py synth --into $WORK/synth --device $DEV $SYNTH_ARGS"
# One hung test must not take the run's JSON with it: pytest-timeout, where installed
# (the GPU machine has it), stops it alone; -v puts every test's outcome in the log as
# it ends, should the time limit stop pytest before it writes its JUnit file.
PER_TEST=$("$PY" -c 'import pytest_timeout' 2>/dev/null && echo --timeout=90)
pytest_in() { echo "$PY -m pytest -v -p no:cacheprovider $PER_TEST --basetemp=$WORK/pytest-$1 --junitxml=$WORK/$1.xml"; }
RECORD_AS=gpu background gpu-tests tests "$(limit_for 120)" "$(pytest_in gpu-tests) $GPU_TESTS >&2"
# The fast suite's render and stream tests on the GPU; those that ask for "cpu" by name
# get llvmpipe, which is why these processes see both EGL vendors.
FAST="env $BOTH_ENV SHADERBANK_TEST_DEVICE=$DEV"
RECORD_AS=render background render-tests tests "$(limit_for 150)" \
    "$FAST $(pytest_in render-tests) -m 'not slow and not gpu' $RENDER_TESTS >&2"
RECORD_AS=stream background stream-tests tests "$(limit_for 170)" \
    "$FAST $(pytest_in stream-tests) -m 'not slow and not gpu' $STREAM_TESTS >&2"
finish gpu-tests --junit "$WORK/gpu-tests.xml"
finish render-tests --junit "$WORK/render-tests.xml"
finish stream-tests --junit "$WORK/stream-tests.xml"
finish synth

BANKS="--bank builtin=$REPO/shaders"
[ -d "$WORK/synth" ] && BANKS="$BANKS --bank synth=$WORK/synth"
step stream stream 90 "$PY tools/gpu_check.py stream --device $DEV --to $DEV $STREAM_ARGS $BANKS"

step ceiling train 60 "$PY tools/bench_train.py --ceiling-only --config resnet50-mocov2-mixup-224 --steps $CEILING_STEPS $RUN_SETS"

if [ -n "${BG_PID[watch]:-}" ]; then
    touch "$WORK/stop"
    finish watch --stdout "$WORK/watch.json"  # its state after every round
fi

"$PY" tools/gpu_check.py summary --out-dir "$OUT" --seconds $(($(date +%s) - START)) \
    $([ "$DRY" = 1 ] && echo --dry-run) | tee -a "$LOG"
exit "${PIPESTATUS[0]}"
