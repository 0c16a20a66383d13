"""End to end in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
start `streamlit run app.py`, ask a question, see the cited answer, save a screenshot."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run must install Debian's chromium")
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    port = _free_port()
    env = {**os.environ, "SHANXI_POLICY_HISTORY_DB": str(tmp_path_factory.mktemp("h") / "h.sqlite3")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def _settle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has finished the script run (its status widget disappears)."""
    page.wait_for_timeout(500)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=60_000)
    page.wait_for_timeout(1500)


def test_ask_in_a_real_browser(server):
    from playwright.sync_api import sync_playwright

    # `make screenshots` writes them to docs/ for the README; a plain test run keeps them in var/.
    shots = Path(os.environ.get("SHANXI_POLICY_SCREENSHOTS", ROOT / "var" / "screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server + "/", wait_until="domcontentloaded")
        box = page.get_by_placeholder("请输入问题", exact=False)
        box.wait_for(timeout=60_000)
        box.fill("到2030年非化石能源比重要达到多少？")
        box.press("Enter")
        page.get_by_text("（四）加快能源体系清洁低碳转型", exact=False).first.wait_for(timeout=60_000)
        # The quoted answer is an HTML element, whose script the page loads with the first answer.
        page.locator(".sp-quote").first.wait_for(timeout=60_000)
        body = page.inner_text("body")
        assert "18%" in body and "答" in body
        _settle(page)
        page.screenshot(path=str(shots / "page_ask.png"), full_page=True)
        # The other pages, for the README.
        page.goto(server + "/check", wait_until="domcontentloaded")
        area = page.get_by_placeholder("项目名称", exact=False)
        area.wait_for(timeout=60_000)
        area.fill("项目名称：年产100万吨焦化项目。建设地点：介休市。供热采用燃煤锅炉。原料煤采用国四柴油货车运输。")
        # Streamlit's uploader says "Upload" and "50MB per file"; the page draws Chinese over them.
        drop = page.locator('[data-testid="stFileUploaderDropzone"]').first
        drop.wait_for(timeout=60_000)
        after = drop.evaluate("""e => [e.querySelector('button p'), e.querySelector(
            '[data-testid=stFileUploaderDropzoneInstructions] span')].map(
            x => getComputedStyle(x, '::after').content + '|' + getComputedStyle(x).fontSize)""")
        assert after[0].startswith('"选择文件"') and after[0].endswith("|0px"), after
        assert "不超过 50 MB" in after[1] and after[1].endswith("|0px"), after
        page.get_by_role("button", name="开始审查").click()
        page.get_by_text("总体结论：存在与政策冲突的内容").first.wait_for(timeout=60_000)
        _settle(page)
        page.screenshot(path=str(shots / "page_check.png"), full_page=True)
        page.goto(server + "/browse?clause=meili_shanxi_shishi_yijian%3Ac8", wait_until="domcontentloaded")
        page.get_by_text("下一条", exact=False).first.wait_for(timeout=60_000)
        _settle(page)
        page.screenshot(path=str(shots / "page_browse_clause.png"), full_page=True)
        page.goto(server + "/browse", wait_until="domcontentloaded")
        page.get_by_role("tab", name="量化目标").click()
        page.get_by_text("各目标年份的量化目标数").first.wait_for(timeout=60_000)
        _settle(page)
        page.screenshot(path=str(shots / "page_browse_targets.png"), full_page=True)
        page.goto(server + "/manage", wait_until="domcontentloaded")
        page.get_by_text("已有文档").first.wait_for(timeout=60_000)
        _settle(page)
        page.screenshot(path=str(shots / "page_manage.png"), full_page=True)
        # A bookmarked "/ask" opens the question page, not Streamlit's English "Page not found".
        page.goto(server + "/ask", wait_until="domcontentloaded")
        page.get_by_placeholder("请输入问题", exact=False).wait_for(timeout=60_000)
        _settle(page)
        assert "Page not found" not in page.inner_text("body")
        browser.close()
