"""The studio in a real browser: Debian's Chromium driven by Playwright's Python package.

`python -m pipeline studio` runs as a producer starts it; the page lists chapter 1's lines,
plays a take, changes a direction and renders; then only that line's take is new.
"""
from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from studio_project import tiny_project

from pipeline.run.episode import make_episode

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/run installs it)")


def free_port() -> int:
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def studio(tmp_path):
    project = tiny_project(tmp_path / "proj")
    make_episode(project, 1, workers=2, log=lambda *_: None, check=False)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "pipeline", "--project", str(project.root), "studio",
                               "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        banner = server.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in banner, banner
        url = f"http://127.0.0.1:{port}/"
        for _ in range(100):        # uvicorn listens a moment after the banner
            try:
                urllib.request.urlopen(url + "api/meta", timeout=1).read()
                break
            except OSError:
                import time
                time.sleep(0.1)
        yield project, url
    finally:
        server.terminate()
        server.wait(timeout=10)


def lines(url: str) -> dict:
    import json
    with urllib.request.urlopen(url + "api/chapters/1/lines", timeout=10) as response:
        return {line["id"]: line for line in json.load(response)}


def take_bytes(url: str, line: dict) -> bytes:
    with urllib.request.urlopen(url + line["take_url"].lstrip("/"), timeout=10) as response:
        return response.read()


def test_producer_fixes_one_line_in_the_browser(studio):
    sync_api = pytest.importorskip("playwright.sync_api")
    project, url = studio
    before = lines(url)
    before_audio = {i: take_bytes(url, line) for i, line in before.items() if line["take_url"]}
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=["--autoplay-policy=no-user-gesture-required", "--no-sandbox"])
        try:
            page = browser.new_page()
            errors = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            # 1-2. open the studio on chapter 1 and see its lines
            page.goto(url + "#/script/1")
            page.wait_for_selector(".line[data-id='s2-forest.0']")
            texts = page.locator(".line .text").all_inner_texts()
            assert texts == [line["text"] or line["name"] for line in before.values()]
            assert page.locator(".line[data-id='s1-hospital.2'] .speaker").inner_text() == "Naruto"
            assert page.locator(".scene-head").first.inner_text().startswith("hospital")
            # 3. play a take: the player loads that line's take and its time advances
            page.click(".line[data-id='s1-hospital.2'] .play-line")
            page.wait_for_function("() => { const p = document.querySelector('#take-player');"
                                   " return p.currentTime > 0.2 || p.ended; }", timeout=20000)
            assert page.eval_on_selector("#take-player", "p => p.src").endswith(before["s1-hospital.2"]["take_url"])
            # ... and the episode from a line: the player seeks to the line's time in cues.json
            page.click(".line[data-id='s2-forest.0'] .play-from")
            start_s = before["s2-forest.0"]["start_s"]
            page.wait_for_function(f"() => document.querySelector('#episode-player').currentTime > {start_s + 0.2}",
                                   timeout=20000)
            page.eval_on_selector("#episode-player", "p => p.pause()")
            # 4. change a direction
            page.click(".line[data-id='s1-hospital.2'] .edit-line")
            page.fill(".line[data-id='s1-hospital.2'] input[name=direction]", "whisper")
            page.click(".line[data-id='s1-hospital.2'] button[type=submit]")
            page.wait_for_selector(".line[data-id='s1-hospital.2'] .flag.warn:text('changed')")
            assert "direction: whisper" in project.script(1).read_text()
            # 5. render, with progress shown until it is done
            page.click("#render-button")
            page.wait_for_function("() => document.querySelector('#render-status').textContent.startsWith('rendered')",
                                   timeout=240000)
            status = page.inner_text("#render-status")
            assert status.startswith("rendered: 1 synthesized, 3 from cache"), status
            page.wait_for_selector(".line[data-id='s1-hospital.2'] .play-line:not([hidden])")
            assert page.locator(".flag.warn:text('changed')").count() == 0
            # 6. only that line's take changed, and the page plays the new one
            after = lines(url)
            changed = [i for i in after if after[i]["take_url"] != before[i]["take_url"]]
            assert changed == ["s1-hospital.2"]
            for i, audio in before_audio.items():
                assert (take_bytes(url, after[i]) == audio) == (i != "s1-hospital.2"), i
            page.click(".line[data-id='s1-hospital.2'] .text")
            page.wait_for_function("() => document.querySelector('#take-player').currentTime > 0.2", timeout=20000)
            assert page.eval_on_selector("#take-player", "p => p.src").endswith(after["s1-hospital.2"]["take_url"])
            assert errors == []
        finally:
            browser.close()
