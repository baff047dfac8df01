"""Node: where the editor's packages are (installed by `npm ci` from package-lock.json), and running them."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from generator.defaults import DEFAULTS

# The tool's own folder, which holds package.json: the editor belongs to the tool, not to each
# repository of plans it builds. That is a checkout of the project, or, for an installed package, its
# defaults folder (generator/defaults), where `npm ci` installs the editor's packages on first use.
_CHECKOUT = Path(__file__).resolve().parents[2]
TOOL_ROOT = _CHECKOUT if (_CHECKOUT / "package-lock.json").is_file() else DEFAULTS
MARKER = ".cluster-plans-installed"
# A hang guard: installing the editor's packages takes a minute or two on a slow connection.
NPM_TIMEOUT = 900
INSTALL_HELP = ("install Node.js 20 and npm (on Debian: apt-get install nodejs npm), then run "
                "./tools/build-site, which installs the editor's packages with npm ci")


class NodeMissing(Exception):
    """The editor's packages are not installed and cannot be; the message says what to do."""


def modules_dir(tool_root: Path = TOOL_ROOT) -> Path:
    return tool_root / "node_modules"


def lock_digest(tool_root: Path = TOOL_ROOT) -> str:
    lock = tool_root / "package-lock.json"
    return hashlib.sha256(lock.read_bytes()).hexdigest() if lock.exists() else ""


def installed(tool_root: Path = TOOL_ROOT) -> bool:
    """True when node_modules was installed from the package-lock.json there now. The marker holds the
    lock file's digest, not a time: a checkout or rebase touches the file without changing it."""
    marker = modules_dir(tool_root) / MARKER
    return marker.exists() and marker.read_text(encoding="utf-8").split() == [lock_digest(tool_root)]


def editor_root(project_root: Path) -> Path:
    """Where the editor's packages are: beside the repository being built, or beside the tool itself
    (a checkout of the tool shares one node_modules with the test copies it builds). Where neither
    has them yet, they are installed beside the repository, whose package-lock.json pins them."""
    for candidate in (project_root, TOOL_ROOT):
        if installed(candidate):
            return candidate
    return project_root if (project_root / "package-lock.json").exists() else TOOL_ROOT


def ensure_installed(tool_root: Path = TOOL_ROOT) -> Path:
    """node_modules, installed with `npm ci` first when it is missing or older than the lock file."""
    if installed(tool_root):
        return modules_dir(tool_root)
    if not (tool_root / "package-lock.json").exists():
        raise NodeMissing(f"the editor's package list ({tool_root / 'package-lock.json'}) is missing")
    npm = shutil.which("npm")
    if npm is None:
        raise NodeMissing(f"npm was not found, and the editor (/admin/) needs its packages: {INSTALL_HELP}")
    try:
        result = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=tool_root,
                                capture_output=True, text=True, timeout=NPM_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise NodeMissing(f"npm ci took longer than {NPM_TIMEOUT}s to install the editor's packages and was "
                          "stopped: check the connection to the npm registry and run ./tools/build-site again") from None
    if result.returncode != 0:
        tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-5:])
        raise NodeMissing(f"npm ci could not install the editor's packages:\n{tail}")
    (modules_dir(tool_root) / MARKER).write_text(lock_digest(tool_root) + "\n", encoding="utf-8")
    return modules_dir(tool_root)


def node_executable() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise NodeMissing(f"Node.js was not found: {INSTALL_HELP}")
    return node
