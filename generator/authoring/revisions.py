"""Revisions: find the plans changed between two git revisions and load each side, validated, without a checkout.

Old versions are read with git itself (`git diff --name-only`, `git ls-tree`, `git cat-file`) and
written to a scratch folder laid out like the repository, so that the one validator checks them
exactly as it checks the working tree: same rules, same messages, same safety checks.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.model.diff import PlanDiff, compare
from generator.model.records import PlanRecord
from generator.problems.report import Problem
from generator.checks.validate import VOCABULARY_FILE, validate
from generator.core.years import looks_like_year, year_folders
from generator.core import processes

PlanKey = tuple[str, str, str]  # (board, cluster, year)


class GitError(Exception):
    """git could not answer: not a repository, an unknown revision, or git missing."""


def plan_key(path: str) -> PlanKey | None:
    """The plan a repository path belongs to: clusters/<board>/<cluster>/<year>/<file>."""
    parts = PurePosixPath(path).parts
    if len(parts) >= 5 and parts[0] == "clusters" and looks_like_year(parts[3]):
        return parts[1], parts[2], parts[3]
    return None


def plan_folder(key: PlanKey) -> str:
    return "clusters/{}/{}/{}".format(*key)


@dataclass
class Side:
    """The plans of one version of the repository that a comparison needs, and their errors."""
    label: str
    plans: dict[PlanKey, PlanRecord] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    present: set[PlanKey] = field(default_factory=set)


class Git:
    """The few read-only git commands the comparison needs, run in the repository holding `root`."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        try:
            top = self.run("rev-parse", "--show-toplevel", cwd=self.root).strip()
        except GitError as error:
            if "not a git repository" not in str(error):
                raise
            raise GitError(f"{self.root} is not a git repository: comparing revisions (--base, --head) needs the "
                           "plans' history, so run it in a clone of the plans repository") from None
        self.top = Path(top).resolve()
        prefix = self.root.relative_to(self.top).as_posix()
        self.prefix = "" if prefix == "." else prefix + "/"
        self._trees: dict[str, dict[str, tuple[str, str]]] = {}

    def run(self, *args: str, cwd: Path | None = None, stdin: bytes | None = None) -> str:
        return self.run_bytes(*args, cwd=cwd, stdin=stdin).decode("utf-8", "surrogateescape")

    def run_bytes(self, *args: str, cwd: Path | None = None, stdin: bytes | None = None) -> bytes:
        try:
            done = processes.git(cwd or self.top, *args, input=stdin, text=False, check=False)
        except processes.ToolFailure as failure:
            raise GitError(str(failure)) from None
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitError(message[-1] if message else f"git {args[0]} failed")
        return done.stdout

    def verify(self, rev: str) -> str:
        """The commit a revision names, or GitError with a message a user understands."""
        if rev.startswith("-"):
            raise GitError(f"'{rev}' is not a revision")
        try:
            return self.run("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").strip()
        except GitError:
            raise GitError(f"unknown revision '{rev}': give a branch, tag or commit of this repository") from None

    def _mine(self, path: str) -> str | None:
        """A path from git (relative to the top of the repository) relative to root, if it lies under it."""
        return path[len(self.prefix):] if path.startswith(self.prefix) else None

    def changed(self, base: str, head: str | None) -> list[str]:
        """Paths under clusters/ that differ between base and head (the working tree when head is None)."""
        spec = f"{self.prefix}clusters"
        out = self.run("diff", "--name-only", "--no-renames", "-z", base, *([head] if head else []), "--", spec)
        paths = [p for p in out.split("\0") if p]
        if head is None:  # new files not yet added to git are part of the working tree too
            out = self.run("ls-files", "--others", "--exclude-standard", "-z", "--", spec)
            paths += [p for p in out.split("\0") if p]
        return sorted({m for m in map(self._mine, paths) if m is not None})

    def tree(self, rev: str) -> dict[str, tuple[str, str]]:
        """Every file under clusters/ at a revision: root-relative path -> (mode, object id)."""
        if rev not in self._trees:
            self._trees[rev] = self._list_tree(rev)
        return self._trees[rev]

    def _list_tree(self, rev: str) -> dict[str, tuple[str, str]]:
        out = self.run("ls-tree", "-r", "-z", "--full-tree", rev, "--", f"{self.prefix}clusters")
        files = {}
        for entry in out.split("\0"):
            if not entry:
                continue
            meta, path = entry.split("\t", 1)
            mode, kind, oid = meta.split()
            mine = self._mine(path)
            if kind == "blob" and mine is not None:
                files[mine] = (mode, oid)
        return files

    def blobs(self, oids: list[str]) -> dict[str, bytes]:
        """The contents of many objects in one git process."""
        if not oids:
            return {}
        unique = list(dict.fromkeys(oids))
        raw = self.run_bytes("cat-file", "--batch", stdin="".join(f"{o}\n" for o in unique).encode())
        out, pos = {}, 0
        for oid in unique:
            header_end = raw.index(b"\n", pos)
            header = raw[pos:header_end].decode().split()
            size = int(header[2])
            out[oid] = raw[header_end + 1:header_end + 1 + size]
            pos = header_end + 1 + size + 1
        return out


