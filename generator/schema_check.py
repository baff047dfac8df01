"""Schema check: validate loaded data against the schema and turn every complaint into a located problem."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import replace
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import catalogue as C
from . import yaml_mistakes
from .load import Document, field_path
from .problems import Problem

M = TypeVar("M", bound=BaseModel)

_RECEIVED = {bool: "yes/no", int: "a number", float: "a number", str: "text", list: "a list",
             dict: "a mapping", type(None): "nothing"}
_EXPECTED = {
    "string_type": "text", "int_type": "a whole number", "float_type": "a number",
    "int_parsing": "a whole number", "float_parsing": "a number",
    "bool_type": "yes or no (true/false)", "bool_parsing": "yes or no (true/false)",
    "list_type": "a list (lines starting with '- ')", "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields", "model_attributes_type": "a mapping of fields",
}


def received(value: Any) -> str:
    kind = _RECEIVED.get(type(value), type(value).__name__)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        shown = str(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        return f"{kind} '{shown}'"
    return kind


def _unwrap(annotation: Any) -> Any:
    """The model class inside Optional[...], list[...] or Annotated[...], if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that holds the field at `loc`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def check(model: type[M], doc: Document, where: str | None = None) -> tuple[M | None, list[Problem]]:
    data = doc.data
    if not isinstance(data, dict):
        line, col = doc.where(())
        return None, [Problem.of(C.SchemaWrongType, doc.file, line, col, field="(the whole file)",
                                 expected="a mapping of fields (lines like 'name: value')",
                                 received=received(data))]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, _merge_alternatives([located(model, doc, err, where) for err in exc.errors()])


def _merge_alternatives(problems: list[Problem]) -> list[Problem]:
    """One problem per field: a value that fits no member of a union (text or a number) is one mistake."""
    out: list[Problem] = []
    wrong: dict[str, int] = {}
    for p in problems:
        if p.code == C.SchemaWrongType.code and p.field in wrong:
            i = wrong[p.field]
            values = dict(out[i].values)
            expected = values["expected"].split(" or ")
            if dict(p.values)["expected"] not in expected:
                values["expected"] = " or ".join([*expected, dict(p.values)["expected"]])
                out[i] = replace(out[i], values=tuple(sorted(values.items())))
            continue
        if p.code == C.SchemaWrongType.code:
            wrong[p.field] = len(out)
        out.append(p)
    return out


def _optional_inner(annotation: Any) -> Any:
    """X for Annotated[X, ...] and Optional[X]; the annotation itself otherwise."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _optional_inner(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return _optional_inner(members[0])
    return annotation


def clean_loc(model: type[BaseModel], loc: tuple) -> tuple:
    """The error location without the member names pydantic adds inside unions ('wte.float' -> 'wte')."""
    out: list = []
    current: Any = model
    for part in loc:
        current = _optional_inner(current)
        if isinstance(part, str) and typing.get_origin(current) in (typing.Union, types.UnionType):
            continue
        out.append(part)
        if isinstance(part, int):
            current = typing.get_args(current)[0] if typing.get_origin(current) is list else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            current = None
    return tuple(out)


def located(model: type[BaseModel], doc: Document, err: dict, where: str | None) -> Problem:
    loc = clean_loc(model, tuple(p for p in err["loc"] if isinstance(p, (str, int))))
    kind = err["type"]
    path = field_path(loc)
    if kind == "missing":
        line, col = doc.where(loc[:-1])
        return Problem.of(C.SchemaMissingField, doc.file, line, col, field=path, name=loc[-1])
    if kind == "extra_forbidden":
        line, col = doc.where(loc, key=True)
        holder = model_at(model, loc[:-1])
        fields = list(holder.model_fields) if holder else []
        close = difflib.get_close_matches(str(loc[-1]), fields, n=1, cutoff=0.6)
        suggestion = f"; did you mean '{close[0]}'?" if close else ""
        name = holder.__name__ if holder else "this block"
        return Problem.of(C.SchemaUnknownField, doc.file, line, col, field=path, name=loc[-1],
                          where=_describe(name, where), suggestion=suggestion,
                          choices=", ".join(fields))
    line, col = doc.where(loc)
    text_as_field = _text_read_as_field(doc, loc, kind, err.get("input"))
    if text_as_field is not None:
        return text_as_field
    if kind in _EXPECTED:
        return Problem.of(C.SchemaWrongType, doc.file, line, col, field=path,
                          expected=_EXPECTED[kind], received=received(err.get("input")))
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        expected = ("a financial year such as 2023-24" if "[0-9]{4}" in pattern
                    else "a slug of lowercase letters, digits and hyphens")
        return Problem.of(C.SchemaWrongType, doc.file, line, col, field=path, expected=expected,
                          received=received(err.get("input")))
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return Problem.of(C.SchemaInvalidValue, doc.file, line, col, field=path,
                          detail=f"expected one of {expected}, received {received(err.get('input'))}")
    message = err["msg"].removeprefix("Value error, ")
    return Problem.of(C.SchemaInvalidValue, doc.file, line, col, field=path, detail=message)


def _text_read_as_field(doc: Document, loc: tuple, kind: str, value: Any) -> Problem | None:
    """Text with ': ' in it, unquoted, is read as a one-field mapping: say so, at the colon."""
    if kind != "string_type" or not isinstance(value, dict) or len(value) != 1:
        return None
    [(key, inner)] = value.items()
    if isinstance(inner, (dict, list)) or (loc + (key,)) not in doc.key_positions:
        return None
    line, col = doc.key_positions[loc + (key,)]
    return replace(yaml_mistakes.colon_in_list_text(doc.line_text(line), doc.file, line, key, col),
                   field=field_path(loc))


def _describe(model_name: str, where: str | None) -> str:
    names = {"Plan": "a plan", "Activity": "an activity", "Finance": "the finance block",
             "FinanceLine": "a finance line", "Board": "a board", "Cluster": "a cluster",
             "Source": "the source", "Lead": "a lead", "KeyActionTheme": "a key action theme",
             "PriorityArea": "a priority area", "Goal": "a goal of the action plan",
             "ActionPlanArea": "a priority area of the action plan", "DataTable": "a table",
             "WorkforceRole": "a workforce role", "Workforce": "the workforce block", "KeyFact": "a key fact",
             "Swot": "the SWOT", "Risk": "a risk", "Member": "a member", "KnownIssue": "a known issue",
             "Vocabularies": "the vocabularies file", "Vocabulary": "a vocabulary", "Term": "a vocabulary term"}
    return names.get(model_name, f"a {model_name} block") if not where or model_name != "Plan" else where
