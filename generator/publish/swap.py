"""Publish: swap a finished build into place, so a failed build never leaves a half-written site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


# The folders of a plans repository that a build reads or git keeps: a site is never published over them.
_OWN_FOLDERS = (".git", ".github", ".build", "clusters", "content", "templates", "schema", "generator", "tests",
                "tools", "benchmarks", "node_modules", ".venv")


def not_a_site_folder(site_dir: Path, root: Path) -> str | None:
    """Why a build must not replace `site_dir` with the site, or None when it may: a build swaps the whole
    folder, so it must not be the repository, a folder holding it or one of its own folders, nor a folder of
    other files than a site (a build's own site has its home page)."""
    site, root = site_dir.resolve(), root.resolve()
    if site == root or site in root.parents:
        return "it holds the plans repository itself"
    for name in _OWN_FOLDERS:
        if site == root / name or root / name in site.parents:
            return f"it is the repository's own {name}/ folder" if site == root / name \
                else f"it is inside the repository's own {name}/ folder"
    if site.exists() and not site.is_dir():
        return "it is a file, not a folder"
    if site.is_dir() and any(site.iterdir()) and not (site / "index.html").is_file():
        return "it holds other files than a site this tool built, and a build replaces the whole folder"
    return None


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
    discard(old)


def discard(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink(missing_ok=True)
