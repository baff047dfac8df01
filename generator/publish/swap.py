"""Publish: swap a finished build into place, so a failed build never leaves a half-written site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    """A fresh folder beside site_dir to build into (same filesystem, so the swap is a rename)."""
    staging = site_dir.with_name(f".{site_dir.name}-staging-{os.getpid()}")
    if staging.exists():
        shutil.rmtree(staging)
    return staging


def swap_into_place(built: Path, site_dir: Path) -> None:
    """Replace site_dir by `built`: the old site stays whole until the new one is complete."""
    old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    if site_dir.exists():
        os.replace(site_dir, old)
    try:
        os.replace(built, site_dir)
    except OSError:
        if old.exists():
            os.replace(old, site_dir)
        raise
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def discard(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path, ignore_errors=True)
