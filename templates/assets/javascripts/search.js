/* Site search: Material's search box and results, backed by Pagefind's chunked index.
   Keys as in Material: "/", "s" or "f" to search, arrows to move through results, Escape to close.
   Every result can be reached ("more"); a plan's pages (the plan, its plan on a page, what changed in it)
   and its cluster's page make one entry, the plan's, with the matching parts beneath it; the query is in
   the page's address (?q=), so a search can be shared; Enter keeps the results in place. */
(function () {
  "use strict";
  var box = document.querySelector("[data-cp-search]");
  if (!box) return;
  var input = box.querySelector(".md-search__input");
  var list = box.querySelector(".md-search-result__list");
  var meta = box.querySelector(".md-search-result__meta");
  var more = box.querySelector("[data-cp-more]");
  var toggle = document.getElementById("__search");
  var bundle = new URL(box.getAttribute("data-bundle"), document.baseURI);
  var site = new URL("../", bundle).pathname;
  var PAGE = 10; // entries shown at a time
  var engine = null;
  var latest = 0;
  var groups = [], found = [], loaded = 0, shown = 0;

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
        // Result URLs are made relative to where the site is published, not to the server root.
        return pagefind.options({ baseUrl: site, excerptLength: 20 })
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

  /* Where a page belongs: a plan's own pages to the plan (board/cluster/year), a cluster's page to its
     cluster (board/cluster), anything else to itself. */
  var YEAR = /^\d{4}-\d{2}$/;
  function keyOf(url) {
    var parts = url.slice(site.length).split("/").filter(Boolean);
    var language = parts[0] === "cy" ? parts.shift() + "/" : "";
    if (parts.length >= 3 && YEAR.test(parts[2])) return { key: language + parts.slice(0, 3).join("/"), cluster: language + parts.slice(0, 2).join("/"), plan: true };
    if (parts.length >= 4 && parts[2] === "changes") return { key: language + parts.slice(0, 2).join("/") + "/" + parts[3].split("-to-")[1], cluster: language + parts.slice(0, 2).join("/"), plan: true };
    if (parts.length === 2 && parts[1] !== "data-quality") return { key: language + parts.join("/"), cluster: language + parts.join("/"), plan: false };
    return { key: url, cluster: null, plan: false };
  }

  /* Results in rank order, put together: each entry the first (best) page of its plan or cluster, the
     other pages of it beneath it. A cluster's page joins the best-ranked plan of the cluster. */
  function group(results) {
    var byKey = {}, byCluster = {}, out = [];
    results.forEach(function (r) {
      var where = keyOf(r.url);
      var entry = byKey[where.key];
      if (!entry && where.cluster && byCluster[where.cluster]) {
        // A cluster's page joins the cluster's first entry; a plan joins an entry that is only its cluster's page.
        var first = byCluster[where.cluster];
        if (!where.plan || !first.plan) entry = first;
      }
      if (entry) {
        if (where.plan && !entry.plan) {
          entry.parts.unshift(entry.head); entry.head = r; entry.plan = true; byKey[where.key] = entry;
        } else {
          entry.parts.push(r);
        }
        return;
      }
      entry = { head: r, parts: [], plan: where.plan };
      byKey[where.key] = entry;
      if (where.cluster && !byCluster[where.cluster]) byCluster[where.cluster] = entry;
      out.push(entry);
    });
    return out;
  }

  function link(url, title, excerpt, className) {
    var a = document.createElement("a");
    a.className = className;
    a.href = url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var heading = document.createElement("h1");
    heading.textContent = title;
    article.appendChild(heading);
    if (excerpt) {
      var p = document.createElement("p");
      p.innerHTML = excerpt; // Pagefind escapes page text; it adds only <mark> around matches
      article.appendChild(p);
    }
    a.appendChild(article);
    return a;
  }

  function title(data) { return (data.meta && data.meta.title) || data.url; }

  function item(entry) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var head = entry.head;
    li.appendChild(link(head.url, title(head), head.excerpt, "md-search-result__link"));
    var parts = [];
    // The best-matching sections of the page itself, then the plan's other pages.
    (head.sub_results || []).slice(0, 3).forEach(function (s) {
      if (s.url !== head.url) parts.push(link(s.url, s.title, s.excerpt, "md-search-result__link cp-search-part"));
    });
    entry.parts.forEach(function (page) {
      parts.push(link(page.url, title(page), page.excerpt, "md-search-result__link cp-search-part"));
    });
    // A part is shown once: the plan's own section "Plan on a page" and the plan on a page are one.
    var seen = {};
    seen[title(head)] = true;
    parts = parts.filter(function (a) {
      var name = a.querySelector("h1").textContent;
      if (seen[name]) return false;
      seen[name] = true;
      return true;
    });
    if (parts.length) {
      var sub = document.createElement("ul");
      sub.className = "cp-search-parts";
      parts.forEach(function (a) { var x = document.createElement("li"); x.appendChild(a); sub.appendChild(x); });
      li.appendChild(sub);
    }
    return li;
  }

  /* The data of every result is fetched in rank order, a page at a time, and shown all at once when the
     next entries are complete: nothing arrives one by one, so nothing moves under the reader's eyes. */
  function showMore(ticket) {
    var wanted = shown + PAGE;
    function fill() {
      groups = group(found.slice(0, loaded).map(function (r) { return r.loaded; }));
      if (groups.length <= wanted && loaded < found.length) {
        var batch = found.slice(loaded, loaded + 20);
        return Promise.all(batch.map(function (r) { return r.data().then(function (d) { r.loaded = d; }); }))
          .then(function () { loaded += batch.length; return fill(); });
      }
      return Promise.resolve();
    }
    return fill().then(function () {
      if (ticket !== latest) return;
      // An entry shown is complete only when no later page can join it: all results are loaded, or the
      // entries after it are shown next time.
      var upto = loaded >= found.length ? groups.length : Math.min(wanted, groups.length - 1);
      var fragment = document.createDocumentFragment();
      for (var i = shown; i < upto; i++) fragment.appendChild(item(groups[i]));
      list.appendChild(fragment);
      shown = upto;
      meta.textContent = count(loaded >= found.length ? groups.length : found.length);
      if (more) more.hidden = shown >= groups.length && loaded >= found.length;
    });
  }

  function remember(query) {
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    remember(query);
    if (!query) {
      list.textContent = "";
      meta.textContent = box.getAttribute("data-placeholder");
      if (more) more.hidden = true;
      return Promise.resolve();
    }
    return load().then(function (pagefind) { return pagefind.search(query); }).then(function (result) {
      if (ticket !== latest || !result) return;
      found = result.results; loaded = 0; shown = 0; groups = [];
      list.textContent = "";
      return showMore(ticket);
    });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("focus", open);
  // Load the search engine (not the index) once the page is idle, so the first search only waits for
  // the few index chunks it needs.
  var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 1500); };
  window.addEventListener("load", function () { idle(function () { load(); }); });
  input.addEventListener("input", search);
  // Enter searches (a phone's keyboard hides); it never leaves the results.
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  box.querySelector("button[type=reset]").addEventListener("click", function () {
    input.value = ""; search(); input.focus();
  });
  if (more) more.addEventListener("click", function () { showMore(latest); });

  // A shared search address opens with its results.
  var shared = new URL(window.location.href).searchParams.get("q");
  if (shared) {
    input.value = shared;
    open();
    search();
  }

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
      if (more && !more.hidden) targets.push(more);
      var index = targets.indexOf(active);
      if (index < 0) index = 0;
      index = (index + (event.key === "ArrowDown" ? 1 : targets.length - 1)) % targets.length;
      event.preventDefault();
      targets[index].focus();
    }
  });
})();
