// Dashboard filters and tables (sort by a header click, search box, 50 rows a page, CSV and XLSX download links): every <select data-filter> change reloads the charts (<img data-chart>) and
// tables (<table data-api>) with the filter values as query parameters. Text goes in via
// textContent only (never innerHTML), so data cannot inject markup.
(function () {
  'use strict';
  var lang = document.documentElement.lang === 'en' ? 'en-US' : 'id-ID';
  var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });

  function query() {
    var p = new URLSearchParams();
    // Visible filters (select) and the drill-down's fixed state (hidden inputs: area, unit).
    document.querySelectorAll('[data-filter]').forEach(function (s) {
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

  var PAGE_DEFAULT = 50;
  var en = lang === 'en-US';

  // NaturalOrder.cs ported: runs of ASCII digits compare as numbers ("2 Ilir" before "10 Ilir"), other
  // characters case-insensitively one by one, the shorter rest first, ordinal as the tie-break.
  function isDigit(c) { return c >= 48 && c <= 57; }
  function natural(x, y) {
    var i = 0, j = 0;
    while (i < x.length && j < y.length) {
      if (isDigit(x.charCodeAt(i)) && isDigit(y.charCodeAt(j))) {
        var si = i; while (i < x.length && isDigit(x.charCodeAt(i))) i++;
        var sj = j; while (j < y.length && isDigit(y.charCodeAt(j))) j++;
        var a = x.substring(si, i).replace(/^0+/, ''), b = y.substring(sj, j).replace(/^0+/, '');
        if (a.length !== b.length) return a.length - b.length;
        if (a !== b) return a < b ? -1 : 1;
        continue;
      }
      var cx = x[i].toUpperCase(), cy = y[j].toUpperCase();
      if (cx !== cy) return cx < cy ? -1 : 1;
      i++; j++;
    }
    var rest = (x.length - i) - (y.length - j);
    return rest !== 0 ? rest : (x < y ? -1 : x > y ? 1 : 0);
  }

  // A suppressed cell ("<5") or an empty one sorts after every value, whichever the direction.
  function missing(v) { return v === null || v === undefined || v === '' || (typeof v === 'string' && /^<\d+$/.test(v)); }
  function compareValues(a, b, dir) {
    var ma = missing(a), mb = missing(b);
    if (ma || mb) return ma === mb ? 0 : ma ? 1 : -1;
    var c = typeof a === 'number' && typeof b === 'number' ? a - b
      : typeof a === 'boolean' && typeof b === 'boolean' ? Number(a) - Number(b)
      : natural(String(a), String(b));
    return dir * c;
  }

  function cellText(c, v, decimals) {
    // A year is a label, not a quantity: "2026", never "2.026". A p-value is never 0: below 0.001 it
    // reads '< 0,001' (as in the reports), not '0,000'.
    return c === 'tahun' ? String(v)
      : (c === 'p_value' || c === 'q_bh') && typeof v === 'number' && v < 0.001 ? '< ' + format(0.001, 3)
      : format(v, decimals[c]);
  }

  // Shows the table's current rows: search, then sort, then one page (every row while printing).
  function render(table) {
    var st = table._state;
    // A table may ask for shorter pages (data-page-size: the placement sections, so the next question is near).
    var PAGE = Number(table.dataset.pageSize) || PAGE_DEFAULT;
    var needle = st.search.trim().toLocaleLowerCase(lang);
    var rows = needle ? st.rows.filter(function (r) { return r.text.indexOf(needle) >= 0; }) : st.rows.slice();
    if (st.sortKey) {
      rows.sort(function (a, b) { return compareValues(a.data[st.sortKey], b.data[st.sortKey], st.sortDir) || a.index - b.index; });
    }
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    if (st.page >= pages) st.page = pages - 1;
    var shown = st.printing ? rows : rows.slice(st.page * PAGE, st.page * PAGE + PAGE);
    var body = table.tBodies[0];
    var frag = document.createDocumentFragment();
    shown.forEach(function (r) {
      var tr = document.createElement('tr');
      st.columns.forEach(function (c, k) {
        var td = document.createElement('td');
        var link = st.link;
        if (link && c === link.column && r.data[link.key] !== null && r.data[link.key] !== undefined) {
          td.appendChild(drillLink(link, r.data[link.key], r.cells[k]));
        } else {
          td.textContent = r.cells[k];
        }
        if (typeof r.data[c] === 'number') td.className = 'num';
        tr.appendChild(td);
      });
      frag.appendChild(tr);
    });
    body.replaceChildren(frag);
    table.querySelectorAll('th[data-key]').forEach(function (th) {
      if (th.dataset.key === st.sortKey) th.setAttribute('aria-sort', st.sortDir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    var pager = pagerOf(table);
    if (!pager) return;
    var first = rows.length === 0 ? 0 : st.page * PAGE + 1, last = Math.min(rows.length, (st.page + 1) * PAGE);
    var info = document.createElement('span');
    info.className = 'pager-info';
    info.textContent = rows.length === 0 ? (en ? 'no rows' : 'tidak ada baris')
      : number.format(first) + '–' + number.format(last) + (en ? ' of ' : ' dari ') + number.format(rows.length);
    var prev = button(en ? '‹ Previous' : '‹ Sebelumnya', st.page > 0, function () { st.page--; render(table); });
    prev.className = 'pager-prev';
    var next = button(en ? 'Next ›' : 'Berikutnya ›', st.page < pages - 1, function () { st.page++; render(table); });
    next.className = 'pager-next';
    pager.replaceChildren(prev, info, next);
    table.dataset.shown = String(rows.length);
  }

  // Drill-down: this page one level lower, with the current filters (e.g. ?periode=2026-Q3&area=K10); choosing an
  // area forgets the unit. The URL is the state, so the link can be shared and the browser's Back goes up again.
  function drillLink(link, value, text) {
    var p = new URLSearchParams(query());
    p.set(link.param, String(value));
    if (link.param === 'area') p.delete('unit');
    var a = document.createElement('a');
    a.className = 'drill';
    a.href = location.pathname + '?' + p.toString();
    a.textContent = text;
    return a;
  }

  function button(text, enabled, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.disabled = !enabled;
    b.addEventListener('click', onClick);
    return b;
  }

  function wrapOf(table) { return table.closest('.table-wrap'); }
  function pagerOf(table) { var n = wrapOf(table).nextElementSibling; return n && n.classList.contains('pager') ? n : null; }
  function toolsOf(table) { var n = wrapOf(table).previousElementSibling; return n && n.classList.contains('table-tools') ? n : null; }

  function loadTable(table, q) {
    var columns = JSON.parse(table.dataset.columns);
    var decimals = JSON.parse(table.dataset.decimals || '{}');
    table.dataset.state = 'loading';
    var tools = toolsOf(table);
    if (tools) tools.querySelectorAll('a[data-download]').forEach(function (link) {
      link.href = link.dataset.download + (q ? q + '&' : '?') + 'format=' + (link.dataset.format || 'csv');
    });
    return fetch(table.dataset.api + q, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (rows) {
        var st = table._state || { search: '', sortKey: null, sortDir: 1, printing: false };
        st.columns = columns;
        st.link = table.dataset.link ? JSON.parse(table.dataset.link) : null;
        st.page = 0;
        st.rows = rows.map(function (row, index) {
          var cells = columns.map(function (c) { return cellText(c, row[c], decimals); });
          return { data: row, index: index, cells: cells, text: cells.join('\u0001').toLocaleLowerCase(lang) };
        });
        table._state = st;
        render(table);
        table.dataset.rows = String(rows.length);
        table.dataset.state = 'ready';
      })
      .catch(function (e) {
        table.dataset.state = 'error';
        var status = document.getElementById('status');
        if (status) status.textContent = e.message;
      });
  }

  function wire(table) {
    table.querySelectorAll('th[data-key]').forEach(function (th) {
      th.addEventListener('click', function () {
        var st = table._state;
        if (!st) return;
        if (st.sortKey === th.dataset.key) st.sortDir = -st.sortDir; else { st.sortKey = th.dataset.key; st.sortDir = 1; }
        st.page = 0;
        render(table);
      });
    });
    var tools = toolsOf(table);
    var search = tools && tools.querySelector('input.table-search');
    if (search) {
      search.addEventListener('input', function () {
        var st = table._state;
        if (!st) return;
        st.search = search.value;
        st.page = 0;
        render(table);
      });
    }
  }

  function printing(on) {
    document.querySelectorAll('table[data-api]').forEach(function (t) { if (t._state) { t._state.printing = on; render(t); } });
  }

  // A section's headline (/dasbor/penempatan) follows the filters like its table: text via textContent only.
  function loadHeadline(p, q) {
    return fetch(p.dataset.headline + q, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (h) { p.textContent = h.text; p.dataset.value = h.value === null || h.value === undefined ? '' : String(h.value); })
      .catch(function (e) {
        var status = document.getElementById('status');
        if (status) status.textContent = e.message;
      });
  }

  function refresh() {
    var q = query();
    document.querySelectorAll('img[data-chart]').forEach(function (img) { img.src = img.dataset.chart + q; });
    document.querySelectorAll('p[data-headline]').forEach(function (p) { loadHeadline(p, q); });
    document.querySelectorAll('table[data-api]').forEach(function (t) { loadTable(t, q); });
    history.replaceState(null, '', location.pathname + q);
    // The drill-down's breadcrumb (and HR link) keep the filters just chosen.
    var chosen = new URLSearchParams(q);
    document.querySelectorAll('#breadcrumb a').forEach(function (a) {
      var u = new URL(a.href);
      document.querySelectorAll('select[data-filter]').forEach(function (s) {
        if (chosen.has(s.dataset.filter)) u.searchParams.set(s.dataset.filter, chosen.get(s.dataset.filter));
        else u.searchParams.delete(s.dataset.filter);
      });
      a.href = u.pathname + u.search;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-filter]').forEach(function (s) { s.addEventListener('change', refresh); });
    document.querySelectorAll('table[data-api]').forEach(wire);
    // Printed tables are not paged: every (searched) row goes on paper.
    window.addEventListener('beforeprint', function () { printing(true); });
    window.addEventListener('afterprint', function () { printing(false); });
    var q = query();
    document.querySelectorAll('table[data-api]').forEach(function (t) { loadTable(t, q); });
  });
})();
