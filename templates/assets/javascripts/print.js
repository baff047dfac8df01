/* On paper a page says where it came from: its address and the day it was printed. */
(function () {
  "use strict";
  function stamp() {
    // The day as year-month-day, read the same in English and Welsh.
    var now = new Date();
    var day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
      .map(function (n) { return (n < 10 ? "0" : "") + n; }).join("-");
    document.querySelectorAll("[data-cp-printed]").forEach(function (line) {
      line.textContent = line.getAttribute("data-template")
        .replace("{address}", window.location.href.split("#")[0]).replace("{date}", day);
    });
  }
  stamp();
  window.addEventListener("beforeprint", stamp);
})();
