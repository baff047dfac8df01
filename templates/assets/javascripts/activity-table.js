/* Activity tables: sort by any column and filter by status, priority and funding source.
   The table is complete without this script; it only adds controls. */
(function () {
  "use strict";

  function cellValue(row, index, kind) {
    var cell = row.children[index];
    if (!cell) return "";
    if (kind === "number") {
      var v = parseFloat(cell.getAttribute("data-sort-value"));
      return isNaN(v) ? -1 : v;
    }
    return cell.textContent.trim().toLowerCase();
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, index) {
      var kind = th.getAttribute("data-cp-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cp-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function makeFilterable(container, table) {
    var bar = container.querySelector("[data-cp-filters]");
    if (!bar) return;
    var selects = bar.querySelectorAll("select[data-cp-filter]");
    var count = bar.querySelector("[data-cp-count]");
    var template = count ? count.getAttribute("data-template") : "";
    function apply() {
      var rows = table.tBodies[0].rows, shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var visible = true;
        selects.forEach(function (select) {
          var wanted = select.value;
          if (!wanted) return;
          var values = (row.getAttribute("data-" + select.getAttribute("data-cp-filter")) || "").split("|");
          if (values.indexOf(wanted) < 0) visible = false;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = template.replace("{shown}", shown).replace("{total}", rows.length);
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    bar.hidden = false;
    apply();
  }

  function init() {
    document.querySelectorAll("[data-cp-activities]").forEach(function (container) {
      var table = container.querySelector("table");
      if (!table) return;
      makeSortable(table);
      makeFilterable(container, table);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
