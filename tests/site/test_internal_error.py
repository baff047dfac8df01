"""A fault in the tool's own code is reported as one: one line naming a report file that holds the
traceback, never as a problem in a template, and nothing is published."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from site_testing import site_repo

# The build run as a user runs it, with one of the tool's own functions broken as a bug would break it.
BROKEN_BUILD = """
import sys
from generator.render import fragments
# Every value the activity table escapes is now looked up in an empty table: a KeyError in fragments.py.
fragments.escape = {}.__getitem__
from generator.cli import main
sys.argv = ["cluster-plans", "build", "--root", sys.argv[1], "--jobs", "1"]
main()
"""


def test_a_bug_in_the_tool_is_an_internal_error_with_its_report_in_a_file(tmp_path):
    root = site_repo(tmp_path / "repo")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site")
    result = subprocess.run([sys.executable, "-c", BROKEN_BUILD, str(root)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 70, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "template-error" not in result.stdout + result.stderr
    line = next(line for line in result.stderr.splitlines() if line.startswith("internal error:"))
    assert "KeyError" in line
    assert "This is a fault in cluster-plans, not in your plans" in line
    report = Path(re.search(r"The full report is in (\S+?):", line)[1])
    text = report.read_text(encoding="utf-8")
    assert text.startswith("Traceback") and "activity_table" in text and "KeyError" in text
    report.unlink()
    assert (root / "site" / "index.html").read_text() == "the previous site"
