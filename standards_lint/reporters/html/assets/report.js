// Filters and pages the violations table; the page works without it.
(function () {
  "use strict";
  var PAGE_SIZE = 100;
  var table = document.getElementById("violations");
  // When the page became usable, in milliseconds from the start of its load,
  // as the browser measures it: the tests read it back from the DOM.
  function ready() {
    document.documentElement.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  }
  if (!table) { ready(); return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var search = document.getElementById("filter-text");
  var severity = document.getElementById("filter-severity");
  var area = document.getElementById("filter-area");
  var count = document.getElementById("filter-count");
  var previous = document.getElementById("page-previous");
  var next = document.getElementById("page-next");
  var page = 0;

  function matching() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    return rows.filter(function (row) {
      var text = row.getAttribute("data-search");
      return (!severity.value || row.getAttribute("data-severity") === severity.value) &&
        (!area.value || row.getAttribute("data-area") === area.value) &&
        words.every(function (word) { return text.indexOf(word) !== -1; });
    });
  }

  function show() {
    var found = matching();
    var pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    var first = page * PAGE_SIZE;
    rows.forEach(function (row) { row.hidden = true; });
    found.slice(first, first + PAGE_SIZE).forEach(function (row) { row.hidden = false; });
    count.textContent = found.length === 0 ? "no matching violation" :
      "showing " + (first + 1) + "–" + Math.min(first + PAGE_SIZE, found.length) +
      " of " + found.length;
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  function restart() { page = 0; show(); }
  search.addEventListener("input", restart);
  severity.addEventListener("change", restart);
  area.addEventListener("change", restart);
  previous.addEventListener("click", function () { page -= 1; show(); });
  next.addEventListener("click", function () { page += 1; show(); });
  show();
  ready();
}());
