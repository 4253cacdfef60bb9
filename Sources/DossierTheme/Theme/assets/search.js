/* Dossier search: a small client over search/index.js (window.DOSSIER_SEARCH_INDEX), so it works
   on any static host and from file://. No dependencies, no network requests.
   Index rows (see SearchIndex.swift):
     entities:  [name, slug, kind, "alias|alias"]
     tags:      [name, slug]
     briefings: [slug, title, isoDate, source, summary, [tag numbers], [entity numbers], quotes] */
(function () {
  "use strict";

  var PAGE = 50;
  var data = window.DOSSIER_SEARCH_INDEX;
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!input || !status || !list) return;
  /* The site's words, in its language (written by Dossier from site.yml's language and strings). */
  var words = {};
  try { words = JSON.parse(document.getElementById("search-words").textContent); } catch (e) { words = {}; }
  function word(key, fallback) { return typeof words[key] === "string" ? words[key] : fallback; }
  /* A counted phrase: words[key] is [one, other] with {n} for the number. */
  function counted(key, n, one, other) {
    var forms = Array.isArray(words[key]) ? words[key] : [one, other];
    var singular = n === 1 || (n === 0 && words.zeroIsOne === true);
    return (singular ? forms[0] : forms[1]).split("{n}").join(String(n));
  }
  if (!data) {
    status.textContent = word("searchUnavailable", "The search index (search/index.js) could not be loaded.");
    return;
  }
  var root = "../"; // this page is search/index.html
  // From disk (file://) a folder does not open its index.html, so result links name it.
  var index = location.protocol === "file:" ? "index.html" : "";

  /* Case, accents, curly quotes and dashes do not matter. Keeps string length for precomposed text. */
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2018\u2019\u02bc\u2032]/g, "'").replace(/[\u201c\u201d\u2033]/g, "\"")
      .replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\u00a0/g, " ");
  }

  var records = null;
  var entityRecords = null;

  function prepare() {
    if (records) return;
    records = data.briefings.map(function (b, i) {
      var entities = b[6].map(function (n) { return data.entities[n]; });
      var tags = b[5].map(function (n) { return data.tags[n]; });
      return {
        row: b, order: i, entities: entities, tags: tags,
        title: fold(b[1]),
        names: fold(entities.map(function (e) { return e[0] + (e[3] ? "|" + e[3] : ""); }).join("|") + "|" +
          tags.map(function (t) { return t[0]; }).join("|")),
        summary: fold(b[4] + " | " + b[3]),
        quotes: fold(b[7])
      };
    });
    entityRecords = data.entities.map(function (e) { return { entity: e, text: fold(e[0] + "|" + e[3]) }; });
  }

  /* 0: absent, 1: inside a word, 2: at the start of a word. */
  function hit(field, term) {
    var at = field.indexOf(term);
    if (at < 0) return 0;
    var best = 1;
    while (at >= 0) {
      if (at === 0 || !/[\p{L}\p{N}]/u.test(field.charAt(at - 1))) { best = 2; break; }
      at = field.indexOf(term, at + 1);
    }
    return best;
  }

  function score(record, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      var s = hit(record.title, t) * 8 + hit(record.names, t) * 5 + hit(record.summary, t) * 2 + hit(record.quotes, t);
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  function terms(query) {
    return fold(query).split(/[\s,;]+/).map(function (t) { return t.replace(/^["'(]+|["').:!?]+$/g, ""); })
      .filter(function (t) { return t.length > 0; });
  }

  function search(query) {
    prepare();
    var ts = terms(query);
    if (!ts.length) return { terms: ts, briefings: [], entities: [] };
    var found = [];
    for (var i = 0; i < records.length; i++) {
      var s = score(records[i], ts);
      if (s > 0) found.push({ record: records[i], score: s });
    }
    found.sort(function (a, b) {
      return b.score - a.score || (a.record.row[2] < b.record.row[2] ? 1 : a.record.row[2] > b.record.row[2] ? -1 : 0) ||
        a.record.order - b.record.order;
    });
    var entities = entityRecords.filter(function (r) {
      return ts.every(function (t) { return r.text.indexOf(t) >= 0; });
    }).slice(0, 6);
    return { terms: ts, briefings: found, entities: entities };
  }

  /* Appends `text` to `parent`, wrapping every match of `ts` in <mark>. Never uses innerHTML. */
  function appendHighlighted(parent, text, ts) {
    var folded = "";
    var map = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(text.charAt(i));
      for (var k = 0; k < f.length; k++) { folded += f.charAt(k); map.push(i); }
    }
    var ranges = [];
    ts.forEach(function (t) {
      var at = folded.indexOf(t);
      while (at >= 0 && t.length) {
        ranges.push([map[at], map[at + t.length - 1] + 1]);
        at = folded.indexOf(t, at + t.length);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    ranges.forEach(function (r) {
      if (r[1] <= pos) return;
      var start = Math.max(r[0], pos);
      if (start > pos) parent.appendChild(document.createTextNode(text.slice(pos, start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, r[1]);
      parent.appendChild(mark);
      pos = r[1];
    });
    if (pos < text.length) parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  /* About 160 characters of the quotes around the first matching term. */
  function quoteSnippet(quotes, ts) {
    var folded = fold(quotes);
    var at = -1;
    for (var i = 0; i < ts.length && at < 0; i++) at = folded.indexOf(ts[i]);
    if (at < 0) return null;
    var start = Math.max(0, at - 70);
    var end = Math.min(quotes.length, at + 90);
    if (start > 0) start = quotes.indexOf(" ", start) + 1 || start;
    var cut = quotes.slice(start, end).replace(/^(…\s*)+/, "").replace(/(\s*…)+\s*$/, "");
    if (end < quotes.length) cut = cut.replace(/\s+\S*$/, "") + " …";
    return (start > 0 ? "… " : "") + cut;
  }

  var MONTHS = word("months", "January, February, March, April, May, June, July, August, September, October, November, December")
    .split(",").map(function (m) { return m.trim(); });
  var DATE_FORMAT = word("dateFormat", "{day} {month} {year}");

  /* As the pages print dates, in the site's language: 20 December 2018. */
  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    if (!m) return iso || "";
    return DATE_FORMAT.split("{day}").join(String(+m[3])).split("{month}").join(MONTHS[+m[2] - 1] || m[2]).split("{year}").join(m[1]);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  var current = null;
  var shown = 0;

  function renderEntity(r, ts) {
    var e = r.entity;
    var li = el("li", "search-hit search-entity");
    var a = el("a", "search-title");
    a.href = root + "entities/" + e[1] + "/" + index;
    appendHighlighted(a, e[0], ts);
    li.appendChild(a);
    li.appendChild(el("span", "search-kind", " " + e[2]));
    return li;
  }

  function renderBriefing(found, ts) {
    var rec = found.record;
    var b = rec.row;
    var li = el("li", "search-hit");
    var a = el("a", "search-title");
    a.href = root + "briefings/" + b[0] + "/" + index;
    appendHighlighted(a, b[1], ts);
    li.appendChild(a);
    var meta = [formatDate(b[2]), b[3]].filter(Boolean).join(" · ");
    if (meta) li.appendChild(el("p", "search-meta", meta));
    if (b[4]) {
      var summary = el("p", "search-summary");
      appendHighlighted(summary, b[4], ts);
      li.appendChild(summary);
    }
    var snippet = ts.some(function (t) { return rec.quotes.indexOf(t) >= 0; }) ? quoteSnippet(b[7], ts) : null;
    if (snippet) {
      var q = el("blockquote", "search-quote");
      appendHighlighted(q, snippet, ts);
      li.appendChild(q);
    }
    var names = rec.entities.filter(function (e) {
      var f = fold(e[0] + "|" + e[3]);
      return ts.some(function (t) { return f.indexOf(t) >= 0; });
    }).concat(rec.tags.filter(function (t) {
      var f = fold(t[0]);
      return ts.some(function (term) { return f.indexOf(term) >= 0; });
    }).map(function (t) { return [t[0], null]; }));
    if (names.length) {
      var p = el("p", "search-meta", word("searchMentions", "Mentions") + " ");
      names.slice(0, 5).forEach(function (n, i) {
        if (i) p.appendChild(document.createTextNode(", "));
        p.appendChild(el("strong", null, n[0]));
      });
      li.appendChild(p);
    }
    return li;
  }

  function showMore() {
    var ts = current.terms;
    var next = current.briefings.slice(shown, shown + PAGE);
    var more = list.querySelector(".search-more");
    if (more) more.parentNode.removeChild(more);
    next.forEach(function (f) { list.appendChild(renderBriefing(f, ts)); });
    shown += next.length;
    if (shown < current.briefings.length) {
      var li = el("li", "search-more");
      var button = el("button", null, counted("showMore", Math.min(PAGE, current.briefings.length - shown), "Show {n} more", "Show {n} more"));
      button.type = "button";
      button.addEventListener("click", function () {
        var first = shown;
        showMore();
        var link = list.querySelectorAll(".search-hit:not(.search-entity) .search-title")[first];
        if (link) link.focus();
      });
      li.appendChild(button);
      list.appendChild(li);
    }
  }

  function run(query) {
    current = search(query);
    shown = 0;
    while (list.firstChild) list.removeChild(list.firstChild);
    var n = current.briefings.length;
    if (!current.terms.length) {
      status.textContent = "";
    } else {
      var e = current.entities.length;
      status.textContent = counted("briefingsMatch", n, "{n} briefing matches", "{n} briefings match") +
        " “" + query.trim() + "”" + (e ? ", " + counted("entitiesMatch", e, "and {n} entity", "and {n} entities") : "") + ".";
    }
    current.entities.forEach(function (r) { list.appendChild(renderEntity(r, current.terms)); });
    showMore();
  }

  function remember(query) {
    try {
      var url = location.pathname + (query ? "?q=" + encodeURIComponent(query) : "") + location.hash;
      history.replaceState(null, "", url);
    } catch (e) { /* file:// in some browsers */ }
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); remember(input.value); }, 80);
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
    remember(input.value);
  });

  /* ↓ from the box to the first result, ↑ ↓ between results, Escape back to the box. */
  function links() { return Array.prototype.slice.call(list.querySelectorAll("a.search-title, .search-more button")); }
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      var all = links();
      if (all.length) { event.preventDefault(); all[0].focus(); }
    }
  });
  list.addEventListener("keydown", function (event) {
    var all = links();
    var i = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && i >= 0 && i < all.length - 1) { event.preventDefault(); all[i + 1].focus(); }
    else if (event.key === "ArrowUp" && i > 0) { event.preventDefault(); all[i - 1].focus(); }
    else if ((event.key === "ArrowUp" && i === 0) || event.key === "Escape") { event.preventDefault(); input.focus(); }
  });

  var initial = "";
  try { initial = new URLSearchParams(location.search).get("q") || ""; } catch (e) { initial = ""; }
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
