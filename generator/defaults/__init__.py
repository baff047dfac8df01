"""What a repository of plans gets when it has none of its own: this project's templates, content pages
(the leads' guide), engine configuration (mkdocs.yml) and the editor's package list. In a checkout they
are links to the project's own folders; an installed package carries copies (see pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

DEFAULTS = Path(__file__).resolve().parent


def project_part(root: Path, name: str) -> Path:
    """A part of a repository (templates, content, mkdocs.yml): the repository's own where it has one,
    else this package's."""
    own = root / name
    return own if own.exists() else DEFAULTS / name


def templates_with(root: Path, part: str) -> Path:
    """The templates to use for a job that needs `part` of them (documents/, diff/, translations.yaml): the
    repository's own when they hold it (a repository may keep older templates without it), else the
    package's."""
    own = root / "templates"
    return own if (own / part).exists() else DEFAULTS / "templates"
