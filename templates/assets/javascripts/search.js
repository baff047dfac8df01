/* Site search: Material's search box and results, backed by Pagefind's chunked index.
   Keys as in Material: "/", "s" or "f" to search, arrows to move through results, Escape to close. */
(function () {
  "use strict";
  var box = document.querySelector("[data-cp-search]");
  if (!box) return;
  var input = box.querySelector(".md-search__input");
  var list = box.querySelector(".md-search-result__list");
  var meta = box.querySelector(".md-search-result__meta");
  var toggle = document.getElementById("__search");
  var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI);
  var engine = null;
  var latest = 0;

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
        // Result URLs are made relative to where the site is published, not to the server root.
        return pagefind.options({ baseUrl: new URL("../", bundle).pathname, excerptLength: 20 })
          .then(function () { pagefind.init(); return pagefind; });
      });
    }
    return engine;
  }

  function open() { if (toggle) toggle.checked = true; load(); }
  function close() { if (toggle) toggle.checked = false; input.blur(); }

  function count(n) {
    if (n === 0) return box.getAttribute("data-none");
    if (n === 1) return box.getAttribute("data-one");
    return box.getAttribute("data-other").replace("#", String(n));
  }

  function item(result) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = result.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (result.meta && result.meta.title) || result.url;
    var excerpt = document.createElement("p");
    excerpt.innerHTML = result.excerpt; // Pagefind escapes page text; it adds only <mark> around matches
    article.appendChild(title);
    article.appendChild(excerpt);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.textContent = "";
      meta.textContent = box.getAttribute("data-placeholder");
      return;
    }
    load().then(function (pagefind) { return pagefind.search(query); }).then(function (found) {
      if (ticket !== latest || !found) return;
      list.textContent = "";
      meta.textContent = count(found.results.length);
      // Each result is shown as soon as its excerpt arrives, in rank order, without waiting for the rest.
      var slots = found.results.slice(0, 10).map(function () {
        var slot = document.createElement("li");
        slot.hidden = true;
        list.appendChild(slot);
        return slot;
      });
      found.results.slice(0, 10).forEach(function (r, i) {
        r.data().then(function (data) {
          if (ticket !== latest) return;
          var shown = item(data);
          list.replaceChild(shown, slots[i]);
        });
      });
    });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("focus", open);
  // Load the search engine (not the index) once the page is idle, so the first search only waits for
  // the few index chunks it needs.
  var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 1500); };
  window.addEventListener("load", function () { idle(function () { load(); }); });
  input.addEventListener("input", search);
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) window.location.href = first.href;
  });
  box.querySelector("button[type=reset]").addEventListener("click", function () {
    input.value = ""; search(); input.focus();
  });

  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    var typing = active && (active.tagName === "INPUT" || active.tagName === "TEXTAREA" ||
                            active.tagName === "SELECT" || active.isContentEditable);
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey &&
        (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      input.focus();
      return;
    }
    if (!toggle || !toggle.checked) return;
    if (event.key === "Escape") { event.preventDefault(); close(); return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var targets = [input].concat(links());
      var index = targets.indexOf(active);
      if (index < 0) index = 0;
      index = (index + (event.key === "ArrowDown" ? 1 : targets.length - 1)) % targets.length;
      event.preventDefault();
      targets[index].focus();
    }
  });
})();
