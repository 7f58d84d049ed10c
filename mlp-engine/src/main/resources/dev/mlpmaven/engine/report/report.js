(function () {
  "use strict";
  // Sortable tables: click a header to sort by that column; numbers by their data-sort value.
  function key(cell) {
    var v = cell.getAttribute("data-sort");
    if (v === null) { return { n: false, v: cell.textContent.trim().toLowerCase() }; }
    if (v === "") { return { n: true, v: NaN }; }
    return { n: true, v: parseFloat(v) };
  }
  function compare(a, b) {
    if (a.n && b.n) {
      if (isNaN(a.v)) { return isNaN(b.v) ? 0 : 1; }
      if (isNaN(b.v)) { return -1; }
      return a.v - b.v;
    }
    return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  }
  function sortBy(table, th, col) {
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var c = compare(key(r1.cells[col]), key(r2.cells[col]));
      return dir === "ascending" ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.addEventListener("click", function () { sortBy(table, th, col); });
    });
  });
})();
