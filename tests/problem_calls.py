"""Test support: the places in the generator's code where a problem of a named kind is made."""

from __future__ import annotations

import ast
from collections.abc import Iterator

import generator.problems.catalogue  # noqa: F401  (importing it fills the catalogue)
from generator.problems.report import CATALOGUE, ProblemType

_BY_NAME = {kind.__name__: kind for kind in CATALOGUE.values()}


def problems_made(tree: ast.AST) -> Iterator[tuple[ast.Call, type[ProblemType]]]:
    """Each call whose first argument names a problem type of the catalogue (`C.Kind`): Problem.of(C.Kind, ...),
    Mistake(C.Kind, ...), a checker's c.at(C.Kind, ...), with the kind it names."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Attribute)
                and isinstance(node.args[0].value, ast.Name) and node.args[0].value.id == "C"
                and node.args[0].attr in _BY_NAME):
            yield node, _BY_NAME[node.args[0].attr]
