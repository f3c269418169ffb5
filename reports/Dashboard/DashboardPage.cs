using System.Text;
using System.Text.Json;
using static Kepegawaian.Reports.Weekly.HtmlReportRenderer;

namespace Kepegawaian.Reports.Dashboard;

/// <param name="Hidden">A fixed part of the page's state (the drill-down's area and unit): sent with every table and chart request, not shown.</param>
public sealed record FilterSpec(string Name, string Label, IReadOnlyList<(string Value, string Text)> Options, string? Selected, bool AllowAll, bool Hidden = false);

/// <param name="Link">Makes a column's cells links one drill-down level lower (<see cref="DrillLink"/>).</param>
public sealed record TableSpec(string Api, string Title, IReadOnlyList<(string Key, string Header)> Columns, DrillLink? Link = null);

/// <summary>The cells of <paramref name="Column"/> link to this page with query parameter <paramref name="Param"/> = the row's <paramref name="Key"/> (dashboard.js).</summary>
public sealed record DrillLink(string Column, string Key, string Param);

/// <summary>
/// One question of a long page: an anchor <paramref name="Id"/> named <paramref name="Label"/> in the page's section list, the
/// question in one sentence, a headline (server-rendered, refreshed from <paramref name="HeadlineApi"/> when a filter changes),
/// one chart, the method note folded away, then its tables.
/// </summary>
public sealed record SectionSpec(string Id, string Label, string Question, string HeadlineApi, string Headline, object? HeadlineValue,
    (string Url, string Alt)? Chart, string? Note, IReadOnlyList<TableSpec> Tables);

/// <summary>Server-rendered dashboard page: navigation, filters, chart images, tables filled by dashboard.js.</summary>
public static class DashboardPage
{
    public static readonly (string Path, string Id, string En, bool Hr)[] Nav =
    [
        ("/dasbor/ikm", "IKM", "IKM", false), ("/dasbor/kinerja", "Kinerja", "Performance", false), ("/dasbor/jp", "20 JP", "20 JP", false),
        ("/dasbor/cuti", "Layanan cuti", "Leave", false), ("/dasbor/peringatan", "Peringatan", "Alerts", false),
        ("/dasbor/penempatan", "Pensiun & rotasi", "Retirement & rotation", false),
        ("/dasbor/wilayah", "Wilayah & unit", "Areas & units", false),
        ("/hr/diklat", "Efektivitas diklat (HR)", "Training effect (HR)", true), ("/hr/jp", "Daftar 20 JP (HR)", "20 JP list (HR)", true),
    ];

    /// <summary>Fixed decimals per API field (others: up to 2), so IKM always shows 2 decimals like the reports.</summary>
    private static readonly Dictionary<string, int> Decimals = new()
    {
        ["ikm"] = 2, ["ci_low"] = 2, ["ci_high"] = 2, ["ikm_sebelumnya"] = 2, ["selisih"] = 2, ["att"] = 2, ["p_value"] = 3, ["max_smd"] = 2,
        ["cohens_d"] = 2, ["pretrend_p"] = 3, ["mean_nilai_skp"] = 2, ["median_hari_kerja"] = 1, ["p90_hari_kerja"] = 1, ["persen_patuh"] = 1,
        ["reaksi"] = 2, ["gain_test"] = 2, ["q_bh"] = 3,
        ["persen_jendela"] = 1, ["persen_unit_lebih_5"] = 1, ["persen_jabatan_lebih_5"] = 1, ["median_tahun_unit"] = 1, ["median_tahun_jabatan"] = 1,
    };

    /// <summary>The mart areas (mart_build) a page shows, for its "Data per …" stamp.</summary>
    public static IReadOnlyList<string> AreasOf(string path) => path switch
    {
        "/dasbor/ikm" or "/dasbor/peringatan" => ["ikm"],
        "/dasbor/kinerja" => ["kinerja"],
        "/dasbor/cuti" => ["efisiensi"],
        "/dasbor/jp" or "/hr/jp" => ["diklat"],
        "/hr/diklat" => ["diklat", "diklat_ikm"],   // Kirkpatrick 4 (ikm_change) is rewritten by diklat_ikm after a survey load
        "/dasbor/penempatan" => ["penempatan"],
        "/dasbor/wilayah" or "/hr/wilayah" => ["ikm", "diklat", "kinerja", "efisiensi"],
        _ => [],
    };

