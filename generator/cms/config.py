"""The editor's configuration, written from the plan schema, the vocabularies and the plans themselves.

Every plan is one entry of a `files` collection (folder collections cannot list plans nested by
board, cluster and year) and each of its prose section files one entry of another. Forms are built
from the schema's models, so a field added to the schema appears in the editor without more work.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.core import i18n
from generator.model.records import PlanRecord, Repository
from generator.core.money import Money
from generator.schema.plan import SECTIONS, SLUG_PATTERN, YEAR_PATTERN, Plan, Text

PLANS = "plans"
SECTIONS_COLLECTION = "sections"
SECTION_FORMAT = "plan-section"
SETTINGS_FILE = "cms.yml"
# `cluster-plans edit` runs decap-server here; the editor looks for it only when opened from this computer.
PROXY_PORT = 8081
LOCAL_BACKEND = {"url": f"http://127.0.0.1:{PROXY_PORT}/api/v1"}
# Fields the form leaves out. They stay in the file as they are: the folder fixes the board, cluster
# and year; known issues record what a source document got wrong, which reviewers settle, not the form.
HIDDEN = {"board", "cluster", "year", "known_issues"}
# Fields whose choices come from a vocabulary: field name -> vocabulary (None: the board's priorities).
CHOICES = {"ministerial_priorities": "ministerial_priorities", "sppc_priorities": "sppc_priorities",
           "funding_sources": "funding_sources", "status": "activity_statuses",
           "new_or_existing": "activity_origins", "board_priorities": None, "strategic_priorities": None}
# Fields the schema requires that a plan may still leave blank, as its source did: the validator accepts a
# risk register row with no wording and a table with no caption, so the form must not refuse to save them.
BLANK_KEPT = {("Risk", "risk"), ("DataTable", "caption")}
# The checks of a field of a fixed shape (generator/cms/field_rules.py), by the schema's pattern.
SHAPES = {SLUG_PATTERN: "slug", YEAR_PATTERN: "year"}
# Which field names each list item in the editor's collapsed list, so a lead can find an item.
SUMMARY_KEYS = ("title", "theme", "item", "name", "goal", "priority_area", "fact", "project", "role",
                "caption")


class SettingsError(Exception):
    """cms.yml is unreadable or holds a value of the wrong kind."""


@dataclass
class Settings:
    """How the published editor reaches the repository (cms.yml at the repository's root)."""
    repo: str = "cluster-plans/cluster-plans"
    branch: str = "main"
    base_url: str | None = None
    auth_endpoint: str | None = None
    site_url: str | None = None
    # Whether cms.yml names the repository (`repo`): only then can the published editor save a plan.
    names_repository: bool = False

    @classmethod
    def load(cls, root: Path) -> "Settings":
        path = root / SETTINGS_FILE
        if not path.exists():
            return cls()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            raise SettingsError(f"{SETTINGS_FILE}{line}: not readable YAML; write one setting a line, "
                                f"e.g. repo: my-board/cluster-plans") from None
        if not isinstance(data, dict):
            raise SettingsError(f"{SETTINGS_FILE}: expected settings (name: value), received "
                                f"{type(data).__name__}")
        known = {"repo", "branch", "base_url", "auth_endpoint", "site_url"}
        for key in known & set(data):
            if not isinstance(data[key], str) or not data[key].strip():
                raise SettingsError(f"{SETTINGS_FILE}: '{key}' must be text, e.g. {key}: {getattr(cls, key)}")
        unknown = sorted(set(data) - known)
        if unknown:
            raise SettingsError(f"{SETTINGS_FILE}: unknown setting '{unknown[0]}'; the settings are "
                                f"{', '.join(sorted(known))}")
        return cls(**{key: data[key] for key in known & set(data)}, names_repository="repo" in data)


def entry_name(record: PlanRecord) -> str:
    """The entry's name in the editor, also its branch: cms/plans/<board>-<cluster>-<year>."""
    return f"{record.board.slug}-{record.cluster.slug}-{record.plan.year}"


def section_entry_name(record: PlanRecord, file_name: str) -> str:
    return f"{entry_name(record)}-{file_name.removesuffix('.md').replace('.', '-')}"


def entry_path(record: PlanRecord) -> str:
    """The admin page's address of a plan's form, relative to /admin/."""
    return f"#/collections/{PLANS}/entries/{entry_name(record)}"


class Labels:
    """Field labels and hints in one language, from the translation table."""

    def __init__(self, translations: i18n.Translations, language: str):
        self.translations = translations
        self.language = language

    def text(self, key: str, **values: str) -> str:
        return self.translations.text(key, self.language, **values)

    def own(self, kind: str, model: str, name: str) -> str | None:
        """The key of a text of one model's field (cms.field.Plan.status), else of every field of that name."""
        for key in (f"cms.{kind}.{model}.{name}", f"cms.{kind}.{name}"):
            if key in self.translations:
                return key
        return None

    def field(self, name: str, model: str = "") -> str:
        key = self.own("field", model, name)
        return self.text(key) if key else self.text(f"cms.field.{name}")

    def hint(self, name: str, info: FieldInfo, model: str = "") -> str | None:
        key = self.own("hint", model, name)
        if key:
            return self.text(key)
        # The schema's own description, where the table has no hint of its own (English only).
        return info.description if self.language == "en" and info.description else None


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside Optional[...] and whether it was optional."""
    if typing.get_origin(annotation) is typing.Annotated and typing.get_origin(_base(annotation)) in (
            typing.Union, types.UnionType):
        annotation = _base(annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        if len(args) == 1:
            return _unwrap(args[0])[0], optional
        return args, optional
    return annotation, False


def _base(annotation: Any) -> Any:
    if typing.get_origin(annotation) is typing.Annotated:
        return typing.get_args(annotation)[0]
    return annotation


def _pattern(annotation: Any) -> str | None:
    """The regular expression a value must match (slugs, years), from the schema's metadata."""
    inner, _ = _unwrap(annotation)
    if typing.get_origin(inner) is typing.Annotated:
        for meta in typing.get_args(inner)[1:]:
            for item in [meta, *getattr(meta, "metadata", [])]:
                if getattr(item, "pattern", None):
                    return str(item.pattern)
    return None


def _is_text(annotation: Any) -> bool:
    return annotation == Text


class FormBuilder:
    """Decap fields for the schema's models, with select choices for one board's plans."""

    def __init__(self, labels: Labels, options: dict[str, list[dict[str, str]]],
                 variants: dict[str, dict[str, str]] | None = None):
        self.labels = labels
        self.options = options
        self.variants = variants or {}

    def fields(self, model: type[BaseModel]) -> list[dict[str, Any]]:
        # The annotations as written (pydantic's own copy drops the Text marker of top-level fields).
        hints = typing.get_type_hints(model, include_extras=True)
        return [self.field(name, info, hints[name], model.__name__) for name, info in model.model_fields.items()
                if name not in HIDDEN]

    def field(self, name: str, info: FieldInfo, hint: Any, model: str = "") -> dict[str, Any]:
        annotation, optional = _unwrap(hint)
        out: dict[str, Any] = {"name": name, "label": self.labels.field(name, model)}
        help_text = self.labels.hint(name, info, model)
        if help_text:
            out["hint"] = help_text
        out.update(self.widget(name, annotation, info, model))
        pattern = _pattern(hint)
        if pattern in SHAPES:
            out.update({"widget": "shaped", "shape": SHAPES[pattern]})
        # Required as the schema says (Decap refuses to save it empty, in the validator's words); every
        # other field is marked optional. A value with a default (the plan's status) is required too: the
        # form always has one to show.
        required = info.is_required() and not optional and (model, name) not in BLANK_KEPT
        if not (required or (info.default is not None and out.get("widget") == "select")):
            out["required"] = False
        return out

    def widget(self, name: str, annotation: Any, info: FieldInfo, model: str = "") -> dict[str, Any]:
        base = _base(annotation)
        if base is Money:
            return {"widget": "money"}
        if isinstance(annotation, list):
            # A union of plain kinds (a whole-time equivalent of 1.5 or "1.5 WTE"): text keeps both.
            return {"widget": "string"}
        if typing.get_origin(base) is typing.Literal:
            return {"widget": "select", "options": [self.choice(model, name, value) for value in typing.get_args(base)]}
        if typing.get_origin(base) is list:
            return self.list_widget(name, typing.get_args(base)[0])
        if isinstance(base, type) and issubclass(base, BaseModel):
            fields = self.fields(base)
            out: dict[str, Any] = {"widget": "object", "collapsed": True, "fields": fields}
            summary = next((key for key in SUMMARY_KEYS if key in [f["name"] for f in fields]), None)
            if summary:
                out["summary"] = "{{fields.%s}}" % summary
            return out
        if base is bool:
            return {"widget": "boolean"}
        if base in (int, float):
            return {"widget": "number", "value_type": "int" if base is int else "float"}
        if name in CHOICES and name in self.options:
            return self.term_widget(name)
        if _is_text(annotation) and name not in ("goal", "fact"):
            return {"widget": "text"}
        return {"widget": "string"}

    def list_widget(self, name: str, item: Any) -> dict[str, Any]:
        base = _base(item)
        if name in CHOICES and name in self.options:
            return {**self.term_widget(name), "multiple": True}
        if isinstance(base, type) and issubclass(base, BaseModel):
            fields = self.fields(base)
            # The list shows as one line until opened, its items as one line each: a plan fits a screen.
            out = {"widget": "list", "collapsed": True, "minimize_collapsed": True, "fields": fields}
            if f"cms.singular.{name}" in self.labels.translations:
                out["label_singular"] = self.labels.text(f"cms.singular.{name}")
            shown = [f["name"] for f in fields]
            summary = next((key for key in SUMMARY_KEYS if key in shown), None)
            if summary:
                out["summary"] = "{{fields.%s}}" % summary
            return out
        if typing.get_origin(base) is list:
            # Rows of a captioned table: a grid of cells, each kept as the plan wrote it.
            return {"widget": "table-rows"}
        # Items may be blank (a table's empty column heading): the schema, not the form, says what is required.
        return {"widget": "list", "minimize_collapsed": True,
                "field": {"name": "item", "label": self.labels.field(name), "required": False,
                          "widget": "text" if _is_text(item) else "string"}}

    def term_widget(self, name: str) -> dict[str, Any]:
        out: dict[str, Any] = {"widget": "term", "options": self.options[name]}
        variants = self.variants.get(CHOICES[name] or "", {})
        if variants:
            out["variants"] = variants
        return out

    def choice(self, model: str, name: str, value: str) -> dict[str, str] | str:
        """A fixed choice, labelled in the lead's words where the table has them (the plan's status)."""
        key = f"cms.choice.{model}.{name}.{value}"
        return {"label": self.labels.text(key), "value": value} if key in self.labels.translations else value


def _choices(terms: list[dict[str, str]], language: str) -> list[dict[str, str]]:
    """Each term of a vocabulary once, labelled in the page's language, its value the term itself. The
    variants plans already use are not offered: the form shows them as their term (see `variants`)."""
    return [{"label": term.get(language) or term["term"], "value": term["term"]} for term in terms]


def board_options(board_priorities: list[str], vocabularies: dict[str, list[dict[str, str]]],
                  language: str) -> dict[str, list[dict[str, str]]]:
    options = {}
    for name, vocabulary in CHOICES.items():
        terms = vocabularies.get(vocabulary, []) if vocabulary else [{"term": p} for p in board_priorities]
        options[name] = _choices(terms, language)
    return options


def vocabulary_terms(root: Path) -> dict[str, list[dict[str, str]]]:
    """Each vocabulary's terms: the term, and its Welsh label (cy) where it has one."""
    data = yaml.safe_load((root / "clusters" / "vocabularies.yaml").read_text(encoding="utf-8")) or {}
    return {name: [{key: str(term[key]) for key in ("term", "cy") if term.get(key)} for term in entry.get("terms", [])]
            for name, entry in data.items() if isinstance(entry, dict)}


def vocabulary_variants(root: Path) -> dict[str, dict[str, str]]:
    """Each vocabulary's variants, with the term each stands for."""
    data = yaml.safe_load((root / "clusters" / "vocabularies.yaml").read_text(encoding="utf-8")) or {}
    return {name: {str(variant): str(term["term"]) for term in entry.get("terms", []) for variant in term.get("variants") or []}
            for name, entry in data.items() if isinstance(entry, dict)}


def plan_label(record: PlanRecord, language: str) -> str:
    return f"{i18n.name_in(record.cluster, language)} {record.plan.year} ({i18n.board_name(record.board, language)})"


def section_files(root: Path, record: PlanRecord) -> list[str]:
    """The plan's prose files in reading order (English before Welsh), then any others."""
    folder = root / record.folder
    names = sorted(p.name for p in folder.glob("*.md"))
    order = {name: i for i, name in enumerate(SECTIONS)}
    return sorted(names, key=lambda n: (order.get(n.split(".")[0], len(order)), n))


def section_label(labels: Labels, record: PlanRecord, file_name: str) -> str:
    stem, _, rest = file_name.removesuffix(".md").partition(".")
    key = f"cms.section.{stem}"
    heading = labels.text(key) if key in labels.translations else stem.replace("-", " ").capitalize()
    if rest:
        heading = f"{heading} ({rest})"
    return labels.text("cms.section_entry", plan=plan_label(record, labels.language), section=heading)


def cms_config(root: Path, repository: Repository, translations: i18n.Translations, language: str,
               settings: Settings, local_backend: bool | dict[str, str] | None = None) -> dict[str, Any]:
    """The whole editor configuration (config.yml) for one language of the admin page."""
    labels = Labels(translations, language)
    vocabularies = vocabulary_terms(root)
    variants = vocabulary_variants(root)
    backend: dict[str, Any] = {"name": "github", "repo": settings.repo, "branch": settings.branch,
                               "squash_merges": True}
    for key in ("base_url", "auth_endpoint"):
        if getattr(settings, key):
            backend[key] = getattr(settings, key)
    plans, sections = [], []
    forms: dict[str, list[dict[str, Any]]] = {}
    # Every section has the same form: one object, which the file writes once and refers to after.
    section_form = [{"name": "body", "label": labels.text("cms.section_body"),
                     # Markdown as typed: the rich-text mode would rewrite the whole file on a save.
                     "widget": "markdown", "modes": ["raw"],
                     "buttons": ["bold", "italic", "link", "heading-two", "heading-three",
                                 "bulleted-list", "numbered-list", "quote"],
                     "editor_components": []}]
    for board in repository.boards:
        builder = FormBuilder(labels, board_options(list(board.board.strategic_priorities), vocabularies, language),
                              variants)
        # One form per board (its own priority areas); YAML anchors keep the file from repeating it.
        forms[board.board.slug] = builder.fields(Plan)
        for record in board.plans:
            plans.append({"name": entry_name(record), "label": plan_label(record, language),
                          "file": f"{record.folder}/plan.yaml", "fields": forms[board.board.slug]})
            for file_name in section_files(root, record):
                sections.append({
                    "name": section_entry_name(record, file_name),
                    "label": section_label(labels, record, file_name),
                    "file": f"{record.folder}/{file_name}",
                    "fields": section_form,
                })
    config: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "local_backend": LOCAL_BACKEND if local_backend is None else local_backend,
        "media_folder": "content/assets/uploads",
        "public_folder": "/assets/uploads",
        # Decap's own words in the page's language (the page's script registers them under this name).
        "locale": language,
        "show_preview_links": False,
        "collections": [
            {"name": PLANS, "label": labels.text("cms.plans"), "label_singular": labels.text("cms.plan"),
             "description": labels.text("cms.plans_description"), "format": "yml", "extension": "yaml",
             "editor": {"preview": True}, "files": plans},
            {"name": SECTIONS_COLLECTION, "label": labels.text("cms.sections"),
             "label_singular": labels.text("cms.section"), "description": labels.text("cms.sections_description"),
             "format": SECTION_FORMAT, "extension": "md", "editor": {"preview": True}, "files": sections},
        ],
    }
    if settings.site_url:
        config["site_url"] = settings.site_url
    return config


if TYPE_CHECKING:
    _DumperBase = yaml.SafeDumper
else:
    # libyaml's emitter writes the same text as the pure-Python one, several times faster (a national
    # config is over 3 MB); PyYAML built without libyaml has only the pure-Python one.
    _DumperBase = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_DumperBase):
    """Writes the same form once with an anchor and refers to it after (a national config would
    otherwise repeat every field hundreds of times)."""


def config_text(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
