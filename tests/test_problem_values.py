"""Every problem is made with the values its words need, checked where it is made: a message or hint
that names {budget} can never be printed without one, in any language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import generator.problems.catalogue as C
from generator.core.i18n import words
from generator.problems.report import MissingValues, Problem, placeholders, required_values
from problem_calls import problems_made

GENERATOR = Path(__file__).resolve().parent.parent / "generator"


def _made(tree: ast.AST):
    """Each place a problem is made with its values named: Problem.of(C.Kind, ...) or Mistake(C.Kind, l, c, {...})."""
    for node, kind in problems_made(tree):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "of":
            if any(kw.arg is None for kw in node.keywords):
                continue  # values passed on as **values: checked when the problem is made (below)
            yield node.lineno, kind, {kw.arg for kw in node.keywords} - {"field", "excerpt"}
        elif isinstance(func, ast.Name) and func.id == "Mistake" and len(node.args) == 4 \
                and isinstance(node.args[3], ast.Dict):
            keys = node.args[3].keys
            if all(isinstance(k, ast.Constant) for k in keys):
                yield node.lineno, kind, {k.value for k in keys if isinstance(k, ast.Constant)}


def test_every_problem_made_in_the_code_is_given_the_values_its_words_need():
    made = 0
    wrong = []
    for path in sorted(GENERATOR.rglob("*.py")):
        for line, kind, given in _made(ast.parse(path.read_text(encoding="utf-8"))):
            made += 1
            missing = required_values(kind) - given
            if missing:
                wrong.append(f"{path.relative_to(GENERATOR.parent)}:{line}: {kind.code} lacks {sorted(missing)}")
    assert made > 80
    assert wrong == []


def test_a_problem_made_without_a_value_its_message_needs_is_refused_where_it_is_made():
    with pytest.raises(MissingValues, match="yaml-duplicate-key needs the values first_line, key"):
        Problem.of(C.YamlDuplicateKey, "plan.yaml", 3, 1)
    with pytest.raises(MissingValues, match="file-too-large needs the values limit"):
        Problem.of(C.FileTooLarge, "plan.yaml", size=10)
    # Optional parts of a text ([[; did you mean '{close}'?]]) need no value.
    problem = Problem.of(C.LayoutUnknownBoard, "clusters/betsi", name="betsi", choices="betsi-cadwaladr")
    assert problem.message == "the folder 'betsi' is not a health board in the registry"


def test_each_language_fills_its_texts_only_with_the_values_the_english_is_given():
    # A translation may use a variant of a value given beside it ({expected_soft}, the mutated form Welsh
    # needs, beside {expected}), never one the English is not given.
    assert words().malformed() == []
    assert placeholders(C.YamlDuplicateKey) == {"key", "first_line"}
