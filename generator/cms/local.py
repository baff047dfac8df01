"""Local editing: the editor against a scratch clone, with decap-server as its git backend.

decap-server in git mode checks branches out in the folder it serves and commits with `git add .`,
so it gets a clone of its own. Each save lands on a branch cms/<collection>/<entry>; the watcher
re-applies the saved values onto the original files there (comments and layout kept) with git's
plumbing, never touching the clone's working tree, which decap-server owns.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring.roundtrip import RoundTripError, reapply
from generator.cms import node
from generator.cms.config import PROXY_PORT
from generator.core import processes
BRANCH_PREFIX = "cms/"
KEEP_LAYOUT_MESSAGE = "Keep the plan's comments and layout"
# Commits made here say who made them, so that a clone with no git identity set can still commit.
IDENTITY = {"GIT_AUTHOR_NAME": "cluster-plans edit", "GIT_AUTHOR_EMAIL": "cluster-plans-edit@localhost",
            "GIT_COMMITTER_NAME": "cluster-plans edit", "GIT_COMMITTER_EMAIL": "cluster-plans-edit@localhost"}


class LocalEditorError(Exception):
    """Something the lead can fix (a busy port, git or Node.js missing); the message says how."""


def git(repo: Path, *args: str, env: dict[str, str] | None = None, input_text: str | None = None) -> str:
    try:
        return processes.git(repo, *args, env={**IDENTITY, **(env or {})}, input=input_text).stdout
    except processes.ToolFailure as failure:
        if failure.missing:
            raise LocalEditorError(f"{failure} (git comes with Debian's git package: apt-get install git)") from None
        if "not a git repository" in str(failure):
            raise LocalEditorError(f"{repo} is not a git repository: the editor saves each change as a git commit, "
                                   "so run it in a clone of the plans repository (git clone ...)") from None
        raise LocalEditorError(str(failure)) from None


def port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def require_port(host: str, port: int, what: str, option: str | None) -> None:
    if not port_free(host, port):
        fix = f"pass {option} with another port" if option else "stop the program using it"
        raise LocalEditorError(f"port {port} on {host} is already in use, and {what} needs it: {fix}")


def make_scratch(root: Path, scratch: Path) -> Path:
    """A clone of the repository's current commit with one branch, main, for decap-server to work in.
    A clone made by an earlier session is used again, keeping its unpublished edits."""
    repo = scratch / "repo"
    if (repo / ".git").exists():
        return repo
    scratch.mkdir(parents=True, exist_ok=True)
    head = git(root, "rev-parse", "HEAD").strip()
    git(scratch, "clone", "--quiet", "--no-checkout", str(root.resolve()), str(repo))
    git(repo, "checkout", "--quiet", "-B", "main", head)
    for branch in git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/").split():
        if branch != "main":
            git(repo, "branch", "-q", "-D", branch)
    git(repo, "remote", "remove", "origin")
    bring_uncommitted(root, repo)
    return repo


# The folders whose uncommitted files the editor must show: a plan made with `new` is not committed yet.
EDITED_FOLDERS = ("clusters", "content")
UNCOMMITTED_MESSAGE = "Plans not yet committed in the repository the editor was started from"


def bring_uncommitted(root: Path, repo: Path) -> list[str]:
    """Copy the plans and pages changed, added or deleted in `root` since its last commit into the
    scratch clone, as one commit on its main: the editor then lists a plan just made with `new`, and
    each save is compared with what the lead has, not with the last commit."""
    changed = git(root, "diff", "--name-only", "HEAD", "--", *EDITED_FOLDERS).splitlines()
    changed += git(root, "ls-files", "--others", "--exclude-standard", "--", *EDITED_FOLDERS).splitlines()
    names = sorted(set(changed))
    for name in names:
        source, target = root / name, repo / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
        elif target.exists():
            target.unlink()
    if names:
        git(repo, "add", "--all", "--", *EDITED_FOLDERS)
        git(repo, "commit", "--quiet", "-m", UNCOMMITTED_MESSAGE)
    return names


def start_proxy(repo: Path, port: int = PROXY_PORT, log: Path | None = None) -> subprocess.Popen:
    """decap-server in git mode on the loopback address, serving `repo`; waits until it answers."""
    require_port("127.0.0.1", port, "the editor's local server (decap-server)", None)
    modules = node.ensure_installed()
    server = modules / "decap-server" / "dist" / "index.js"
    env = {**os.environ, **IDENTITY, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port),
           "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    output = open(log, "ab") if log else subprocess.DEVNULL
    process = subprocess.Popen([node.node_executable(), str(server)], cwd=repo, env=env, stdout=output,
                               stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LocalEditorError(f"decap-server stopped as it started (exit code {process.returncode})"
                                   + (f"; its messages are in {log}" if log else ""))
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.2)
    process.terminate()
    raise LocalEditorError("decap-server did not start within 30 seconds")


@dataclass
class Kept:
    """What the watcher did with one save."""
    branch: str
    files: list[str]
    commit: str
    errors: list[str] = field(default_factory=list)


def cms_branches(repo: Path) -> dict[str, str]:
    out = git(repo, "for-each-ref", "--format=%(refname:short) %(objectname)", f"refs/heads/{BRANCH_PREFIX}")
    return dict(line.split(" ", 1) for line in out.splitlines() if line)


def keep_layout(repo: Path, branch: str, base: str = "main") -> Kept:
    """Re-apply a branch's saved plan files onto their originals, as one more commit on the branch.
    Done with git's plumbing in a private index, so decap-server's working tree is never touched."""
    head = git(repo, "rev-parse", f"refs/heads/{branch}").strip()
    start = git(repo, "merge-base", base, head).strip()
    names = [n for n in git(repo, "diff", "--name-only", start, head, "--", "clusters").splitlines()
             if n.endswith("/plan.yaml")]
    updates, errors = [], []
    for name in names:
        try:
            original = git(repo, "show", f"{start}:{name}")
        except LocalEditorError:
            continue  # a new plan has no original to keep
        saved = git(repo, "show", f"{head}:{name}")
        try:
            result = reapply(original, saved)
        except RoundTripError as exc:
            errors.append(f"{name}: could not keep the layout: {exc}")
            continue
        if result.text != saved:
            blob = git(repo, "hash-object", "-w", "--stdin", input_text=result.text).strip()
            updates.append((name, blob))
    if not updates:
        return Kept(branch, [], head, errors)
    index = repo / ".git" / f"cluster-plans-index-{os.getpid()}"
    env = {"GIT_INDEX_FILE": str(index)}
    try:
        git(repo, "read-tree", head, env=env)
        for name, blob in updates:
            git(repo, "update-index", "--cacheinfo", f"100644,{blob},{name}", env=env)
        tree = git(repo, "write-tree", env=env).strip()
    finally:
        index.unlink(missing_ok=True)
    commit = git(repo, "commit-tree", tree, "-p", head, "-m", KEEP_LAYOUT_MESSAGE).strip()
    # Only if decap-server has not moved the branch meanwhile; otherwise the next look does it again.
    git(repo, "update-ref", f"refs/heads/{branch}", commit, head)
    return Kept(branch, [name for name, _ in updates], commit, errors)
