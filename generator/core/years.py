"""Years: financial years (April to March) as folders name them, 2023-24, their arithmetic and their written forms."""

from __future__ import annotations

import re
from pathlib import Path

# The folder form: the first calendar year in full, then the last two digits of the next.
_FOLDER = re.compile(r"^(\d{4})-(\d{2})$")
# A financial year as plans write it in titles and headings: 2023-24, 2023/24, 23/24, 2023-2024.
_MENTION = re.compile(r"(?<![\d/-])(\d{4}|\d{2})([/-])(\d{4}|\d{2})(?![\d/])")
# The span a plan's opening comment names: April 2024 to March 2025.
_SPAN = re.compile(r"\bApril (\d{4}) to March (\d{4})\b")


def looks_like_year(name: str) -> bool:
    """Written YYYY-YY, whether or not the two years follow each other (2023-25 looks like one)."""
    return _FOLDER.match(name) is not None


def is_year(name: str) -> bool:
    """A financial year written as its folder is named: 2023-24, not 2023-25, 2023/24 or 23-24."""
    m = _FOLDER.match(name)
    return m is not None and (int(m[1]) + 1) % 100 == int(m[2])


def start_of(year: str) -> int:
    """The calendar year the financial year starts in: 2023 for 2023-24."""
    return int(year[:4])


def year_starting(start: int) -> str:
    """The financial year that starts in April of `start`: 2023 -> 2023-24."""
    return f"{start}-{(start + 1) % 100:02d}"


def following(year: str) -> str:
    return year_starting(start_of(year) + 1)


def preceding(year: str) -> str:
    return year_starting(start_of(year) - 1)


def slashed(year: str) -> str:
    """The form plans print in their titles: 2023/24."""
    return year.replace("-", "/")


def year_folders(cluster_dir: Path) -> list[str]:
    """The names of a cluster folder's year folders, oldest first."""
    if not cluster_dir.is_dir():
        return []
    return sorted(d.name for d in cluster_dir.iterdir() if d.is_dir() and is_year(d.name))


def _mentioned_start(match: re.Match[str]) -> int | None:
    """The first calendar year of a financial year written as _MENTION finds it, if it is one."""
    first, _, second = match.groups()
    start = int(first) if len(first) == 4 else 2000 + int(first)
    if len(second) == 4:
        return start if int(second) == start + 1 else None
    return start if int(second) == (start + 1) % 100 else None


# A financial year as a folder might be misnamed: 2023-2024, 2023_24, 23-24, 2023 24.
_WRITTEN = re.compile(r"^\s*(\d{4}|\d{2})\s*([-/_–. ])\s*(\d{4}|\d{2})\s*$")


def folder_for(name: str) -> str | None:
    """The folder name of the financial year `name` writes another way (2023-2024 -> 2023-24), if it is one."""
    match = _WRITTEN.match(name)
    start = _mentioned_start(match) if match else None
    return None if start is None else year_starting(start)


def first_mentioned(text: str, latest: str) -> str | None:
    """The first financial year, no later than `latest`, that a text mentions ("since 2021/22")."""
    for match in _MENTION.finditer(text):
        start = _mentioned_start(match)
        if start is not None and start <= start_of(latest):
            return year_starting(start)
    return None


def shift_years(text: str, source: str, target: str) -> str:
    """Move mentions of the source year and the year before it on to the target year and the year before.

    Headings such as 'Achievements of the 2022/23 plan' in the 2023-24 plan refer to last year; multi-year
    spans such as 2023/26 are left as written.
    """
    gap = start_of(target) - start_of(source)
    moved = {start_of(source), start_of(source) - 1}

    def move(match: re.Match[str]) -> str:
        start = _mentioned_start(match)
        if start is None or start not in moved:
            return match[0]
        first, sep, second = match.groups()
        new = start + gap
        return (f"{new if len(first) == 4 else f'{new % 100:02d}'}{sep}"
                f"{new + 1 if len(second) == 4 else f'{(new + 1) % 100:02d}'}")

    text = _MENTION.sub(move, text)
    return _SPAN.sub(lambda m: (f"April {int(m[1]) + gap} to March {int(m[2]) + gap}"
                                if int(m[1]) == start_of(source) else m[0]), text)
