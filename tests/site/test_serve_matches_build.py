"""The preview is the build with a narrower scope: after a plan is added, one changed and one deleted while
it runs, the served site holds the same pages, downloads, editor configuration and search entries as a
fresh build of the same plans."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generator.pipeline.build import Project, build
from generator.preview.rebuild import Preview
from document_coverage import docx_text, pdf_text
from site_testing import site_repo

NEF = "clusters/betsi-cadwaladr/north-east-flintshire"
# The changed plan's compiled documents, which the preview and the build take as kept when nothing they are made
# from changed: they must show the change.
NEF_2023_DOCUMENTS = [f"betsi-cadwaladr/north-east-flintshire/2023-24/north-east-flintshire-2023-24{suffix}"
                      for suffix in (".pdf", ".docx", "-cy.pdf", "-cy.docx")]
# The search index's own files are named by a hash of what they hold; the pages they index are compared.
# search/search_index.json is the theme's own index, which the site does not use (its search is Pagefind's)
# and a preview's engine writes only for the pages it rebuilt.
LEFT_OUT = ("pagefind/", "search/", "cy/search/")


def files(site: Path) -> dict[str, bytes]:
    return {rel: path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()
            and not (rel := path.relative_to(site).as_posix()).startswith(LEFT_OUT)}


def search_entries(site: Path) -> dict:
    import json
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    return {language: data["page_count"] for language, data in entry["languages"].items()}


def test_the_served_site_after_edits_is_the_fresh_build(tmp_path):
    root = site_repo(tmp_path / "repo")
    preview = Preview(Project(root), tmp_path / "served", jobs=2, say=lambda line: None)
    preview.full()
    assert not preview.failure

    # Add a plan: next year's draft, as a lead starts it.
    drafted = subprocess.run([sys.executable, "-m", "generator", "new", "betsi-cadwaladr/north-east-flintshire",
                              "2024-25", "--root", str(root)], capture_output=True, text=True, timeout=300)
    assert drafted.returncode == 0, drafted.stdout + drafted.stderr
    preview.update({root / NEF / "2024-25"})
    # Change one: a budget agreed.
    plan = root / NEF / "2023-24" / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "TBC" in text
    plan.write_text(text.replace("TBC", "12500", 1), encoding="utf-8")
    before = {path: (tmp_path / "served" / path).read_bytes() for path in NEF_2023_DOCUMENTS}
    preview.update({plan.parent})
    for path in NEF_2023_DOCUMENTS:
        served_document = tmp_path / "served" / path
        changed = served_document.read_bytes() != before[path]
        assert changed, f"{path} is the document of before the edit"
        read = pdf_text if path.endswith(".pdf") else docx_text
        assert "12,500" in read(served_document), path
    # Delete one.
    shutil.rmtree(root / NEF / "2022-23")
    preview.update({root / NEF / "2022-23"})
    assert not preview.failure and not preview.errors(), [p.as_text() for p in preview.errors()]

    build(Project(root), tmp_path / "fresh", jobs=2)
    served, fresh = files(tmp_path / "served"), files(tmp_path / "fresh")
    assert sorted(served) == sorted(fresh)
    differing = [path for path in fresh if served[path] != fresh[path]]
    assert differing == []
    assert search_entries(tmp_path / "served") == search_entries(tmp_path / "fresh")
    # The edits are there: the new plan's page and editor entry, the agreed budget, no deleted plan.
    assert "betsi-cadwaladr/north-east-flintshire/2024-25/index.html" in served
    assert "2024-25" in served["admin/config.yml"].decode()
    assert "betsi-cadwaladr/north-east-flintshire/2022-23/index.html" not in served
