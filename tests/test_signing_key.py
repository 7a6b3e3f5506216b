"""The key that signs result links: made whole or not at all, never used when empty or short, and a refusal that
says what to do."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from giclee.cli.main import app
from giclee.config import MIN_SIGNING_KEY, Settings
from giclee.storage.signing import SigningKeyError, load_or_create_key


@pytest.mark.parametrize("left", [b"", b"k" * (MIN_SIGNING_KEY - 1)])
def test_an_empty_or_short_key_file_is_refused_with_what_to_do(tmp_path: Path, left: bytes) -> None:
    """What a first start on a full disk used to leave: the next start signed links with it (b"" forges any)."""
    (tmp_path / "signing.key").write_bytes(left)
    with pytest.raises(SigningKeyError, match=f"holds {len(left)} bytes.*Delete it.*or set signing_key"):
        load_or_create_key(tmp_path / "signing.key")


def test_a_key_that_cannot_be_written_leaves_no_file(tmp_path: Path) -> None:
    """A real failed write, not a mock: the process may create files but not write a byte into them (RLIMIT_FSIZE,
    as a full disk would fail the write), in a child so the limit does not reach this test process."""
    script = textwrap.dedent(
        f"""
        import resource, signal
        from pathlib import Path
        from giclee.storage.signing import SigningKeyError, load_or_create_key
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
        try:
            load_or_create_key(Path({str(tmp_path / "data" / "signing.key")!r}))
        except SigningKeyError as exc:
            print(exc)
        """
    )
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert "cannot write a new key" in child.stdout and "File too large" in child.stdout
    assert list((tmp_path / "data").iterdir()) == []  # no empty key, no partial file
    key = load_or_create_key(tmp_path / "data" / "signing.key")  # the next start, with room, makes a whole one
    assert len(key) == MIN_SIGNING_KEY and (tmp_path / "data" / "signing.key").read_bytes() == key


def test_giclee_serve_refuses_an_empty_key_and_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "signing.key").write_bytes(b"")
    monkeypatch.setenv("GICLEE_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["serve", "--port", "0"])
    assert result.exit_code == 2
    assert "signing key" in result.output and "Delete it" in result.output


def test_a_configured_key_must_be_long_enough(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"at least 32 bytes.*openssl rand -hex 32"):
        Settings(data_dir=tmp_path, signing_key="short")
    assert Settings(data_dir=tmp_path, signing_key="k" * 32).signing_key is not None
