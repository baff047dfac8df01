"""The admin page (/admin/ and /cy/admin/): the editor's configuration, page and scripts as site files."""

from __future__ import annotations

from pathlib import Path

from generator.core import i18n
from generator.render import templating
from generator.model.records import Repository
from generator.render.renderer import Page
from generator.cms import config, field_rules, node
from generator.core.languages import LANGUAGES
from generator.pipeline.extensions import ExtensionFailure, SiteInputs

ADMIN = "admin"
DECAP_SCRIPT = "decap-cms.js"
OUR_SCRIPT = "cluster-plans-cms.js"
OUR_STYLES = "cluster-plans-cms.css"
# Translation keys the page's scripts show (widgets and preview); sent to the page as one table.
SCRIPT_KEYS = ("cms.", "pop.title", "pop.priority_areas", "pop.key_actions", "plan.activities", "plan.finance")


def decap_files(modules: Path) -> dict[str, bytes]:
    """Decap's bundle and the parts it loads on demand (from beside itself), without source maps."""
    dist = modules / "decap-cms" / "dist"
    names = sorted(p.name for p in dist.glob("*decap-cms.js"))
    if DECAP_SCRIPT not in names:
        raise node.NodeMissing(f"{dist / DECAP_SCRIPT} is missing: run npm ci in {node.TOOL_ROOT}")
    return {name: (dist / name).read_bytes() for name in names}


def preview_styles(site_dir: Path) -> list[str]:
    """The built site's style sheets, from the site's root, for the preview to look like the site."""
    found = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "assets" / "stylesheets").glob("*.css"))
    # The theme's own sheets first, then ours, which builds on them.
    return sorted(found, key=lambda path: ("cluster-plans" in path, path))


def admin_pages(root: Path, repository: Repository, translations: i18n.Translations, templates_dir: Path,
                site_dir: Path, languages: tuple[str, ...], local_backend: bool | dict[str, str] | None = None) -> list[Page]:
    """Every file of the admin pages, for each language; the scripts are published once, under /admin/."""
    settings = config.Settings.load(root)
    modules = node.ensure_installed(node.editor_root(root))
    pages = [Page(f"{ADMIN}/{name}", data) for name, data in decap_files(modules).items()]
    for name in (OUR_SCRIPT, OUR_STYLES):
        pages.append(Page(f"{ADMIN}/{name}", (templates_dir / ADMIN / name).read_bytes()))
    styles = preview_styles(site_dir)
    for language in languages:
        prefix = "" if language == "en" else f"{language}/"
        up = "../" * (prefix.count("/") + 1)
        env = templating.environment(templates_dir, translations, language)
        strings = {key: translations.text(key, language) for key in sorted(translations.keys())
                   if key.startswith(SCRIPT_KEYS)}
        cms = config.cms_config(root, repository, translations, language, settings, local_backend)
        plans = [entry["name"] for entry in cms["collections"][0]["files"]]
        sections = [entry["name"] for entry in cms["collections"][1]["files"]]
        html = env.get_template(f"{ADMIN}/index.html.j2").render(
            t=lambda key, **values: translations.text(key, language, **values), lang=language,
            strings=strings, rules=field_rules.field_rules(language), preview_styles=[up + path for path in styles],
            plans=plans, sections=sections,
            decap_script=f"{up}{ADMIN}/{DECAP_SCRIPT}", our_script=f"{up}{ADMIN}/{OUR_SCRIPT}",
            our_styles=f"{up}{ADMIN}/{OUR_STYLES}")
        pages.append(Page(f"{prefix}{ADMIN}/index.html", html))
        pages.append(Page(f"{prefix}{ADMIN}/config.yml", config.config_text(cms)))
    return pages


class EditorExtension:
    """The online editor as a site extension (see generator/pipeline/extensions.py): its pages are added to
    every build and every preview, with a configuration that names every plan of the site."""
    title = "the online editor"
    folder = ADMIN

    def files(self, inputs: SiteInputs) -> list[Page]:
        try:
            return admin_pages(inputs.root, inputs.repository, inputs.translations, inputs.templates_dir,
                               inputs.site_dir, LANGUAGES)
        except (node.NodeMissing, config.SettingsError) as failure:
            raise ExtensionFailure(f"the online editor (/{ADMIN}/) could not be added: {failure}") from None

    def plan_editor(self, root: Path) -> str | None:
        # Only where cms.yml names the repository the editor saves to: elsewhere the link would open an
        # editor that cannot sign a lead in. A cms.yml in error is reported by files(), in the same build.
        try:
            return f"{ADMIN}/" if config.Settings.load(root).names_repository else None
        except config.SettingsError:
            return None
