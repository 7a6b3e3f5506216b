"""The playground page: served without a token, and driven in a real Chromium against a live server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from tests.conftest import WAIT, live_server, need_system_file

from giclee.api.playground.api_router import _content_security_policy
from giclee.config import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "playground-secret"


@pytest.fixture(scope="module")
def bundled_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The default settings (the bundled model) behind a token, as a user would run it."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("playground-data"), offline=True, rate_limit_per_minute=0, api_tokens=[TOKEN]
    )
    assert settings.models[0].source == "bundled"
    with live_server(settings) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    need_system_file(CHROMIUM, "chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_page_needs_no_token_and_other_routes_keep_their_error_shapes(bundled_server: str) -> None:
    page = httpx.get(f"{bundled_server}/", timeout=WAIT)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert '<label for="prompt">' in page.text
    for asset in ("playground.js", "playground.css"):
        assert httpx.get(f"{bundled_server}/playground/{asset}", timeout=WAIT).status_code == 200
    assert httpx.get(f"{bundled_server}/playground/nope.js", timeout=WAIT).json()["code"] == "not_found"
    assert httpx.get(f"{bundled_server}/v1/models", timeout=WAIT).json()["code"] == "unauthorized"
    assert httpx.post(f"{bundled_server}/", timeout=WAIT).json()["code"] == "method_not_allowed"
    unified = httpx.post(f"{bundled_server}/client/v4/accounts/a/ai/run", json={}, timeout=WAIT)
    assert unified.json()["state"] == "Failed"


def _generate(page: Page) -> None:
    page.get_by_role("button", name="Generate").click()


def test_generate_in_a_real_browser(bundled_server: str, browser: Browser, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(bundled_server)

    # without a token, the server's 401 message shows at the token field
    expect(page.locator("#token-error")).to_contain_text("Bearer")
    expect(page.get_by_label("API token")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("API token").fill(TOKEN)
    page.get_by_label("API token").press("Enter")
    expect(page.get_by_label("Model")).to_have_value("recraftv4_1_utility_pro")
    expect(page.locator("#token-error")).to_be_hidden()
    assert page.evaluate("localStorage.getItem('giclee.token')") == TOKEN

    page.get_by_label("Prompt", exact=True).fill("a red circle on a yellow background, flat illustration")
    page.get_by_label("Size").select_option("3072x1536")
    page.get_by_label("Style", exact=True).select_option("digital_illustration")
    expect(page.get_by_label("Substyle").locator("option")).to_contain_text(["None", "Hand drawn"])
    page.get_by_label("Substyle").select_option("hand_drawn")
    page.get_by_role("button", name="Add colour").click()
    page.get_by_label("Palette colour 1", exact=True).fill("#d02020")
    page.get_by_label("Use a background colour").check()
    page.get_by_label("Background colour", exact=True).fill("#f0d000")
    page.get_by_label("Seed").fill("7")
    _generate(page)
    expect(page.get_by_role("status")).to_contain_text("Generating")

    image = page.locator("#result-image")
    expect(image).to_be_visible(timeout=120_000)
    natural = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert natural == [3072, 1536]
    expect(page.locator("#meta-seed")).to_have_text("7")
    expect(page.locator("#meta-type")).to_have_text("PNG")
    download = page.get_by_role("link", name="Download")
    assert download.get_attribute("href").startswith("blob:")
    assert download.get_attribute("download") == "giclee-7-3072x1536.png"
    expect(page.locator("#history li")).to_have_count(1)
    # shown at its real aspect ratio, scaled to fit
    box = image.bounding_box()
    assert box is not None and abs(box["width"] / box["height"] - 2) < 0.02
    screenshot = tmp_path / "playground.png"
    page.screenshot(path=screenshot, full_page=True)
    print(f"screenshot: {screenshot}")

    # a size the API refuses: its message shows next to the size picker
    page.get_by_label("Size").evaluate("select => { select.add(new Option('7:3', '7:3')); select.value = '7:3'; }")
    _generate(page)
    size_error = page.locator("#size-error")
    expect(size_error).to_contain_text("size: '7:3' is not a size of this model")
    expect(page.get_by_label("Size")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#prompt-error")).to_be_hidden()

    # a blank prompt passes the browser's check but not the API's: shown at the prompt
    page.get_by_label("Size").select_option("1:1")
    page.get_by_label("Prompt", exact=True).fill("   ")
    _generate(page)
    expect(page.locator("#prompt-error")).to_have_text("prompt: must not be blank")
    expect(size_error).to_be_hidden()
    expect(image).to_be_visible()  # the last good image stays

    # six colours forced past the page's limit: the API's message shows at the palette
    page.get_by_label("Prompt", exact=True).fill("a blue square")
    page.evaluate(
        """() => {
            const list = document.getElementById('color-list');
            while (list.children.length < 6) list.append(list.firstElementChild.cloneNode(true));
        }"""
    )
    _generate(page)
    expect(page.locator("#colors-error")).to_contain_text("controls.colors: List should have at most 5 items")
    errors = tmp_path / "playground-errors.png"
    page.screenshot(path=errors, full_page=True)
    print(f"screenshot: {errors}")

    # the vector model: only vector styles offered, and the SVG shown at its size with an .svg download
    page.get_by_label("Prompt", exact=True).fill("a heart")
    page.evaluate("() => { const l = document.getElementById('color-list'); l.replaceChildren(l.firstElementChild); }")
    page.get_by_label("Model").select_option("recraftv4_1_utility_pro_vector")
    styles = page.get_by_label("Style", exact=True).locator("option")
    expect(styles).to_have_text(["Default", "Any", "Vector illustration", "Icon"])
    page.get_by_label("Style", exact=True).select_option("icon")
    page.get_by_label("Size").select_option("2:1")
    _generate(page)
    expect(page.locator("#meta-type")).to_have_text("SVG", timeout=120_000)
    assert image.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [3072, 1536]
    assert page.get_by_role("link", name="Download").get_attribute("download").endswith(".svg")
    vector = tmp_path / "playground-vector.png"
    page.screenshot(path=vector, full_page=True)
    print(f"screenshot: {vector}")

    # narrow screen: one column, nothing wider than the viewport
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    narrow = tmp_path / "playground-narrow.png"
    page.screenshot(path=narrow, full_page=True)
    print(f"screenshot: {narrow}")
    page.close()


def test_page_may_fetch_results_from_the_s3_endpoint_and_the_public_url() -> None:
    s3 = Settings(store="s3", s3={"bucket": "b", "endpoint_url": "http://127.0.0.1:9000"}, public_url="https://x.io/g")
    connect = next(part for part in _content_security_policy(s3).split("; ") if part.startswith("connect-src"))
    assert connect == "connect-src 'self' https://x.io http://127.0.0.1:9000"
    assert "amazonaws.com" in _content_security_policy(Settings(store="s3", s3={"bucket": "b"}))
    assert "connect-src 'self';" in _content_security_policy(Settings())
