"""The documentation cannot drift: the configuration reference is the generated one, and every relative link
(and its #anchor) in README.md and docs/*.md points at something that exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from giclee.cli import settings_reference

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
REFERENCE_PAGE = ROOT / "docs" / "operations.md"

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _prose(text: str) -> str:
    """The page without its fenced code blocks (code may contain `[x](y)` that is not a link)."""
    return _FENCE.sub("", text)


def _anchors(page: Path) -> set[str]:
    """GitHub's heading ids: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#{1,6}\s+(.+?)\s*$", _prose(page.read_text()), re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def test_configuration_reference_is_generated() -> None:
    text = REFERENCE_PAGE.read_text()
    begin, end = settings_reference.BEGIN, settings_reference.END
    assert begin in text and end in text, f"{REFERENCE_PAGE.name} lost its {begin} / {end} markers"
    block = text[text.index(begin) + len(begin) : text.index(end)]
    assert block == "\n" + settings_reference.markdown(), (
        "docs/operations.md: the configuration reference differs from the settings model; regenerate it with\n"
        "    giclee settings --update docs/operations.md"
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    broken = []
    for target in _LINK.findall(_prose(page.read_text())):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto: ...
            continue
        path_part, _, anchor = target.partition("#")
        resolved = (page.parent / path_part).resolve() if path_part else page
        if not resolved.exists():
            broken.append(f"{target}: no such file")
            continue
        if anchor and resolved.suffix == ".md" and anchor not in _anchors(resolved):
            broken.append(f"{target}: no heading #{anchor} in {resolved.relative_to(ROOT)}")
    assert not broken, f"{page.relative_to(ROOT)}: " + "; ".join(broken)


def test_settings_update_rewrites_only_the_marked_block(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from giclee.cli.main import app

    page = tmp_path / "page.md"
    page.write_text(f"before\n{settings_reference.BEGIN}\nstale\n{settings_reference.END}\nafter\n")
    assert CliRunner().invoke(app, ["settings", "--update", str(page)]).exit_code == 0
    expected = f"before\n{settings_reference.BEGIN}\n{settings_reference.markdown()}{settings_reference.END}\nafter\n"
    assert page.read_text() == expected

    page.write_text("no markers here\n")
    result = CliRunner().invoke(app, ["settings", "--update", str(page)])
    assert result.exit_code == 2 and page.read_text() == "no markers here\n"


def test_the_vectorize_limits_in_the_docs_are_the_codes() -> None:
    """docs/api.md once said 256 colours where the code took 64: each limit is written where the code reads it."""
    from giclee.api.recraft.serving import MAX_STRICT_COLOURS
    from giclee.imaging.vectorize import UPLOAD_FORMATS, UPLOAD_PIXELS, UPLOAD_SIDES

    text = " ".join((ROOT / "docs" / "api.md").read_text().split())
    low, high = UPLOAD_SIDES
    assert f"1 to {MAX_STRICT_COLOURS} `[r, g, b]` triples" in text
    assert f"each side {low}..{high} px and at most {UPLOAD_PIXELS // 2**20} MP" in text
    assert f"{', '.join(UPLOAD_FORMATS[:-1])} or {UPLOAD_FORMATS[-1]}" in text
