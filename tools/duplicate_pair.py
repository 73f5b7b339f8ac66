"""Both looks of the near-duplicate check at two programs of a bank: the RMS difference
of their fingerprints (8x8 thumbnails, the first look, threshold duplicate_distance) and
of their 16x16 thumbnails (the second look, threshold detail_distance), rendered here.
Prints JSON.

    python tools/duplicate_pair.py --bank synth:2000 synth/syn2-b5dd3c4b synth/syn2-a52f5912
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shaderbank.bank.bank import Bank  # noqa: E402
from shaderbank.bank.index import FINGERPRINT_TIMES, fingerprint  # noqa: E402
from shaderbank.curate.checks import (  # noqa: E402
    CHECK_MOUSE,
    CHECK_SIZE,
    Thresholds,
    detail_difference,
)
from shaderbank.program.params import Params  # noqa: E402
from shaderbank.render.renderer import Renderer  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bank", required=True, help="a bank folder or name (synth:N)")
    parser.add_argument("first")
    parser.add_argument("second")
    args = parser.parse_args()
    bank = Bank.load(args.bank)
    params = [Params(time=t, mouse=CHECK_MOUSE) for t in FINGERPRINT_TIMES]
    renderer = Renderer()
    images = [
        renderer.render(bank.program(i), params, CHECK_SIZE).astype(np.float32) / 255.0
        for i in (args.first, args.second)
    ]
    prints = [fingerprint(image).astype(np.float32) / 255.0 for image in images]
    thresholds = Thresholds()
    print(
        json.dumps(
            {
                "programs": [args.first, args.second],
                "fingerprint_rms": round(float(np.sqrt(((prints[0] - prints[1]) ** 2).mean())), 4),
                "duplicate_distance": thresholds.duplicate_distance,
                "detail_rms": round(detail_difference(images[0], images[1]), 4),
                "detail_distance": thresholds.detail_distance,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
