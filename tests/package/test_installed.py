"""The package as a board installs it: the wheel in a fresh virtual environment, used in a folder that
holds only clusters/. Its templates, content, engine configuration and editor come with it."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
FIXTURE_PLANS = PROJECT / "tests" / "fixtures" / "repo" / "clusters"
# What the wheel is built from: the package, and the templates, content and files its defaults link to.
PACKAGE_SOURCE = ("pyproject.toml", "README.md", "generator", "templates", "content", "mkdocs.yml", "package.json",
                  "package-lock.json")
NEF = "betsi-cadwaladr/north-east-flintshire"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv holding the built wheel; the wheel's dependencies are seen from this project's
    environment (a .pth line), so nothing is downloaded but the build backend."""
    work = tmp_path_factory.mktemp("wheel")
    # Run away from the checkout and its PYTHONPATH: its own metadata must not pass for the wheel's.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # Built from a copy of what the package is made of, so that a build folder left in the checkout by an
    # earlier, interrupted build cannot decide the wheel's contents.
    source = work / "source"
    for part in PACKAGE_SOURCE:
        origin = PROJECT / part
        if origin.is_dir():
            shutil.copytree(origin, source / part, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(origin, source / part)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", str(source),
                            "-w", str(work / "dist")], capture_output=True, text=True, timeout=600, cwd=work, env=env)
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next((work / "dist").glob("cluster_plans-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
                           "--no-deps", "--quiet", str(wheel)], capture_output=True, text=True, timeout=600,
                          cwd=work, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    # Added after the install, which would otherwise take this project's own install for the wheel's.
    target = venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
    (target / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv / "bin" / "cluster-plans"


def plans_only(folder: Path, plans: Path) -> Path:
    """A board's repository: its plans, and the editor's pinned packages (installed once, shared here)."""
    shutil.copytree(plans, folder / "clusters")
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(PROJECT / name, folder / name)
    (folder / "node_modules").symlink_to(PROJECT / "node_modules")
    return folder


def run(command: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(command), *args], cwd=cwd, capture_output=True, text=True, timeout=600, env=env)


def test_the_installed_command_is_the_wheels(installed, tmp_path):
    where = run(installed.with_name("python"), "-c", "import generator, sys; print(generator.__file__)", cwd=tmp_path)
    assert str(installed.parents[1]) in where.stdout, where.stdout + where.stderr


def test_validate_in_a_folder_of_plans_only_says_what_it_says_here_byte_for_byte(installed, tmp_path):
    folder = plans_only(tmp_path / "board", PROJECT / "clusters")
    there = run(installed, "validate", "--format", "json", cwd=folder)
    here = subprocess.run([sys.executable, "-m", "generator", "validate", "--format", "json", "--root", str(PROJECT)],
                          capture_output=True, text=True, timeout=600)
    assert there.returncode == here.returncode
    assert json.loads(there.stdout)["plans_checked"] >= 1
    assert there.stdout == here.stdout


def test_build_diff_new_and_schema_work_in_a_folder_of_plans_only(installed, tmp_path):
    folder = plans_only(tmp_path / "board", FIXTURE_PLANS)
    built = run(installed, "build", cwd=folder)
    assert built.returncode == 0, built.stdout + built.stderr
    site = folder / "site"
    plan = (site / NEF / "2023-24" / "index.html").read_text(encoding="utf-8")
    assert "North East Flintshire" in plan
    assert (site / "guide" / "problems" / "index.html").is_file()      # the leads' guide came with the package
    assert (site / "admin" / "config.yml").is_file()                   # and the editor
    assert (site / "cy" / NEF / "2023-24" / "index.html").is_file()

    compared = run(installed, "diff", NEF, cwd=folder)
    assert compared.returncode == 0, compared.stdout + compared.stderr
    assert "2022-23" in compared.stdout and "2023-24" in compared.stdout

    drafted = run(installed, "new", NEF, "2024-25", cwd=folder)
    assert drafted.returncode == 0, drafted.stdout + drafted.stderr
    assert (folder / "clusters" / NEF / "2024-25" / "plan.yaml").is_file()

    schema = run(installed, "schema", cwd=folder)
    assert schema.returncode == 0, schema.stderr
    assert json.loads(schema.stdout)["title"] == "Cluster plan"


def test_serve_previews_a_folder_of_plans_only(installed, tmp_path):
    folder = plans_only(tmp_path / "board", FIXTURE_PLANS)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    process = subprocess.Popen([str(installed), "serve", "--port", str(port)], cwd=folder, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180
        page = ""
        while time.monotonic() < deadline and "North East Flintshire" not in page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{NEF}/2023-24/", timeout=5) as response:
                    page = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert "North East Flintshire" in page
    finally:
        process.terminate()
        process.wait(timeout=30)
