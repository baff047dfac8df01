"""Internal errors: a fault in cluster-plans itself, told apart from a mistake in the plans or templates.

The person running the command gets one line saying so and where the full report is; the traceback goes
to that file, for whoever maintains the tool, instead of onto a lead's screen."""

from __future__ import annotations

import os
import tempfile
import traceback
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


class InternalError(Exception):
    """A fault in the tool's own code, with the traceback as text (it crosses from worker processes)."""

    def __init__(self, summary: str, details: str):
        super().__init__(summary)
        self.summary, self.details = summary, details

    def __reduce__(self):  # rebuilt in the parent process with both parts
        return InternalError, (self.summary, self.details)

    @classmethod
    def of(cls, error: BaseException) -> InternalError:
        if isinstance(error, InternalError):
            return error
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        return cls(f"{type(error).__name__}: {error}", details)


def raised_in_our_code(error: BaseException) -> bool:
    """True when the innermost frame of the error's traceback is a Python file of this package: the fault is
    the tool's, not that of a template the tool was running."""
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and Path(frames[-1].filename).resolve().is_relative_to(PACKAGE) and \
        frames[-1].filename.endswith(".py")


def write_report(error: BaseException) -> Path:
    """Write the full traceback to a file of its own and return its path."""
    internal = InternalError.of(error)
    fd, name = tempfile.mkstemp(prefix="cluster-plans-error-", suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as report:
        report.write(internal.details)
    return Path(name)


def explain(error: BaseException) -> str:
    """The one line shown for an internal error."""
    path = write_report(error)
    summary = InternalError.of(error).summary
    return (f"internal error: {summary}. This is a fault in cluster-plans, not in your plans; nothing was "
            f"published. The full report is in {path}: please send it to the people who maintain the tool.")
