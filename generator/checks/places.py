"""A cluster's towns, communities and GP practices (cluster.yaml): each entry has a name, and each name is
listed once. The cluster's page shows them and the site's search finds the cluster by them."""

from __future__ import annotations

from generator.load.documents import Document, field_path
from generator.problems import catalogue as C
from generator.problems.report import Problem
from generator.schema.plan import Cluster

PLACE_LISTS = ("communities", "practices")


def same_name(name: str) -> str:
    """A name as two entries are compared: 'Colwyn  Bay' and 'colwyn bay' are one place."""
    return " ".join(name.split()).casefold()


def place_problems(cluster: Cluster, doc: Document) -> list[Problem]:
    problems = []
    for key in PLACE_LISTS:
        first: dict[str, int] = {}
        for index, place in enumerate(getattr(cluster, key)):
            loc = (key, index)
            line, col = doc.where(loc)
            name = same_name(place.name)
            if not name:
                problems.append(Problem.of(C.RegistryEmptyPlace, doc.file, line, col, field=field_path(loc),
                                           number=index + 1, list=key))
            elif name in first:
                problems.append(Problem.of(C.RegistryDuplicatePlace, doc.file, line, col, field=field_path(loc),
                                           name=place.name.strip(), list=key, first_line=first[name]))
            else:
                first[name] = line
    return problems
