"""A bank: folders of programs with an index on disk (which owns the fingerprint
format), and the selections that pick programs from it."""

from __future__ import annotations

from shaderbank.bank.bank import Bank, BankFolder, unvalidated
from shaderbank.bank.index import (
    FINGERPRINT_DIMS,
    STATUS_NEW,
    STATUS_OK,
    STATUS_QUARANTINED,
    Entry,
    Index,
)
from shaderbank.bank.selection import read_selection, sample_ids, select_programs

__all__ = [
    "FINGERPRINT_DIMS",
    "STATUS_NEW",
    "STATUS_OK",
    "STATUS_QUARANTINED",
    "Bank",
    "BankFolder",
    "Entry",
    "Index",
    "read_selection",
    "sample_ids",
    "select_programs",
    "unvalidated",
]
