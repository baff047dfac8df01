"""Financial years: the folder form, the arithmetic, the forms plans print, and their mentions in text."""

from __future__ import annotations

import pytest

from generator.core.years import first_mentioned, following, is_year, looks_like_year, preceding, shift_years, slashed, start_of, year_folders, year_starting


@pytest.mark.parametrize("name", ["2023-24", "1999-00", "2099-00", "2009-10"])
def test_a_financial_year_is_written_yyyy_yy(name):
    assert is_year(name) and looks_like_year(name)


@pytest.mark.parametrize("name", ["2023-25", "2023-23", "1999-01"])
def test_two_years_that_do_not_follow_each_other_only_look_like_one(name):
    assert looks_like_year(name) and not is_year(name)


@pytest.mark.parametrize("name", ["2023/24", "23-24", "2023-2024", "2023-24 ", "", "abcd-ef", "2023-4"])
def test_other_spellings_are_not_folder_years(name):
    assert not is_year(name) and not looks_like_year(name)


def test_arithmetic_across_the_turn_of_a_century():
    assert start_of("2023-24") == 2023
    assert year_starting(2023) == "2023-24"
    assert following("2023-24") == "2024-25"
    assert following("2099-00") == "2100-01"
    assert preceding("2000-01") == "1999-00"
    assert slashed("2022-23") == "2022/23"


def test_year_folders_are_the_valid_ones_oldest_first(tmp_path):
    for name in ("2023-24", "2021-22", "2022-24", "notes", ".2024-25.tmp"):
        (tmp_path / name).mkdir()
    (tmp_path / "2020-21").write_text("a file, not a folder", encoding="utf-8")
    assert year_folders(tmp_path) == ["2021-22", "2023-24"]
    assert year_folders(tmp_path / "missing") == []


@pytest.mark.parametrize("text, latest, expected", [
    ("Existing since 2021/22", "2023-24", "2021-22"),
    ("Started 19-20, expanded 2021/2022", "2023-24", "2019-20"),
    ("Planned for 2025/26", "2023-24", None),
    ("PCPG Plan 2023/26", "2023-24", None),
    ("on 01/04/2023", "2023-24", None),
])
def test_the_first_year_a_text_mentions(text, latest, expected):
    assert first_mentioned(text, latest) == expected


def test_shift_years_moves_only_this_and_last_year():
    assert shift_years("Key achievements of the 2022/23 Cluster Plan", "2023-24", "2024-25") == \
        "Key achievements of the 2023/24 Cluster Plan"
    assert shift_years("Cluster IMTP 2023-24 (23/24)", "2023-24", "2025-26") == "Cluster IMTP 2025-26 (25/26)"
    assert shift_years("PCPG Plan 2023/26 / PRB Area Plan 2023/2028", "2023-24", "2024-25") == \
        "PCPG Plan 2023/26 / PRB Area Plan 2023/2028"
    assert shift_years("since 2019-20, on 01/04/2023", "2023-24", "2024-25") == "since 2019-20, on 01/04/2023"
    assert shift_years("Plans 2022/2023", "2022-23", "2023-24") == "Plans 2023/2024"
    assert shift_years("April 2023 to March 2024; April 2021 to March 2022", "2023-24", "2024-25") == \
        "April 2024 to March 2025; April 2021 to March 2022"
