"""Configuration: TOML under environment, token lists, model id checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from giclee.config import load_settings


def test_toml_then_environment_then_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    path.write_text('port = 9000\nqueue_depth = 3\n[[models]]\nname = "m"\nsource = "/x"\n')
    monkeypatch.setenv("GICLEE_QUEUE_DEPTH", "5")
    monkeypatch.setenv("GICLEE_API_TOKENS", "one, two,,three")
    settings = load_settings(path, port=9100)
    assert settings.queue_depth == 5  # environment beats the file
    assert settings.port == 9100  # a CLI flag beats both
    assert [t.get_secret_value() for t in settings.api_tokens] == ["one", "two", "three"]
    assert [m.name for m in settings.models] == ["m"]


def test_defaults_serve_the_bundled_model_under_all_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GICLEE_API_TOKENS", raising=False)
    settings = load_settings()
    assert settings.host == "127.0.0.1" and settings.port == 8787 and settings.api_tokens == []
    assert settings.models[0].source == "bundled"
    assert settings.models[0].ids == [
        "recraftv4_1_utility_pro",
        "recraftv4_1_utility_pro_raster",
        "recraft/recraftv4-1-utility-pro",
    ]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[models]]\nname = "a"\nsource = "x"\n[[models]]\nname = "b"\naliases = ["a"]\nsource = "y"\n', "used twice"),
        ('default_model = "zzz"\n', "not a configured model id"),
        ("port = 70000\n", "less than or equal to 65535"),
        ("unknown_key = 1\n", "Extra inputs are not permitted"),
        ('[[models]]\nname = "a"\nsource = "x"\ndtype = "int8"\n', "dtype"),
    ],
)
def test_bad_configuration_is_refused(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(toml)
    with pytest.raises(ValidationError, match=message):
        load_settings(path)
