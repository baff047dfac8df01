"""The words of the site, documents, editor and commands are gettext catalogues (generator/locale): the
English template and the Welsh translation, read by translators' tools and by Babel, with CLDR's plurals."""

from __future__ import annotations

import io

import pytest
from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from generator.core import i18n
from generator.core.languages import LANGUAGES

# CLDR's plural categories in the order a gettext catalogue lists a text's forms.
CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalogue_reads_checks_and_compiles_with_babel(language):
    with i18n.catalogue_file(language).open("rb") as file:
        catalog = read_po(file)
    assert len(catalog) > 1000
    # Babel's own checks (placeholders in the same style as the English, the number of plural forms).
    assert [(message.context, [str(e) for e in errors]) for message, errors in catalog.check()] == []
    write_mo(io.BytesIO(), catalog)
    assert all(message.context for message in catalog if message.id)  # every text keyed by its context


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plural_rule_of_each_catalogue_is_cldrs(language):
    """Welsh has six plural forms (0 clwstwr, 1 clwstwr, 2 glwstwr, 3 chlwstwr, 6 chlwstwr, 7 clwstwr):
    the catalogue's rule picks the form CLDR's category gives for every number."""
    catalogue = i18n.words().catalogues[language]
    rule = Locale.parse(i18n.locale_of(language)).plural_form
    used = [category for category in CLDR_ORDER if category in rule.tags or category == "other"]
    assert catalogue.forms == len(used) == {"en": 2, "cy": 6}[language]
    for n in range(0, 1001):
        assert used[catalogue.form_of(n)] == rule(n), n


def test_a_count_takes_its_languages_form():
    words = i18n.words()
    assert words.text("home.n_boards", "en", n=1) == "health board"
    assert words.text("home.n_boards", "en", n=7) == "health boards"
    assert words.text("home.n_boards", "cy", n=7) == "bwrdd iechyd"
    assert words.text("problems.errors", "en", n=1) == "1 error"
    assert words.text("problems.errors", "en", n=0) == "0 errors"


def test_every_text_has_its_welsh_with_the_values_of_its_english():
    words = i18n.words()
    assert words.missing() == []
    assert words.malformed() == []


def test_a_key_the_catalogues_lack_names_the_catalogue():
    with pytest.raises(i18n.MissingTranslation) as raised:
        i18n.words().text("home.no_such_text", "cy")
    assert raised.value.catalogue == "generator/locale/cy/LC_MESSAGES/messages.po"
