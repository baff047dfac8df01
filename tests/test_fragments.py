"""The Python fragments write exactly what a template would: each is checked against its reference template
(tests/fragments/) on generated inputs, in English and in Welsh, with text that needs escaping."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2 import Environment, FileSystemLoader
from plan_testing import FIXTURE_REPO, REAL_REPO, TESTS

from generator.render import fragments
from generator.core import i18n
from generator.problems.catalogue import FigureMalformed, MoneyUnparseable
from generator.model.diff import ActivitiesDiff, ActivityChange, ActivityEntry, Hunk, ItemsChange, MoneyMove, Segment, TextChange, ValueChange
from generator.model.flags import PlanFlags
from generator.model.records import ActivityView
from generator.core.money import AMOUNT, TBC, UNPARSED, UNSTATED, Money
from generator.problems.report import Problem
from generator.render.renderer import Renderer, SiteContext
from generator.schema.plan import Activity
from generator.checks.validate import validate

REFERENCES = TESTS / "fragments"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def repository():
    result = validate(FIXTURE_REPO)
    assert result.report.valid, result.report.as_text()
    return result.repository


@pytest.fixture(scope="module", params=["en", "cy"])
def renderer(request, repository) -> Renderer:
    templates = REAL_REPO / "templates"
    ctx = SiteContext(repository, REAL_REPO / "content", templates, i18n.words())
    r = Renderer(ctx, request.param)
    # Fragments make links relative to the page being rendered: a theme page, two folders down.
    r._current = r.prefix + "themes/audiology/"
    return r


# Each renderer's environment for the reference templates, made once so that each template is compiled once
# (a new loader for every example would compile it again each time).
_REFERENCE_ENVS: dict[int, tuple[Renderer, Environment]] = {}


def reference(r: Renderer, name: str, **context: object) -> str:
    """What the reference template writes, in the renderer's own environment (its globals and texts)."""
    if id(r) not in _REFERENCE_ENVS:
        env = r.env.overlay(loader=FileSystemLoader(str(REFERENCES)))
        env.globals.update(r.env.globals, url=r.url)
        _REFERENCE_ENVS[id(r)] = (r, env)
    return _REFERENCE_ENVS[id(r)][1].get_template(f"{name}.html.j2").render(**context)


# Text as plans write it, with characters HTML must escape and Markdown may read.
words = st.text(st.sampled_from("abc XYZ&<>\"'*_`[]()#£ŵâ-…\u00a0"), min_size=1, max_size=24).map(str.strip).filter(bool)
slugs = st.text(st.sampled_from("abcdefghij-0123"), min_size=1, max_size=12).filter(lambda s: s.strip("-"))
figures = st.decimals(min_value=Decimal("-100000"), max_value=Decimal("10000000"), places=2, allow_nan=False)
money = st.one_of(
    st.none(),
    st.builds(lambda amount, written: Money(AMOUNT, amount, written), figures, st.none() | words),
    st.builds(lambda written: Money(TBC, as_written=written), st.none() | words),
    st.builds(lambda written: Money(UNPARSED, as_written=written), words),
    st.builds(lambda note: Money(UNSTATED, note=note), st.none() | words),
)
statuses = st.sampled_from([None, "planned", "started", "ongoing", "delayed", "completed", "stopped", "unheard of"])
years = st.sampled_from(["2021-22", "2022-23", "2023-24"])


@SETTINGS
@given(hunk=st.builds(Hunk, st.lists(st.builds(Segment, st.sampled_from(["same", "removed", "added"]), words),
                                     min_size=1, max_size=6).map(tuple), st.booleans(), st.booleans()))
def test_word_diff_writes_what_its_template_writes(renderer, hunk):
    assert fragments.word_diff(renderer, hunk) == reference(renderer, "word_diff", hunk=hunk)


def theme_row(plan, activity_id, title, description, budget, status):
    return plan, SimpleNamespace(id=activity_id, title=title, description=description, budget=budget, status=status)


plans = st.builds(lambda board, cluster, year: SimpleNamespace(url=f"{board}/{cluster}/{year}/", year=year,
                                                               flags=PlanFlags([])),
                  slugs, slugs, years)
# A cluster's rows on a theme page: its activities in each of its plans, an activity once per plan.
theme_rows = st.lists(st.builds(theme_row, plans, slugs, words, words, money, statuses), max_size=8,
                      unique_by=lambda row: (row[0].url, row[1].id))


@SETTINGS
@given(rows=theme_rows)
def test_theme_rows_write_what_their_template_writes(renderer, rows):
    renderer.fragment_cache.clear()
    assert fragments.theme_rows(renderer, rows) == reference(renderer, "theme_rows", rows=rows)
    # Rows are kept for the next theme the same activities serve; they come out the same again.
    assert fragments.theme_rows(renderer, rows) == reference(renderer, "theme_rows", rows=rows)


hunks = st.builds(Hunk, st.lists(st.builds(Segment, st.sampled_from(["same", "removed", "added"]), words),
                                 min_size=1, max_size=4).map(tuple), st.booleans(), st.booleans())
entries = st.builds(ActivityEntry, id=slugs, title=words, status=statuses, status_detail=st.none() | words,
                    origin=st.sampled_from([None, "new", "existing"]), since=st.none() | years, budget=money,
                    funding=st.lists(words, max_size=2).map(tuple))
