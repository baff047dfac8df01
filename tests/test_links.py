"""The link check of the built site: each kind of broken link is found, sound links pass."""

from pathlib import Path

from generator.engine.links import check_site


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
    return [str(b) for b in check_site(site, jobs=1)]


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


def _switcher_page(site: Path, rel: str, other: str) -> None:
    """A page whose header links to the same page in the other language, as the theme's switcher does."""
    up = "../" * rel.count("/")
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<html><body><header><a href="{up}index.html">Home</a>'
                    f'<a href="{up}{other}" hreflang="cy" class="cp-language-link">Cymraeg</a></header>'
                    "<article><p>Plan</p></article></body></html>", encoding="utf-8")


def test_a_broken_language_switcher_link_is_reported_on_every_page(tmp_path):
    site = tmp_path / "site"
    for rel in ("index.html", "cy/index.html", "cy/b/one/index.html"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("<html><body><article>Hafan</article></body></html>", encoding="utf-8")
    # Two pages of the same depth and language: the first's switcher is sound, the second's is not.
    _switcher_page(site, "b/one/index.html", "cy/b/one/")
    _switcher_page(site, "b/two/index.html", "cy/b/two/")
    for jobs in (1, 2):
        assert [str(b) for b in check_site(site, jobs=jobs)] == [
            "b/two/index.html: link to '../../cy/b/two/' points to a page that does not exist"]
