"""Rendered data sets on disk for other training tools: webdataset tar shards or an
ImageFolder tree, resumable after a kill and split across machines (`shaderbank
export`). A stage above curate: it renders in watched workers and uses curate's rule for
a constant image."""

from shaderbank.export.job import ExportReport, manifest_path, run_export
from shaderbank.export.plan import ExportPlan, ExportSettings, Part
from shaderbank.export.writers import WRITERS

__all__ = [
    "WRITERS",
    "ExportPlan",
    "ExportReport",
    "ExportSettings",
    "Part",
    "manifest_path",
    "run_export",
]