lists = st.builds(ItemsChange, st.lists(words, max_size=3).map(tuple), st.lists(words, max_size=3).map(tuple))
changes = st.builds(
    ActivityChange, before=entries, after=entries, matched_by=st.sampled_from(["id", "title", "similarity"]),
    score=st.floats(0, 100), status=st.none() | st.builds(ValueChange, statuses, statuses),
    budget=st.none() | st.builds(MoneyMove, money, money), funding=lists, ministerial=lists, sppc=lists,
    board_priorities=lists, expected_results=lists, comments=lists,
    description=st.none() | st.builds(TextChange, st.lists(hunks, min_size=1, max_size=2).map(tuple),
                                      st.integers(0, 9), st.integers(0, 9)))
activities = st.builds(ActivitiesDiff, st.lists(entries, max_size=3).map(tuple),
                       st.lists(entries, max_size=3).map(tuple), st.lists(changes, max_size=4).map(tuple))


@SETTINGS
@given(activities=activities, before=plans, after=plans)
def test_activity_changes_write_what_their_template_writes(renderer, activities, before, after):
    assert fragments.activity_changes(renderer, activities, before, after) == \
        reference(renderer, "activity_changes", activities=activities, before=before, after=after)


# --- The activity table ------------------------------------------------------------------------------

def terms(renderer: Renderer, vocabulary: str) -> st.SearchStrategy[str]:
    """A canonical term of one of the fixture's vocabularies, or text no vocabulary knows."""
    return st.sampled_from(getattr(renderer.repo.vocab, vocabulary).terms) | words


def some(values: st.SearchStrategy[str], most: int = 3) -> st.SearchStrategy[list[str]]:
    return st.lists(values, max_size=most)


# Fields of an activity a flag can name, as the validator writes them: each column's own, an item of a
# list, a field the table does not show (its flag goes to the title), and the activity as a whole.
flag_fields = st.sampled_from(["title", "title_cy", "id", "", "new_or_existing", "since", "new_or_existing_detail",
                               "description", "description_cy", "expected_results[0]", "expected_results[2]",
                               "ministerial_priorities[1]", "sppc_priorities", "alignment_detail", "budget",
                               "budget.as_written", "funding_sources[0]", "status", "status_detail", "comments[1]",
                               "board_priorities[0]"])


def flag(index: int, name: str, written: str, note: str | None, kind: str | None) -> Problem:
    """A warning about the source at activities[index].name: found by a rule, or recorded by the plan."""
    field = f"activities[{index}]" + (f".{name}" if name and not name.startswith("[") else name)
    found = Problem.of(FigureMalformed, "plan.yaml", 3 + index, 5, field=field, written=written,
                       where="the budget", reason="two decimal points")
    if note is None:
        return found
    return Problem.of(MoneyUnparseable, "plan.yaml", 3 + index, 5, field=field, written=written).acknowledge(
        note, as_written=written, kind=kind)


@st.composite
def activity_plans(draw: st.DrawFn, renderer: Renderer) -> SimpleNamespace:
    """A plan's activities as the model gives them (terms canonical where the vocabulary knows them), with
    fields left out, Welsh versions of some, budgets of every kind, and flags on them and elsewhere."""
    ids = draw(st.lists(slugs, max_size=6, unique=True))
    views = []
    for activity_id in ids:
        origin = draw(st.sampled_from([None, "new", "existing"]) | words)
        activity = Activity.model_construct(
            id=activity_id, title=draw(words), title_cy=draw(st.none() | words),
            new_or_existing=origin, since=draw(st.none() | years),
            new_or_existing_detail=draw(st.none() | st.just("New") | words),
            description=draw(st.just("") | words), description_cy=draw(st.none() | words),
            expected_results=draw(some(words)), alignment_detail=draw(st.none() | words),
            budget=draw(money), status_detail=draw(st.none() | st.just("Ongoing") | words),
            comments=draw(some(words, 2)))
        views.append(ActivityView(
            activity, status=draw(statuses), origin=origin,
            ministerial=draw(some(terms(renderer, "ministerial"))), sppc=draw(some(terms(renderer, "sppc"), 2)),
            board_priorities=[], funding=draw(some(terms(renderer, "funding"), 2))))
    problems = draw(st.lists(st.builds(
        flag, st.integers(0, max(len(ids) - 1, 0)), flag_fields, words, st.none() | words,
        st.none() | st.sampled_from(["figure", "total", "spelling", "wrong-column"])), max_size=5))
    # A flag elsewhere in the plan stays out of the table.
    problems += draw(st.lists(st.just(Problem.of(FigureMalformed, "plan.yaml", 40, 3, field="finance.total",
                                                 written="£1,,000", where="the finance table", reason="a typo")),
                              max_size=1))
    cluster = SimpleNamespace(name=draw(words), name_cy=draw(st.none() | words))
    return SimpleNamespace(activities=views, flags=PlanFlags(problems), year=draw(years), cluster=cluster)


@SETTINGS
@given(data=st.data())
def test_activity_table_writes_what_its_template_writes(renderer, data):
    plan = data.draw(activity_plans(renderer))
    assert fragments.activity_table(renderer, plan) == reference(renderer, "activity_table", plan=plan)


def test_a_funding_cell_shows_the_plans_own_words_beside_the_terms():
    """Nothing reworded: North Denbighshire's funding cell keeps the source's words, which used to survive
    only in a comment of its plan.yaml."""
    result = validate(REAL_REPO)
    [plan] = [p for p in result.repository.plans if p.cluster.slug == "north-denbighshire"]
    templates = REAL_REPO / "templates"
    r = Renderer(SiteContext(result.repository, REAL_REPO / "content", templates,
                             i18n.words()), "cy")
    r._current = r.prefix + plan.url
    table = fragments.activity_table(r, plan)
    assert ('<br><span class="cp-detail" lang="en">“Transformation Funded 21/22 (awaiting confirmation on'
            ' continuation of funding)”</span>') in table
    assert '<span class="cp-detail" lang="en">“WG Funded”</span>' in table
