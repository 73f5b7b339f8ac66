"""The layering of ../shared/DESIGN.md, checked on the source: pretrain stands on
shaderbank and never the reverse; inside shaderbank a stage imports only itself and the
stages before it; no module reaches into another package's private module; no import
cycle anywhere. Every import counts, also those inside functions or under
TYPE_CHECKING: a lazy import still ties the two modules together."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("shaderbank", "pretrain")
# The stages of shaderbank in the order of the flow of data. Modules directly in
# shaderbank/ (errors, paths, files, machine) are the ground every stage stands on.
STAGES = ("program", "sources", "bank", "render", "workers", "curate", "export", "analysis", "cli")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def find_modules(root: Path) -> dict[str, Path]:
    return {
        module_name(path, root): path
        for package in PACKAGES
        for path in sorted((root / package).rglob("*.py"))
    }


def imported_modules(name: str, path: Path, known: Iterable[str]) -> Iterator[str]:
    """The project modules `name` imports. `from pkg import x` names the submodule
    pkg.x when there is one, else pkg itself."""
    known = set(known)
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in PACKAGES:
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            if base.split(".")[0] not in PACKAGES:
                continue
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield submodule if submodule in known else base


def import_graph(root: Path) -> dict[str, set[str]]:
    modules = find_modules(root)
    return {
        name: {target for target in imported_modules(name, path, modules) if target != name}
        for name, path in modules.items()
    }


def stage_of(module: str) -> int | None:
    """Position of a shaderbank module's stage (-1: the ground), None outside it."""
    parts = module.split(".")
    if parts[0] != "shaderbank":
        return None
    if len(parts) > 1 and parts[1] in STAGES:
        return STAGES.index(parts[1])
    return -1


def is_private(module: str) -> bool:
    return any(part.startswith("_") for part in module.split(".")[1:])


def owner_of_private(module: str) -> str:
    """The package a private module belongs to: the part before its first private name."""
    parts = module.split(".")
    first = next(i for i, part in enumerate(parts) if i > 0 and part.startswith("_"))
    return ".".join(parts[:first])


def violations(graph: dict[str, set[str]]) -> list[str]:
    found = []
    for source, targets in sorted(graph.items()):
        for target in sorted(targets):
            if source.startswith("shaderbank") and target.startswith("pretrain"):
                found.append(f"{source} imports {target}: shaderbank never imports pretrain")
            here, there = stage_of(source), stage_of(target)
            if here is not None and there is not None and there > here:
                found.append(
                    f"{source} imports {target}: stage {STAGES[there]} comes after "
                    f"{STAGES[here] if here >= 0 else 'the ground'}"
                )
            if is_private(target):
                owner = owner_of_private(target)
                if source != owner and not source.startswith(owner + "."):
                    found.append(f"{source} imports {target}, private to {owner}")
    found.extend(f"import cycle: {' -> '.join(cycle)}" for cycle in cycles(graph))
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_the_project_keeps_its_layers() -> None:
    graph = import_graph(ROOT)
    assert len(graph) > 50, "no modules found: the checker looks in the wrong place"
    assert violations(graph) == []


def test_every_stage_is_a_package_of_shaderbank() -> None:
    for stage in STAGES:
        assert (ROOT / "shaderbank" / stage / "__init__.py").is_file(), stage


def write_tree(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"shaderbank/bank/store.py": "from pretrain.data import stream\n"},
            "shaderbank never imports pretrain",
        ),
        (
            {"shaderbank/bank/store.py": "def f():\n    from shaderbank.curate import checks\n"},
            "stage curate comes after bank",
        ),
        (
            {"pretrain/data/stream.py": "from shaderbank.workers import _pipes\n"},
            "private to shaderbank.workers",
        ),
        (
            {
                "shaderbank/render/a.py": "from shaderbank.render import b\n",
                "shaderbank/render/b.py": "import shaderbank.render.a\n",
            },
            "import cycle: shaderbank.render.a -> shaderbank.render.b",
        ),
    ],
)
def test_the_checker_finds_each_kind_of_violation(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    base = {f"{package}/__init__.py": "" for package in PACKAGES}
    base |= {f"shaderbank/{stage}/__init__.py": "" for stage in STAGES}
    base |= {"pretrain/data/__init__.py": "", "shaderbank/workers/_pipes.py": ""}
    write_tree(tmp_path, base | files)
    found = violations(import_graph(tmp_path))
    assert any(expected in line for line in found), found


def test_the_checker_accepts_imports_that_go_down_the_stack(tmp_path: Path) -> None:
    base = {f"shaderbank/{stage}/__init__.py": "" for stage in STAGES}
    write_tree(
        tmp_path,
        base
        | {
            "shaderbank/__init__.py": "",
            "shaderbank/errors.py": "",
            "shaderbank/workers/_pipes.py": "",
            "shaderbank/workers/pool.py": "from shaderbank.workers._pipes import x\n",
            "shaderbank/curate/checks.py": "from shaderbank.render import y\n"
            "from shaderbank.errors import E\n",
            "pretrain/__init__.py": "from shaderbank.curate import checks\n",
        },
    )
    assert violations(import_graph(tmp_path)) == []
