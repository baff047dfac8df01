"""A board's own texts for a plan year (clusters/<board>/years/<year>/): checked as plan prose is, and a
file there that is none of them is named, with the texts it may be."""

from __future__ import annotations

from generator.checks.validate import validate
from plan_testing import Repo

YEAR = "clusters/betsi-cadwaladr/years/2023-24"


def test_a_board_text_is_read_and_a_stray_file_beside_it_is_named(repo: Repo):
    folder = repo.root / YEAR
    folder.mkdir(parents=True)
    (folder / "introduction.md").write_text("# Introduction\n\nThe board's clusters, this year.\n", encoding="utf-8")
    (folder / "intro.md").write_text("# Introduction\n\nA second copy.\n", encoding="utf-8")
    result = repo.validate()
    assert "layout-unknown-board-text" in result.codes()
    shown = [line for line in result.lines if line.startswith(f"{YEAR}/intro.md")]
    assert shown and "'intro.md' is not one of the board's texts for a year; did you mean 'introduction.md'?" \
        in shown[0], result.output
    # The board's own text is not mistaken for a cluster or a plan.
    assert not [line for line in result.lines if line.startswith("clusters/") and "/years/" in line
                and "intro.md" not in line], result.output


def test_a_board_text_with_a_pasted_line_break_is_named_and_not_shown(repo: Repo):
    folder = repo.root / YEAR
    folder.mkdir(parents=True)
    (folder / "introduction.md").write_text("# Introduction\n\nThe board's\x0bclusters, this year.\n",
                                            encoding="utf-8")
    result = repo.validate()
    assert result.exit_code == 1
    assert result.errors() == [(f"{YEAR}/introduction.md", 3, "text-pasted-character")], result.output
    assert ("a line break from a word processor or web page (U+000B) between 'board's' and 'clusters,'"
            in result.output), result.output
    # The board's page and its documents go without it until it is fixed.
    board = next(b for b in validate(repo.root).repository.boards if b.board.slug == "betsi-cadwaladr")
    assert "2023-24" not in board.texts
