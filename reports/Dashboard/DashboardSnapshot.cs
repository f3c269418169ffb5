using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>
/// A static copy of the policy-maker dashboard pages (what `serve` shows at that moment): each page
/// with its charts as PNG files and its tables filled in, no script, so it opens from disk or an
/// e-mail. Served by the real dashboard endpoints on a loopback port for the duration of the copy.
/// HR pages (names, NIP) are never part of a snapshot.
/// </summary>
public static partial class DashboardSnapshot
{
    /// <param name="time">The clock of the "snapshot as of" stamp (the system clock unless a test gives one).</param>
    /// <param name="zone">The caller's <c>Schedule:TimeZone</c> (the CLI's configuration), else the one this builder reads.</param>
    public static async Task<IReadOnlyList<string>> WriteAsync(string warehousePath, string outDir, CancellationToken ct = default, TimeProvider? time = null,
        TimeZoneInfo? zone = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Warehouse:Path"] = warehousePath;
        if (zone is not null) builder.Configuration[$"{Kepegawaian.Warehouse.ScheduleOptions.Section}:TimeZone"] = zone.Id;
        if (time is not null) builder.Services.AddSingleton(time);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        Kepegawaian.Warehouse.WarehouseHostingExtensions.AddWarehouse(builder);
        builder.AddReports();
        await using var app = builder.Build();
        app.MapDashboard();
        await app.StartAsync(ct);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            Directory.CreateDirectory(outDir);
            var local = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Kepegawaian.Warehouse.ScheduleOptions>>().Value.Zone;
            var now = TimeZoneInfo.ConvertTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), local);
            var stamp = $"{now:yyyy-MM-dd HH:mm} {Kepegawaian.Warehouse.LocalZone.Label(local)}";
            var written = new List<string>();
            foreach (var (path, _, _, hr) in DashboardPage.Nav.Where(n => !n.Hr))
                written.Add(await CopyPageAsync(http, path, outDir, stamp, ct));
            return written;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<string> CopyPageAsync(HttpClient http, string path, string outDir, string stamp, CancellationToken ct)
    {
        var name = path.Trim('/').Replace('/', '-');
        var html = await http.GetStringAsync(path, ct);

        // Charts: fetch each image with the page's default filters and point the page at the file.
        var images = new List<(string Tag, string File)>();
        foreach (Match m in ChartImage().Matches(html))
        {
            var file = $"{name}-{Path.GetFileNameWithoutExtension(m.Groups["chart"].Value)}.png";
            await File.WriteAllBytesAsync(Path.Combine(outDir, file), await http.GetByteArrayAsync(WebUtility.HtmlDecode(m.Groups["src"].Value), ct), ct);
            images.Add((m.Value, file));
        }
        foreach (var (tag, file) in images)
            html = html.Replace(tag, ChartImage().Replace(tag, $"<img src=\"{file}\""));

        // Tables: the rows dashboard.js would fetch, rendered in place (text HTML-encoded).
        var query = images.Count > 0 ? QueryOf(images[0].Tag) : "";
        foreach (Match m in DataTable().Matches(html).Cast<Match>().ToList())
        {
            var columns = JsonSerializer.Deserialize<string[]>(WebUtility.HtmlDecode(m.Groups["columns"].Value))!;
            using var rows = JsonDocument.Parse(await http.GetStringAsync(WebUtility.HtmlDecode(m.Groups["api"].Value) + query, ct));
            var body = new StringBuilder("<tbody>");
            foreach (var row in rows.RootElement.EnumerateArray())
            {
                body.Append("<tr>");
                foreach (var c in columns)
                    body.Append("<td>").Append(WebUtility.HtmlEncode(Cell(row, c))).Append("</td>");
                body.Append("</tr>");
            }
            html = html.Replace(m.Value, m.Value.Replace("<tbody></tbody>", body.Append("</tbody>").ToString()));
        }

        // No script and no server: the search box, pager and "Unduh CSV/XLSX" links (/api routes) would be dead controls.
        html = TableTools().Replace(html, "").Replace("<div class=\"pager\"></div>", "");
        // Filters cannot work offline (every period × unit would be another copy of every page): each select becomes the
        // choice the copy shows ("Periode: Triwulan III 2026"), with a line saying where to choose others.
        html = Filter().Replace(html, m => $"<span class=\"static-filter\">{m.Groups["label"].Value}: {SelectedText(m.Groups["options"].Value)}</span> ");
        html = HiddenFilter().Replace(html, "");
        html = html.Replace("<span id=\"status\"></span>", "<p class=\"muted\">Salinan statis: pilihan lain, rincian wilayah dan halaman HR hanya di dasbor langsung " +
            "(kepegawaian serve). / Static copy: other choices, the area drill-down and HR pages are on the live dashboard.</p>");
        // HR pages are never copied: their links go rather than point at files that do not exist.
        html = HrLink().Replace(html, "");
        html = html.Replace("<script src=\"/assets/dashboard.js\" defer></script>", "")
                   .Replace("<main>", $"<main><p class=\"muted\">Salinan statis / static snapshot, {stamp}</p>");
        foreach (var (p, _, _, _) in DashboardPage.Nav)
            html = html.Replace($"href=\"{p}\"", $"href=\"{p.Trim('/').Replace('/', '-')}.html\"");
        html = html.Replace("Klik nama wilayah untuk melihat unitnya, nama unit untuk halaman unit. ", "");
        var target = Path.Combine(outDir, name + ".html");
        await File.WriteAllTextAsync(target, html, ct);
        return target;
    }

    /// <summary>The text of the selected option, else of the first ("Semua" where a filter allows all).</summary>
    private static string SelectedText(string options) =>
        SelectedOption().Match(options) is { Success: true } s ? s.Groups["text"].Value
        : AnyOption().Match(options) is { Success: true } a ? a.Groups["text"].Value : "";

    private static string QueryOf(string imgTag)
    {
        var src = WebUtility.HtmlDecode(ChartImage().Match(imgTag).Groups["src"].Value);
        var i = src.IndexOf('?', StringComparison.Ordinal);
        return i < 0 ? "" : src[i..];
    }

    private static string Cell(JsonElement row, string column) =>
        !row.TryGetProperty(column, out var v) ? "" : v.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => "–",
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Number => v.GetDouble().ToString("#,##0.##", System.Globalization.CultureInfo.GetCultureInfo("id-ID")),
            JsonValueKind.True => "ya",
            JsonValueKind.False => "tidak",
            _ => v.GetRawText(),
        };

    [GeneratedRegex("<div class=\"table-tools\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex TableTools();

    [GeneratedRegex("<img data-chart=\"(?<chart>[^\"]+)\" src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ChartImage();

    [GeneratedRegex("<table data-api=\"(?<api>[^\"]+)\"[^>]*? data-columns=\"(?<columns>[^\"]+)\"[^>]*>.*?<tbody></tbody></table>", RegexOptions.Singleline)]
    private static partial Regex DataTable();

    [GeneratedRegex("<label>(?<label>[^<]*) <select data-filter=\"[^\"]+\"[^>]*>(?<options>.*?)</select></label>", RegexOptions.Singleline)]
    private static partial Regex Filter();

    [GeneratedRegex("<input type=\"hidden\" data-filter=\"[^\"]+\"[^>]*>")]
    private static partial Regex HiddenFilter();

    [GeneratedRegex("<option value=\"[^\"]*\" selected>(?<text>[^<]*)</option>")]
    private static partial Regex SelectedOption();

    [GeneratedRegex("<option value=\"[^\"]*\">(?<text>[^<]*)</option>")]
    private static partial Regex AnyOption();

    [GeneratedRegex("<a href=\"/hr/[^\"]*\"[^>]*>.*?</a>")]
    private static partial Regex HrLink();
}
