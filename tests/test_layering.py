"""The layering holds: the contract, the service layer and what serves HTTP import no ML library, and no package of
giclee imports one that imports it back."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import giclee

SRC = Path(giclee.__file__).parent
HEAVY = ("torch", "diffusers", "transformers", "skia")
LIGHT = [
    "giclee.config",
    "giclee.contract.backend",
    "giclee.contract.errors",
    "giclee.contract.registry",
    "giclee.contract.request",
    "giclee.service.service",
    "giclee.api.app",
    "giclee.api.server",
    "giclee.cli.main",
    "giclee.storage.factory",
    "giclee.storage.s3",
    "giclee.engine.engine",
]
"""Modules that name requests, results, errors and backends, or serve them, and so must not need an ML library."""


def _loaded_after(modules: list[str], then: str = "") -> list[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n    importlib.import_module(name)\n"
        f"{then}\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_contract_service_api_cli_and_stores_import_no_ml_library() -> None:
    assert _loaded_after(LIGHT) == []


def test_ray_ingress_imports_no_ml_library() -> None:
    assert _loaded_after(["giclee.rayserve.backend", "giclee.rayserve.deployments"]) == []


def test_an_app_over_the_bundled_model_is_built_without_one(tmp_path: Path) -> None:
    """Building the app (not warming it) needs no ML library: the engine loads each runner's code with its model."""
    build = (
        "from giclee.api.app import create_app\nfrom giclee.config import Settings\n"
        f"create_app(Settings(data_dir={str(tmp_path)!r}))"
    )
    assert _loaded_after([], then=build) == []


def test_the_cli_answers_help_without_one() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "giclee.cli", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "80"},
    )
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    assert not imported & set(HEAVY)
    assert "Usage: python -m giclee.cli" in done.stdout or "Usage: giclee" in done.stdout, done.stdout
    assert max(len(line) for line in done.stdout.splitlines()) <= 80


def _imports(path: Path) -> set[str]:
    """Every giclee module a file imports: at module level, in functions and under TYPE_CHECKING alike."""
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name for name in names if name == "giclee" or name.startswith("giclee.")}


def _package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC)
        package = relative.parts[0].removesuffix(".py") if len(relative.parts) > 1 else relative.stem
        for imported in _imports(path):
            other = _package_of(imported)
            if other and other != package:
                graph.setdefault(package, set()).add(other)
        graph.setdefault(package, set())
    return graph


def test_config_imports_nothing_of_giclee() -> None:
    assert _imports(SRC / "config.py") == set()


def test_no_package_imports_one_that_imports_it_back() -> None:
    graph = _package_graph()
    cycles = []

    def visit(package: str, path: list[str]) -> None:
        for other in sorted(graph[package]):
            if other in path:
                cycles.append([*path[path.index(other) :], other])
            elif other in graph:
                visit(other, [*path, other])

    for package in sorted(graph):
        visit(package, [package])
    assert cycles == [], cycles


def test_the_contract_and_the_service_depend_on_no_adapter() -> None:
    graph = _package_graph()
    assert graph["contract"] <= {"config", "controls", "models"}
    assert not graph["service"] & {"api", "cli", "rayserve", "engine", "illustrator"}


def _all_imports(path: Path) -> set[str]:
    """Every module a file imports, giclee's or not, at any level."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_service_and_the_contract_import_no_http_framework() -> None:
    """The HTTP types stay in the adapters (giclee.api): the service layer is what the CLI and Ray use too."""
    found = {
        f"{path.relative_to(SRC)}: {name}"
        for package in ("service", "contract")
        for path in (SRC / package).rglob("*.py")
        for name in _all_imports(path)
        if name.split(".")[0] in {"fastapi", "starlette", "uvicorn", "httpx"}
    }
    assert found == set()
