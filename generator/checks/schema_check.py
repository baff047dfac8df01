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


def check(model: type[M], doc: Document, where: str | None = None) -> tuple[M | None, list[Problem]]:
    data = doc.data
    if not isinstance(data, dict):
        line, col = doc.where(())
        return None, [Problem.of(C.SchemaWrongType, doc.file, line, col, field="(the whole file)", whole="yes",
                                 **words.expected_values("a mapping of fields (lines like 'name: value')"),
                                 **words.received_values(data))]
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


def located(model: type[BaseModel], doc: Document, err: Mapping[str, Any], where: str | None) -> Problem:
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
        described = _describe(name, where)
        return Problem.of(C.SchemaUnknownField, doc.file, line, col, field=path, name=loc[-1],
                          where=described, where_cy=_WHERE_CY.get(described, described),
                          close=close or "", choices=", ".join(fields))
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


_WHERE_CY = {"a plan": "cynllun", "an activity": "gweithgaredd", "the finance block": "y bloc cyllid",
             "a finance line": "llinell gyllid", "a board": "bwrdd", "a cluster": "clwstwr",
             "the source": "y ffynhonnell", "a lead": "arweinydd", "a key action theme": "thema camau gweithredu",
             "a priority area": "maes blaenoriaeth", "a goal of the action plan": "nod yn y cynllun gweithredu",
             "a priority area of the action plan": "maes blaenoriaeth yn y cynllun gweithredu",
             "a table": "tabl", "a workforce role": "rôl yn y gweithlu", "the workforce block": "bloc y gweithlu",
             "a key fact": "ffaith allweddol", "the SWOT": "y dadansoddiad SWOT", "a risk": "risg",
             "a member": "aelod", "a known issue": "gwall hysbys", "the vocabularies file": "ffeil yr eirfa",
             "a vocabulary": "geirfa", "a vocabulary term": "term mewn geirfa"}


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
    return {"tip": f"Write each entry on a line of its own below '{name}:', starting with '- ', e.g. - {value}",
            "tip_cy": f"Ysgrifennwch bob eitem ar ei llinell ei hun o dan '{name}:', gan ddechrau gyda '- ',"
                      f" e.e. - {value}"}


def _received(value: Any, written: str | None) -> dict[str, str]:
    """What the lead wrote, as written when YAML read it as something else (yes -> yes/no)."""
    if written is not None and isinstance(value, bool):
        return {"received": f"'{written}'", "received_cy": f"'{written}'"}
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
        takes = words.TAKES.get(name)
        if takes is not None:
            english, welsh, example = takes
            return {"tip": f"It takes {english}: {name}: {example}",
                    "tip_cy": f"Mae'n cymryd {welsh}: {name}: {example}"}
        return {"tip": f"Put it in quotes so that YAML reads it as text: {name}: \"{typed}\"",
                "tip_cy": f"Rhowch ef mewn dyfynodau er mwyn iddo fod yn destun: {name}: \"{typed}\""}
    if expected.startswith("a list") and isinstance(value, str):
        _, items = readings.list_items(value)
        fixed = f"{name}: {yaml_mistakes.flow_list(items)}"
        return {"tip": f"Write each entry as an item of a list: {fixed}",
                "tip_cy": f"Ysgrifennwch bob eitem fel eitem mewn rhestr: {fixed}"}
    if expected.startswith("text") and isinstance(value, list) and all(isinstance(v, str) for v in value):
        fixed = f"{name}: {yaml_mistakes.as_plain_value('; '.join(v.strip() for v in value))}"
        return {"tip": f"'{name}' takes one piece of text: write the entries on its line, in place of the list: {fixed}",
                "tip_cy": f"Mae '{name}' yn cymryd un darn o destun: ysgrifennwch yr eitemau ar ei linell, yn lle'r"
                          f" rhestr: {fixed}"}
    if expected.startswith("a slug") and isinstance(value, str) and slugify(value):
        return {"tip": f"Write it as {slugify(value)}: lowercase words joined by hyphens.",
                "tip_cy": f"Ysgrifennwch ef fel {slugify(value)}: geiriau mewn llythrennau bach wedi'u cysylltu â"
                          " chysylltnodau."}
    if expected.startswith("yes or no"):
        return {"tip": f"Write {name}: true for yes, or {name}: false for no.",
                "tip_cy": f"Ysgrifennwch {name}: true am ie, neu {name}: false am na."}
    if expected.startswith("a financial year") and reading is not None and reading.fixed:
        return {"tip": f"Write it as {name}: {reading.fixed}",
                "tip_cy": f"Ysgrifennwch ef fel {name}: {reading.fixed}"}
    if expected.startswith("a financial year"):
        return {"tip": "Write the financial year as four digits, a hyphen and two digits, e.g. 2022-23.",
                "tip_cy": "Ysgrifennwch y flwyddyn ariannol fel pedwar digid, cysylltnod a dau ddigid, e.e. 2022-23."}
    if "number" in expected and reading is not None and reading.fixed:
        return {"tip": f"Write it as {name}: {reading.fixed}",
                "tip_cy": f"Ysgrifennwch ef fel {name}: {reading.fixed}"}
    if expected.startswith("a mapping") and isinstance(value, str):
        return {"tip": f"Write its fields on the lines below '{name}:', each indented by 2 more spaces.",
                "tip_cy": f"Ysgrifennwch ei feysydd ar y llinellau o dan '{name}:', pob un wedi'i fewnoli 2 fwlch"
                          " ymhellach."}
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
