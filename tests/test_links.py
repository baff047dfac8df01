"""The link check of the built site: each kind of broken link is found, sound links pass."""

from pathlib import Path

from generator.links import check_site


def _page(site: Path, rel: str, body: str) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body><header><a href=\"{'../' * rel.count('/')}index.html\">Home</a></header>"
                    f"<article>{body}</article></body></html>", encoding="utf-8")


def _site(tmp_path: Path, body: str) -> list[str]:
    site = tmp_path / "site"
    _page(site, "index.html", '<h2 id="top">Plans</h2>')
    _page(site, "board/index.html", '<h2 id="clusters">Clusters</h2>')
    _page(site, "board/cluster/index.html", body)
    return [str(b) for b in check_site(site, workers=1)]


def test_sound_links_pass(tmp_path):
    body = ('<p id="here"><a href="../">Board</a> <a href="../#clusters">clusters</a> <a href="#here">here</a>'
            ' <a href="https://example.org/missing/">elsewhere</a> <a href="mailto:lead@example.org">mail</a></p>')
    assert _site(tmp_path, body) == []


def test_link_to_a_missing_page_is_reported(tmp_path):
    assert _site(tmp_path, '<a href="../other-cluster/">Other</a>') == [
        "board/cluster/index.html: link to '../other-cluster/' points to a page that does not exist"]


def test_link_to_a_missing_anchor_of_another_page_is_reported(tmp_path):
    assert _site(tmp_path, '<a href="../#activities">Activities</a>') == [
        "board/cluster/index.html: link to '../#activities' points to an anchor missing from its page"]


def test_link_to_a_missing_anchor_of_the_same_page_is_reported(tmp_path):
    assert _site(tmp_path, '<p id="here"></p><a href="#there">There</a>') == [
        "board/cluster/index.html: link to '#there' points to an anchor missing from the page"]


def test_attributes_after_a_line_break_or_tab_are_checked(tmp_path):
    body = '<a\nhref="../missing/">One</a><img\tsrc="../../missing.png" alt=""><p\nid="x"></p><a href="#x">x</a>'
    assert _site(tmp_path, body) == [
        "board/cluster/index.html: link to '../../missing.png' points to a page that does not exist",
        "board/cluster/index.html: link to '../missing/' points to a page that does not exist"]
