"""`cluster-plans cms-merge`: put back the comments and layout that the online editor's saves drop.

The editor rewrites a whole plan.yaml on every save. For each plan file changed since the base
revision, the saved values are re-applied onto the base version's text (see roundtrip.py), so the
pull request shows only the lines the lead changed; then the changed plans are validated.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import click

from generator.authoring.roundtrip import RoundTripError, reapply
from generator.commands import validate as validate_command
from generator.core import processes
from generator.core.files import write_atomic


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return processes.git(root, *args, check=False)
    except processes.ToolFailure as failure:
        raise click.UsageError(f"{failure}; cms-merge compares with a revision, which needs git") from None


def changed_plan_files(root: Path, base: str) -> tuple[str, list[str]]:
    """The revision the edits started from (where `base` and HEAD meet) and the plan files changed since."""
    found = _git(root, "merge-base", base, "HEAD")
    if found.returncode != 0:
        said = (found.stderr or "").strip().splitlines()
        example = "main" if base != "main" else "origin/main"
        raise click.UsageError(f"'{base}' is not a revision of this repository (git: {said[-1] if said else 'no answer'}); "
                               f"give the branch the edits will be merged into, e.g. --base {example}")
    start = found.stdout.strip()
    listed = _git(root, "diff", "--name-only", "--relative", start, "--", "clusters")
    files = [line for line in listed.stdout.splitlines() if line.endswith("/plan.yaml")]
    return start, sorted(files)


def run(root: Path, base: str, check_only: bool, fmt: str) -> int:
    start, files = changed_plan_files(root, base)
    failed = False
    rewritten = []
    for name in files:
        path = root / name
        if not path.exists():
            continue
        shown = _git(root, "show", f"{start}:./{name}")
        if shown.returncode != 0:
            continue  # a new plan: nothing to keep
        edited = path.read_text(encoding="utf-8")
        try:
            result = reapply(shown.stdout, edited)
        except RoundTripError as exc:
            click.echo(f"{name}:1:1: error: could not keep the layout: {exc}. The file is left as saved; "
                       f"fix it by hand or save it again from the editor.", err=True)
            failed = True
            continue
        if result.text == edited:
            click.echo(f"{name}: layout already kept ({result.changed_lines} lines changed since {base})")
            continue
        rewritten.append(name)
        if check_only:
            click.echo(f"{name}: the editor's save changed comments or layout; run cluster-plans cms-merge "
                       f"--base {base} to put them back")
            failed = True
        else:
            write_atomic(path, result.text)
            click.echo(f"{name}: comments and layout put back; {result.changed_lines} lines differ from {base}")
    if not files:
        click.echo(f"No plan.yaml changed since {base}.")
    status = validate_command.run([root / name for name in files if (root / name).exists()], fmt, root) \
        if files else 0
    return 1 if failed or status else 0
