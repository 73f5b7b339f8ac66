"""A study's folder: its plan, cached points, random-init floor and references, each a
JSON file written whole, so a killed study resumes from what it finished and never
reads half a point."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from shaderbank.errors import ShaderbankError
from shaderbank.files import atomic_write_text

POINTS_DIR = "points"
RUNS_DIR = "runs"
PLAN_FILE = "plan.json"
BASELINE_FILE = "random-init.json"
REFERENCE_FILE = "reference.json"
STUDY_FILE = "study.json"


def write_json(path: Path, data: Any) -> None:
    """Whole or not at all: a study killed while writing leaves no half point."""
    atomic_write_text(path, json.dumps(data, indent=2) + "\n")


def cached_json(path: Path, compute: Callable[[], Any]) -> Any:
    """The JSON at path, or compute() written there first."""
    if path.is_file():
        return json.loads(path.read_text())
    value = compute()
    write_json(path, value)
    return value


# What a probe budget written before a key existed meant by its absence: the linear
# probe's weight decay was fixed at 1e-4 until it was chosen on held-out images.
PROBE_BUDGET_DEFAULTS: dict[str, Any] = {"linear_weight_decay": 1e-4}


def check_same_budget(
    out: Path, plan: dict[str, Any], keys: Sequence[str], defaults: dict[str, Any] | None = None
) -> None:
    """Refuse a folder whose plan.json differs from `plan` in one of `keys` (its cached
    points would not compare); `defaults` fill keys an older plan.json lacks, and
    PROBE_BUDGET_DEFAULTS those its nested "budget" lacks."""
    path = out / PLAN_FILE
    if not path.is_file():
        return
    before = {**(defaults or {}), **json.loads(path.read_text())}
    if isinstance(before.get("budget"), dict):
        before["budget"] = {**PROBE_BUDGET_DEFAULTS, **before["budget"]}
    now = json.loads(json.dumps(plan))  # tuples as lists, as read back
    changed = [key for key in keys if before.get(key) != now[key]]
    if changed:
        raise ShaderbankError(
            f"{out} holds a study with another {changed[0]} ({before.get(changed[0])!r}); "
            "its cached points would not compare: choose another --out"
        )


def cached_references(
    out: Path, references: Sequence[str], score: Callable[[], dict[str, list[float]]]
) -> dict[str, list[float]]:
    """The references' scores by probe, computed again only when the list changed."""
    path = out / REFERENCE_FILE
    top: dict[str, Any] = json.loads(path.read_text()) if path.is_file() else {}
    if top.get("references") != list(references):
        top = {"references": list(references), "scores": score()}
        write_json(path, top)
    return dict(top["scores"])
