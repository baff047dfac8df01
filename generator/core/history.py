"""History: when each plan was first published and last changed, from the repository's git history.

A plan's dates are those of the first and the last commit touching its folder, so the same commits give
the same dates on every build. Where there is no git history (a copy of the plans, a folder never
committed), a plan has no dates: no date is better than a wrong one."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Dates:
    published: date   # the first commit touching the plan's folder
    updated: date     # the last one


def folder_dates(root: Path, folders: list[str]) -> dict[str, Dates]:
    """The dates of each of `folders` (paths relative to `root`, e.g. clusters/b/c/2022-23) that git's
    history holds; folders it does not hold are left out. One `git log` for all of them."""
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "--format=%x00%ct", "--name-only", "--relative",
                              "--no-renames", "--", "clusters"],
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if out.returncode != 0:
        return {}
    wanted = {PurePosixPath(folder).as_posix() for folder in folders}
    seen: dict[str, list[int]] = {}
    # Newest commit first: each record is a time, then the files it touched.
    for record in out.stdout.split("\x00")[1:]:
        lines = record.strip().splitlines()
        if not lines:
            continue
        when = int(lines[0])
        touched = set()
        for name in lines[1:]:
            parent = PurePosixPath(name.strip()).parent
            while parent.as_posix() not in (".", "") and parent.as_posix() not in wanted:
                parent = parent.parent
            if parent.as_posix() in wanted:
                touched.add(parent.as_posix())
        for folder in touched:
            seen.setdefault(folder, []).append(when)
    return {folder: Dates(_day(min(times)), _day(max(times))) for folder, times in seen.items()}


def _day(epoch: int) -> date:
    return datetime.fromtimestamp(epoch, timezone.utc).date()
