using System.Net;
using System.Text;

namespace Kepegawaian.Reports.Weekly;

/// <summary>
/// The weekly report as one self-contained HTML file (charts embedded as base64 PNG, inline CSS).
/// Every text from data is HTML-escaped.
/// </summary>
public static class HtmlReportRenderer
{
    private const string Css = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:760px;margin:0 auto;padding:12px;color:#222;font-size:14px}
        h1{font-size:21px;margin:8px 0}h2{font-size:18px;border-bottom:2px solid #4575b4;padding-bottom:4px;margin-top:28px}
        h3{font-size:15px;margin:16px 0 6px}.status{background:#f3f6fb;border-left:4px solid #4575b4;padding:6px 12px;margin:8px 0}
        .kpis{font-size:0;margin:8px -4px}.kpi{display:inline-block;vertical-align:top;box-sizing:border-box;width:calc(33.33% - 8px);min-width:200px;
        margin:4px;padding:8px 10px;border:1px solid #d0d5da;border-top:4px solid #5b6770;border-radius:4px;font-size:13px}
        .kpi.good{border-top-color:#1a9850}.kpi.bad{border-top-color:#d73027}.kpi .t{font-weight:bold}.kpi .v{font-size:18px;margin:4px 0}
        .kpi .c,.kpi .p{color:#556;font-size:12px}
        .act h3{margin:12px 0 4px}.act ul{margin:0;padding-left:20px}.act li{margin:2px 0}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:12px;margin:6px 0 14px}
        th,td{border:1px solid #d0d5da;padding:3px 6px;text-align:left;vertical-align:top}td.num{text-align:right;white-space:nowrap}th{background:#eef1f4}
        img{max-width:100%;height:auto;display:block;margin:8px 0}.muted{color:#667;font-size:12px}
        @media (max-width:480px){.kpi{width:calc(100% - 8px);min-width:0}body{padding:8px}}
        """;

    public static string Render(WeeklyReport report)
    {
        var t = report.Text;
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"{t.Code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        sb.Append($"<title>{E(report.Title)}</title><style>{Css}</style></head><body>");
        AppendBrief(sb, report);
        foreach (var section in report.Sections)
        {
            sb.Append($"<h2 id=\"{E(section.Id)}\">{E(section.Title)}</h2>");
            foreach (var p in section.Paragraphs) sb.Append($"<p>{E(p)}</p>");
            foreach (var chart in section.Charts)
                sb.Append($"<img alt=\"{E(chart.Title)}\" width=\"700\" src=\"data:image/png;base64,{Convert.ToBase64String(chart.Png)}\">");
        }
        sb.Append($"<h2 id=\"lampiran\">{E(AnnexTitle(t))}</h2>");
        sb.Append($"<p class=\"muted\">{E(AnnexNote(t))}</p>");
        foreach (var table in report.AllTables) AppendTable(sb, table, t);
        sb.Append($"<p class=\"muted\">{E(t.T($"Dibuat {t.Date(DateOnly.FromDateTime(report.GeneratedAt.DateTime))}. Angka dari kelompok kurang dari lima pegawai ditampilkan sebagai <5.", $"Generated {t.Date(DateOnly.FromDateTime(report.GeneratedAt.DateTime))}. Figures for groups of fewer than five employees are shown as <5."))}</p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    public static string AnnexTitle(ReportText t) => t.T("Lampiran: tabel lengkap", "Annex: full tables");

    public static string AnnexNote(ReportText t) => t.T(
        "Baris diurutkan dari yang paling perlu perhatian. Baris tanpa angka (kelompok kurang dari lima) tidak dicetak; semua baris ada di berkas XLSX.",
        "Rows are ordered worst first. Rows without any figure (groups under five) are not printed; the XLSX file has every row.");

    /// <summary>The e-mail body: the executive page only; the full report is attached.</summary>
    public static string RenderEmailBody(WeeklyReport report)
    {
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"{report.Text.Code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><style>{Css}</style></head><body>");
        AppendBrief(sb, report);
        sb.Append($"<p class=\"muted\">{E(report.Text.T("Laporan lengkap terlampir (PDF) beserta tabel data (XLSX).", "The full report is attached (PDF) with the data tables (XLSX)."))}</p></body></html>");
        return sb.ToString();
    }

    /// <summary>The executive page (<see cref="ExecutiveBrief"/>): data status, KPI cards, actions.</summary>
    private static void AppendBrief(StringBuilder sb, WeeklyReport report)
    {
        var t = report.Text;
        var b = report.Brief;
        sb.Append($"<h1>{E(report.Heading)}</h1>");
        sb.Append($"<p><b>{E(report.WeekLabel)}</b> <span class=\"muted\">· {E(b.DataThrough)}</span></p>");
        sb.Append($"<p class=\"status\">{E(b.DataStatus)}</p>");
        sb.Append("<div class=\"kpis\">");
        foreach (var k in b.Kpis)
        {
            var tone = k.Tone switch { KpiTone.Good => " good", KpiTone.Bad => " bad", _ => "" };
            sb.Append($"<div class=\"kpi{tone}\"><div class=\"t\">{E(k.Title)}</div><div class=\"p\">{E(k.Period)}</div><div class=\"v\">{E(k.Value)}</div><div class=\"c\">{E(k.Change)}</div></div>");
        }
        sb.Append("</div>");
        sb.Append($"<h2 id=\"tindakan\">{E(t.T("Perlu tindakan minggu ini", "Needs action this week"))}</h2><div class=\"act\">");
        foreach (var g in b.Actions)
        {
            sb.Append($"<h3>{E(g.Title)}</h3><ul>");
            if (g.Items.Count == 0) sb.Append($"<li class=\"muted\">{E(g.Empty)}</li>");
            foreach (var a in g.Items) sb.Append($"<li><b>{E(a.Unit)}</b> — {E(a.Figure)}</li>");
            if (g.More > 0) sb.Append($"<li class=\"muted\">{E(t.T($"dan {g.More} unit lain (lampiran)", $"and {g.More} more units (annex)"))}</li>");
            sb.Append("</ul>");
        }
        sb.Append("</div>");
        foreach (var note in b.Notes) sb.Append($"<p class=\"muted note\">{E(note)}</p>");
    }

    public static void AppendTable(StringBuilder sb, ReportTable table, ReportText t)
    {
        sb.Append($"<h3>{E(table.Title)}</h3>");
        if (table.Rows.Count == 0)
        {
            sb.Append($"<p class=\"muted\">{E(t.T("Tidak ada baris.", "No rows."))}</p>");
            return;
        }
        var rows = table.PrintedRows;
        sb.Append($"<div class=\"scroll\"><table data-name=\"{E(table.Name)}\"><thead><tr>");
        foreach (var c in table.Columns) sb.Append($"<th>{E(c)}</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                var numeric = row[i] is double or long or int;
                sb.Append(numeric ? "<td class=\"num\">" : "<td>").Append(E(Format(row[i], table.DecimalsOf(i), t))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div>");
        if (rows.Count < table.Rows.Count)
            sb.Append($"<p class=\"muted\">{E(HiddenRows(table.Rows.Count - rows.Count, t))}</p>");
    }

    public static string HiddenRows(int n, ReportText t) =>
        t.T($"{t.Int(n)} baris lain hanya berisi <5 dan tidak dicetak.", $"{t.Int(n)} more rows hold only <5 and are not printed.");

    public static string Format(object? cell, int decimals, ReportText t) => cell switch
    {
        null => "–",
        double d => t.N(d, decimals),
        long l => t.Int(l),
        int i => t.Int(i),
        bool b => b ? t.T("ya", "yes") : t.T("tidak", "no"),
        _ => cell.ToString() ?? "",
    };

    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
}
