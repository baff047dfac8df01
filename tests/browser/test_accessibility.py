"""axe-core (the copy pinned with axe-playwright-python) finds no WCAG 2.2 A/AA violation on any page type."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")

PAGE_TYPES = {
    "home": "",
    "board": "betsi-cadwaladr/",
    "cluster": "betsi-cadwaladr/north-east-flintshire/",
    "plan (national template)": "betsi-cadwaladr/north-east-flintshire/2023-24/",
    "plan (Swansea Bay format)": "swansea-bay/upper-valleys/2022-23/",
    "plan on a page": "betsi-cadwaladr/north-east-flintshire/2023-24/on-a-page/",
    "themes": "themes/",
    "theme": "themes/a-healthier-wales/",
    "services": "services/",
    "downloads": "downloads/",
    "data quality": "data-quality/",
    "board data quality": "betsi-cadwaladr/data-quality/",
    "guide": "guide/",
}
# The same page types in the Welsh tree.
PAGE_TYPES.update({f"{name} (Cymraeg)": "cy/" + path for name, path in list(PAGE_TYPES.items())
                   if name in ("home", "board", "cluster", "plan (national template)", "plan on a page",
                               "theme", "data quality", "guide")})


def violations(page) -> list[str]:
    page.add_script_tag(content=AXE)
    result = page.evaluate("""async () => await axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})""")
    return [f"{v['id']} ({v['impact']}): {v['help']} - {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"]]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_has_no_axe_violations(page, base_url, name):
    response = page.goto(base_url + PAGE_TYPES[name])
    assert response.status == 200
    assert violations(page) == []


def test_activity_filters_are_accessible_once_shown(page, base_url):
    page.goto(base_url + "betsi-cadwaladr/north-east-flintshire/2023-24/")
    page.select_option("select[data-cp-filter=status]", index=1)
    assert violations(page) == []
