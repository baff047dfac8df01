"""`cluster-plans edit`: the online editor on this computer, against a scratch clone, beside a live preview."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from generator.cms import local, node
from generator.core.processes import ToolFailure, run_tool

POLL_SECONDS = 1.0
# A hang guard: checking the saved plans takes seconds.
VALIDATE_TIMEOUT = 600


def _validate(preview: Path, folders: list[str]) -> None:
    try:
        result = run_tool([sys.executable, "-m", "generator", "validate", *folders, "--root", str(preview)],
                          "validate", VALIDATE_TIMEOUT, cwd=preview, check=False)
    except ToolFailure as failure:
        click.echo(f"    {failure}")
        return
    for line in (result.stdout + result.stderr).strip().splitlines():
        click.echo(f"    {line}")


def _follow(repo: Path, preview: Path, seen: dict[str, str]) -> None:
    """Tidy each new save and show it in the preview, validated."""
    for branch, head in sorted(local.cms_branches(repo).items()):
        if seen.get(branch) == head:
            continue
        kept = local.keep_layout(repo, branch)
        seen[branch] = kept.commit
        for error in kept.errors:
            click.echo(click.style(f"  {error}", fg="red"))
        click.echo(f"Saved on branch {branch}" + (f"; comments and layout kept in {', '.join(kept.files)}"
                                                  if kept.files else ""))
        local.git(preview, "checkout", "--quiet", "--detach", kept.commit)
        changed = local.git(repo, "diff", "--name-only", f"main...{kept.commit}").splitlines()
        folders = sorted({str(Path(name).parent) for name in changed if name.startswith("clusters/")})
        if folders:
            _validate(preview, folders)


def run(root: Path, port: int, scratch: Path | None) -> int:
    try:
        node.node_executable()
        node.ensure_installed()
        local.require_port("127.0.0.1", local.PROXY_PORT, "the editor's local server (decap-server)", None)
        local.require_port("127.0.0.1", port, "the preview", "--port")
        local.git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    except (node.NodeMissing, local.LocalEditorError) as exc:
        click.echo(click.style(f"Cannot start the editor: {exc}", fg="red"), err=True)
        return 1
    scratch = scratch or Path(tempfile.mkdtemp(prefix="cluster-plans-edit-"))
    processes: list[subprocess.Popen] = []
    try:
        fresh = not (scratch / "repo" / ".git").exists()
        repo = local.make_scratch(root, scratch)
        if fresh and local.git(repo, "log", "-1", "--format=%s").strip() == local.UNCOMMITTED_MESSAGE:
            click.echo("Plans changed here but not yet committed (a plan made with `new`, say) are in the editor too.")
        preview = scratch / "preview"
        if not preview.exists():
            local.git(repo, "worktree", "add", "--quiet", "--detach", str(preview), "main")
        processes.append(local.start_proxy(repo, log=scratch / "decap-server.log"))
        processes.append(subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(preview),
                                           "--host", "127.0.0.1", "--port", str(port)], cwd=preview))
        click.echo(f"Editing a scratch copy of this repository in {repo}")
        click.echo(f"The editor:  http://127.0.0.1:{port}/admin/   the site, as saved: http://127.0.0.1:{port}/")
        click.echo("Each save becomes a branch cms/... in the scratch copy, ready for a pull request. Ctrl+C stops.")
        seen: dict[str, str] = {}
        while all(p.poll() is None for p in processes):
            _follow(repo, preview, seen)
            time.sleep(POLL_SECONDS)
        click.echo(click.style("The preview or decap-server stopped; see the messages above.", fg="red"), err=True)
        return 1
    except KeyboardInterrupt:
        return 0
    except (node.NodeMissing, local.LocalEditorError) as exc:
        click.echo(click.style(f"Cannot go on editing: {exc}", fg="red"), err=True)
        return 1
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        branches = local.cms_branches(scratch / "repo") if (scratch / "repo" / ".git").exists() else {}
        if branches:
            click.echo("Your saved edits are on these branches of the scratch copy; to bring one here:")
            for branch in sorted(branches):
                click.echo(f"  git fetch {scratch / 'repo'} {branch}:{branch}")
