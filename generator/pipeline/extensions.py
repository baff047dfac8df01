"""Site extensions: optional parts of the site that add files beside the engine's pages (the online
editor at /admin/ is one). They are found through the `cluster_plans.site_files` entry point, so the
build core never imports them, and `build` and `serve` add the same ones because both ask here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol

from generator.core import i18n
from generator.model.records import Repository
from generator.sitemap.records import Page

GROUP = "cluster_plans.site_files"


class ExtensionFailure(Exception):
    """An extension cannot add its files for a reason the person building can put right (a missing tool,
    a wrong setting); the message says which and how."""


@dataclass(frozen=True)
class SiteInputs:
    """What an extension may read to make its files."""
    root: Path
    repository: Repository
    translations: i18n.Translations
    templates_dir: Path
    # The built site so far (the engine's pages and assets), which the extension's pages may link to.
    site_dir: Path


class SiteExtension(Protocol):
    # What the build calls it in its progress and timings ("the online editor").
    title: str
    # The site folder its files are published in, left out of the search index.
    folder: str

    def files(self, inputs: SiteInputs) -> list[Page]:
        """Every file it adds, paths relative to the site's root (other languages under cy/ ...)."""
        ...

    def plan_editor(self, root: Path) -> str | None:
        """Where, from the site's root, a plan is edited (the plan pages link there), when this extension
        edits plans and the repository is set up for it to save them; else None."""
        ...


@cache
def installed() -> tuple[SiteExtension, ...]:
    """The extensions installed with the package, in the order of their names."""
    found = sorted(entry_points(group=GROUP), key=lambda point: point.name)
    return tuple(point.load()() for point in found)


def plan_editor(root: Path) -> str | None:
    """Where the plan pages' "Edit this plan" link goes, or None: no link to an editor that cannot save."""
    return next((found for extension in installed() if (found := extension.plan_editor(root))), None)


def unsearched() -> tuple[str, ...]:
    return tuple(extension.folder for extension in installed())
