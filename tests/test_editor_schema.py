"""The JSON Schema editors use: vocabulary values offered and checked, generated from the repository's own files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.load.documents import load_yaml
from plan_testing import NEF_2023, UV_2022, Repo, run_cli


def schema_of(repo: Repo) -> dict:
    result = run_cli("schema", "--root", repo.root)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def plan_data(repo: Repo, plan: str) -> dict:
    doc, problems = load_yaml(repo.path(f"{plan}/plan.yaml"), plan)
    assert problems == []
    return doc.data


def failures(schema: dict, data: dict) -> list[str]:
    return sorted(".".join(map(str, e.absolute_path)) for e in jsonschema.Draft202012Validator(schema).iter_errors(data))


def offered(schema: dict, field: str) -> list[str]:
    """The values an editor offers for an activity field (the canonical terms)."""
    prop = schema["$defs"]["Activity"]["properties"][field]
    value = prop.get("items") or next(m for m in prop["anyOf"] if m != {"type": "null"})
    canonical = value["anyOf"][0] if "anyOf" in value else value
    return canonical["enum"]


def test_vocabulary_fields_offer_the_vocabulary_terms(repo: Repo):
    schema = schema_of(repo)
    assert offered(schema, "status") == ["planned", "started", "ongoing", "delayed", "completed", "stopped"]
    assert offered(schema, "new_or_existing") == ["new", "existing"]
    assert "Population health" in offered(schema, "ministerial_priorities")
    assert "Accelerated Cluster Development" in offered(schema, "sppc_priorities")
    assert "Cluster funding" in offered(schema, "funding_sources")


@pytest.mark.parametrize("field, value, accepted", [
    ("status", "ongoing", True),
    ("status", "on-going", True),          # a known variant: accepted, the validator warns
    ("status", "strated", False),
    ("funding_sources", ["Cluster funding", "WG"], True),
    ("funding_sources", ["Lottery"], False),
    ("sppc_priorities", ["Urgent Primary Care"], True),
    ("ministerial_priorities", ["World peace"], False),
])
def test_the_schema_accepts_terms_and_variants_and_refuses_the_rest(repo: Repo, field: str, value, accepted: bool):
    schema = schema_of(repo)
    data = plan_data(repo, NEF_2023)
    data["activities"][0][field] = value
    assert (failures(schema, data) == []) is accepted, failures(schema, data)


def test_a_variant_tells_the_editor_the_term_to_write(repo: Repo):
    members = schema_of(repo)["$defs"]["Activity"]["properties"]["status"]["anyOf"][0]["anyOf"]
    [variant] = [m for m in members if m.get("const") == "on-going"]
    assert variant["deprecationMessage"] == "Write 'ongoing'."
    assert variant["doNotSuggest"] is True


def test_board_priorities_are_those_of_the_plans_board(repo: Repo):
    schema = schema_of(repo)
    data = plan_data(repo, UV_2022)
    priorities = data["action_plan"][0]["goals"][0]["strategic_priorities"]
    assert priorities and failures(schema, data) == []
    data["action_plan"][0]["goals"][0]["strategic_priorities"] = ["Improving planned cars"]
    assert failures(schema, data) == ["action_plan.0.goals.0.strategic_priorities.0"]


def test_the_schema_follows_the_vocabulary_file(repo: Repo):
    repo.replace("clusters/vocabularies.yaml", "    - term: stopped\n",
                 "    - term: paused for review\n      cy: wedi'i oedi i'w adolygu\n    - term: stopped\n")
    assert "paused for review" in offered(schema_of(repo), "status")


def test_a_broken_vocabulary_file_gives_no_schema(repo: Repo):
    repo.replace("clusters/vocabularies.yaml", "    - term: stopped\n", "    - term stopped\n")
    result = run_cli("schema", "--root", repo.root)
    assert result.exit_code == 1
    assert "clusters/vocabularies.yaml" in result.stderr and "yaml-missing-colon" in result.stderr
    assert result.stdout == ""


def test_schema_into_a_missing_folder_is_a_clear_error(tmp_path: Path):
    target = tmp_path / "no-such-folder" / "plan.schema.json"
    result = run_cli("schema", "-o", target)
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"error: the folder '{target.parent}' does not exist; create it first, or give"
                                      " a file in a folder that does")
    assert not target.parent.exists()


def test_schema_output_leaves_only_the_file(tmp_path: Path):
    result = run_cli("schema", "-o", tmp_path / "plan.schema.json")
    assert result.exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["plan.schema.json"]
