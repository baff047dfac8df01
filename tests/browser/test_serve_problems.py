"""`cluster-plans serve` in a browser: a broken plan shows as a banner on every page, in the page's
language, naming the file and line with the fix, and goes once the plan is fixed; closed tabs leave no
traceback; a port or host it cannot use is one clear line."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from site_testing import site_repo

PLAN = "betsi-cadwaladr/north-east-flintshire/2023-24"
OTHER_PLAN = "betsi-cadwaladr/north-west-flintshire/2022-23"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
BANNER = "#cp-preview-problems"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError("timed out")


class Serve:
    """`cluster-plans serve` running in its own process, its output kept in a file."""

    def __init__(self, root: Path, port: int, log: Path):
        self.log_path = log
        self.log = open(log, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--root", str(root), "--port", str(port)],
            stdout=self.log, stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{port}/"

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        self.log.close()
        return self.output()


@pytest.fixture
def serve(tmp_path):
    started: list[Serve] = []

    def start(root: Path, port: int | None = None) -> Serve:
        server = Serve(root, port or free_port(), tmp_path / f"serve-{len(started)}.log")
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def assert_no_traceback(output: str) -> None:
    assert "Traceback" not in output, output
    assert "BrokenPipeError" not in output, output
    assert "ConnectionResetError" not in output, output


def test_a_broken_plan_shows_in_a_banner_until_it_is_fixed(tmp_path, serve, browser):
    root = site_repo(tmp_path / "repo")
    plan = root / "clusters" / PLAN / "plan.yaml"
    good = plan.read_text(encoding="utf-8")
    line = good.splitlines().index("    status: ongoing") + 1
    server = serve(root)
    wait_for(lambda: status_of(server.base + PLAN + "/") == 200, timeout=120)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.base + PLAN + "/")
    assert page.locator(BANNER).count() == 0

    plan.write_text(good.replace("    status: ongoing", "    status: finishd", 1), encoding="utf-8")
    # The page reloads by itself once the preview has rebuilt.
    banner = page.locator(BANNER)
    banner.wait_for(timeout=30_000)
    assert banner.get_attribute("role") == "alert"
    text = banner.inner_text()
    assert f"clusters/{PLAN}/plan.yaml:{line}" in text, text
    assert "'finishd' is not a known activity status" in text, text
    assert "How to fix it: Use one of: planned; started; ongoing; delayed; completed; stopped." in text, text
    assert "Problems to fix: 1" in text, text
    # The code links to its entry in the problem reference, in the page's language.
    code = banner.get_by_role("link", name="vocabulary-unknown")
    assert code.get_attribute("href") == "/guide/problems/#vocabulary-unknown"
    # The last good version of the plan stays on the page below the banner.
    assert "North East Flintshire" in page.locator("h1").first.inner_text()
    # The preview goes on rebuilding the other languages and the overviews, reloading the page each
    # time: the banner stays through all of them.
    time.sleep(5)
    page.locator(BANNER).wait_for(timeout=10_000)
    assert f"plan.yaml:{line}" in page.locator(BANNER).inner_text()
    # Seen, not merely present: the reload must not leave the banner scrolled out of sight.
    assert page.evaluate(f"document.querySelector('{BANNER}').getBoundingClientRect().top") >= 0
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "serve-banner-en.png"))

    welsh = context.new_page()
    welsh.goto(server.base + "cy/" + PLAN + "/")
    cy_banner = welsh.locator(BANNER)
    cy_banner.wait_for(timeout=10_000)
    assert cy_banner.get_attribute("lang") == "cy"
    cy_text = cy_banner.inner_text()
    assert "Problemau i'w cywiro: 1" in cy_text, cy_text
    assert "Sut i'w gywiro:" in cy_text, cy_text
    assert f"plan.yaml:{line}" in cy_text, cy_text
    # The problem itself in Welsh, as validate --language cy says it: message and hint.
    assert "vocabulary-unknown: term anhysbys (statws gweithgaredd): 'finishd'" in cy_text, cy_text
    assert ("Sut i'w gywiro: Defnyddiwch un o'r rhain: planned; started; ongoing; delayed; completed; stopped."
            in cy_text), cy_text
    assert "How to fix it:" not in cy_text, cy_text
    assert "is not a known" not in cy_text and "Use one of" not in cy_text, cy_text
    cy_code = cy_banner.get_by_role("link", name="vocabulary-unknown")
    assert cy_code.get_attribute("href") == "/cy/guide/problems/#vocabulary-unknown"
    welsh.screenshot(path=str(SCREENSHOTS / "serve-banner-cy.png"))
    # The reference entry the code links to is there, in Welsh.
    cy_code.click()
    welsh.wait_for_url("**/cy/guide/problems/#vocabulary-unknown")
    assert welsh.locator("#vocabulary-unknown").is_visible()
    assert "Term nad yw yn yr eirfa reoledig" in welsh.locator("main").inner_text()
    welsh.goto(server.base + "cy/" + PLAN + "/")

    plan.write_text(good, encoding="utf-8")
    page.wait_for_function(f"!document.querySelector('{BANNER}')", timeout=30_000)
    welsh.wait_for_function(f"!document.querySelector('{BANNER}')", timeout=30_000)

    context.close()
    # The closed tabs' reload requests are still held open by the server: an edit answers them all at
    # once, into connections the browser has closed.
    prose = root / "clusters" / PLAN / "challenges.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\nHeron.\n", encoding="utf-8")
    time.sleep(4)
    assert_no_traceback(server.stop())


def test_a_plan_broken_at_start_leaves_the_others_served_with_the_banner(tmp_path, serve, page):
    root = site_repo(tmp_path / "repo")
    plan = root / "clusters" / PLAN / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("    status: ongoing", "    status: finishd", 1),
                    encoding="utf-8")
    server = serve(root)
    wait_for(lambda: status_of(server.base + OTHER_PLAN + "/") == 200, timeout=120)
    assert server.process.poll() is None, server.output()

    page.goto(server.base + OTHER_PLAN + "/")
    assert "North West Flintshire" in page.locator("h1").first.inner_text()
    assert f"clusters/{PLAN}/plan.yaml:" in page.locator(BANNER).inner_text()
    # The broken plan has no good version yet: its address shows the problems instead.
    response = page.goto(server.base + PLAN + "/")
    assert response is not None and response.status == 404
    assert page.locator(BANNER).count() == 1
    assert "finishd" in page.locator(BANNER).inner_text()
    assert "There is no good version of this page yet" in page.locator("main").inner_text()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "serve-unavailable-en.png"))
    assert_no_traceback(server.stop())


def test_a_busy_port_moves_the_preview_to_the_next_free_one(tmp_path, serve):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = serve(site_repo(tmp_path / "repo"), port)
        wait_for(lambda: "Previewing on" in server.output() or server.process.poll() is not None, timeout=120)
        output = server.output()
        assert f"Port {port} is in use; the preview uses port " in output, output
        moved = int(output.split("Previewing on http://127.0.0.1:")[1].split("/")[0])
        assert moved != port
        assert status_of(f"http://127.0.0.1:{moved}/{PLAN}/") == 200
    assert_no_traceback(server.stop())


@pytest.mark.parametrize("option, value, code, words", [
    ("--port", "70000", 2, ["70000", "--port"]),
    ("--host", "no.such.host.invalid", 1, ["no.such.host.invalid", "--host 127.0.0.1"]),
])
def test_a_port_or_host_it_cannot_use_is_one_clear_line(tmp_path, option, value, code, words):
    root = site_repo(tmp_path / "repo")
    result = subprocess.run([sys.executable, "-m", "generator", "serve", "--root", str(root), option, value],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == code, result.stdout + result.stderr
    assert_no_traceback(result.stdout + result.stderr)
    error_lines = [line for line in result.stderr.splitlines() if line.startswith(("Error", "Cannot"))]
    assert len(error_lines) == 1, result.stderr
    for word in words:
        assert word in error_lines[0], result.stderr
    assert not (root / "site").exists()
