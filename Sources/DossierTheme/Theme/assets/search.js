/* Dossier search: a small client over a sharded index (see SearchIndex.swift), loaded with
   <script> elements only, so it works on any static host, under any sub-path and from file://.
   No dependencies, no fetch or XHR.
     search/index.js        window.DOSSIER_SEARCH_INDEX: entities [name, slug, kind, "alias|alias"],
                            tags [name, slug], count, shards (keys), split (keys split by the next letter)
     search/shards/KEY.js   DOSSIER_SEARCH_SHARD(key, {word: [delta*16 + fields, …]}), words folded
                            as fold() does; delta: result number minus the previous one's;
                            fields: 1 title, 2 summary/source/entities/tags, 4 quotes, 8 the
                            analyst's prose and notes
     search/meta/N.js       DOSSIER_SEARCH_META(n, [slug, title, isoDate, source, summary,
                            [tag numbers], [entity numbers], quotes, prose]): result number n;
                            numbers rise in site order (newest first) but have gaps */
(function () {
  "use strict";

  /* What one query may download is bounded (300 KB at 10,000 briefings): the manifest, the shards
     of at most MAX_SHARDS word starts (shards stop at 32 KB), and PAGE results' files. */
  var PAGE = 20;
  var MAX_SHARDS = 4;
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

  /* Scripts of the index, each loaded once: `loaded[url]` is true, false (failed) or the callbacks waiting. */
  var loaded = {};
  function load(url, done) {
    var state = loaded[url];
    if (state === true || state === false) { done(state); return; }
    if (state) { state.push(done); return; }
    loaded[url] = [done];
    var script = document.createElement("script");
    script.src = url;
    script.async = true;
    function finish(ok) {
      var waiting = loaded[url];
      loaded[url] = ok;
      script.onload = script.onerror = null;
      waiting.forEach(function (f) { f(ok); });
    }
    script.onload = function () { finish(true); };
    script.onerror = function () { finish(false); };
    document.head.appendChild(script);
  }
  /* Loads every url, then calls done(all loaded). */
  function loadAll(urls, done) {
    var left = urls.length;
    var ok = true;
    if (!left) { done(true); return; }
    urls.forEach(function (url) {
      load(url, function (each) { ok = ok && each; if (--left === 0) done(ok); });
    });
  }

  var shards = {};
  var metas = {};
  window.DOSSIER_SEARCH_SHARD = function (key, terms) { shards[key] = terms; };
  window.DOSSIER_SEARCH_META = function (n, row) { metas[n] = row; };
  var shardKeys = {};
  (data.shards || []).forEach(function (k) { shardKeys[k] = true; });
  var splitKeys = {};
  (data.split || []).forEach(function (k) { splitKeys[k] = true; });

  /* As SearchIndex.swift names shard files: a-z and 0-9 as they are, any other code point as _hex_. */
  function shardURL(key) {
    return "shards/" + Array.from(key).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16) + "_";
    }).join("") + ".js";
  }
  function metaURL(n) { return "meta/" + n + ".js"; }

  /* The shard holding the words that start with `term`: its first two letters, then one letter more
     while that key is split and the term is longer. Null when no indexed word starts so. */
  function shardFor(term) {
    var letters = Array.from(term);
    var length = Math.min(2, letters.length);
    var key = letters.slice(0, length).join("");
    while (splitKeys[key] && letters.length > length) { length += 1; key = letters.slice(0, length).join(""); }
    return shardKeys[key] ? key : null;
  }

  var WORD = /[^\p{L}\p{N}\p{M}]+/u;
  /* The query's words, folded and split as the index's are; single ASCII characters are not indexed. */
  function terms(query) {
    var seen = {};
    return fold(query).split(WORD).filter(function (t) {
      if (!t || seen[t] || (t.length === 1 && t < "\u0080") || Array.from(t).length > 40) return false;
      seen[t] = true;
      return true;
    });
  }

  /* Title over summary, source, entities and tags, over quotations, over the analyst's prose. */
  function fieldScore(fields) {
    return (fields & 1 ? 8 : 0) + (fields & 2 ? 4 : 0) + (fields & 4 ? 2 : 0) + (fields & 8 ? 1 : 0);
  }

  /* Per result number, the best score of words starting with `term` (a whole word counts double). */
  function matches(term, shard) {
    var found = {};
    if (!shard) return found;
    Object.keys(shard).forEach(function (word) {
      if (word.lastIndexOf(term, 0) !== 0) return;
      var weight = word === term ? 2 : 1;
      var postings = shard[word];
      var n = 0;
      for (var i = 0; i < postings.length; i++) {
        // Arithmetic, not bit operators: numbers may pass 2^31 / 16.
        var fields = postings[i] % 16;
        n += (postings[i] - fields) / 16;
        var s = fieldScore(fields) * weight;
        if (!(found[n] >= s)) found[n] = s;
      }
    });
    return found;
  }

  /* Calls done(result) once the shards of the query's words are loaded; result is null when one
     of them could not be. Every word must match. */
  function search(query, done) {
    var ts = terms(query);
    var entities = ts.length ? data.entities.filter(function (e) {
      var text = fold(e[0] + "|" + e[3]);
      return ts.every(function (t) { return text.indexOf(t) >= 0; });
    }).slice(0, 6) : [];
    var keys = ts.map(shardFor);
    // Words past the fourth shard are not searched (the status names them): the download stays bounded.
    var distinct = keys.filter(function (k, i) { return k !== null && keys.indexOf(k) === i; });
    var kept = distinct.slice(0, MAX_SHARDS);
    var left = ts.filter(function (t, i) { return keys[i] !== null && kept.indexOf(keys[i]) < 0; });
    ts = ts.filter(function (t, i) { return keys[i] === null || kept.indexOf(keys[i]) >= 0; });
    keys = ts.map(shardFor);
    if (!ts.length || keys.indexOf(null) >= 0) { done({ terms: ts, briefings: [], entities: entities, left: left }); return; }
    loadAll(keys.filter(function (k, i) { return keys.indexOf(k) === i; }).map(shardURL), function (ok) {
      if (!ok) { done(null); return; }
      var total = null;
      ts.forEach(function (t, i) {
        var found = matches(t, shards[keys[i]]);
        if (total === null) { total = found; return; }
        var both = {};
        Object.keys(total).forEach(function (n) { if (found[n]) both[n] = total[n] + found[n]; });
        total = both;
      });
      var briefings = Object.keys(total).map(function (n) { return { number: +n, score: total[n] }; });
      // Ties in site order: newest first.
      briefings.sort(function (a, b) { return b.score - a.score || a.number - b.number; });
      done({ terms: ts, briefings: briefings, entities: entities, left: left });
    });
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

  /* About 160 characters of `text` (quotes or prose) around the first matching term. */
  function snippet(quotes, ts) {
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

  function renderEntity(e, ts) {
    var li = el("li", "search-hit search-entity");
    var a = el("a", "search-title");
    a.href = root + "entities/" + e[1] + "/" + index;
    appendHighlighted(a, e[0], ts);
    li.appendChild(a);
    li.appendChild(el("span", "search-kind", " " + e[2]));
    return li;
  }

  function contains(text, ts) {
    var folded = fold(text);
    return ts.some(function (t) { return folded.indexOf(t) >= 0; });
  }

  function renderBriefing(b, ts) {
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
    var entities = b[6].map(function (n) { return data.entities[n]; }).filter(Boolean);
    var tags = b[5].map(function (n) { return data.tags[n]; }).filter(Boolean);
    var quote = contains(b[7], ts) ? snippet(b[7], ts) : null;
    if (quote) {
      var q = el("blockquote", "search-quote");
      appendHighlighted(q, quote, ts);
      li.appendChild(q);
    }
    // The analyst's words, when a word of the query is found there and nowhere else shown.
    var shownText = b[1] + " " + b[4] + " " + b[3] + " " + b[7] + " " + entities.map(function (e) { return e[0] + " " + e[3]; }).join(" ") +
      " " + tags.map(function (t) { return t[0]; }).join(" ");
    var proseOnly = ts.filter(function (t) { return fold(shownText).indexOf(t) < 0; });
    var prose = proseOnly.length && contains(b[8], proseOnly) ? snippet(b[8], proseOnly) : null;
    if (prose) {
      var p = el("p", "search-snippet");
      p.appendChild(el("span", "search-snippet-label", word("searchInAnalysis", "In the analysis:") + " "));
      appendHighlighted(p, prose, ts);
      li.appendChild(p);
    }
    var names = entities.filter(function (e) {
      var f = fold(e[0] + "|" + e[3]);
      return ts.some(function (t) { return f.indexOf(t) >= 0; });
    }).concat(tags.filter(function (t) {
      var f = fold(t[0]);
      return ts.some(function (term) { return f.indexOf(term) >= 0; });
    }).map(function (t) { return [t[0], null]; }));
    if (names.length) {
      var m = el("p", "search-meta", word("searchMentions", "Mentions") + " ");
      names.slice(0, 5).forEach(function (n, i) {
        if (i) m.appendChild(document.createTextNode(", "));
        m.appendChild(el("strong", null, n[0]));
      });
      li.appendChild(m);
    }
    return li;
  }

  var generation = 0;

  function unavailable() {
    status.textContent = word("searchUnavailable", "The search index (search/index.js) could not be loaded.");
  }

  /* Shows the next PAGE results, once their metadata is loaded; then() after. */
  function showMore(then) {
    var ts = current.terms;
    var mine = generation;
    var next = current.briefings.slice(shown, shown + PAGE);
    loadAll(next.map(function (f) { return metaURL(f.number); }), function (ok) {
      if (mine !== generation) return;
      if (!ok) { unavailable(); return; }
      var more = list.querySelector(".search-more");
      if (more) more.parentNode.removeChild(more);
      next.forEach(function (f) { if (metas[f.number]) list.appendChild(renderBriefing(metas[f.number], ts)); });
      shown += next.length;
      if (shown < current.briefings.length) {
        var li = el("li", "search-more");
        var button = el("button", null, counted("showMore", Math.min(PAGE, current.briefings.length - shown), "Show {n} more", "Show {n} more"));
        button.type = "button";
        button.addEventListener("click", function () {
          var first = shown;
          showMore(function () {
            var link = list.querySelectorAll(".search-hit:not(.search-entity) .search-title")[first];
            if (link) link.focus();
          });
        });
        li.appendChild(button);
        list.appendChild(li);
      }
      if (then) then();
    });
  }

  function run(query) {
    var mine = ++generation;
    search(query, function (result) {
      if (mine !== generation) return;
      if (!result) { unavailable(); return; }
      current = result;
      shown = 0;
      var n = current.briefings.length;
      var clear = function () { while (list.firstChild) list.removeChild(list.firstChild); };
      var e = current.entities.length;
      var text = !current.terms.length ? "" : counted("briefingsMatch", n, "{n} briefing matches", "{n} briefings match") +
        " “" + query.trim() + "”" + (e ? ", " + counted("entitiesMatch", e, "and {n} entity", "and {n} entities") : "") + "." +
        (current.left && current.left.length ? " " + word("wordsLeftOut", "Not searched (too many words):") + " " + current.left.join(", ") + "." : "");
      // Results replace the last ones only when their metadata is here, so the list never flashes empty.
      var first = current.briefings.slice(0, PAGE).map(function (f) { return metaURL(f.number); });
      loadAll(first, function () {
        if (mine !== generation) return;
        clear();
        status.textContent = text;
        current.entities.forEach(function (r) { list.appendChild(renderEntity(r, current.terms)); });
        showMore();
      });
    });
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
