"""The built site publishes the plan schema at the address the plans' schema line names: the site is built
for an address on this machine, served there over HTTP under a sub-path, and the schema fetched from it."""

from __future__ import annotations

import http.server
import json
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import jsonschema
import pytest
import yaml

from plan_testing import FIXTURE_REPO, NEF_2023, run_cli
from site_testing import site_repo

MOUNT = "/plans/"


class Mounted(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under /plans/, as a host serves a project site; anything else is not found."""

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(MOUNT):
            return str(Path(self.directory) / "__nowhere__")
        return super().translate_path("/" + path[len(MOUNT):])

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The fixture site built for http://127.0.0.1:PORT/plans/ and served there: (address, site folder)."""
    root = site_repo(tmp_path_factory.mktemp("schema-site") / "repo")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a: Mounted(*a, directory=str(root / "site")))
    address = f"http://127.0.0.1:{server.server_address[1]}{MOUNT}"
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root), "--site-url", address],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield address, root / "site"
    server.shutdown()
    server.server_close()


def fetch(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def test_the_schema_is_where_the_schema_line_says(published, tmp_path: Path):
    address, site = published
    # A repository that holds only plans asks for the line that names this site's schema.
    plans = tmp_path / "plans"
    shutil.copytree(FIXTURE_REPO / "clusters", plans / "clusters")
    line = run_cli("schema", "--modeline", "--site-url", address, cwd=plans).stdout.strip()
    url = line.removeprefix("# yaml-language-server: $schema=")
    assert url == f"{address}schema/plan.schema.json"
    status, content_type, body = fetch(url)
    assert status == 200 and content_type == "application/json"
    schema = json.loads(body)
    assert schema["$id"] == url
    assert body == (site / "schema" / "plan.schema.json").read_bytes()
    jsonschema.Draft202012Validator.check_schema(schema)
    # It is the schema of the plans: a real plan passes it, and a misspelt status does not.
    plan = yaml.safe_load((plans / NEF_2023 / "plan.yaml").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(plan)
    plan["activities"][0]["status"] = "strated"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(plan)


def test_the_schema_is_published_once_for_both_languages(published):
    address, site = published
    assert (site / "schema" / "plan.schema.json").is_file()
    assert not (site / "cy" / "schema").exists()
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch(f"{address}cy/schema/plan.schema.json")
    assert missing.value.code == 404
