"""The pipeline's stages import only the stages before them: import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def test_every_import_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--config", str(PROJECT / "pyproject.toml")], cwd=PROJECT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    # The contracts named in the README are the ones checked.
    for contract in ("Each stage imports only the stages before it in the pipeline",
                     "Checking plans needs no template or page engine",
                     "The build core does not import the optional editor"):
        assert f"{contract} KEPT" in result.stdout
