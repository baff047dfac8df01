"""The site served under a sub-path (/plans/), as GitHub Pages serves a project site: its 404 page keeps its
styles and its links, in headless Chromium."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from site_testing import site_repo
from test_accessibility import AXE

MOUNT = "/plans/"
NEF_2023 = "clusters/betsi-cadwaladr/north-east-flintshire/2023-24"
PLAN_PAGE = "betsi-cadwaladr/north-east-flintshire/2023-24/"
# Each link to a download as written in the prose, and the file of the site it reaches from either language.
DOWNLOAD_LINKS = {"activities.csv": f"{PLAN_PAGE}activities.csv",
                  "../2022-23/activities.json": "betsi-cadwaladr/north-east-flintshire/2022-23/activities.json",
                  "../../../downloads/plans.json": "downloads/plans.json",
                  "../../../downloads/activities.csv": "downloads/activities.csv"}


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site at /plans/, and its 404.html for any page it does not have, as a host does."""
    site: Path

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(MOUNT):
            return str(self.site / "__nowhere__")
        return super().translate_path("/" + path[len(MOUNT):])

    def send_head(self):
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            body = (self.site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()

    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that has what it needs of a download may close the connection before the file is sent."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def sub_path_url(tmp_path_factory):
    root = site_repo(tmp_path_factory.mktemp("sub-path") / "repo")
    # The links to downloads a lead writes as the guide says (content/guide/index.md), in an English section
    # (which the Welsh page shows too, having no Welsh version of it) and in a Welsh one.
    for section, words in (("achievements", "Download"), ("executive-summary", "Lawrlwythwch")):
        prose = root / NEF_2023 / f"{section}{'.cy' if words == 'Lawrlwythwch' else ''}.md"
        prose.write_text(prose.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + " ".join(
            f"{words} [{section}: {address}]({address})." for address in DOWNLOAD_LINKS) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root),
                             "--site-url", "https://plans.example.org/plans/"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    handler = type("Handler", (SubPathHandler,), {"site": root / "site"})
    server = QuietServer(("127.0.0.1", 0), lambda *a: handler(*a, directory=str(root / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{MOUNT}"
    server.shutdown()


def test_the_404_page_keeps_its_styles_and_links_under_a_sub_path(page, sub_path_url):
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and not r.url.endswith("/nowhere/")
            else None)
    response = page.goto(sub_path_url + "betsi-cadwaladr/nowhere/")
    assert response.status == 404
    assert page.locator("h1").first.inner_text() == "Page not found"
    assert failed == []  # every stylesheet and script loaded
    # The theme's stylesheet is applied: the header has its colour, not a browser default.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.click("a.cp-language-link")
    page.wait_for_load_state()
    assert page.url == sub_path_url + "cy/"
    assert page.locator("h1").first.inner_text().startswith("Cynlluniau clystyrau gofal sylfaenol yng Nghymru")


def test_the_welsh_404_page_links_home_under_a_sub_path(page, sub_path_url):
    page.goto(sub_path_url + "cy/404.html")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.click("a.cp-language-link")
    page.wait_for_load_state()
    assert page.url == sub_path_url


@pytest.mark.parametrize("path", ["", "cy/", "betsi-cadwaladr/north-east-flintshire/2023-24/",
                                  "cy/betsi-cadwaladr/north-east-flintshire/2023-24/"])
def test_the_language_switcher_goes_to_the_same_page(page, sub_path_url, path):
    page.goto(sub_path_url + path)
    page.click("a.cp-language-link")
    page.wait_for_load_state()
    other = path.removeprefix("cy/") if path.startswith("cy/") else "cy/" + path
    assert page.url == sub_path_url + other


@pytest.mark.parametrize("path", ["betsi-cadwaladr/data-quality/", "cy/betsi-cadwaladr/data-quality/",
                                  "data-quality/", "cy/guide/problems/", "cy/"])
def test_headings_go_down_one_level_at_a_time(page, sub_path_url, path):
    page.goto(sub_path_url + path)
    page.add_script_tag(content=AXE)
    result = page.evaluate("async () => await axe.run(document, {runOnly: ['heading-order', 'valid-lang', "
                           "'html-has-lang', 'page-has-heading-one']})")
    assert [v["id"] for v in result["violations"]] == []


@pytest.mark.parametrize("language, section", [("", "achievements"), ("cy/", "achievements"),
                                               ("cy/", "executive-summary")])
@pytest.mark.parametrize("written", list(DOWNLOAD_LINKS))
def test_a_download_linked_in_the_prose_is_reached_from_either_language_under_a_sub_path(
        page, sub_path_url, language, section, written):
    page.goto(sub_path_url + language + PLAN_PAGE)
    # The English section is shown on the Welsh page too, until the section has a Welsh version.
    link = page.get_by_role("link", name=f"{section}: {written}", exact=True)
    expected = sub_path_url + DOWNLOAD_LINKS[written]
    if written.endswith(".csv"):
        with page.expect_download() as download:
            link.click()
        assert download.value.url == expected
        assert Path(download.value.path()).read_text(encoding="utf-8-sig").startswith("board,cluster,year,id,title")
    else:
        link.click()
        page.wait_for_load_state()
        assert page.url == expected
        # The data file: its records beside the licence they are published under.
        assert page.evaluate("() => { const d = JSON.parse(document.body.innerText);"
                             " return d.licence && Array.isArray(d.plans || d.activities); }")
