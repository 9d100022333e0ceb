/* journeyops site: search and the insight explorer. No dependencies, no network:
   the search index is a script that sets window.JOURNEYOPS_SEARCH, and the explorer
   reads JSON embedded in its page. Text is only ever set with textContent. */
(function () {
  "use strict";

  function fold(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim();
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function hideNote(id) {
    var note = byId(id);
    if (note) note.hidden = true;
  }

  function initSearch() {
    var form = byId("search-form");
    var input = byId("q");
    var list = byId("search-results");
    var status = byId("search-status");
    if (!form || !input || !list || !status) return;
    var index = window.JOURNEYOPS_SEARCH;
    if (!index || !Array.isArray(index.rows) || !Array.isArray(index.fields)) return;
    hideNote("search-nojs");
    // Each row holds its fields in the order of index.fields; kind is an index into
    // index.kinds. The text leaves out the title's words: both are searched.
    var entries = index.rows.map(function (row) {
      var entry = {};
      index.fields.forEach(function (name, i) { entry[name] = row[i]; });
      entry.kind = index.kinds[entry.kind];
      return entry;
    });

    function run() {
      var query = fold(input.value);
      var terms = query.split(" ").filter(Boolean);
      while (list.firstChild) list.removeChild(list.firstChild);
      if (query.length < 2) {
        status.textContent = query ? status.getAttribute("data-hint") : "";
        return;
      }
      var hits = [];
      entries.forEach(function (entry, position) {
        var haystack = entry.title_folded + " " + entry.text;
        var score = 0;
        for (var i = 0; i < terms.length; i++) {
          if (haystack.indexOf(terms[i]) < 0) return;
          score += entry.title_folded.indexOf(terms[i]) >= 0 ? 3 : 1;
        }
        hits.push({ entry: entry, score: score, position: position });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
      hits.slice(0, 50).forEach(function (hit) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = hit.entry.url;
        link.textContent = hit.entry.title;
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = hit.entry.kind + (hit.entry.context ? " · " + hit.entry.context : "");
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(meta);
        list.appendChild(item);
      });
      status.textContent = hits.length
        ? status.getAttribute("data-count").replace("{n}", String(hits.length))
        : status.getAttribute("data-none");
    }

    var query = new URLSearchParams(window.location.search).get("q");
    if (query) input.value = query;
    input.addEventListener("input", run);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    run();
  }

  // A filter form starts from the page's address: ?group=ID sets the field named
  // "group" (a select keeps its value only when it has that option).
  function preset(form) {
    var params = new URLSearchParams(window.location.search);
    params.forEach(function (wanted, name) {
      var field = form.elements.namedItem(name);
      if (!field || typeof field.value !== "string") return;
      field.value = wanted;
      if (field.value !== wanted) field.value = "";
    });
  }

  function initExplorer() {
    var dataNode = byId("insight-data");
    var form = byId("insight-filter");
    var count = byId("filter-count");
    if (!dataNode || !form || !count) return;
    var rows = JSON.parse(dataNode.textContent || "[]");
    // The customer groups and life events each insight is known about: row.about is an
    // index into this list of distinct pairs.
    var aboutNode = byId("insight-about");
    var about = JSON.parse((aboutNode && aboutNode.textContent) || "[]");
    var none = { groups: [], events: [] };
    form.hidden = false;
    hideNote("filter-nojs");
    preset(form);

    function value(name) {
      var field = form.elements.namedItem(name);
      return field ? field.value : "";
    }

    function apply() {
      var type = value("type"), theme = value("theme"), journey = value("journey");
      var from = value("from"), to = value("to");
      var group = value("group"), event = value("event");
      var shown = 0;
      rows.forEach(function (row) {
        var item = byId("insight-" + row.id);
        if (!item) return;
        var known = about[row.about] || none;
        var ok = (!type || row.type === type)
          && (!group || known.groups.indexOf(group) >= 0)
          && (!event || known.events.indexOf(event) >= 0)
          && (!theme || row.themes.indexOf(theme) >= 0)
          && (!journey || row.journeys.indexOf(journey) >= 0)
          && (!from || row.date >= from)
          && (!to || row.date <= to);
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = count.getAttribute("data-template")
        .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  // A table's filters (the backlog's, the metrics page's): each select narrows the rows
  // to those whose data-NAME attribute (a space-separated list) holds the chosen value.
  function initTableFilter(formId, countId, tableId, noteId) {
    var form = byId(formId);
    var count = byId(countId);
    var table = byId(tableId);
    if (!form || !count || !table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    form.hidden = false;
    hideNote(noteId);
    preset(form);

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = selects.every(function (select) {
          var wanted = select.value;
          var have = (row.getAttribute("data-" + select.name) || "").split(" ");
          return !wanted || have.indexOf(wanted) >= 0;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = count.getAttribute("data-template")
        .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  // The journey map's scroll hint is templates/render/map.js, appended to this file.
  function start() {
    initSearch();
    initExplorer();
    initTableFilter("backlog-filter", "backlog-count", "backlog-table", "backlog-nojs");
    initTableFilter("metrics-filter", "metrics-count", "metrics-table", "metrics-nojs");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
