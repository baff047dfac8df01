"""Schema address: where editors find the plan JSON Schema, as the line at the top of each plan.yaml names it.

The built site publishes the schema at schema/plan.schema.json under its address. With a site address
configured (`site_url` in mkdocs.yml, or `--site-url`), plans name that published copy by its full address,
which an editor reaches from any checkout and from a repository that holds only plans. Without one they name
the copy at the repository's root (`cluster-plans schema -o schema/plan.schema.json` writes it) by its
relative path from clusters/<board>/<cluster>/<year>/plan.yaml.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.core.addresses import is_site_address, tree_url
from generator.core.languages import LANGUAGES

SCHEMA_PATH = "schema/plan.schema.json"
# From clusters/<board>/<cluster>/<year>/plan.yaml up to the repository's root.
RELATIVE_PATH = "../../../../" + SCHEMA_PATH
MODELINE_START = "# yaml-language-server: $schema="


class SiteAddressError(Exception):
    """The configured site address is not a web address; the message says where it is and what to write."""


def schema_url(site_url: str) -> str:
    """The published schema's full address: schema/plan.schema.json under the site address's sub-path."""
    return tree_url(site_url, LANGUAGES[0]) + SCHEMA_PATH


def modeline(site_url: str | None) -> str:
    """The first line of a plan.yaml, which tells editors (yaml-language-server) where its schema is."""
    return MODELINE_START + (schema_url(site_url) if site_url else RELATIVE_PATH)


def configured_site_url(root: Path) -> str | None:
    """`site_url` of mkdocs.yml in the repository at `root`, or None where it has no mkdocs.yml or the
    value is empty (a repository that holds only plans usually has neither)."""
    config = root / "mkdocs.yml"
    if not config.is_file():
        return None
    try:
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        # The build reports an unreadable mkdocs.yml; here it only means no address is set.
        return None
    value = data.get("site_url") if isinstance(data, dict) else None
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not is_site_address(value):
        raise SiteAddressError(
            f"site_url in {config.name} ('{value}') is not a web address: write the full address the site is"
            " published at, e.g. https://example.org/plans/, or leave it empty")
    return value
