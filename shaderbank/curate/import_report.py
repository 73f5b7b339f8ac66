"""What an import found: one item per program with its outcome, and the report over all.

Every program found ends in one status: added, duplicate (its normalised source is in
the folder already or earlier in the run), rejected (unreadable, not a shader, does not
compile) or quarantined (compiled, but hangs, crashes, renders NaN, constant or too
slowly), with a reason a user can read: one category of CATEGORIES, which the report
counts, and the detailed message.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from shaderbank.workers.pool import TaskFailure

ADDED, DUPLICATE, REJECTED, QUARANTINED = "added", "duplicate", "rejected", "quarantined"
# Why a program was not added, in a fixed set a user can count.
CATEGORIES = (
    "compile error",
    "non-finite",
    "flat",
    "too slow",
    "timeout",
    "unsupported input",
    "not a shader",
    "duplicate",
)
# Words of a detailed reason -> its category, first match wins; anything else that was
# not added is "unsupported input" (unreadable files, malformed exports, worker errors).
_CATEGORY_WORDS = (
    ("compile error", ("compile error",)),
    ("non-finite", ("non-finite",)),
    ("flat", ("constant image", "barely change")),
    ("too slow", ("too slow",)),
    # A crashed draw did not finish either: the driver killed what a watchdog would.
    ("timeout", ("timeout", "crash")),
    (
        "not a shader",
        (
            "not a shader",
            "not a fragment shader",
            "no `void main",
            "writes no colour",
            "empty file",
            "binary",
            "without shader code",
            "no image pass",
        ),
    ),
)


def category_of(status: str, reason: str) -> str:
    """The category of CATEGORIES of an outcome that is not `added` ("" for added)."""
    if status == ADDED:
        return ""
    if status == DUPLICATE:
        return "duplicate"
    for category, words in _CATEGORY_WORDS:
        if any(word in reason for word in words):
            return category
    return "unsupported input"


@dataclass
class ImportItem:
    """The outcome for one program found in the input."""

    origin: str  # file, with "#k" for the k-th shader of a JSON list
    dialect: str = "unknown"  # dialect:variant
    status: str = REJECTED
    reason: str = ""
    program_id: str = ""
    compiled: bool = False
    rendered: bool = False  # finite and non-constant images
    notes: list[str] = field(default_factory=list)

    @property
    def dialect_name(self) -> str:
        return self.dialect.split(":", 1)[0]

    @property
    def category(self) -> str:
        """Why it was not added, one of CATEGORIES ("" when added); `reason` says more."""
        return category_of(self.status, self.reason)


@dataclass
class ImportReport:
    folder: Path
    items: list[ImportItem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def added(self) -> int:
        return sum(1 for item in self.items if item.status == ADDED)

    def summary(self) -> dict[str, dict[str, int]]:
        """Per dialect: found, compiled, rendered (non-constant), quarantined, added,
        duplicate, rejected."""
        table: dict[str, Counter[str]] = {}
        for item in self.items:
            row = table.setdefault(item.dialect_name, Counter())
            row["found"] += 1
            row["compiled"] += item.compiled
            row["rendered"] += item.rendered
            row[item.status] += 1
        columns = ("found", "compiled", "rendered", QUARANTINED, ADDED, DUPLICATE, REJECTED)
        return {name: {c: row[c] for c in columns} for name, row in sorted(table.items())}

    def categories(self) -> dict[str, int]:
        """How many programs were not added for each reason of CATEGORIES (all listed)."""
        counts = Counter(item.category for item in self.items if item.status != ADDED)
        return {category: counts[category] for category in CATEGORIES}

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "seconds": round(self.seconds, 2),
            "programs_per_second": round(len(self.items) / max(self.seconds, 1e-9), 3),
            "summary": self.summary(),
            "reasons": self.categories(),
            "items": [{**asdict(item), "category": item.category} for item in self.items],
        }


def judge(item: ImportItem, outcome: Any) -> None:
    """Set the item's status and reason from a check_task outcome or its TaskFailure."""
    if isinstance(outcome, TaskFailure):
        if outcome.is_compile_error:
            message = outcome.reason.removeprefix("compile error: ")
            item.status, item.reason = REJECTED, "compile error: " + _user_line(message)
            return
        item.compiled = True
        item.status, item.reason = QUARANTINED, outcome.reason
        return
    _, measurement = outcome
    item.compiled = True
    problem = measurement.problem
    item.rendered = problem is None or not problem.startswith(("non-finite", "constant"))
    if problem is None:
        item.status = ADDED
    else:
        item.status, item.reason = QUARANTINED, problem


def _user_line(text: str) -> str:
    """A compile message with the line of the user's file instead of the worker's
    temporary program name ("import/<key>:4:2: ...")."""
    match = re.match(r"import/\w+(?::(\d+))?(?::\d+)?: (.*)$", text)
    if not match:
        return text
    return (f"line {match.group(1)}: " if match.group(1) else "") + match.group(2)