    /// <summary>The decimals a table shows for an API field (the CSV download rounds the same way), or null.</summary>
    public static int? DecimalsOf(string key) => Decimals.TryGetValue(key, out var d) ? d : null;

    /// <summary>Puts the "Data per …" line under the page title; the page unchanged without a stamp.</summary>
    public static string WithStamp(string html, string? stamp)
    {
        if (stamp is null) return html;
        var at = html.IndexOf("</h2>", StringComparison.Ordinal);
        return at < 0 ? html : html.Insert(at + "</h2>".Length, $"<p id=\"data-per\" class=\"muted\">{E(stamp)}</p>");
    }

    private const string Css = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;margin:0;color:#222;font-size:14px}
        header{background:#24476b;color:#fff;padding:10px 16px}header h1{font-size:18px;margin:0}
        nav{background:#eef1f4;padding:6px 16px}nav a{margin-right:14px;color:#24476b;text-decoration:none}nav a.active{font-weight:bold}
        main{padding:12px 16px;max-width:1480px}.filters{margin:8px 0 12px}.filters label{margin-right:14px;display:inline-block;max-width:100%}
        select{max-width:100%}
        .charts{display:flex;flex-wrap:wrap;gap:12px}.charts img{width:700px;max-width:100%;min-width:0;height:auto;border:1px solid #e3e6ea;box-sizing:border-box}
        .table-wrap{max-width:100%;overflow-x:auto;margin:8px 0 20px}
        table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #d0d5da;padding:3px 7px;text-align:left}
        th{background:#eef1f4}td.num{text-align:right}.muted{color:#667;font-size:12px}#status{color:#b00}
        th[data-key]{cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
        .table-tools{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:4px 0}.table-tools input{max-width:100%}
        .pager{display:flex;flex-wrap:wrap;gap:8px;align-items:center;font-size:13px;margin:-12px 0 20px}
        nav.sections{position:sticky;top:0;z-index:2;background:#fff;display:flex;gap:6px;overflow-x:auto;white-space:nowrap;padding:6px 0;border-bottom:1px solid #d0d5da;margin:0 0 8px}
        nav.sections a{margin:0;padding:3px 10px;border:1px solid #c5ccd3;border-radius:12px;color:#24476b;text-decoration:none;font-size:13px}
        section.bagian{scroll-margin-top:44px;border-top:2px solid #eef1f4;padding-top:4px}section.bagian:target h3{color:#b45309}
        @media (max-width:600px){section.bagian .charts{overflow-x:auto}section.bagian .charts img{min-width:540px}}
        .question{margin:4px 0}.headline{font-size:15px;font-weight:bold;margin:4px 0 10px;max-width:60em}
        details.method{margin:6px 0}details.method summary{cursor:pointer;color:#24476b;font-size:13px}details.method p{max-width:60em}
        .breadcrumb{margin:-4px 0 8px;font-size:13px}.static-filter{margin-right:14px;display:inline-block}.breadcrumb a{color:#24476b}td a.drill{color:#24476b}
        @media print{nav,details.method summary,.filters,.table-tools,.pager,button,form{display:none!important}main{max-width:none;padding:0}
          .table-wrap{overflow:visible}table{width:100%}thead{display:table-header-group}tr{break-inside:avoid}.charts img{width:100%;max-width:100%;break-inside:avoid}
          header{background:none;color:#000;padding:0}th[aria-sort]::after{content:""}}
        """;

    public static string Render(ReportText t, string path, string title, IReadOnlyList<FilterSpec> filters,
        IReadOnlyList<(string Url, string Alt)> charts, IReadOnlyList<TableSpec> tables, string? note = null, IReadOnlyList<SectionSpec>? sections = null)
    {
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"{t.Code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        sb.Append($"<link rel=\"icon\" href=\"data:,\"><title>{E(title)} — Kepegawaian</title><style>{Css}</style>");
        sb.Append("<script src=\"/assets/dashboard.js\" defer></script></head><body>");
        sb.Append($"<header><h1>{E(t.T("Dasbor Kepegawaian Kota Palembang", "Kota Palembang Civil Service Dashboard"))}</h1></header><nav>");
        foreach (var n in Nav)
            sb.Append($"<a href=\"{n.Path}\"{(n.Path == path ? " class=\"active\"" : "")}>{E(t.T(n.Id, n.En))}</a>");
        // HR pages end the session here (the cookie expires by itself after Dashboard:SessionHours).
        if (path.StartsWith("/hr/", StringComparison.Ordinal))
            sb.Append($"<form method=\"post\" action=\"/hr/logout\" style=\"display:inline\"><button type=\"submit\" id=\"logout\">{E(t.T("Keluar", "Sign out"))}</button></form>");
        sb.Append($"</nav><main><h2>{E(title)}</h2>");
        if (note is not null) sb.Append($"<p class=\"muted\">{E(note)}</p>");
        // A page of several questions opens with their list, kept in view while scrolling (anchors work without script).
        if (sections is { Count: > 0 })
        {
            sb.Append($"<nav class=\"sections\" aria-label=\"{E(t.T("Bagian halaman", "Page sections"))}\">");
            foreach (var s in sections) sb.Append($"<a href=\"#{E(s.Id)}\">{E(s.Label)}</a>");
            sb.Append("</nav>");
        }
        sb.Append("<div class=\"filters\">");
        foreach (var f in filters.Where(f => f.Hidden))
            sb.Append($"<input type=\"hidden\" data-filter=\"{E(f.Name)}\" id=\"filter-{E(f.Name)}\" value=\"{E(f.Selected ?? "")}\">");
        foreach (var f in filters.Where(f => !f.Hidden))
        {
            sb.Append($"<label>{E(f.Label)} <select data-filter=\"{E(f.Name)}\" id=\"filter-{E(f.Name)}\">");
            if (f.AllowAll) sb.Append($"<option value=\"\">{E(t.T("Semua", "All"))}</option>");
            foreach (var (value, text) in f.Options)
                sb.Append($"<option value=\"{E(value)}\"{(value == f.Selected ? " selected" : "")}>{E(text)}</option>");
            sb.Append("</select></label>");
        }
        sb.Append("<span id=\"status\"></span></div><div class=\"charts\">");
        var query = Query(filters);
        foreach (var (url, alt) in charts)
            sb.Append($"<img data-chart=\"{E(url)}\" src=\"{E(url + query)}\" alt=\"{E(alt)}\" width=\"700\" height=\"380\">");
        sb.Append("</div>");
        foreach (var table in tables) AppendTable(sb, t, table, query);
        foreach (var s in sections ?? [])
        {
            sb.Append($"<section class=\"bagian\" id=\"{E(s.Id)}\"><h3>{E(s.Label)}</h3><p class=\"question\">{E(s.Question)}</p>");
            sb.Append($"<p class=\"headline\" data-headline=\"{E(s.HeadlineApi)}\" data-value=\"{E(Invariant(s.HeadlineValue))}\">{E(s.Headline)}</p>");
            if (s.Chart is { } c)
                sb.Append($"<div class=\"charts\"><img data-chart=\"{E(c.Url)}\" src=\"{E(c.Url + query)}\" alt=\"{E(c.Alt)}\" width=\"700\" height=\"380\"></div>");
            if (s.Note is not null)
                sb.Append($"<details class=\"method\"><summary>{E(t.T("Cara menghitung dan dasar aturan", "How it is counted and the rules"))}</summary><p class=\"muted\">{E(s.Note)}</p></details>");
            foreach (var table in s.Tables) AppendTable(sb, t, table, query, "h4", SectionPageSize);
            sb.Append("</section>");
        }
        sb.Append($"<p class=\"muted\">{E(t.T("Angka dari kelompok kurang dari lima pegawai ditampilkan sebagai <5.", "Figures for groups of fewer than five employees are shown as <5."))}</p>");
        sb.Append("</main></body></html>");
        return sb.ToString();
    }

    /// <summary>Rows a page of a section's table shows: the overview, with the next question a short scroll away (search and CSV have the rest).</summary>
    public const int SectionPageSize = 20;

    private static void AppendTable(StringBuilder sb, ReportText t, TableSpec table, string query, string heading = "h3", int? pageSize = null)
    {
        // Wide tables scroll inside their box, so a phone-width page never scrolls sideways.
        sb.Append($"<{heading}>{E(table.Title)}</{heading}><div class=\"table-tools\"><input type=\"search\" class=\"table-search\" placeholder=\"{E(t.T("Cari di tabel…", "Search the table…"))}\" aria-label=\"{E(t.T("Cari", "Search"))}\">");
        sb.Append($"<a class=\"download\" data-download=\"{E(table.Api)}\" href=\"{E(table.Api + (query.Length == 0 ? "?" : query + "&") + "format=csv")}\" download>{E(t.T("Unduh CSV", "Download CSV"))}</a>");
        sb.Append($"<a class=\"download-xlsx\" data-download=\"{E(table.Api)}\" data-format=\"xlsx\" href=\"{E(table.Api + (query.Length == 0 ? "?" : query + "&") + "format=xlsx")}\" download>{E(t.T("Unduh XLSX", "Download XLSX"))}</a></div>");
        sb.Append($"<div class=\"table-wrap\"><table data-api=\"{E(table.Api)}\"{(pageSize is { } size ? $" data-page-size=\"{size}\"" : "")}{(table.Link is { } link ? $" data-link=\"{E(JsonSerializer.Serialize(new { column = link.Column, key = link.Key, param = link.Param }))}\"" : "")} data-columns=\"{E(JsonSerializer.Serialize(table.Columns.Select(c => c.Key)))}\" data-decimals=\"{E(JsonSerializer.Serialize(table.Columns.Where(c => Decimals.ContainsKey(c.Key)).ToDictionary(c => c.Key, c => Decimals[c.Key])))}\"><thead><tr>");
        foreach (var (key, header) in table.Columns) sb.Append($"<th data-key=\"{E(key)}\" title=\"{E(t.T("Klik untuk mengurutkan", "Click to sort"))}\">{E(header)}</th>");
        sb.Append("</tr></thead><tbody></tbody></table></div><div class=\"pager\"></div>");
    }

    /// <summary>A headline figure as the table's JSON has it (invariant culture), for tests and scripts; empty when none.</summary>
    private static string Invariant(object? v) => v switch
    {
        null => "",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>Puts the "marts older than the last load" line at the top of a page (issue 10 item 3); the page unchanged when fresh.</summary>
    public static string WithMartsWarning(string html, string? warning)
    {
        if (warning is null) return html;
        var at = html.IndexOf("<main>", StringComparison.Ordinal);
        return at < 0 ? html : html.Insert(at + "<main>".Length, $"<p id=\"marts-stale\" style=\"color:#b00\">{E(warning)}</p>");
    }

    public static string Login(ReportText t, string returnUrl, bool failed, bool tokenConfigured)
    {
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"{t.Code}\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>Login HR</title><style>{Css}</style></head><body>");
        sb.Append($"<header><h1>{E(t.T("Halaman HR — perlu token", "HR pages — token required"))}</h1></header><main>");
        if (!tokenConfigured)
            sb.Append($"<p id=\"status\">{E(t.T("Dashboard:Token belum diatur; halaman HR tidak tersedia.", "Dashboard:Token is not configured; HR pages are unavailable."))}</p>");
        else
        {
            if (failed) sb.Append($"<p id=\"status\">{E(t.T("Token salah.", "Wrong token."))}</p>");
            sb.Append($"<form method=\"post\" action=\"/hr/login\"><input type=\"hidden\" name=\"returnUrl\" value=\"{E(returnUrl)}\">");
            sb.Append($"<label>Token <input type=\"password\" name=\"token\" id=\"token\" autocomplete=\"current-password\"></label> <button type=\"submit\" id=\"login\">{E(t.T("Masuk", "Sign in"))}</button></form>");
        }
        sb.Append("</main></body></html>");
        return sb.ToString();
    }

    private static string Query(IReadOnlyList<FilterSpec> filters)
    {
        var parts = filters.Where(f => !string.IsNullOrEmpty(f.Selected)).Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Selected!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
