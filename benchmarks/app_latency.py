"""App latency in a real browser (Debian chromium via Playwright) on the committed index:
the first render of every page after start-up, and the time to answer a question.
A first render is timed from navigation until the page's <h1> is shown and Streamlit's status widget is
gone (the script run has finished). The same harness also times an empty Streamlit page (one title) as
the floor that Streamlit's own scripts set on this machine; the load average is recorded with the figures.
Run: .venv/bin/python -m benchmarks.app_latency
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from .common import ROOT, WORK, save

PAGES = ["/", "/check", "/browse", "/manage"]
ROUNDS = 3
QUESTIONS = ["到2030年非化石能源比重要达到多少？", "对燃煤锅炉有什么要求？", "美丽山西什么时候基本建成？",
             "森林覆盖率目标是多少？", "化工园区初期雨水怎么处理？"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(script: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str, float]:
    """Start `streamlit run` from the project folder (its .streamlit/config.toml applies) and wait until up."""
    port = _port()
    t_start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
                             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            break
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("streamlit did not start") from None
            time.sleep(0.2)
    return proc, url, time.perf_counter() - t_start


def _first_renders(browser: Any, url: str, paths: list[str]) -> dict[str, list[float]]:
    """Each round opens the paths in order in a new browser context (nothing cached in the browser at the
    first path; the later paths reuse Streamlit's scripts, as a user going from page to page does)."""
    runs: dict[str, list[float]] = {path: [] for path in paths}
    for _ in range(ROUNDS):
        ctx = browser.new_context()
        page = ctx.new_page()
        for path in paths:
            t = time.perf_counter()
            page.goto(url + path, wait_until="domcontentloaded")
            page.wait_for_selector("h1", timeout=60_000)
            page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=60_000)
            runs[path].append(round(time.perf_counter() - t, 2))
        ctx.close()
    return runs


def main() -> None:
    from playwright.sync_api import sync_playwright

    WORK.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SHANXI_POLICY_HISTORY_DB": str(WORK / "latency_history.sqlite3")}
    empty = WORK / "empty_streamlit_page.py"
    empty.write_text('import streamlit as st\n\nst.title("空白页")\n', encoding="utf-8")
    res: dict[str, object] = {"load_average_before": [round(x, 2) for x in os.getloadavg()]}
    proc, url, server_up = _serve(ROOT / "app.py", env)
    try:
        res["server_start_s"] = round(server_up, 2)
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium",
                                  args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            # The first round also pays for the server's first page after start-up. Timings on 2 shared
            # cores vary by seconds from one load to the next, so the median of the rounds is reported
            # with the maximum.
            runs = _first_renders(b, url, PAGES)
            res["first_render_s"] = {path: round(statistics.median(v), 2) for path, v in runs.items()}
            res["first_render_max_s"] = {path: max(v) for path, v in runs.items()}
            res["first_render_rounds"] = runs
            page = b.new_page()
            page.goto(url + "/", wait_until="domcontentloaded")
            box = page.get_by_placeholder("请输入问题", exact=False)
            box.wait_for()
            times = []
            for n, q in enumerate(QUESTIONS, 1):
                box.fill(q)
                t = time.perf_counter()
                box.press("Enter")
                page.locator('[data-testid="stChatMessage"]').nth(2 * n - 1).wait_for(timeout=60_000)
                page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=60_000)
                times.append(time.perf_counter() - t)
            res["question_to_answer_s"] = {"median": round(statistics.median(times), 2), "max": round(max(times), 2)}
            proc.terminate()
            proc.wait(timeout=20)
            # The floor: an empty Streamlit page (one title) in the same harness, first in a new context
            # and then as a second page in the same context.
            proc, url, _ = _serve(empty, env)
            floor = _first_renders(b, url, ["/", "/second"])
            res["empty_page_floor_s"] = {"new_context": round(statistics.median(floor["/"]), 2),
                                         "same_context": round(statistics.median(floor["/second"]), 2)}
            res["empty_page_floor_rounds"] = floor
            b.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    res["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    p = save("app_latency", res)
    print(res, "->", p)


if __name__ == "__main__":
    main()
