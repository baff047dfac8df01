"""The real plans in the browser: each plan on a page prints on one A4 page, each plan page passes axe-core."""

from __future__ import annotations

import functools
import http.server
import io
import subprocess
import sys
import threading

import pytest
from pypdf import PdfReader

from site_testing import PROJECT


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("real-print") / "site"
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(PROJECT), "--site-dir", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_every_real_plan_on_a_page_prints_on_one_a4_page(real_site, browser):
    site, base = real_site
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.glob("*/*/*/on-a-page/index.html"))
    assert len(pages) == len(list((PROJECT / "clusters").glob("*/*/*/plan.yaml")))
    page = browser.new_page()
    longer = []
    for path in pages + ["cy/" + p for p in pages]:
        page.goto(base + path + "/")
        page.emulate_media(media="print")
        count = len(PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True))).pages)
        if count != 1:
            longer.append((path, count))
    page.close()
    assert longer == []


def test_every_real_plan_page_passes_axe(real_site, browser):
    from test_accessibility import violations

    site, base = real_site
    pages = sorted(p.parent.relative_to(site).as_posix()
                   for p in [*site.glob("*/*/20*/index.html"), *site.glob("*/*/changes/*/index.html")])
    assert pages
    page = browser.new_page()
    found = {}
    for path in pages:
        page.goto(base + path + "/")
        problems = violations(page)
        if problems:
            found[path] = problems
    page.close()
    assert found == {}
