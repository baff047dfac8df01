"""Property tests: whatever is written into a plan file, the validator reports problems and never crashes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel
from hypothesis import HealthCheck, example, given, settings, strategies as st

from generator.schema import plan as schema
from generator.checks.validate import validate
from plan_testing import FIXTURE_REPO, NEF_2023, run_cli

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUMMARY = re.compile(r"^\d+ plans? checked: \d+ errors?, \d+ warnings?$")

# Pieces of YAML and of plans that are likely to reach corners of the loader and the checks.
FRAGMENTS = [
    "board: ", "cluster: ", "year: ", "status: ", "title: ", "leads:\n", "  - name: ", "activities:\n",
    "  - id: ", "    title: ", "    budget: ", "    status: ", "    funding_sources: ", "finance:\n",
    "  lines:\n", "    - item: x\n      amount: ", "  total: ", "  balance: ", "  allocation: ", "known_issues:\n",
    "  - problem: money-unparseable\n    field: ", "workforce:\n  roles:\n    - role: x\n      wte: ",
    "tables:\n  - caption: c\n    columns: [a]\n    rows: ", "risks:\n  - project: p\n    risk: r\n    likelihood: ",
    "betsi-cadwaladr", "north-east-flintshire", "2023-24", "2023-2024", "published", "TBC", "£TBC",
    "£77,0194.24", "£72,,000", "£12,000", "12000", "1e400", ".inf", "-.inf", ".nan", "~", "null", "yes",
    "{note: x}", "{amount: .nan}", "{amount: x}", "{amout: 1}", "[Cluster funding]", "[Covid-19 response]",
    "&a ", "*a", "&b [*a, *a, *a]", "!!python/object:os.system ", "!!python/name:os.system ", "!custom ",
    "!!bool ", "!!map ", "!!seq ", "!!int ", "!!float ", "!!binary ", "!!timestamp ", "!!set ", "!!str ",
    "<<: ", "? ", ": ", "- ", ", ", "{", "}", "[", "]", "'", '"', "#", "|\n", ">-\n", "---\n", "...\n",
    "%YAML 1.1\n", "%TAG ! tag:example.com,2000:\n", "\n", "  ", "    ", "\t", "\r\n", "\ufeff", "\x00",
    "\x85", "\u2028", "é", "’", "🏥", "\\", "0x1F", "0o17", "1_000", "2023-04-01", "12:30:00",
]
yamlish = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join)

PLAN_TEXT = (FIXTURE_REPO / NEF_2023 / "plan.yaml").read_text(encoding="utf-8")


@st.composite
def mutated_plan(draw) -> str:
    """The fixture plan with a few slices cut out or replaced by fragments."""
    text = PLAN_TEXT
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 80)))
        text = text[:start] + draw(st.sampled_from(FRAGMENTS) | st.text(max_size=10)) + text[end:]
    return text


MODELS = [m for m in vars(schema).values() if isinstance(m, type) and issubclass(m, BaseModel)]
# Every field name of the schema, and the keys of an amount of money.
KEYS = sorted({name for model in MODELS for name in model.model_fields} | {"amount", "as_written", "tbc", "note"})
scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.sampled_from(
    ["TBC", "£12,000", "£77,0194.24", "2023-24", "north-east-flintshire", "betsi-cadwaladr", "ongoing", "L"])
structures = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6),
                                                                 inner, max_size=5),
    max_leaves=25,
)
plan_like = st.fixed_dictionaries(
    {"board": st.just("betsi-cadwaladr"), "cluster": st.just("north-east-flintshire"), "year": st.just("2023-24")},
    optional={key: structures for key in ("activities", "finance", "workforce", "leads", "tables", "risks",
                                          "known_issues", "action_plan", "status", "swot")},
)


@pytest.fixture(scope="module")
def fuzz_repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "repo"
    shutil.copytree(FIXTURE_REPO, root)
    return root


def check_never_crashes(root: Path, rel: str, content: str | bytes) -> None:
    target = root / NEF_2023 / rel
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8", errors="surrogatepass")
    result = validate(root, [root / NEF_2023])
    report = result.report
    assert report.plans_checked == 1
    for problem in report.problems:
        assert problem.file.startswith(NEF_2023) or problem.file.startswith("clusters/")
        assert problem.line >= 0 and problem.column >= 0
        assert problem.message and problem.hint
    # Every output format can be produced.
    report.as_text()
    json.loads(report.as_json())
    report.as_github()


@SETTINGS
@given(text=st.text(max_size=300))
@example(text="a: !!bool perhaps\n")
@example(text="a: !!map text\n")
@example(text="board: b\nfinance: {lines: [{item: x, amount: .inf}], total: 5}\n")
def test_arbitrary_text_as_plan_yaml(fuzz_repo: Path, text: str):
    check_never_crashes(fuzz_repo, "plan.yaml", text)


@SETTINGS
@given(text=yamlish)
def test_yaml_like_text_as_plan_yaml(fuzz_repo: Path, text: str):
    check_never_crashes(fuzz_repo, "plan.yaml", text)


@SETTINGS
@given(text=mutated_plan())
def test_damaged_plan(fuzz_repo: Path, text: str):
    check_never_crashes(fuzz_repo, "plan.yaml", text)


@SETTINGS
@given(data=plan_like)
@example(data={"board": "betsi-cadwaladr", "cluster": "north-east-flintshire", "year": "2023-24",
               "workforce": {"roles": [{"role": "x", "wte": [1]}]}})
def test_valid_yaml_of_any_shape(fuzz_repo: Path, data: dict):
    check_never_crashes(fuzz_repo, "plan.yaml", yaml.safe_dump(data, allow_unicode=True))


@SETTINGS
@given(raw=st.binary(max_size=300))
@example(raw=b"\xef\xbb\xbfboard: x\r\n")
@example(raw=b"\xff\xfeb\x00o\x00")
def test_arbitrary_bytes_as_plan_yaml(fuzz_repo: Path, raw: bytes):
    check_never_crashes(fuzz_repo, "plan.yaml", raw)


@SETTINGS
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_arbitrary_prose(fuzz_repo: Path, raw: bytes):
    (fuzz_repo / NEF_2023 / "plan.yaml").write_text(PLAN_TEXT, encoding="utf-8")
    check_never_crashes(fuzz_repo, "challenges.md", raw)


@settings(max_examples=60, deadline=None)
@given(text=yamlish | st.text(max_size=200))
def test_cli_exits_0_or_1_with_output(fuzz_repo: Path, text: str):
    (fuzz_repo / NEF_2023 / "plan.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    for fmt in ("text", "json", "github"):
        result = run_cli("validate", "--format", fmt, NEF_2023, cwd=fuzz_repo)
        assert result.exit_code in (0, 1)
        assert result.output
        if fmt == "json":
            assert json.loads(result.output)["valid"] is (result.exit_code == 0)
        else:
            assert SUMMARY.match(result.lines[-1]), result.lines[-1]
