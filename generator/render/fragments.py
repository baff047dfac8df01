"""Fragments: the few pieces of HTML that repeat thousands of times at national scale (activity rows,
word-level differences, theme rows), written in Python because a template costs several times as much
per row. Everything else is in templates/; tests/fragments/ holds the reference templates each fragment
is tested against."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.sitemap.pages import Anchor

if TYPE_CHECKING:
    from generator.model.diff import Hunk
    from generator.model.records import PlanRecord
    from generator.render.renderer import Renderer


def escape(value) -> str:
    """Text made safe in HTML, exactly as the templates' escaping writes it (markupsafe's). For plain
    values only: Markup (money, inline text) goes in as it is. Most text has nothing to escape."""
    text = value if type(value) is str else str(value)
    if "&" in text or "<" in text or ">" in text or "'" in text or '"' in text:
        return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#39;").replace('"', "&#34;"))
    return text


def _unique_sorted(values) -> list[str]:
    """Distinct values ignoring case (the first spelling wins), sorted ignoring case."""
    seen: set[str] = set()
    out = []
    for value in values:
        if value.lower() not in seen:
            seen.add(value.lower())
            out.append(value)
    return sorted(out, key=str.lower)


def _options(values, label) -> str:
    return "".join(f'<option value="{escape(v)}">{escape(label(v))}</option>' for v in values)


def _terms(r: "Renderer", vocabulary: str, values: list[str]) -> str:
    return "; ".join(escape(r.term(vocabulary, v)) for v in values)


def _items(r: "Renderer", values: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{r.inline(v)}</li>" for v in values) + "</ul>" if values else ""


def _lang_en(r: "Renderer", thing, field: str) -> str:
    """A lang attribute for a short field shown in English on a page in another language."""
    return "" if r.has_local(thing, field) else ' lang="en"'


def activity_table(r: "Renderer", plan: "PlanRecord") -> Markup:
    """Every column of the national template. Works without JavaScript; the script adds sorting and filters."""
    t = r.t
    activities = plan.activities
    statuses = _unique_sorted(a.status for a in activities if a.status is not None)
    priorities = _unique_sorted([p for a in activities for p in a.ministerial] + [p for a in activities for p in a.sppc])
    fundings = _unique_sorted(f for a in activities for f in a.funding)
    caption = escape(t("activities.caption", cluster=r.name_of(plan), year=plan.year))
    everything = escape(t("activities.all"))
    english = ' lang="en"' if r.language != "en" else ""
    none = f'<span class="cp-none">{escape(t("activities.none"))}</span>'
    not_stated = f'<span class="cp-none">{escape(t("activities.not_stated"))}</span>'
    out = [
        '<div class="cp-activities" data-cp-activities>\n<div class="cp-filters" data-cp-filters hidden>\n',
        f'<label>{escape(t("activities.filter_status"))} <select data-cp-filter="status"><option value="">'
        f'{everything}</option>{_options(statuses, lambda s: r.term("status", s))}</select></label>\n',
        f'<label>{escape(t("activities.filter_priority"))} <select data-cp-filter="priority"><option value="">'
        f'{everything}</option>{_options(priorities, str)}</select></label>\n',
        f'<label>{escape(t("activities.filter_funding"))} <select data-cp-filter="funding"><option value="">'
        f'{everything}</option>{_options(fundings, lambda f: r.term("funding", f))}</select></label>\n',
        f'<p class="cp-count" aria-live="polite" data-cp-count data-template="{escape(t("activities.count"))}"></p>\n'
        f'</div>\n<div class="cp-table-wrap" tabindex="0" role="region" aria-label="{caption}">\n'
        f'<table class="cp-activity-table cp-cards">\n<caption>{caption}</caption>\n<thead><tr>\n',
    ]
    for key, attributes in (("title", ' data-cp-sort="text"'), ("new_or_existing", ' data-cp-sort="text"'),
                            ("description", ""), ("results", ""), ("ministerial", ' data-cp-sort="text"'),
                            ("sppc", ' data-cp-sort="text"'), ("budget", ' class="cp-num" data-cp-sort="number"'),
                            ("funding", ' data-cp-sort="text"'), ("status", ' data-cp-sort="text"'),
                            ("comments", "")):
        out.append(f'<th scope="col"{attributes}>{escape(t("activities." + key))}</th>\n')
    out.append("</tr></thead>\n<tbody>\n")
    # Each cell names its column, which a phone shows above the value when the row becomes a card.
    label = {key: f' data-label="{escape(t("activities." + key))}"' for key in (
        "new_or_existing", "description", "results", "ministerial", "sppc", "budget", "funding", "status", "comments")}
    flags = plan.flags
    for index, a in enumerate(activities):
        cell = _activity_flags(r, flags.under(f"activities[{index}]")) if flags else {}
        origin = ""
        act = a.activity  # the plan's own fields; `a` adds the canonical terms
        if a.origin:
            origin = escape(r.term("origin", a.origin))
            if act.since:
                origin += f" ({escape(t('activities.since', year=act.since))})"
        detail = act.new_or_existing_detail
        if detail and detail.lower() != (a.origin or "").lower():
            origin += f'<br><span class="cp-detail">“{escape(detail)}”</span>'
        sppc = _terms(r, "sppc", a.sppc) if a.sppc else none
        if act.alignment_detail:
            sppc += f'<br><span class="cp-detail">“{escape(act.alignment_detail)}”</span>'
        budget = act.budget
        sort_value = budget.amount if budget is not None and budget.amount is not None else -1
        status = (f'<span class="cp-status cp-status-{escape(a.status)}">{escape(r.term("status", a.status))}</span>'
                  if a.status else "")
        # The plan's own words for its funding, beside the terms they were read as.
        funding = _terms(r, 'funding', a.funding) if a.funding else not_stated
        if act.funding_detail:
            funding += f'<br><span class="cp-detail"{english}>“{escape(act.funding_detail)}”</span>'
        if act.status_detail and act.status_detail.lower() != (a.status or "").lower():
            status += f'<br><span class="cp-detail">“{escape(act.status_detail)}”</span>'
        def marked(column: str, html) -> str:
            return _marked(html, cell.get(column)) if cell else str(html)
        out.append(
            f'<tr id="{escape(Anchor.activity(act.id))}" data-status="{escape(a.status or "")}" '
            f'data-priority="{escape("|".join(a.ministerial + a.sppc))}" data-funding="{escape("|".join(a.funding))}">\n'
            f'<th scope="row" data-pagefind-weight="5"{_lang_en(r, act, "title")}>'
            f'{marked("title", escape(r.local(act, "title")))}</th>\n'
            f"<td{label['new_or_existing']}>{marked('origin', origin)}</td>\n"
            f'<td{label["description"]}{_lang_en(r, act, "description")}>'
            f'{marked("description", r.inline(r.local(act, "description")))}</td>\n'
            f"<td{label['results']}{english}>{marked('results', _items(r, act.expected_results))}</td>\n"
            f"<td{label['ministerial']}>"
            f"{marked('ministerial', _terms(r, 'ministerial', a.ministerial) if a.ministerial else none)}</td>\n"
            f"<td{label['sppc']}>{marked('sppc', sppc)}</td>\n"
            f'<td class="cp-num"{label["budget"]} data-sort-value="{escape(sort_value)}">'
            f'{marked("budget", r.money(budget))}</td>\n'
            f"<td{label['funding']}>{marked('funding', funding)}</td>\n"
            f"<td{label['status']}>{marked('status', status)}</td>\n"
            f"<td{label['comments']}{english}>{marked('comments', _items(r, act.comments))}</td>\n"
            "</tr>\n")
    out.append("</tbody>\n</table>\n</div>\n</div>")
    return Markup("".join(out))


# Which column of the activity table shows a flag on each field of an activity; the rest go to its title.
_ACTIVITY_COLUMNS = {"new_or_existing": "origin", "since": "origin", "new_or_existing_detail": "origin",
                     "description": "description", "description_cy": "description", "expected_results": "results",
                     "ministerial_priorities": "ministerial", "sppc_priorities": "sppc", "alignment_detail": "sppc",
                     "budget": "budget", "funding_sources": "funding", "funding_detail": "funding",
                     "status": "status", "status_detail": "status",
                     "comments": "comments"}


def _activity_flags(r: "Renderer", flags) -> dict[str, str]:
    by_column: dict[str, list] = {}
    for f in flags:
        name = f.field.split("]", 1)[1].lstrip(".").split("[", 1)[0].split(".", 1)[0]
        by_column.setdefault(_ACTIVITY_COLUMNS.get(name, "title"), []).append(f)
    return {column: str(r.flag_notes(found)) for column, found in by_column.items()}


def _marked(html, notes: str | None) -> str:
    """A value with the flags on it: the value marked, the notes after it."""
    if not notes:
        return str(html)
    return f'<span class="cp-flagged">{html}</span>{notes}'


def word_diff(r: "Renderer", hunk: "Hunk") -> Markup:
    """One hunk of a word-level prose difference. The hidden words say what colour and strike-through show."""
    # The words compared are the plan's (English on a Welsh page, whose paragraph says so); the hidden
    # words are the site's, in the page's language.
    own = f' lang="{r.language}"' if r.language != "en" else ""
    removed = f'<del><span class="cp-visually-hidden"{own}>{escape(r.t("changes.removed_text"))} </span>'
    added = f'<ins><span class="cp-visually-hidden"{own}>{escape(r.t("changes.added_text"))} </span>'
    words = []
    for segment in hunk.segments:
        if segment.kind == "same":
            words.append(escape(segment.text))
        elif segment.kind == "removed":
            words.append(f"{removed}{escape(segment.text)}</del>")
        else:
            words.append(f"{added}{escape(segment.text)}</ins>")
    return Markup(("…" if hunk.cut_before else "") + " ".join(words) + ("…" if hunk.cut_after else "") + "\n")


def theme_rows(r: "Renderer", rows) -> Markup:
    """The rows of a theme page's table for one cluster: each activity that serves the theme, every
    year. An activity usually serves several themes, so its row is made once per language and depth."""
    out = []
    for plan, a in rows:
        href = r.url(plan.url)
        key = ("theme-row", href, a.id)
        row = r.fragment_cache.get(key)
        if row is None:
            # Each cell names its column, which a phone shows above the value when the row becomes a card.
            label = r.fragment_cache.get("theme-labels")
            if label is None:
                label = r.fragment_cache["theme-labels"] = {key: f' data-label="{escape(r.t(text))}"' for key, text in (
                    ("year", "cluster.year"), ("description", "activities.description"),
                    ("budget", "activities.budget"), ("status", "activities.status"))}
            row = r.fragment_cache[key] = (
                f'<tr><th scope="row"{_lang_en(r, a, "title")}><a href="{escape(href)}#activity-{escape(a.id)}">'
                f'{escape(r.local(a, "title"))}</a></th><td{label["year"]}>{escape(plan.year)}</td>'
                f'<td{label["description"]}{_lang_en(r, a, "description")}>{r.inline(r.local(a, "description"))}</td>'
                f'<td class="cp-num"{label["budget"]}>{r.budget(plan, a)}</td>'
                f"<td{label['status']}>{escape(r.term('status', a.status))}</td></tr>\n")
        out.append(row)
    return Markup("".join(out))


def activity_changes(r: "Renderer", activities, before: "PlanRecord", after: "PlanRecord") -> Markup:
    """The rows of a "What changed" page's activity table: added, dropped, then changed activities."""
    t = r.t
    hidden_added = f'<span class="cp-visually-hidden">{escape(t("changes.added_text"))} </span>'
    hidden_removed = f'<span class="cp-visually-hidden">{escape(t("changes.removed_text"))} </span>'
    not_in_plan = f'<span class="cp-visually-hidden">{escape(t("changes.not_in_plan"))}</span>'
    not_stated = escape(t("status.not_stated"))
    before_url, after_url = escape(r.url(before.url)), escape(r.url(after.url))
    # Each cell names its column, which a phone shows above the value when the row becomes a card.
    kind_cell = f'<td data-label="{escape(t("diff.col_change"))}">'
    before_cell, after_cell = f'<td data-label="{escape(before.year)}">', f'<td data-label="{escape(after.year)}">'
    details_cell = f'<td data-label="{escape(t("diff.col_details"))}">'

    def status(value) -> str:
        return escape(r.term("status", value)) if value else not_stated

    def entry(plan: "PlanRecord", x) -> str:
        return f"{status(x.status)} · {r.budget(plan, x)}"

    # The plan's own words (results, comments, descriptions) are English on a Welsh page, and say so.
    english = ' lang="en"' if r.language != "en" else ""

    def plans_words(html) -> str:
        return f"<span{english}>{html}</span>" if english else str(html)

    def items(label: str, change, vocabulary: str | None) -> str:
        shown = (lambda x: escape(r.term(vocabulary, x))) if vocabulary else (lambda x: plans_words(r.inline(x)))
        added = [f"<ins>{hidden_added}{shown(x)}</ins>" for x in change.added]
        removed = [f"<del>{hidden_removed}{shown(x)}</del>" for x in change.removed]
        return f"<li>{escape(label)}: {'; '.join(added + removed)}</li>"

    def move(m, marks=("", "")) -> str:
        text = f"{r.money(m.before)}{marks[0]} → {r.money(m.after)}{marks[1]}"
        if m.kind in ("up", "down"):
            text += f" ({'+' if m.delta > 0 else '−'}{escape(r.pounds(abs(m.delta)))})"
        elif m.kind in ("to_tbc", "from_tbc"):
            text += f" ({escape(t('diff.' + m.kind))})"
        return text

    out = []
    for x in activities.added:
        origin = ""
        if x.origin:
            origin = escape(r.term("origin", x.origin))
            if x.since:
                origin += f" ({escape(t('activities.since', year=x.since))})"
        out.append(f'<tr class="cp-change-added"><th scope="row"><a href="{after_url}#activity-{escape(x.id)}">'
                   f"{escape(x.title)}</a></th>{kind_cell}{escape(t('diff.row_added'))}</td>{before_cell}{not_in_plan}</td>"
                   f"{after_cell}{entry(after, x)}</td>{details_cell}{origin}</td></tr>\n")
    for x in activities.removed:
        out.append(f'<tr class="cp-change-removed"><th scope="row"><a href="{before_url}#activity-{escape(x.id)}">'
                   f"{escape(x.title)}</a></th>{kind_cell}{escape(t('diff.row_dropped'))}</td>{before_cell}{entry(before, x)}</td>"
                   f"{after_cell}{not_in_plan}</td>{details_cell}</td></tr>\n")
    for m in activities.changed:
        details = []
        if m.renamed:
            details.append(f"<li>{escape(t('diff.renamed_from', title=m.before.title, score=int(round(m.score, 0))))}</li>")
        if m.id_changed:
            details.append(f"<li>{escape(t('diff.id_changed', before=m.before.id, after=m.after.id))}</li>")
        if m.status:
            details.append(f"<li>{escape(t('activities.status'))}: {status(m.status.before)} → {status(m.status.after)}</li>")
        if m.budget:
            details.append(f"<li>{escape(t('activities.budget'))}: "
                           f"{move(m.budget, (r.budget_markers(before, m.before.id), r.budget_markers(after, m.after.id)))}</li>")
        for field, label, vocabulary in (("funding", "activities.funding", "funding"),
                                         ("ministerial", "activities.ministerial", "ministerial"),
                                         ("sppc", "activities.sppc", "sppc"),
                                         ("board_priorities", "diff.board_priorities", None)):
            if getattr(m, field):
                details.append(items(t(label), getattr(m, field), vocabulary))
        if m.description:
            hunks = "".join(f"{word_diff(r, h)} " for h in m.description.hunks)
            details.append(f"<li>{escape(t('activities.description'))}: {plans_words(hunks)}</li>")
        if m.expected_results:
            details.append(items(t("activities.results"), m.expected_results, None))
        if m.comments:
            details.append(items(t("activities.comments"), m.comments, None))
        kind = t("diff.row_renamed") if m.renamed or m.id_changed else t("diff.row_changed")
        out.append(f'<tr class="cp-change-changed"><th scope="row"><a href="{after_url}#activity-{escape(m.after.id)}">'
                   f"{escape(m.after.title)}</a></th>{kind_cell}{escape(kind)}</td>{before_cell}{entry(before, m.before)}</td>"
                   f"{after_cell}{entry(after, m.after)}</td>{details_cell}<ul>\n{''.join(details)}</ul></td></tr>\n")
    return Markup("".join(out))
