"""A Markdown file's title, read one way by the plan page, the diff, `new` and the hand-written pages."""

from __future__ import annotations

import pytest

from generator.core.prose import render_markdown, title_of


@pytest.mark.parametrize("text, title", [
    ("# Achievements of the 2022/23 plan\n\nText.", "Achievements of the 2022/23 plan"),
    ("\n\n#   Spaced   out  \nText.", "Spaced   out"),
    ("# Closed heading ##\n", "Closed heading"),
    ("Text first.\n# Not the title\n", None),
    ("## A second-level heading\n", None),
    ("#No space\n", None),
    ("# ##\n", None),
    ("", None),
])
def test_the_title_is_the_first_line_when_it_is_a_level_one_heading(text, title):
    assert title_of(text) == title


def test_the_plan_page_shows_the_title_as_the_sections_heading_and_not_twice():
    rendered = render_markdown("\n# Forward look\n\nThe year ahead.\n\n## Access\n")
    assert rendered.title == "Forward look"
    assert rendered.html == "<p>The year ahead.</p>\n<h3>Access</h3>"
