"""The online editor's configuration: written from the schema, the vocabularies and the plans."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.core import i18n
from generator.cms.config import Settings, SettingsError, cms_config, config_text
from generator.checks.validate import validate
from plan_testing import FIXTURE_REPO, NEF_2023, UV_2022, REAL_REPO


def config_of(root: Path, language: str = "en") -> dict:
    validation = validate(root)
    translations = i18n.words()
    # Written as the site publishes it, then read back as the editor reads it.
    return yaml.safe_load(config_text(cms_config(root, validation.repository, translations, language,
                                                 Settings.load(root))))


@pytest.fixture(scope="module")
def config() -> dict:
    return config_of(FIXTURE_REPO)


def files(config: dict, collection: str) -> dict[str, dict]:
    found = next(c for c in config["collections"] if c["name"] == collection)
    return {entry["file"]: entry for entry in found["files"]}


def field(fields: list[dict], *path: str) -> dict:
    for name in path:
        entry = next(f for f in fields if f["name"] == name)
        fields = entry.get("fields", [])
    return entry


def test_every_plan_and_each_of_its_sections_is_an_entry(config: dict):
    plans = files(config, "plans")
    for folder in (NEF_2023, UV_2022):
        assert f"{folder}/plan.yaml" in plans
        for section in sorted((FIXTURE_REPO / folder).glob("*.md")):
            assert f"{folder}/{section.name}" in files(config, "sections")
    nef = plans[f"{NEF_2023}/plan.yaml"]
    assert (nef["name"], nef["label"]) == ("betsi-cadwaladr-north-east-flintshire-2023-24",
                                           "North East Flintshire 2023-24 (Betsi Cadwaladr)")


def test_saves_become_pull_requests_and_the_repository_comes_from_cms_yml(config: dict, repo):
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "github", "repo": "cluster-plans/cluster-plans", "branch": "main",
                                 "squash_merges": True}
    (repo.root / "cms.yml").write_text("repo: swansea-bay/cluster-plans\nbase_url: https://auth.example.org\n")
    backend = config_of(repo.root)["backend"]
    assert (backend["repo"], backend["base_url"]) == ("swansea-bay/cluster-plans", "https://auth.example.org")


def test_settings_mistakes_are_named(tmp_path: Path):
    (tmp_path / "cms.yml").write_text("repo: [a, b]\n")
    with pytest.raises(SettingsError, match="cms.yml: 'repo' must be text, e.g. repo: cluster-plans/cluster-plans"):
        Settings.load(tmp_path)
    (tmp_path / "cms.yml").write_text("repository: a/b\n")
    with pytest.raises(SettingsError, match="unknown setting 'repository'"):
        Settings.load(tmp_path)
    (tmp_path / "cms.yml").write_text("repo: a/b\n  branch: : x\n")
    with pytest.raises(SettingsError, match="cms.yml:2: not readable YAML"):
        Settings.load(tmp_path)


def test_money_fields_use_the_money_widget_and_vocabularies_are_choices(config: dict):
    fields = files(config, "plans")[f"{NEF_2023}/plan.yaml"]["fields"]
    assert field(fields, "activities", "budget")["widget"] == "money"
    assert field(fields, "finance", "total")["widget"] == "money"
    funding = field(fields, "activities", "funding_sources")
    assert (funding["widget"], funding["multiple"]) == ("term", True)
    values = [option["value"] for option in funding["options"]]
    # Each term once: the variants plans use are shown as their term, never offered.
    assert values.count("Cluster funding") == 1
    assert not {"Cluster", "Cluster Funding", "Cluster funds"} & set(values)
    assert funding["variants"]["Cluster funds"] == "Cluster funding"
    status = field(fields, "activities", "status")
    assert [o["value"] for o in status["options"]] == ["planned", "started", "ongoing", "delayed", "completed", "stopped"]
    assert "vocabulary" not in status["hint"]
    assert field(fields, "activities", "description")["widget"] == "text"
    assert field(fields, "activities", "title")["hint"] == "Activity or project title."


def test_required_fields_are_required_and_ids_and_years_are_checked_as_validate_checks_them(config: dict):
    fields = files(config, "plans")[f"{NEF_2023}/plan.yaml"]["fields"]
    assert "required" not in field(fields, "activities", "title")
    assert "required" not in field(fields, "leads", "name")
    assert field(fields, "activities", "description")["required"] is False
    assert field(fields, "title")["required"] is False
    assert field(fields, "risks", "risk")["required"] is False  # a source's row may have no wording
    assert (field(fields, "activities", "id")["widget"], field(fields, "activities", "id")["shape"]) == ("shaped", "slug")
    assert field(fields, "activities", "since")["shape"] == "year"


def test_the_plans_status_cannot_be_taken_for_the_editors_workflow(config: dict):
    status = field(files(config, "plans")[f"{NEF_2023}/plan.yaml"]["fields"], "status")
    assert status["label"] == "Plan's status on the public site" and "required" not in status
    assert [o["value"] for o in status["options"]] == ["draft", "published"]
    assert status["options"][0]["label"] == "Draft plan: not on the public site yet"


def test_lists_are_folded_and_their_items_named_by_their_text(config: dict):
    fields = files(config, "plans")[f"{NEF_2023}/plan.yaml"]["fields"]
    activities = field(fields, "activities")
    assert (activities["minimize_collapsed"], activities["summary"]) == (True, "{{fields.title}}")
    assert field(fields, "leads")["summary"] == "{{fields.name}}"


def test_fields_the_form_must_not_touch_are_left_out(config: dict):
    names = [f["name"] for f in files(config, "plans")[f"{NEF_2023}/plan.yaml"]["fields"]]
    assert not {"board", "cluster", "year", "known_issues"} & set(names)
    assert names[:3] == ["status", "title", "title_cy"]


def test_board_priorities_are_each_boards_own(config: dict):
    uv = files(config, "plans")[f"{UV_2022}/plan.yaml"]["fields"]
    options = [o["value"] for o in field(uv, "action_plan", "goals", "strategic_priorities")["options"]]
    assert "Improving Planned Care" in options


def test_section_files_are_kept_byte_for_byte_and_open_as_markdown(config: dict):
    sections = next(c for c in config["collections"] if c["name"] == "sections")
    assert sections["format"] == "plan-section"
    entry = files(config, "sections")[f"{NEF_2023}/executive-summary.md"]
    assert entry["label"] == "North East Flintshire 2023-24 (Betsi Cadwaladr): Executive summary"
    assert entry["fields"][0]["widget"] == "markdown" and entry["fields"][0]["modes"][0] == "raw"


def test_welsh_labels():
    config = config_of(FIXTURE_REPO, "cy")
    fields = files(config, "plans")[f"{NEF_2023}/plan.yaml"]["fields"]
    assert field(fields, "activities")["label"] == "Gweithgareddau"
    assert field(fields, "activities", "budget")["label"] == "Cyllideb"
    status = field(fields, "activities", "status")
    assert [o["label"] for o in status["options"]][:2] == ["wedi'i gynllunio", "wedi dechrau"]
    assert config["locale"] == "cy"
    assert files(config, "plans")[f"{NEF_2023}/plan.yaml"]["label"].startswith("Gogledd Ddwyrain Sir y Fflint")
