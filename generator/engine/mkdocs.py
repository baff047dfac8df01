"""Engine: write the page tree as an ordinary docs folder plus mkdocs.yml, and have MkDocs + Material build it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml

from generator.core.files import write_atomic
from generator.core.processes import ToolFailure, run_tool
from generator.sitemap.records import Page

ASSETS = "assets"


class EngineFailure(Exception):
    """The engine did not build the site; the message is its own output."""


@dataclass
class EngineConfig:
    root: Path
    config_file: Path
    templates_dir: Path
    content_dir: Path


def write_pages(pages: list[Page], docs_dir: Path) -> int:
    """Write pages into a docs tree, leaving its other files as they are; only changed files are rewritten."""
    return _write_changed({docs_dir / page.path: page.content.encode("utf-8") if isinstance(page.content, str)
                           else page.content for page in pages})


def finish_docs(docs_dir: Path, paths: set[str], config: EngineConfig) -> int:
    """Complete a docs tree whose pages (`paths`, relative to it) are written: add the theme's
    assets and remove whatever an earlier build left that is no longer part of the site."""
    assets = config.templates_dir / ASSETS
    copies = {docs_dir / ASSETS / source.relative_to(assets): source.read_bytes()
              for source in sorted(p for p in assets.rglob("*") if p.is_file())}
    written = _write_changed(copies)
    wanted = {os.path.join(docs_dir, path) for path in paths} | {str(path) for path in copies}
    # Deepest folders first, so that a folder emptied of stale files can go too.
    for folder, _, files in sorted(os.walk(docs_dir), reverse=True):
        for name in files:
            if os.path.join(folder, name) not in wanted:
                os.unlink(os.path.join(folder, name))
        if folder != str(docs_dir) and not os.listdir(folder):
            os.rmdir(folder)
    return written


def _write_changed(wanted: dict[Path, bytes]) -> int:
    """Write files whose content differs; an unchanged file keeps its time, so the engine can skip it."""
    written = 0
    for path, data in wanted.items():
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
        written += 1
    return written


# The generator's own Markdown extension: its finished HTML passed through as it is (engine/passthrough.py).
# An extension, not an MkDocs hook, so that MkDocs' successor Zensical, which reads the same mkdocs.yml but
# not its hooks, builds the site as fast.
PASSTHROUGH = "generator.engine.passthrough"


def engine_config(config: EngineConfig, docs_dir: Path, site_dir: Path, nav: list | None) -> dict:
    """The project's mkdocs.yml with the build's own folders, nav and language filled in."""
    data = yaml.safe_load(config.config_file.read_text(encoding="utf-8")) or {}
    data["docs_dir"] = str(docs_dir)
    data["site_dir"] = str(site_dir)
    theme = data.setdefault("theme", {})
    if "custom_dir" in theme:
        # Relative to the configuration file, as MkDocs reads it (the package's own, in a repository of plans).
        theme["custom_dir"] = str((config.config_file.parent / theme["custom_dir"]).resolve())
    if nav is not None:
        data["nav"] = nav
    data["markdown_extensions"] = [PASSTHROUGH, *data.get("markdown_extensions", [])]
    return data


_ID = re.compile(r' id="([^"]+)"')
# The extensions MkDocs always adds to those mkdocs.yml names.
MKDOCS_OWN_EXTENSIONS = ("toc", "tables", "fenced_code")
# A page's YAML front matter, which the engine reads as its settings, not as its text.
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def page_ids(text: str, config_file: Path) -> set[str]:
    """The ids a docs page carries once the engine has built it, its headings' included: its Markdown read
    with the Markdown extensions of mkdocs.yml, as MkDocs reads it. The theme's own parts are not counted."""
    data = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    names: list[str] = list(MKDOCS_OWN_EXTENSIONS)
    settings: dict[str, dict] = {}
    for entry in data.get("markdown_extensions") or []:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name not in names:
            names.append(name)
        if isinstance(entry, dict):
            settings[name] = entry[name] or {}
    html = markdown.Markdown(extensions=names, extension_configs=settings).convert(_FRONT_MATTER.sub("", text))
    return set(_ID.findall(html))


def write_config(data: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


# A hang guard, not a budget: a national build's engine run takes well under a minute.
ENGINE_TIMEOUT = 1800


def run_mkdocs(config_path: Path, epoch: int, dirty: bool = False) -> None:
    """Run MkDocs in its own process, so the engine can be swapped by changing this one call.
    A dirty run rebuilds only the pages whose source is newer than their output (for previews).
    A warning of the engine about the pages stops the build and is shown: the generator writes every
    page, and a warning means one of them is not what it meant to write. (MkDocs' own note that a dirty
    build is a dirty build is the preview's choice, not a warning about a page.)"""
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1")
    mode = "--dirty" if dirty else "--clean"
    try:
        result = run_tool([sys.executable, "-m", "mkdocs", "build", mode, "-f", str(config_path)],
                          "MkDocs", ENGINE_TIMEOUT, env=env, check=False)
    except ToolFailure as failure:
        raise EngineFailure(str(failure)) from None
    output = (result.stderr or result.stdout).strip().splitlines()
    warnings = [line for line in output if line.startswith(("WARNING", "ERROR")) and _DIRTY_NOTICE not in line]
    if result.returncode != 0:
        raise EngineFailure("\n".join(warnings or output))
    if warnings:
        raise EngineFailure("\n".join(["MkDocs warned about the pages it was given:", *warnings]))


# What MkDocs says on every dirty build.
_DIRTY_NOTICE = "A 'dirty' build is being performed"


def run_pagefind(site_dir: Path, output: Path | None = None, unsearched: tuple[str, ...] = ()) -> None:
    """Index the built site for search (generator/engine/search_index.py): Pagefind's chunked index, so a
    search downloads only the parts it needs. `output` writes the index elsewhere (to swap it in later)."""
    finish_pagefind(start_pagefind(site_dir, output, unsearched))


def start_pagefind(site_dir: Path, output: Path | None = None, unsearched: tuple[str, ...] = ()) -> subprocess.Popen:
    """Start indexing in its own process (see run_pagefind); finish_pagefind waits for it. The index is
    written beside the pages and never as HTML, so the pages can be read while it runs; the folders
    `unsearched` (of every language) are not indexed, so they can be written meanwhile."""
    bundle = output or site_dir / "pagefind"
    return subprocess.Popen([sys.executable, "-m", "generator.engine.search_index", str(site_dir.resolve()),
                             str(bundle.resolve()), *(f"--unsearched={folder}" for folder in unsearched)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


# A hang guard: indexing a national site takes well under a minute.
INDEX_TIMEOUT = 1800


def finish_pagefind(process: subprocess.Popen) -> None:
    try:
        out, _ = process.communicate(timeout=INDEX_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise EngineFailure(f"Pagefind took longer than {INDEX_TIMEOUT}s to index the site and was stopped") from None
    if process.returncode != 0:
        raise EngineFailure((out or "").strip())