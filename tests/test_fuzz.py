"""Property-based fuzzing of every operation in the app's own /openapi.json (schemathesis), against a live server.

Valid and invalid requests alike must never get a 5xx; what a response documents (status, media type, schema)
must hold; invalid input must be refused with a 4xx. The tiny model at the 1k size table and one step keeps a
generation to milliseconds, so the whole run stays around a minute on two cores.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import APIOperation, GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
)
from tests.conftest import CF_MODEL, RECRAFT_MODEL, live_server, make_settings

from giclee.config import ModelSpec

EXAMPLES_PER_OPERATION = 100  # per mode (valid, invalid); operations without inputs stop after a few
MIN_CASES = 1_000
CHECKS = [
    schemathesis.checks.not_a_server_error,
    response_schema_conformance,
    content_type_conformance,
]


@pytest.fixture(scope="module")
def base(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    spec = ModelSpec(name=RECRAFT_MODEL, aliases=[CF_MODEL], source=str(tiny_model_dir), steps=1, size_group="1k")
    data = tmp_path_factory.mktemp("fuzz")
    with live_server(make_settings(tiny_model_dir, data, models=[spec], png_compress_level=0)) as url:
        yield url


def fuzz(base: str, operation: APIOperation, mode: GenerationMode, statuses: Counter[int]) -> int:
    """Run one operation's generated cases in one mode; returns how many were sent."""
    checks = [*CHECKS, negative_data_rejection] if mode is GenerationMode.NEGATIVE else CHECKS
    sent = 0

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case) -> None:
        nonlocal sent
        response = case.call_and_validate(base_url=base, checks=checks, timeout=60)
        sent += 1
        statuses[response.status_code] += 1

    run()
    return sent


@pytest.mark.slow
def test_fuzz_every_operation(base: str) -> None:
    schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
    calls: Counter[str] = Counter()
    statuses: Counter[int] = Counter()
    no_invalid: list[str] = []
    started = time.perf_counter()
    for result in schema.get_all_operations():
        operation = result.ok()
        calls[operation.label] += fuzz(base, operation, GenerationMode.POSITIVE, statuses)
        try:
            calls[operation.label] += fuzz(base, operation, GenerationMode.NEGATIVE, statuses)
        except Unsatisfiable:  # every input it has takes any value (or it has none): nothing invalid to send
            no_invalid.append(operation.label)
    seconds = time.perf_counter() - started
    total = sum(calls.values())
    print(f"\nfuzz: {total} cases, {len(calls)} operations, {seconds:.1f} s; statuses {dict(sorted(statuses.items()))}")
    for label, count in sorted(calls.items()):
        print(f"  {count:5d}  {label}{' (valid cases only)' if label in no_invalid else ''}")
    assert total >= MIN_CASES
    assert not [status for status in statuses if status >= 500]
