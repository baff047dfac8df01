"""Test support shared by the whole suite: the fixture mini-repository, a breakable copy of it, the CLI run in-process.

Import it as `plan_testing` (tests/ is on sys.path through tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli

TESTS = Path(__file__).resolve().parent
FIXTURE_REPO = TESTS / "fixtures" / "repo"
REAL_REPO = TESTS.parent

# The fixture's plans, relative to the repository root.
NEF_2022 = "clusters/betsi-cadwaladr/north-east-flintshire/2022-23"
NEF_2023 = "clusters/betsi-cadwaladr/north-east-flintshire/2023-24"
NWF_2022 = "clusters/betsi-cadwaladr/north-west-flintshire/2022-23"
UV_2022 = "clusters/swansea-bay/upper-valleys/2022-23"
PLANS = (NEF_2022, NEF_2023, NWF_2022, UV_2022)

PROBLEM_LINE = re.compile(
    r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|gwall|rhybudd) (?P<code>[a-z-]+): (?P<message>.*)$")

# The quoted line of a file under a problem ("    12 |     budget TBC") and the caret line under it.
EXCERPT_LINE = re.compile(r"^    (\d+| +) \| ")


@dataclass
class CliResult:
    """What a user sees from one command: its exit code and its output."""

    exit_code: int
    output: str
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.output.splitlines()

    def problems(self, severity: str | None = None) -> list[tuple[str, int, str]]:
        """The reported problems flattened to (file, line, code), in the order printed."""
        return [(m["file"], int(m["line"]), m["code"]) for m in map(PROBLEM_LINE.match, self.lines)
                if m and severity in (None, m["severity"])]

    def errors(self) -> list[tuple[str, int, str]]:
        return self.problems("error")

    def warnings(self) -> list[tuple[str, int, str]]:
        return self.problems("warning")

    def codes(self) -> set[str]:
        return {code for _, _, code in self.problems()}

    def hint_after(self, line: str) -> str:
        """The hint printed under a problem line (asserting that the line and its hint are there)."""
        assert line in self.lines, f"expected the line\n  {line}\nin the output:\n{self.output}"
        at = self.lines.index(line) + 1
        while at < len(self.lines) and EXCERPT_LINE.match(self.lines[at]):
            at += 1  # the line of the file and the caret under it
        following = self.lines[at] if at < len(self.lines) else ""
        assert following.startswith("    hint: "), f"no hint under {line!r}: {following!r}"
        return following.removeprefix("    hint: ")


def run_cli(*args: str | Path, cwd: Path | None = None) -> CliResult:
    """Run `cluster-plans ARGS` in-process from `cwd`; exceptions propagate so a traceback fails the test."""
    runner = CliRunner()
    with contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext():
        result = runner.invoke(cli, [str(a) for a in args], prog_name="cluster-plans", catch_exceptions=False)
    return CliResult(result.exit_code, result.output, result.stdout, result.stderr)


class Repo:
    """A private, writable copy of the fixture repository, with helpers to introduce one mistake."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> Path:
        target = self.path(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def replace(self, rel: str, old: str, new: str) -> None:
        """Replace `old`, which must occur exactly once, so that a fixture edit cannot silently miss."""
        text = self.read(rel)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        self.write(rel, text.replace(old, new))

    def line_of(self, rel: str, text: str, nth: int = 1) -> int:
        """The 1-based line number of the nth line of the file that contains `text`."""
        found = [i for i, line in enumerate(self.read(rel).splitlines(), 1) if text in line]
        assert len(found) >= nth, f"{text!r} is not in {rel} {nth} time(s)"
        return found[nth - 1]

    def validate(self, *args: str | Path) -> CliResult:
        """`cluster-plans validate ARGS`, run from the repository root."""
        return run_cli("validate", *args, cwd=self.root)
