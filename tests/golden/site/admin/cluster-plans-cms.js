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

  /* Money: a number of pounds, "to be confirmed", or the figure as the plan writes it, with a note. */
  var TBC_WORDS = ["tbc", "£tbc", "tbc.", "tobeconfirmed", "tbd", "tobedetermined", "unknown", "notknown", "£ tbc"];
  function isTbcText(text) { return TBC_WORDS.indexOf(String(text).toLowerCase().replace(/\s+/g, "")) >= 0; }
  function moneyParts(value) {
    value = plain(value);
    var parts = { amount: "", tbc: false, as_written: "", note: "" };
    if (value === null || value === undefined || value === "") { return parts; }
    if (typeof value === "number") { parts.amount = String(value); return parts; }
    if (typeof value === "string") {
      if (isTbcText(value)) { parts.tbc = true; }
      parts.as_written = value;
      return parts;
    }
    if (typeof value === "object") {
      if (typeof value.amount === "number") { parts.amount = String(value.amount); }
      parts.tbc = value.tbc === true;
      if (value.as_written !== undefined && value.as_written !== null) { parts.as_written = String(value.as_written); }
      if (typeof value.note === "string") { parts.note = value.note; }
    }
    return parts;
  }
  function validAmount(text) { return /^-?\d+(\.\d{1,2})?$/.test(text.trim()); }
  function moneyValue(parts) {
    var amount = parts.amount.trim(), written = parts.as_written, note = parts.note.trim();
    if (parts.tbc && !note && (!written || isTbcText(written))) { return written || "TBC"; }
    if (amount && validAmount(amount) && !written && !note && !parts.tbc) { return Number(amount); }
    if (!amount && !parts.tbc && written && !note) { return written; }
    var out = {};
    if (amount && validAmount(amount)) { out.amount = Number(amount); }
    else if (amount) { out.amount = amount; }
    if (parts.tbc && !out.amount) { out.tbc = true; }
    if (written) { out.as_written = written; }
    if (note) { out.note = note; }
    return Object.keys(out).length ? out : null;
  }
  function moneyText(value) {
    var parts = moneyParts(value);
    if (parts.as_written) { return parts.as_written; }
    if (parts.tbc) { return t("cms.money.tbc"); }
    if (parts.amount) { return "£" + Number(parts.amount).toLocaleString("en-GB"); }
    return parts.note || "";
  }

  var MoneyControl = createClass({
    getInitialState: function () { return { parts: moneyParts(this.props.value) }; },
    isValid: function () {
      var amount = this.state.parts.amount.trim();
      return !amount || validAmount(amount) ? true : { error: { message: t("cms.money.not_a_number") } };
    },
    change: function (name, fieldValue) {
      var parts = Object.assign({}, this.state.parts);
      parts[name] = fieldValue;
      // A new amount, or a figure now to be confirmed, replaces the wording of the old figure.
      if ((name === "amount" || name === "tbc") && !this.state.writtenEdited) { parts.as_written = ""; }
      if (name === "amount" && fieldValue.trim()) { parts.tbc = false; }
      this.setState({ parts: parts, writtenEdited: this.state.writtenEdited || name === "as_written" });
      this.props.onChange(moneyValue(parts));
    },
    render: function () {
      var self = this, id = this.props.forID, parts = this.state.parts;
      var cls = this.props.classNameWrapper;
      function input(name, label, type) {
        var attrs = { id: id + "-" + name, className: "cp-money-input", value: parts[name], type: type || "text",
                      onChange: function (e) { self.change(name, e.target.value); } };
        if (name === "amount") { attrs.inputMode = "decimal"; attrs.id = id; }
        return h("label", { className: "cp-money-field", htmlFor: attrs.id }, h("span", {}, label), h("input", attrs));
      }
      return h("div", { className: cls + " cp-money" },
        input("amount", t("cms.money.amount")),
        h("label", { className: "cp-money-field cp-money-tbc", htmlFor: id + "-tbc" },
          h("input", { id: id + "-tbc", type: "checkbox", checked: parts.tbc,
                       onChange: function (e) { self.change("tbc", e.target.checked); } }),
          h("span", {}, t("cms.money.tbc"))),
        input("as_written", t("cms.money.as_written")),
        input("note", t("cms.money.note")));
    }
  });
  var MoneyPreview = createClass({
    render: function () { return h("span", {}, moneyText(this.props.value)); }
  });
  CMS.registerWidget("money", MoneyControl, MoneyPreview);

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

  /* The preview: the plan on a page, as the site shows it, from the form's current values. */
  function list(items, render) { return h("ul", { className: "cp-pop-list" }, items.map(render)); }
  var PlanPreview = createClass({
    render: function () {
      var plan = plain(this.props.entry.get("data")) || {};
      var leads = plan.leads || [], activities = plan.activities || [];
      var heading = (plan.title || "") + (plan.year ? " " : "");
      var finance = plan.finance || {};
      return h("article", { className: "md-typeset cp-cms-preview" },
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
        h("p", { className: "cp-cms-notice" }, t("cms.preview.draft_notice")),
        h("div", { className: "cp-prose" }, this.props.widgetFor("body")));
    }
  });
  sectionEntries.forEach(function (name) { CMS.registerPreviewTemplate(name, SectionPreview); });
  previewStyles.forEach(function (href) { CMS.registerPreviewStyle(new URL(href, window.location.href).href); });
  CMS.init();
})();
