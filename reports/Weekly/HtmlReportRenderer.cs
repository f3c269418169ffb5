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
        h1{font-size:22px;margin:8px 0}h2{font-size:18px;border-bottom:2px solid #4575b4;padding-bottom:4px;margin-top:28px}
        h3{font-size:15px;margin:16px 0 6px}.summary{background:#f3f6fb;border-left:4px solid #4575b4;padding:8px 14px}
        .summary li{margin:4px 0}table{border-collapse:collapse;width:100%;font-size:12px;margin:6px 0 14px}
        th,td{border:1px solid #d0d5da;padding:3px 6px;text-align:left}td.num{text-align:right}th{background:#eef1f4}
        img{max-width:100%;height:auto;display:block;margin:8px 0}.muted{color:#667;font-size:12px}
        """;

    public static string Render(WeeklyReport report)
    {
        var t = report.Text;
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"{t.Code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        sb.Append($"<title>{E(report.Title)}</title><style>{Css}</style></head><body>");
        AppendSummary(sb, report);
        foreach (var section in report.Sections)
        {
            sb.Append($"<h2 id=\"{E(section.Id)}\">{E(section.Title)}</h2>");
            foreach (var p in section.Paragraphs) sb.Append($"<p>{E(p)}</p>");
            foreach (var chart in section.Charts)
                sb.Append($"<img alt=\"{E(chart.Title)}\" width=\"700\" src=\"data:image/png;base64,{Convert.ToBase64String(chart.Png)}\">");
            foreach (var table in section.Tables) AppendTable(sb, table, t);
        }
        sb.Append($"<p class=\"muted\">{E(t.T($"Dibuat {t.Date(DateOnly.FromDateTime(report.GeneratedAt.DateTime))}. Angka dari kelompok kurang dari lima pegawai ditampilkan sebagai <5.", $"Generated {t.Date(DateOnly.FromDateTime(report.GeneratedAt.DateTime))}. Figures for groups of fewer than five employees are shown as <5."))}</p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    /// <summary>The e-mail body: the summary and the alerts only; the full report is attached.</summary>
    public static string RenderEmailBody(WeeklyReport report)
    {
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"{report.Text.Code}\"><head><meta charset=\"utf-8\"><style>{Css}</style></head><body>");
        AppendSummary(sb, report);
        sb.Append($"<p class=\"muted\">{E(report.Text.T("Laporan lengkap terlampir (PDF) beserta tabel data (XLSX).", "The full report is attached (PDF) with the data tables (XLSX)."))}</p></body></html>");
        return sb.ToString();
    }

    private static void AppendSummary(StringBuilder sb, WeeklyReport report)
    {
        var t = report.Text;
        sb.Append($"<h1>{E(report.Title)}</h1>");
        sb.Append($"<p class=\"muted\">{E(t.Date(report.Week.Start))} – {E(t.Date(report.Week.End.AddDays(-1)))}</p>");
        sb.Append($"<div class=\"summary\"><h3>{E(t.T("Ringkasan minggu ini", "This week at a glance"))}</h3><ul>");
        foreach (var line in report.Summary) sb.Append($"<li>{E(line)}</li>");
        sb.Append("</ul></div>");
        AppendTable(sb, report.Alerts, t);
    }

    public static void AppendTable(StringBuilder sb, ReportTable table, ReportText t)
    {
        sb.Append($"<h3>{E(table.Title)}</h3>");
        if (table.Rows.Count == 0)
        {
            sb.Append($"<p class=\"muted\">{E(t.T("Tidak ada baris.", "No rows."))}</p>");
            return;
        }
        sb.Append($"<table data-name=\"{E(table.Name)}\"><thead><tr>");
        foreach (var c in table.Columns) sb.Append($"<th>{E(c)}</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                var numeric = row[i] is double or long or int;
                sb.Append(numeric ? "<td class=\"num\">" : "<td>").Append(E(Format(row[i], table.DecimalsOf(i), t))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
    }

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
