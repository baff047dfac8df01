/* The plan editor's own parts for Decap CMS: the section file format, the money and table widgets,
   and the plan preview. Strings come from the translation table through the page. */
(function () {
  "use strict";
  var strings = JSON.parse(document.getElementById("cp-cms-strings").textContent);
  var previewStyles = JSON.parse(document.getElementById("cp-cms-preview-styles").textContent);
  var planEntries = JSON.parse(document.getElementById("cp-cms-plans").textContent);
  var sectionEntries = JSON.parse(document.getElementById("cp-cms-sections").textContent);
  function t(key, values) {
    var text = strings[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }
  function plain(value) { return value && typeof value.toJS === "function" ? value.toJS() : value; }

  /* "Edit this plan" links carry ?plan=<entry>; the editor's own addresses are in the fragment. */
  var wanted = new URLSearchParams(window.location.search).get("plan");
  if (wanted && /^[a-z0-9-]+$/.test(wanted) && !window.location.hash) {
    window.location.hash = "#/collections/plans/entries/" + wanted;
  }

  /* A section file is Markdown and nothing else: read and written as it is, except that it ends in
     exactly one newline, as the repository's files do (the editor adds an empty line at the end). */
  CMS.registerCustomFormat("plan-section", "md", {
    fromFile: function (text) { return { body: text }; },
    toFile: function (data) {
      var body = data.body === undefined || data.body === null ? "" : String(data.body);
      return body.replace(/\s+$/, "") + "\n";
    }
  });

  /* The validator's rules for a field (generator/cms/field_rules.py): its patterns and its own words. */
  var rules = JSON.parse(document.getElementById("cp-cms-rules").textContent);
  function said(template, value) { return template.split("{value}").join(value); }
  function refusal(rule, value) {
    return said(rule.message, value) + (rule.hint ? ". " + said(rule.hint, value) : "");
  }

  /* Money: one box, typed as a lead writes a figure (£18,500, 18500, 18,500.00, TBC), read by the
     validator's own reader; what the lead typed is saved (a bare number as a number), never another figure. */
  var AMOUNT = new RegExp(rules.money.amount, rules.money.flags);
  function isTbcText(text) { return rules.money.tbc.indexOf(String(text).toLowerCase().replace(/\s+/g, "")) >= 0; }
  function reading(text) {
    var written = String(text).trim();
    if (!written) { return { kind: "unstated" }; }
    if (isTbcText(written)) { return { kind: "tbc" }; }
    var m = AMOUNT.exec(written);
    if (!m) { return { kind: "unparsed" }; }
    var pounds = Number(m.groups.int.split(",").join("") + (m.groups.frac || ""));
    if (m.groups.k) { pounds = Math.round(pounds * 1000 * 100) / 100; }
    return { kind: "amount", amount: m.groups.sign ? -pounds : pounds };
  }
  function moneyParts(value) {
    value = plain(value);
    var parts = { text: "", note: "", amount: null, tbc: false };
    if (value === null || value === undefined || value === "") { return parts; }
    if (typeof value === "number") { parts.text = String(value); parts.amount = value; return parts; }
    if (typeof value === "string") { parts.text = value; return parts; }
    if (typeof value === "object") {
      if (typeof value.amount === "number") { parts.amount = value.amount; }
      parts.tbc = value.tbc === true;
      if (value.as_written !== undefined && value.as_written !== null) { parts.text = String(value.as_written); }
      else if (parts.amount !== null) { parts.text = String(parts.amount); }
      else if (parts.tbc) { parts.text = "TBC"; }
      if (typeof value.note === "string") { parts.note = value.note; }
    }
    return parts;
  }
  /* What a figure as the file holds it reads as: the plan's own amount or TBC first, then its words. */
  function valueReading(parts) {
    if (parts.amount !== null) { return { kind: "amount", amount: parts.amount }; }
    if (parts.tbc) { return { kind: "tbc" }; }
    return reading(parts.text);
  }
  function moneyValue(text, note) {
    var written = text.trim(), read = reading(written);
    note = note.trim();
    var bare = read.kind === "amount" && String(read.amount) === written;
    if (!note) {
      if (read.kind === "unstated") { return null; }
      return bare ? read.amount : written;
    }
    var out = {};
    if (read.kind === "amount") { out.amount = read.amount; if (!bare) { out.as_written = written; } }
    else if (read.kind === "tbc") { out.tbc = true; out.as_written = written; }
    else if (written) { out.as_written = written; }
    out.note = note;
    return out;
  }
  function pounds(amount) {
    return (amount < 0 ? "-£" : "£") + Math.abs(amount).toLocaleString("en-GB", { maximumFractionDigits: 2,
      minimumFractionDigits: amount % 1 ? 2 : 0 });
  }
  /* A figure as the preview shows it: the plan's own words where it has them, else the amount in pounds. */
  function moneyText(value) {
    var parts = moneyParts(value), read = valueReading(parts);
    if (parts.text && typeof plain(value) === "string" || (plain(value) || {}).as_written) { return parts.text; }
    if (read.kind === "amount") { return pounds(read.amount); }
    if (read.kind === "tbc") { return t("cms.money.tbc"); }
    return parts.note || "";
  }

  var MoneyControl = createClass({
    getInitialState: function () { var parts = moneyParts(this.props.value); return { text: parts.text, note: parts.note, edited: false }; },
    /* Only what the lead typed is checked here: a figure a source printed oddly is the validator's to report. */
    problem: function () {
      if (!this.state.edited || reading(this.state.text).kind !== "unparsed") { return ""; }
      return refusal(rules.money, this.state.text.trim());
    },
    isValid: function () {
      var problem = this.problem();
      return problem ? { error: { message: problem } } : true;
    },
    change: function (name, fieldValue) {
      var next = { text: this.state.text, note: this.state.note, edited: true };
      next[name] = fieldValue;
      this.setState(next);
      this.props.onChange(moneyValue(next.text, next.note));
    },
    render: function () {
      var self = this, id = this.props.forID, problem = this.problem();
      var parts = this.state.edited ? { text: this.state.text, amount: null, tbc: false }
        : moneyParts(this.props.value);
      var read = this.state.edited ? reading(this.state.text) : valueReading(parts);
      var shown = read.kind === "amount" ? t("cms.money.reads_as", { amount: pounds(read.amount) })
        : read.kind === "tbc" ? t("cms.money.reads_tbc") : "";
      return h("div", { className: this.props.classNameWrapper + " cp-money" },
        h("input", { id: id, className: "cp-money-input", type: "text", inputMode: "decimal", value: this.state.text,
                     "aria-invalid": problem ? "true" : "false", "aria-describedby": id + "-reading",
                     onChange: function (e) { self.change("text", e.target.value); } }),
        h("p", { id: id + "-reading", className: problem ? "cp-money-problem" : "cp-money-reading", role: "status" },
          problem || shown),
        h("label", { className: "cp-money-field", htmlFor: id + "-note" },
          h("span", {}, t("cms.money.note")),
          h("input", { id: id + "-note", className: "cp-money-input", type: "text", value: this.state.note,
                       onChange: function (e) { self.change("note", e.target.value); } })));
    }
  });
  var MoneyPreview = createClass({
    render: function () { return h("span", {}, moneyText(this.props.value)); }
  });
  CMS.registerWidget("money", MoneyControl, MoneyPreview);

  /* Text of a fixed shape (an id, a plan year): Decap's own text box, refusing what the validator refuses. */
  var StringControl = CMS.getWidget("string").control;
  var ShapedControl = createClass({
    getInitialState: function () { return { edited: false }; },
    isValid: function () {
      var rule = rules.shapes[this.props.field.get("shape")], value = plain(this.props.value);
      if (!this.state.edited || value === null || value === undefined || value === "") { return true; }
      return new RegExp(rule.pattern).test(String(value)) ? true : { error: { message: refusal(rule, String(value)) } };
    },
    render: function () {
      var self = this;
      return h(StringControl, Object.assign({}, this.props, { onChange: function (value) {
        self.setState({ edited: true });
        self.props.onChange(value);
      } }));
    }
  });
  CMS.registerWidget("shaped", ShapedControl, CMS.getWidget("string").preview);

  /* A vocabulary field: each term offered once; a variant the plan already has (Cluster funds) shows as
     its term and stays in the file as written until the lead changes the field. */
  var SelectControl = CMS.getWidget("select").control;
  var TermControl = createClass({
    render: function () {
      var self = this, variants = plain(this.props.field.get("variants")) || {}, value = this.props.value;
      function term(raw) { return Object.prototype.hasOwnProperty.call(variants, raw) ? variants[raw] : raw; }
      var shown = value && typeof value.map === "function" && typeof value !== "string" ? value.map(term)
        : (value === null || value === undefined ? value : term(value));
      function change(chosen) {
        var before = value && typeof value.find === "function" && typeof value !== "string" ? value : null;
        if (chosen && typeof chosen.map === "function" && typeof chosen !== "string") {
          chosen = chosen.map(function (picked) {
            var kept = before && before.find(function (raw) { return term(raw) === picked; });
            return kept === undefined || kept === null ? picked : kept;
          });
        } else if (chosen !== null && chosen !== undefined && term(value) === chosen) {
          chosen = value;
        }
        self.props.onChange(chosen);
      }
      return h(SelectControl, Object.assign({}, this.props, { value: shown, onChange: change }));
    }
  });
  CMS.registerWidget("term", TermControl, CMS.getWidget("select").preview);

  /* The rows of a captioned table: a grid of cells, each kept as the plan wrote it until edited. */
  var TableControl = createClass({
    rows: function () { return plain(this.props.value) || []; },
    set: function (rows) { this.props.onChange(rows); },
    cell: function (r, c, text) {
      var rows = this.rows().map(function (row) { return row.slice(); });
      var old = rows[r][c];
      rows[r][c] = typeof old === "number" && text.trim() !== "" && !isNaN(Number(text)) ? Number(text)
        : (text === "" && old === null ? null : text);
      this.set(rows);
    },
    render: function () {
      var self = this, rows = this.rows();
      var width = rows.reduce(function (n, row) { return Math.max(n, row.length); }, 1);
      return h("div", { className: this.props.classNameWrapper + " cp-table-rows", id: this.props.forID },
        h("table", {}, h("tbody", {}, rows.map(function (row, r) {
          return h("tr", { key: r }, row.map(function (value, c) {
            return h("td", { key: c }, h("input", {
              "aria-label": t("cms.table.cell", { row: r + 1, column: c + 1 }),
              value: value === null || value === undefined ? "" : String(value),
              onChange: function (e) { self.cell(r, c, e.target.value); } }));
          }), h("td", {}, h("button", { type: "button", onClick: function () {
            self.set(rows.filter(function (_, i) { return i !== r; }));
          } }, t("cms.table.remove_row"))));
        }))),
        h("button", { type: "button", onClick: function () {
          self.set(rows.concat([Array.apply(null, Array(width)).map(function () { return ""; })]));
        } }, t("cms.table.add_row")));
    }
  });
  CMS.registerWidget("table-rows", TableControl);

  /* The plan's problems beside the form, as validate reports them: `cluster-plans edit` checks each save in
     its preview, whose server answers for one plan in the page's language and says when it checks again.
     The published editor has no such server, and shows nothing. */
  var PROBLEMS_PATH = "/__cluster_plans_problems", RELOAD_PATH = "/__cluster_plans_reload";
  function planFolder(path) {
    var parts = String(path || "").split("/");
    return parts.length > 4 && parts[0] === "clusters" ? parts.slice(0, 4).join("/") : "";
  }
  function problemPlace(problem, folder) {
    var file = problem.file.indexOf(folder + "/") === 0 ? problem.file.slice(folder.length + 1) : problem.file;
    return problem.line ? file + ", " + t("cms.problems.line", { line: problem.line }) : file;
  }
  var ProblemsPanel = createClass({
    getInitialState: function () { return { answer: null }; },
    componentDidMount: function () { this.live = true; this.load(); },
    componentWillUnmount: function () { this.live = false; },
    load: function () {
      var self = this, folder = this.props.folder;
      if (!folder) { return; }
      fetch(PROBLEMS_PATH + "?plan=" + encodeURIComponent(folder) + "&lang=" + encodeURIComponent(document.documentElement.lang),
            { cache: "no-store" })
        .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
        .then(function (answer) {
          if (!self.live) { return; }
          self.setState({ answer: answer });
          self.wait(answer.version);
        })
        .catch(function () { /* not served by a preview: no problems to show */ });
    },
    /* The preview holds this request until it has checked the plans again. */
    wait: function (version) {
      var self = this;
      fetch(RELOAD_PATH + "?since=" + version, { cache: "no-store" })
        .then(function (response) { return response.text(); })
        .then(function (now) { if (self.live) { if (now !== String(version)) { self.load(); } else { self.wait(version); } } })
        .catch(function () { if (self.live) { setTimeout(function () { self.wait(version); }, 2000); } });
    },
    render: function () {
      var answer = this.state.answer, folder = this.props.folder;
      if (!answer || !answer.checked) { return null; }
      var shown = answer.problems.filter(function (p) { return !p.acknowledged; });
      var known = answer.problems.length - shown.length;
      // Errors first: they stop the plan being published; warnings after, each group in the file's order.
      shown = shown.filter(function (p) { return p.severity === "error"; })
        .concat(shown.filter(function (p) { return p.severity !== "error"; }));
      return h("section", { className: "cp-problems" + (shown.length ? "" : " cp-problems-none"),
                            "aria-label": t("cms.problems.heading") },
        shown.length ? h("h2", {}, t("cms.problems.heading")) : h("p", {}, h("strong", {}, t("cms.problems.none"))),
        shown.length ? h("ul", {}, shown.map(function (p, i) {
          return h("li", { key: i, className: "cp-problem" },
            h("span", { className: "cp-problem-" + p.severity }, t("cms.problems." + p.severity)), " ",
            h("span", { className: "cp-problem-place" }, problemPlace(p, folder)), ": ", p.message,
            p.hint ? h("span", { className: "cp-problem-hint" }, p.hint) : null);
        })) : null,
        known ? h("p", { className: "cp-problem-known" }, t("cms.problems.acknowledged", { count: known })) : null,
        h("p", { className: "cp-problem-when" }, t("cms.problems.when")));
    }
  });

  /* The preview: the plan on a page, as the site shows it, from the form's current values. */
  function list(items, render) { return h("ul", { className: "cp-pop-list" }, items.map(render)); }
  var PlanPreview = createClass({
    render: function () {
      var plan = plain(this.props.entry.get("data")) || {};
      var leads = plan.leads || [], activities = plan.activities || [];
      var heading = (plan.title || "") + (plan.year ? " " : "");
      var finance = plan.finance || {};
      return h("article", { className: "md-typeset cp-cms-preview" },
        h(ProblemsPanel, { folder: planFolder(this.props.entry.get("path")) }),
        h("p", { className: "cp-cms-notice" }, t("cms.preview.draft_notice")),
        h("h1", {}, plan.title || [plan.cluster, plan.year].join(" ")),
        h("section", { className: "cp-pop" },
          h("h2", { className: "cp-pop-title" }, t("pop.title")),
          h("dl", { className: "cp-pop-facts" },
            h("div", {}, h("dt", {}, t("cms.preview.leads")),
              h("dd", {}, leads.map(function (lead, i) {
                return h("span", { key: i }, lead.name, lead.role ? ", " : "",
                         lead.role ? h("span", { className: "cp-role" }, lead.role) : null, h("br"));
              })))),
          (plan.priority_areas || []).length ? h("h3", {}, t("pop.priority_areas")) : null,
          list(plan.priority_areas || [], function (area, i) {
            return h("li", { key: i }, h("strong", {}, area.title), (area.goals || []).length ? ": " + area.goals.join("; ") : "");
          }),
          (plan.key_actions || []).length ? h("h3", {}, t("pop.key_actions")) : null,
          list(plan.key_actions || [], function (theme, i) {
            return h("li", { key: i }, h("strong", {}, theme.theme), (theme.actions || []).length ? ": " + theme.actions.join("; ") : "");
          })),
        activities.length ? h("h2", {}, t("plan.activities")) : null,
        activities.length ? h("table", {},
          h("thead", {}, h("tr", {}, ["cms.field.title", "cms.preview.budget", "cms.preview.status", "cms.preview.funding"]
            .map(function (key) { return h("th", { key: key, scope: "col" }, t(key)); }))),
          h("tbody", {}, activities.map(function (a, i) {
            return h("tr", { key: i }, h("td", {}, h("strong", {}, a.title), h("br"), a.description || ""),
                     h("td", {}, moneyText(a.budget)), h("td", {}, a.status_detail || a.status || ""),
                     h("td", {}, (a.funding_sources || []).join(", ")));
          }))) : null,
        (finance.lines || []).length ? h("h2", {}, t("plan.finance")) : null,
        (finance.lines || []).length ? h("table", {}, h("tbody", {},
          finance.lines.map(function (line, i) {
            return h("tr", { key: i }, h("td", {}, line.item), h("td", {}, moneyText(line.amount)));
          }).concat(finance.total !== undefined ? [h("tr", { key: "total" }, h("th", { scope: "row" }, t("cms.preview.total")),
                                                    h("td", {}, moneyText(finance.total)))] : []))) : null);
    }
  });
  // A files collection looks its preview up by entry, not by collection.
  planEntries.forEach(function (name) { CMS.registerPreviewTemplate(name, PlanPreview); });
  /* A section as the plan page sets its prose. */
  var SectionPreview = createClass({
    render: function () {
      return h("article", { className: "md-typeset cp-cms-preview" },
        h(ProblemsPanel, { folder: planFolder(this.props.entry.get("path")) }),
        h("p", { className: "cp-cms-notice" }, t("cms.preview.draft_notice")),
        h("div", { className: "cp-prose" }, this.props.widgetFor("body")));
    }
  });
  sectionEntries.forEach(function (name) { CMS.registerPreviewTemplate(name, SectionPreview); });
  previewStyles.forEach(function (href) { CMS.registerPreviewStyle(new URL(href, window.location.href).href); });
  // Ours last: the problems beside the form are drawn in the preview.
  var ourStyles = document.querySelector("link[rel=stylesheet][href$='cluster-plans-cms.css']");
  if (ourStyles) { CMS.registerPreviewStyle(ourStyles.href); }

  /* Decap's own words where they matter to a lead, in the page's language: a required field is refused in
     the validator's words, a field's pattern message is the validator's alone, and the editor's review
     workflow is named so that it is not mistaken for the plan's own status. */
  function phrases() {
    var out = {};
    Object.keys(strings).forEach(function (key) {
      if (key.indexOf("cms.decap.") !== 0) { return; }
      var path = key.slice("cms.decap.".length).split("."), at = out;
      path.slice(0, -1).forEach(function (part) { at = at[part] = at[part] || {}; });
      at[path[path.length - 1]] = strings[key].replace(/\{(\w+)\}/g, "%{$1}");
    });
    out.editor = out.editor || {};
    out.editor.editorControlPane = { widget: { required: said(rules.required, "%{fieldLabel}"), regexPattern: "%{pattern}" } };
    return out;
  }
  function merged(base, over) {
    var out = Object.assign({}, base);
    Object.keys(over).forEach(function (key) {
      out[key] = over[key] && typeof over[key] === "object" && base && typeof base[key] === "object"
        ? merged(base[key], over[key]) : over[key];
    });
    return out;
  }
  var language = document.documentElement.lang;
  CMS.registerLocale(language, merged(CMS.getLocale(language) || CMS.getLocale("en"), phrases()));
  CMS.init();
})();
