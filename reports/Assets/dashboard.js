// Dashboard filters: every <select data-filter> change reloads the charts (<img data-chart>) and
// tables (<table data-api>) with the filter values as query parameters. Text goes in via
// textContent only (never innerHTML), so data cannot inject markup.
(function () {
  'use strict';
  var lang = document.documentElement.lang === 'en' ? 'en-US' : 'id-ID';
  var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });

  function query() {
    var p = new URLSearchParams();
    document.querySelectorAll('select[data-filter]').forEach(function (s) {
      if (s.value) p.set(s.dataset.filter, s.value);
    });
    var q = p.toString();
    return q ? '?' + q : '';
  }

  function format(v, decimals) {
    if (v === null || v === undefined) return '–';
    if (typeof v === 'number') {
      return decimals === undefined ? number.format(v)
        : new Intl.NumberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);
    }
    if (typeof v === 'boolean') return v ? (lang === 'en-US' ? 'yes' : 'ya') : (lang === 'en-US' ? 'no' : 'tidak');
    return String(v);
  }

  function loadTable(table, q) {
    var columns = JSON.parse(table.dataset.columns);
    var decimals = JSON.parse(table.dataset.decimals || '{}');
    table.dataset.state = 'loading';
    return fetch(table.dataset.api + q, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (rows) {
        var body = table.tBodies[0];
        body.replaceChildren();
        rows.forEach(function (row) {
          var tr = document.createElement('tr');
          columns.forEach(function (c) {
            var td = document.createElement('td');
            // A year is a label, not a quantity: "2026", never "2.026". A p-value is never 0: below 0.001 it
            // reads '< 0,001' (as in the reports), not '0,000'.
            td.textContent = c === 'tahun' ? String(row[c])
                : (c === 'p_value' || c === 'q_bh') && typeof row[c] === 'number' && row[c] < 0.001 ? '< ' + format(0.001, 3)
                : format(row[c], decimals[c]);
            if (typeof row[c] === 'number') td.className = 'num';
            tr.appendChild(td);
          });
          body.appendChild(tr);
        });
        table.dataset.rows = String(rows.length);
        table.dataset.state = 'ready';
      })
      .catch(function (e) {
        table.dataset.state = 'error';
        var status = document.getElementById('status');
        if (status) status.textContent = e.message;
      });
  }

  function refresh() {
    var q = query();
    document.querySelectorAll('img[data-chart]').forEach(function (img) { img.src = img.dataset.chart + q; });
    document.querySelectorAll('table[data-api]').forEach(function (t) { loadTable(t, q); });
    history.replaceState(null, '', location.pathname + q);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-filter]').forEach(function (s) { s.addEventListener('change', refresh); });
    var q = query();
    document.querySelectorAll('table[data-api]').forEach(function (t) { loadTable(t, q); });
  });
})();
