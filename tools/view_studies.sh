#!/usr/bin/env bash
# Issue 22's comparisons on cifar10-dev, each one resumable `pretrain variants` study at
# demo-cpu's image budget (600 steps of 128 images at 32 px), 3 seeds, frozen probes on
# all of cifar10-dev beside 3 random inits:
#
#   bash tools/view_studies.sh methods OUT   CE, SupCon, SimCLR, MoCo v2 (+ fine-tuning)
#   bash tools/view_studies.sh methods-long OUT
#                                            SupCon, SimCLR, MoCo v2 each at the most steps
#                                            that train within issue 22's 30 minutes (CE's
#                                            is demo-cpu-long: docs/studies/ce2400)
#   bash tools/view_studies.sh mixup OUT     SimCLR without and with 6-image MixUp
#   bash tools/view_studies.sh sigma OUT     GenRep's sigma sweep of latent-neighbour views
#   bash tools/view_studies.sh scaling OUT   SimCLR on 1 to 4,096 programs of synth:4096, 2 seeds
#   bash tools/view_studies.sh budget OUT    the 4,096-program point at half, 1x and 2x the
#                                            images: whether the largest point is under-trained
#
# Further arguments go to `pretrain variants` (e.g. --eval-threads 2 on a quiet machine).
# Run it again after a kill and it goes on; OUT/<study>/table.md is the table.
set -euo pipefail
USAGE="usage: tools/view_studies.sh methods|methods-long|mixup|sigma|scaling|budget OUT [ARGS...]"
STUDY=${1:?$USAGE}
OUT=${2:?$USAGE}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PRETRAIN=${PRETRAIN:-$HERE/.venv/bin/pretrain}
CIFAR=${CIFAR:-$HERE/../shared/datasets/cifar10-dev}
PROBES=(--dataset "$CIFAR" --train-limit 5000 --test-limit 1000 --random-seeds 3 "${@:3}")
COMMON=(demo-cpu --images 76800 --seeds 3 --out "$OUT/$STUDY" "${PROBES[@]}")
# The contrastive methods' settings of tools/replicate_eval.py (session 3's tuning).
SIMCLR=(method.name=simclr method.temperature=0.2 views.recipe=simclr views.crop_scale_min=0.2)
SUPCON=(method.name=supcon method.temperature=0.1 views.recipe=simclr views.crop_scale_min=0.2)
MOCO=(method.name=moco method.queue=4096 method.momentum=0.99 views.recipe=mocov2
  views.crop_scale_min=0.2)
# The scaling study's programs: a synthesized bank alone, one image per program per batch.
SYNTH=(data.builtin=false "data.banks=[synth:4096]")
sets() { for kv in "$@"; do printf -- '--set\n%s\n' "$kv"; done; }
mapfile -t SCALING_SETS < <(sets "${SIMCLR[@]}" "${SYNTH[@]}")

case "$STUDY" in
  methods)
    exec "$PRETRAIN" variants "${COMMON[@]}" --probe all \
      --variant ce --variant supcon "${SUPCON[@]}" --variant simclr "${SIMCLR[@]}" \
      --variant moco "${MOCO[@]}"
    ;;
  methods-long)
    # A two-view method does twice CE's backbone work per step: at demo-cpu's budget
    # SupCon and SimCLR took 1.1 s a step and MoCo v2 0.67 s (docs/studies/methods), so
    # 1,400 and 2,200 steps of 128 train in about 25 minutes there. Machines differ: on
    # session 12's, SupCon ran at 1.8 s a step (43 minutes for 1,400), so read the ETA
    # of the first minutes and lower the images if it passes 30. One study per method, each
    # at its own image budget; the random inits are demo-cpu-long's (the held-out linear
    # probe, kNN and fine-tuning: docs/studies/ce3400), copied in so they are not probed
    # again, since they depend on the network and the probes, not on the method.
    long() {
      local name=$1 images=$2
      shift 2
      mkdir -p "$OUT/methods-long/$name"
      [ -f "$OUT/methods-long/$name/random-init.json" ] ||
        cp "$HERE/docs/studies/ce3400/random-init.json" "$OUT/methods-long/$name/"
      "$PRETRAIN" variants demo-cpu --images "$images" --seeds 3 --probe all \
        --out "$OUT/methods-long/$name" "${PROBES[@]}" --variant "$name" "$@"
    }
    long supcon-1400 179200 "${SUPCON[@]}"
    long simclr-1400 179200 "${SIMCLR[@]}"
    long moco-2200 281600 "${MOCO[@]}"
    ;;
  mixup)
    # Shaders-21k's MixUp: each image a convex mix of 6 programs' images.
    exec "$PRETRAIN" variants "${COMMON[@]}" --probe both \
      --variant plain "${SIMCLR[@]}" \
      --variant mixup6 "${SIMCLR[@]}" views.mix=convex views.mix_k=6
    ;;
  sigma)
    # sigma in seconds of iTime, a tenth of it in image widths for iMouse. sigma 0 is
    # pure augmentation; the latent-* variants are two latent neighbours, not augmented;
    # latent+aug augments each neighbour too.
    variants=(--variant aug "${SIMCLR[@]}")
    for sigma in 0.25 0.5 1 2 4; do
      mouse=$(python3 -c "print($sigma / 10)")
      variants+=(--variant "latent-$sigma" "${SIMCLR[@]}" views.source=latent views.recipe=none
        "data.params.latent_sigma={time: $sigma, mouse: $mouse}")
    done
    variants+=(--variant latent+aug-1 "${SIMCLR[@]}" views.source=latent
      "data.params.latent_sigma={time: 1, mouse: 0.1}")
    exec "$PRETRAIN" variants "${COMMON[@]}" --probe both "${variants[@]}"
    ;;
  scaling)
    # Issue 22 item 3: a contrastive method, whose loss does not grow with the number of
    # classes, at demo-cpu's image budget; `budget` checks that budget at 4,096.
    exec "$PRETRAIN" scaling demo-cpu --programs 1,4,16,64,256,1024,4096 --images 76800 \
      --seeds 2 --out "$OUT/scaling" "${SCALING_SETS[@]}" "${PROBES[@]}"
    ;;
  budget)
    for images in 38400 76800 153600; do
      "$PRETRAIN" scaling demo-cpu --programs 4096 --images "$images" --seeds 1 \
        --out "$OUT/budget-$images" "${SCALING_SETS[@]}" "${PROBES[@]}"
    done
    ;;
  *)
    echo "$USAGE" >&2
    exit 2
    ;;
esac
