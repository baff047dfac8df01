"""Processes: the one way the tool runs another program (git, MkDocs, Pagefind, npm), always with a time
limit, so that a program that hangs or is missing becomes a message instead of a wait without end."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Sequence

# Long enough for git on a large repository; a git command that takes longer has hung.
GIT_TIMEOUT = 60


class ToolFailure(Exception):
    """Another program could not do its part; the message says which, and why, in words. `missing`: the
    program is not installed."""

    def __init__(self, message: str, missing: bool = False):
        super().__init__(message)
        self.missing = missing


def run_tool(command: Sequence[str], what: str, timeout: float, cwd: Path | None = None,
             env: dict[str, str] | None = None, input: str | bytes | None = None,
             text: bool = True, check: bool = True) -> subprocess.CompletedProcess:
    """Run `command` (`what` names it for a person: "git", "MkDocs") and return what it did. A missing
    program, a time limit passed or (with `check`) a failure raise ToolFailure."""
    try:
        result = subprocess.run(list(command), cwd=cwd, env=env, input=input, capture_output=True, text=text,
                                timeout=timeout)
    except FileNotFoundError:
        raise ToolFailure(f"{what} was not found: install it, or put it on the PATH", missing=True) from None
    except subprocess.TimeoutExpired:
        raise ToolFailure(f"{what} took longer than {timeout:g}s and was stopped") from None
    if check and result.returncode != 0:
        output = result.stderr or result.stdout or ""
        lines = (output.decode("utf-8", "replace") if isinstance(output, bytes) else output).strip().splitlines()
        raise ToolFailure(f"{what} failed: {lines[-1] if lines else f'exit code {result.returncode}'}")
    return result


def git(cwd: Path, *args: str, env: dict[str, str] | None = None, input: str | bytes | None = None,
        text: bool = True, check: bool = True) -> subprocess.CompletedProcess:
    """A git command in `cwd`, within GIT_TIMEOUT; `env` adds to the environment."""
    return run_tool(["git", *args], f"git {args[0]}" if args else "git", GIT_TIMEOUT, cwd,
                    {**os.environ, **env} if env else None, input, text, check)
