"""Schema check: validate loaded data against the schema and turn every complaint into a located problem."""

from __future__ import annotations

import re
import types
import typing
from dataclasses import replace
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.problems import catalogue as C
from generator.load import written as readings
from generator.core.i18n import Said, in_each_language, words as catalogue_words
from generator.core.languages import OTHER_LANGUAGES
from generator.schema import words
from generator.load import yaml_mistakes
from generator.load.documents import Document, field_path
from generator.problems.report import PhrasedError, Problem
from generator.schema.vocabulary import slugify
from generator.core.suggest import closest_name

M = TypeVar("M", bound=BaseModel)

_RECEIVED = {bool: "yes/no", int: "a number", float: "a number", str: "text", list: "a list",
             dict: "a mapping", type(None): "nothing"}
_EXPECTED = {
    "string_type": "text", "int_type": "a whole number", "float_type": "a number",
    "int_parsing": "a whole number", "int_from_float": "a whole number", "float_parsing": "a number",
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


def check(model: type[M], doc: Document) -> tuple[M | None, list[Problem]]:
    data = doc.data
    if not isinstance(data, dict):
        line, col = doc.where(())
        return None, [Problem.of(C.SchemaWrongType, doc.file, line, col, field="(the whole file)", whole="yes",
                                 **words.expected_values("a mapping of fields (lines like 'name: value')"),
                                 **words.received_values(data))]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, _merge_alternatives([located(model, doc, err) for err in exc.errors()])


def _merge_alternatives(problems: list[Problem]) -> list[Problem]:
    """One problem per field: a value that fits no member of a union (text or a number) is one mistake."""
    out: list[Problem] = []
    wrong: dict[str, int] = {}
    for p in problems:
        if p.code == C.SchemaWrongType.code and p.field in wrong:
            i = wrong[p.field]
            values = dict(out[i].values)
            expected = str(values["expected"]).split(" or ")
            if p.value("expected") not in expected:
                values.update(words.expected_values(" or ".join([*expected, p.value("expected")])))
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


def located(model: type[BaseModel], doc: Document, err: Mapping[str, Any]) -> Problem:
    loc = clean_loc(model, tuple(p for p in err["loc"] if isinstance(p, (str, int))))
    kind = err["type"]
    path = field_path(loc)
    value = err.get("input")
    if kind == "missing":
        line, col = doc.where(loc[:-1])
        named = words.place(doc.file, doc.data, loc)
        return Problem.of(C.SchemaMissingField, doc.file, line, col, field=path, **{**named, "name": loc[-1]})
    if kind == "extra_forbidden":
        line, col = doc.where(loc, key=True)
        holder = model_at(model, loc[:-1])
        fields = list(holder.model_fields) if holder else []
        close = closest_name(str(loc[-1]), fields)
        name = holder.__name__ if holder else "this block"
        return Problem.of(C.SchemaUnknownField, doc.file, line, col, field=path, name=loc[-1],
                          **_holder(name), close=close or "", choices=", ".join(fields))
    line, col = doc.where(loc)
    text_as_field = _text_read_as_field(doc, loc, kind, value)
    if text_as_field is not None:
        return text_as_field
    named = words.place(doc.file, doc.data, loc)
    if kind in _EXPECTED or kind == "string_pattern_mismatch":
        if kind == "string_pattern_mismatch":
            year = "[0-9]{4}" in err.get("ctx", {}).get("pattern", "")
            expected = "a financial year such as 2023-24" if year else "a slug of lowercase letters, digits and hyphens"
        elif loc and loc[-1] in _YEAR_FIELDS and isinstance(value, int) and not isinstance(value, bool):
            expected = "a financial year such as 2023-24"
        else:
            expected = _EXPECTED[kind]
        written = doc.written.get(loc)
        if expected.startswith("a list") and not _list_of_text(model, loc):
            # A list of blocks (leads, activities) written as text: its entries are not the text's parts.
            expected = "a list (lines starting with '- ')"
            reading = None
            return Problem.of(C.SchemaWrongType, doc.file, line, col, field=path, **named,
                              **words.expected_values(expected), **_received(value, written),
                              **_block_list_tip(named["name"], value))
        reading = _reading(expected, value, written)
        if reading is not None and reading.at is not None:
            line, col = _at_char(doc, line, col, reading.at)
        return Problem.of(C.SchemaWrongType, doc.file, line, col, field=path, **named,
                          **words.expected_values(expected), **_received(value, written),
                          why=reading.why if reading is not None else "",
                          **_tip(kind, expected, named["name"], value, written, reading))
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        got = words.received_values(value)
        allowed = [part.strip(" '") for part in expected.replace(" or ", ", ").split(",")]
        quoted = [f"'{a}'" for a in allowed]
        one_of = C.OR_LIST(items=", ".join(quoted[:-1]), last=quoted[-1]) if len(quoted) > 1 else quoted[0]
        return Problem.of(C.SchemaInvalidValue, doc.file, line, col, field=path, **named,
                          detail=C.ONE_OF(choices=one_of, **got), choices=", ".join(allowed))
    error = err.get("ctx", {}).get("error")
    detail = error.phrase if isinstance(error, PhrasedError) else err["msg"].removeprefix("Value error, ")
    money = isinstance(error, PhrasedError) and error.money
    mapping = readings.money_mapping(value) if money and isinstance(value, dict) else None
    if mapping is not None:
        typed = doc.line_text(line)[col - 1:].strip()
        return Problem.of(C.MoneyUnparseable, doc.file, line, col, field=path, excerpt=doc.line_text(line),
                          written=typed, why=mapping.why, fixed=f"{named['name']}: {mapping.fixed}")
    return Problem.of(C.SchemaInvalidValue, doc.file, line, col, field=path, **named, detail=detail,
                      money="yes" if money else "", other="" if money else "yes")


# Fields that take a financial year: a year written alone (since: 2021) is a number to YAML.
_YEAR_FIELDS = {"since", "year"}


def _reading(expected: str, value: Any, written: str | None) -> readings.Reading | None:
    """Why a value is not the kind its field takes, when it is one of the ways people write it by habit."""
    if isinstance(value, bool) and written is not None:
        return readings.Reading(C.WHY_YES_NO(written=written))
    if expected.startswith("a financial year"):
        return readings.year(value)
    if expected.startswith("a slug"):
        return readings.slug(value)
    if expected.startswith("a list") and isinstance(value, str):
        why, _ = readings.list_items(value)
        return readings.Reading(why) if why is not None else None
    if expected.startswith("text") and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return readings.Reading(C.WHY_TEXT_AS_LIST(count=len(value)))
    if "number" in expected and isinstance(value, str) and re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", value):
        return readings.Reading(C.WHY_COMMA_NUMBER(), value.replace(",", ""), value.index(","))
    return None


def _list_of_text(model: type[BaseModel], loc: tuple) -> bool:
    """Whether the field at `loc` is a list of text (expected results, funding sources), not of blocks."""
    holder = model_at(model, loc[:-1])
    info = holder.model_fields.get(loc[-1]) if holder is not None and loc and isinstance(loc[-1], str) else None
    if info is None:
        return False
    args = typing.get_args(_optional_inner(info.annotation))
    return bool(args) and _optional_inner(args[0]) is str


def _block_list_tip(name: str, value: Any) -> dict[str, str]:
    if not isinstance(value, str):
        return {}
    return in_each_language("tip", "tip.entries_below", name=name, value=value)


def _received(value: Any, written: str | None) -> dict[str, str]:
    """What the lead wrote, as written when YAML read it as something else (yes -> yes/no)."""
    if written is not None and isinstance(value, bool):
        return {"received": f"'{written}'", **{f"received_{language}": f"'{written}'" for language in OTHER_LANGUAGES}}
    return words.received_values(value)


def _at_char(doc: Document, line: int, col: int, index: int) -> tuple[int, int]:
    """The column of a character inside a value on one line (after its opening quote, if any)."""
    text = doc.line_text(line)
    quoted = text[col - 1:col] in ("'", '"')
    return line, col + index + (1 if quoted else 0)


def _tip(kind: str, expected: str, name: str, value: Any, written: str | None = None,
         reading: readings.Reading | None = None) -> dict[str, str]:
    """The one thing to do about a value of the wrong kind, in both languages, with the value as it should be."""
    if expected == "text" and isinstance(value, (bool, int, float)):
        typed = written if written is not None else str(value).lower() if isinstance(value, bool) else str(value)
        example = words.TAKES.get(name)
        if example is not None:
            return in_each_language("tip", "tip.takes", takes=Said(f"schema.takes.{name}"), name=name,
                                    example=example)
        return in_each_language("tip", "tip.quote_as_text", name=name, typed=typed)
    if expected.startswith("a list") and isinstance(value, str):
        _, items = readings.list_items(value)
        return in_each_language("tip", "tip.list_items", fixed=f"{name}: {yaml_mistakes.flow_list(items)}")
    if expected.startswith("text") and isinstance(value, list) and all(isinstance(v, str) for v in value):
        fixed = f"{name}: {yaml_mistakes.as_plain_value('; '.join(v.strip() for v in value))}"
        return in_each_language("tip", "tip.one_text", name=name, fixed=fixed)
    if expected.startswith("a slug") and isinstance(value, str) and slugify(value):
        return in_each_language("tip", "tip.slug", slug=slugify(value))
    if expected.startswith("yes or no"):
        return in_each_language("tip", "tip.yes_no", name=name)
    if expected.startswith("a financial year") and reading is not None and reading.fixed:
        return in_each_language("tip", "tip.write_as", name=name, fixed=reading.fixed)
    if expected.startswith("a financial year"):
        return in_each_language("tip", "tip.year_form")
    if "number" in expected and reading is not None and reading.fixed:
        return in_each_language("tip", "tip.write_as", name=name, fixed=reading.fixed)
    if expected.startswith("a mapping") and isinstance(value, str):
        return in_each_language("tip", "tip.mapping_below", name=name)
    return {}


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


def _holder(model_name: str) -> dict[str, str]:
    """The block of fields a field is not one of, as a lead would name it ("an activity"): values where and
    where_cy."""
    key = f"schema.holder.{model_name}"
    if key in catalogue_words():
        return in_each_language("where", key)
    return in_each_language("where", "schema.holder.other", name=model_name)


def money_reading(doc: Document, loc: tuple, problem: Problem, typed: str) -> Problem:
    """An amount the plan cannot read, with why (a currency word, a dot for the thousands, Word's long dash)
    at the character that stops it, and the amount written as it should be."""
    reading = readings.money(typed)
    if reading is None:
        return problem
    values = dict(problem.values)
    values["why"] = reading.why
    if reading.fixed:
        values["fixed"] = f"{loc[-1]}: {reading.fixed}"
    line, column = problem.line, problem.column
    if reading.at is not None:
        text = doc.line_text(line)
        found = text.find(typed, column - 1)
        column = (found if found >= 0 else column - 1) + reading.at + 1
    return replace(problem, column=column, values=tuple(sorted(values.items())))
