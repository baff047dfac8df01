"""The JSON Schema editors use: the plan schema with the repository's vocabularies as the allowed values.

Generated from clusters/vocabularies.yaml and each board's strategic priorities, so that an editor
offers the same terms the validator accepts and never drifts from them: canonical terms are offered,
known variant spellings are accepted but not offered (the validator warns about them), anything
else (`strated`) is refused.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from generator.model.records import Repository
from generator.schema.plan import plan_json_schema
from generator.schema.vocabulary import Lookup

# Which vocabulary each activity field takes its values from.
ACTIVITY_VOCABULARIES = {
    "status": "status", "new_or_existing": "origin", "ministerial_priorities": "ministerial",
    "sppc_priorities": "sppc", "funding_sources": "funding",
}


def term_schema(lookup: Lookup) -> dict[str, Any]:
    """One value of a vocabulary: a canonical term, or a known variant with a hint to the canonical one."""
    canonical: dict[str, Any] = {"enum": list(lookup.terms), "description": f"A {lookup.label}."}
    variants = [{"const": variant, "description": f"A variant spelling of the {lookup.label} '{term}': write '{term}'.",
                 "deprecated": True, "deprecationMessage": f"Write '{term}'.", "doNotSuggest": True}
                for term in lookup.terms for variant in lookup.spellings.get(term, [])]
    spellings = [*lookup.terms, *(v for term in lookup.terms for v in lookup.spellings.get(term, []))]
    # The validator also takes a term written in other capitals or spacing (with a warning); so does this.
    loose = {"type": "string", "pattern": "^\\s*(?:" + "|".join(_loose(t) for t in spellings) + ")\\s*\\.?$",
             "deprecated": True, "doNotSuggest": True,
             "description": f"Another spelling of a {lookup.label}: the validator says which term to write."}
    return {"anyOf": [canonical, *variants, loose]}


def _loose(term: str) -> str:
    """A pattern for a term in any capitals, with any run of spaces, hyphens or underscores between words
    and '&' for 'and' (ECMA-262 patterns, as JSON Schema has them, have no flag for ignoring case)."""
    out = []
    for word in re.split(r"[\s\-–_]+", term.strip().lower().replace("&", "and")):
        parts = []
        for char in word:
            parts.append(f"[{char}{char.upper()}]" if char.isalpha() and char.upper() != char else re.escape(char))
        piece = "".join(parts)
        out.append("(?:[aA][nN][dD]|&)" if word == "and" else piece)
    return "[\\s\\-–_]+".join(out)


def _restrict(prop: dict[str, Any], value: dict[str, Any]) -> None:
    """Put a vocabulary in place of the plain text a field (or its list's items) accepts."""
    if prop.get("type") == "array":
        prop["items"] = value
    elif "anyOf" in prop:
        prop["anyOf"] = [value if member == {"type": "string"} else member for member in prop["anyOf"]]
    else:
        prop.clear()
        prop.update(value)


def editor_schema(repository: Repository, site_url: str | None = None) -> dict[str, Any]:
    """The plan JSON Schema with the vocabularies of `repository` (its boards' priorities per board); with
    the site's address, its `$id` is where the site publishes it."""
    schema = copy.deepcopy(plan_json_schema(site_url))
    vocab = repository.vocab
    if vocab is not None:
        activity = schema["$defs"]["Activity"]["properties"]
        for name, vocabulary in ACTIVITY_VOCABULARIES.items():
            _restrict(activity[name], term_schema(getattr(vocab, vocabulary)))
    per_board = []
    for record in repository.boards:
        terms = list(record.board.strategic_priorities)
        if not terms:
            continue
        allowed = {"enum": terms, "description": f"A strategic priority area of {record.board.name}."}
        per_board.append({
            "if": {"properties": {"board": {"const": record.board.slug}}, "required": ["board"]},
            "then": {"properties": {
                "activities": {"items": {"properties": {"board_priorities": {"items": allowed}}}},
                "action_plan": {"items": {"properties": {"goals": {"items": {
                    "properties": {"strategic_priorities": {"items": allowed}}}}}}},
            }},
        })
    if per_board:
        schema["allOf"] = per_board
    return schema


def editor_schema_text(repository: Repository, site_url: str | None = None) -> str:
    """The editors' schema as published: stable key order, one trailing newline."""
    return json.dumps(editor_schema(repository, site_url), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def repository_terms(root: Path) -> tuple[Repository, list]:
    """The vocabularies and boards of the repository at `root`, read without checking any plan, and the
    problems that kept any of them from being read."""
    from generator.checks.validate import Validator

    validation = Validator(root, plans=False).run()
    return validation.repository, validation.report.errors
