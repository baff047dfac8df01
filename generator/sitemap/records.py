"""Page records: one file of a docs tree or of the built site, as the stages after rendering pass it on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Page:
    """One file of the docs tree, with the input files it was made from."""
    path: str
    content: str | bytes
    sources: tuple[str, ...] = ()
    title: str = ""