def load_working_tree(root: Path, keys: set[PlanKey], label: str) -> Side:
    side = Side(label)
    side.present = {k for k in keys if (root / plan_folder(k)).is_dir()}
    if side.present:
        validation = validate(root, [root / plan_folder(k) for k in sorted(side.present)])
        _collect(side, validation, root)
    return side


def load_revision(git: Git, rev: str, keys: set[PlanKey], label: str) -> Side:
    """The plans `keys` as they were at `rev`, written to a scratch folder and validated there."""
    side = Side(label)
    files = git.tree(rev)
    wanted: dict[str, tuple[str, str]] = {}
    for path, entry in files.items():
        key = plan_key(path)
        if key in keys:
            side.present.add(key)
            wanted[path] = entry
    if not side.present:
        return side
    registry = [VOCABULARY_FILE] + [f"clusters/{b}/board.yaml" for b, _, _ in side.present] \
        + [f"clusters/{b}/{c}/cluster.yaml" for b, c, _ in side.present]
    wanted.update({p: files[p] for p in registry if p in files})
    contents = git.blobs([oid for mode, oid in wanted.values() if mode != "160000"])
    with tempfile.TemporaryDirectory(prefix="cluster-plans-diff-") as scratch:
        top = Path(scratch)
        for path, (mode, oid) in sorted(wanted.items()):
            target = top / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if mode == "120000":
                # A link stays a link, so the validator refuses it just as it would in a checkout.
                target.symlink_to(contents[oid].decode("utf-8", "surrogateescape"))
            elif mode != "160000":
                target.write_bytes(contents[oid])
        validation = validate(top)
        _collect(side, validation, top)
    return side


def _collect(side: Side, validation, root: Path) -> None:
    """Keep the loaded plans asked for, and the errors that concern them (not other clusters' files)."""
    for record in validation.repository.plans:
        key = (record.board.slug, record.cluster.slug, record.year)
        if key in side.present:
            side.plans[key] = record
    concerned = {VOCABULARY_FILE}
    for b, c, y in side.present:
        concerned |= {f"clusters/{b}/board.yaml", f"clusters/{b}/{c}/cluster.yaml"}
    folders = tuple(plan_folder(k) + "/" for k in side.present)
    for problem in validation.report.errors:
        if problem.file in concerned or (problem.file + "/").startswith(folders) or problem.file in (
                "clusters", *(f.rstrip("/") for f in folders)):
            side.errors.append(problem)
    missing = [k for k in side.present if k not in side.plans]
    if missing and not side.errors:  # a plan that failed to load always has a reason; never drop it silently
        side.errors += [p for p in validation.report.errors]


def years_present(root: Path, git: Git, rev: str | None, board: str, cluster: str) -> list[str]:
    """The plan years of a cluster in one version of the repository."""
    if rev is None:
        return year_folders(root / "clusters" / board / cluster)
    return sorted({k[2] for k in map(plan_key, git.tree(rev)) if k and k[:2] == (board, cluster)})


@dataclass
class RevisionComparison:
    """Every plan changed between two revisions, compared; or the errors that stopped a side loading."""
    base_label: str
    head_label: str
    diffs: list[PlanDiff] = field(default_factory=list)
    invalid: list[Side] = field(default_factory=list)


def compare_revisions(root: Path, base: str, head: str | None, head_label: str,
                      only: tuple[str, str] | None = None) -> RevisionComparison:
    """Compare every plan whose files differ between base and head (the working tree when head is None).

    A plan new at head is compared with its cluster's previous year at head, which is what a
    reviewer of next year's plan wants to see; a plan deleted at head is listed as removed.
    """
    git = Git(root)
    git.verify(base)
    if head is not None:
        git.verify(head)
    keys = {k for k in map(plan_key, git.changed(base, head)) if k and (only is None or k[:2] == only)}
    result = RevisionComparison(base, head_label)
    if not keys:
        return result
    before = load_revision(git, base, keys, base)
    previous: dict[PlanKey, PlanKey] = {}
    for key in sorted(keys - before.present):
        earlier = [y for y in years_present(root, git, head, key[0], key[1]) if y < key[2]]
        if earlier:
            previous[key] = (key[0], key[1], earlier[-1])
    wanted = keys | set(previous.values())
    after = load_working_tree(root, wanted, head_label) if head is None else load_revision(git, head, wanted, head)
    result.invalid = [side for side in (before, after) if side.errors]
    if result.invalid:
        return result
    for key in sorted(keys):
        old, new = before.plans.get(key), after.plans.get(key)
        if old is not None and new is not None:
            result.diffs.append(compare(old, new, base, head_label, context="revisions"))
        elif new is not None and key in previous:
            result.diffs.append(compare(after.plans[previous[key]], new, context="new_plan"))
        elif old is not None or new is not None:
            result.diffs.append(compare(old, new, base, head_label, context="revisions"))
    return result
