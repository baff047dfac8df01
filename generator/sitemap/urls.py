"""URLs: where a docs page is served from, and the relative link from one page to another."""

from __future__ import annotations

import posixpath
from functools import lru_cache


def page_dir(path: str) -> str:
    """The URL folder a docs page is served from (directory URLs: a/b.md -> a/b/, a/index.md -> a/)."""
    if path.endswith("index.md"):
        return path[: -len("index.md")]
    if path.endswith(".md"):
        return path[:-3] + "/"
    return posixpath.dirname(path) + "/"


@lru_cache(maxsize=262144)
def relative_url(from_dir: str, target: str) -> str:
    base = "/" + from_dir
    dest = "/" + target
    rel = posixpath.relpath(dest, base)
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel == "./":
        return "./"
    return rel
