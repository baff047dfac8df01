"""The licence of the site's data: the Open Government Licence v3.0, as the downloads page, each JSON
download and the data package describing every file state it."""

from __future__ import annotations

NAME = "OGL-UK-3.0"
TITLE = "Open Government Licence v3.0"
# The licence's own page in each language (The National Archives publishes a Welsh version).
ADDRESS = {"en": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
           "cy": "https://www.nationalarchives.gov.uk/doc/open-government-licence-cymraeg/version/3/"}


def metadata() -> dict[str, str]:
    """The licence as a data package (Frictionless) and the JSON downloads name it."""
    return {"name": NAME, "title": TITLE, "path": ADDRESS["en"]}


def address(language: str) -> str:
    return ADDRESS.get(language, ADDRESS["en"])
