// The batch HTML report's own script (sorting the forms table by a header click) and its style sheet (screen
// and print), inlined into the page: nothing is fetched. Kept apart from html-report.ts, which builds the content.
export const SORT_SCRIPT = `(function () {
  var tables = document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement('button');
      button.type = 'button';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        var numeric = th.getAttribute('data-type') === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-sort');
          var y = b.cells[col].getAttribute('data-sort');
          if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
          var d = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, 'zh-CN', { numeric: true });
          return asc ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      });
    });
  });
})();`;

export const STYLE = `
:root { color-scheme: light; }
body { font-family: 'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif; color: #242424;
  margin: 0 auto; max-width: 72em; padding: 1em 1.5em 3em; line-height: 1.5; font-size: 14px; }
h1 { font-size: 1.6em; margin: 0.4em 0 0.2em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #0f6cbd; padding-bottom: 0.2em; margin-top: 1.8em; }
h3 { font-size: 1.05em; margin: 1.4em 0 0.3em; }
.meta { color: #616161; margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 0; padding: 0; list-style: none; }
.cards li { border: 1px solid #d1d1d1; border-radius: 6px; padding: 0.4em 0.8em; flex: 1 1 0; min-width: 6.5em; }
.cards b { display: block; font-size: 1.6em; }
.cards .error b { color: #b10e1c; } .cards .warning b { color: #8a5a00; } .cards .info b { color: #115ea3; }
.row { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; }
.chart { max-width: 100%; height: auto; }
.chart .bar { fill: #0f6cbd; } .chart .grid { stroke: #e0e0e0; } .chart .base { stroke: #616161; }
.chart text { font-size: 13px; fill: #424242; } .chart .value { font-weight: 600; fill: #242424; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #d1d1d1; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { white-space: nowrap; }
td.nowrap { white-space: nowrap; }
thead th { background: #f0f0f0; }
tfoot th { background: #fafafa; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.error { color: #b10e1c; font-weight: 600; } td.warning { color: #8a5a00; font-weight: 600; }
td.info { color: #115ea3; }
td.differs { background: #fff4ce; }
table.forms, table.findings { width: 100%; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit;
  text-align: inherit; }
th button::after { content: ' \\2195'; color: #8a8a8a; }
th[aria-sort='ascending'] button::after { content: ' \\2191'; color: #0f6cbd; }
th[aria-sort='descending'] button::after { content: ' \\2193'; color: #0f6cbd; }
.sev { display: inline-block; padding: 0 0.4em; border-radius: 3px; white-space: nowrap; }
.sev.error { background: #ffc7ce; } .sev.warning { background: #ffeb9c; } .sev.info { background: #ddebf7; }
.facts span { display: inline-block; margin-right: 1.5em; }
.back { font-size: 0.9em; }
dl.codes dt { font-weight: 600; margin-top: 0.8em; } dl.codes dd { margin: 0.2em 0 0 1.5em; }
code { font-family: Consolas, 'DejaVu Sans Mono', monospace; font-size: 0.92em; }
a { color: #0f6cbd; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  .row { flex-wrap: nowrap; gap: 1.5em; }
  .chart { width: 110mm; }
  .chart text { font-size: 16px; }
  h2 { margin-top: 0; }
  section.part { break-before: page; }
  section.part.first { break-before: auto; }
  section.form { break-inside: auto; }
  h2, h3 { break-after: avoid; }
  tr, .chart, .cards li { break-inside: avoid; }
  thead { display: table-header-group; }
  th button::after { content: none; }
  .back { display: none; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 14mm; }
`;

/** The whole page. */
