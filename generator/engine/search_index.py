"""The site's search index: Pagefind run once for each language, one after the other.

Pagefind keeps every word of every page it indexes in memory until it writes the index, so its peak
memory grows with the site: a national site of 600 plans needs about 2.3 GB in one run. It already
builds a separate index for each page language, with its own statistics, so indexing the languages
one at a time writes byte for byte the same index files, and a search finds and ranks exactly the
same pages, at about the memory of the largest language alone. (Splitting a language's pages into
several indexes merged when searching would lower it further, but each part would score words by its
own statistics, and the order of results would change.)

Run as its own process (`python -m generator.search_index SITE OUTPUT`), so the build can check links
while the index is made: it shows each language's pages to Pagefind in a folder of hard links beside
the site, puts the languages' bundles together in OUTPUT and writes one entry file naming them all.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.core.languages import LANGUAGES, OTHER_LANGUAGES

ENTRY = "pagefind-entry.json"


# A cluster's "What changed" pages (/<board>/<cluster>/changes/<year>-to-<year>/) are not searched: every
# word they show is a word of the two plans they compare, which are searched and are what a search
# should lead to (the cluster's page links to them). They held about 37 % of the words indexed, and
# Pagefind's memory grows with the words it indexes.
COMPARISONS = "changes"


def is_comparison(within: tuple[str, ...]) -> bool:
    """Whether a page (its path inside its language's site) is one of a cluster's What changed pages."""
    return len(within) == 5 and within[2] == COMPARISONS


def pages_by_language(site_dir: Path, output: Path, unsearched: tuple[str, ...] = ()) -> dict[str, list[Path]]:
    """The HTML pages of each language that search finds, as paths inside the site: a language other
    than the first has its own folder (/cy/); the rest of the site is the first language's. An index
    already in the site is not a page, nor is anything in the `unsearched` folders of any language
    (/admin/, /cy/admin/), which may be written while the index is made; the What changed pages are
    left out (see COMPARISONS)."""
    groups: dict[str, list[Path]] = {language: [] for language in LANGUAGES}
    for page in sorted(site_dir.rglob("*.html")):
        if page.is_relative_to(output):
            continue
        inside = page.relative_to(site_dir)
        first = inside.parts[0] if len(inside.parts) > 1 else ""
        language = first if first in OTHER_LANGUAGES else LANGUAGES[0]
        within = inside.parts[1:] if language != LANGUAGES[0] else inside.parts
        if (len(within) > 1 and within[0] in unsearched) or is_comparison(within):
            continue
        groups[language].append(inside)
    return groups


def show_pages(site_dir: Path, pages: list[Path], folder: Path) -> None:
    """Put `pages` in `folder` at their places in the site: hard links where the file system allows
    them (no copying, the same bytes), copies where it does not."""
    for inside in pages:
        target = folder / inside
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site_dir / inside, target)
        except OSError:
            shutil.copyfile(site_dir / inside, target)


# A hang guard for one language's index (the build waits on the whole run with its own).
INDEX_TIMEOUT = 1500


def run_pagefind(site: Path, output: Path) -> None:
    try:
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output),
                                 "--exclude-selectors", ".headerlink", "--quiet"],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=INDEX_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"Pagefind took longer than {INDEX_TIMEOUT}s to index {site} and was stopped") from None
    if result.returncode != 0:
        raise RuntimeError((result.stdout or "").strip() or f"Pagefind stopped with exit code {result.returncode}")


def merge_entries(entries: list[dict]) -> dict:
    """One entry file for the bundles of every language: the languages together, the rest (the
    version, the characters indexed) the same in each."""
    merged = dict(entries[0])
    merged["languages"] = {}
    for entry in entries:
        merged["languages"].update(entry.get("languages", {}))
    return merged


def index_site(site_dir: Path, output: Path, unsearched: tuple[str, ...] = ()) -> None:
    """Index the site's pages, but those in the `unsearched` folders, into the bundle folder `output`,
    one language at a time."""
    groups = pages_by_language(site_dir, output, unsearched)
    entries: list[dict] = []
    # The work folder sits beside the site, on the same file system, so the pages can be hard-linked.
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site_dir.parent) as work:
        bundle = Path(work) / "bundle"
        for language, pages in groups.items():
            if not pages:
                continue
            shown, written = Path(work) / language, Path(work) / f"{language}-bundle"
            show_pages(site_dir, pages, shown)
            run_pagefind(shown, written)
            shutil.rmtree(shown)
            entries.append(json.loads((written / ENTRY).read_text(encoding="utf-8")))
            # The files the languages share (Pagefind's scripts) are the same in each bundle.
            shutil.copytree(written, bundle, dirs_exist_ok=True)
            shutil.rmtree(written)
        if not entries:
            raise RuntimeError(f"{site_dir} has no pages to index")
        # Sorted keys keep the entry file byte-identical from one build to the next.
        (bundle / ENTRY).write_text(json.dumps(merge_entries(entries), sort_keys=True, separators=(",", ":"),
                                               ensure_ascii=False), encoding="utf-8")
        if output.exists():
            shutil.rmtree(output)
        shutil.move(str(bundle), str(output))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.engine.search_index", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site")
    parser.add_argument("output", type=Path, help="where the search bundle goes (usually SITE/pagefind)")
    parser.add_argument("--unsearched", action="append", default=[], metavar="FOLDER",
                        help="a folder of every language whose pages are not searched (admin)")
    args = parser.parse_args(argv)
    try:
        index_site(args.site.resolve(), args.output.resolve(), tuple(args.unsearched))
    except (OSError, RuntimeError, ValueError) as error:
        print(f"the search index could not be made: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
