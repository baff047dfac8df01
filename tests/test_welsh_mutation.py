"""Welsh mutates a name after some words ("yn Gogledd Ddwyrain Sir y Fflint" must be "yng Ngogledd-ddwyrain
…"). The site's Welsh texts never put a cluster's, a board's, an area's or a theme's name straight after
such a word: they are worded so that the name stands as written (after a colon, or as the owner in a
genitive). Checked for every Welsh text with a name in it, filled in with every cluster and board of the
registry."""

from __future__ import annotations

import re

import pytest

from generator.checks.validate import validate
from generator.core import i18n
from plan_testing import REAL_REPO

# Words after which a following noun mutates (soft, nasal or aspirate): prepositions, the conjunction
# "a/ac", possessives, the article and the predicative "yn".
TRIGGERS = {"yn", "yng", "ym", "i", "o", "am", "ar", "at", "gan", "dros", "drwy", "trwy", "heb", "hyd", "wrth",
            "dan", "tan", "a", "â", "ac", "ag", "gyda", "efo", "tua", "na", "fy", "dy", "ei", "ein", "eich", "eu",
            "y", "yr", "'r", "’r", "pa", "mor", "neu", "dau", "dwy", "tri", "chwe"}
# Letters a mutation changes: the first letter of a name that one of the triggers would change.
MUTABLE = ("b", "c", "d", "g", "ll", "m", "p", "rh", "t")
NAMES = ("cluster", "board", "area", "theme", "name")


@pytest.fixture(scope="module")
def registry():
    return validate(REAL_REPO).repository


@pytest.fixture(scope="module")
def welsh():
    table = i18n.words()
    texts = {}
    for key, text in table.catalogues["cy"].texts.items():
        if key.startswith(("problem.", "phrase.", "tip.", "schema.", "yaml.")):
            continue  # the validator's words name files, fields and lists, not clusters or boards
        forms = text if isinstance(text, tuple) else [text]
        for form in forms:
            if isinstance(form, str) and any("{" + name + "}" in form for name in NAMES):
                texts.setdefault(key, []).append(form)
    assert "changes.heading" in texts and "board.description" in texts
    return texts


def _word_before(text: str, placeholder: str) -> list[str]:
    return [m.group(1).lower() for m in re.finditer(r"([\w’']+)\s+(?=" + re.escape(placeholder) + ")", text)]


def test_no_welsh_text_puts_a_name_after_a_word_that_mutates_it(welsh):
    wrong = [(key, form) for key, forms in welsh.items() for form in forms for name in NAMES
             if set(_word_before(form, "{" + name + "}")) & TRIGGERS]
    assert wrong == []


def test_every_cluster_and_board_name_stands_as_written_in_the_welsh_texts(registry, welsh):
    assert len(registry.clusters) == 60
    wrong = []
    for record in registry.clusters:
        cluster = i18n.name_in(record.cluster, "cy")
        board = i18n.board_name(record.board, "cy", short=False)
        for key, forms in welsh.items():
            for form in forms:
                values = {name: f"{{{name}}}" for name in re.findall(r"{(\w+)}", form)}
                values.update(cluster=cluster, board=board)
                said = form.format(**values)
                for name in (cluster, board):
                    for before in _word_before(said, name):
                        if before in TRIGGERS and name.lower().startswith(MUTABLE):
                            wrong.append((key, said))
    assert wrong == []
    # The heading of What changed names North East Flintshire as the registry does, with no mutation due.
    table = i18n.words()
    heading = table.text("changes.heading", "cy", cluster="Gogledd Ddwyrain Sir y Fflint", before="2022-23",
                         after="2023-24")
    assert heading == "Beth newidiodd: Gogledd Ddwyrain Sir y Fflint, 2022-23 i 2023-24"
