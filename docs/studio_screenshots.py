"""Screenshots of the studio's three views for the README, taken with Debian's headless Chromium.

    .venv/bin/python docs/studio_screenshots.py [--project .] [--chapter 1]

Starts `python -m pipeline studio` on a free port, opens each view and writes
docs/studio-chapters.png, docs/studio-script.png and docs/studio-cast.png.
"""
from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", default=".")
    parser.add_argument("--chapter", type=int, default=1)
    args = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen([sys.executable, "-m", "pipeline", "--project", args.project, "studio", "--port", str(port)])
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "api/meta", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1200, "height": 860})
            page.goto(url + "#/chapters")
            page.wait_for_selector("#chapter-table tbody tr")
            page.screenshot(path=str(DOCS / "studio-chapters.png"))
            page.goto(url + f"#/script/{args.chapter}")
            page.wait_for_selector(".line")
            # open the first dialogue line's editor, as a producer fixing it would see it
            page.locator(".line.dialogue .edit-line").first.click()
            page.locator(".line.dialogue").first.evaluate("line => line.closest('.scene').scrollIntoView()")
            page.screenshot(path=str(DOCS / "studio-script.png"))
            page.goto(url + "#/cast")
            page.wait_for_selector(".voice")
            # the voices' nearest neighbours take a while the first time (each reads a few sentences)
            page.wait_for_function("() => !document.querySelector('#close-voices').textContent.includes('measuring')",
                                   timeout=600000)
            page.locator(".voice summary").first.click()
            page.screenshot(path=str(DOCS / "studio-cast.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    for name in ("chapters", "script", "cast"):
        print(DOCS / f"studio-{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
