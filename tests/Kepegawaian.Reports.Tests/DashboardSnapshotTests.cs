using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Testing;

namespace Kepegawaian.Reports.Tests;

public sealed class DashboardSnapshotTests
{
    [Fact]
    public async Task Snapshot_writes_every_policy_page_as_static_html_with_charts_and_filled_tables()
    {
        using var wh = ReportSeed.Create();
        using var folder = TempFolder.Create("snapshot");

        var pages = await DashboardSnapshot.WriteAsync(wh.Path, folder.Path);

        Assert.Equal(["dasbor-cuti.html", "dasbor-ikm.html", "dasbor-jp.html", "dasbor-kinerja.html", "dasbor-penempatan.html", "dasbor-peringatan.html"],
            pages.Select(Path.GetFileName).Order());
        var ikm = File.ReadAllText(folder.File("dasbor-ikm.html"));
        Assert.Contains("<td>89,72</td>", ikm);                           // seed: U01 2026-Q3, as the live page shows
        Assert.DoesNotContain("<script", ikm);                             // static: no dashboard.js, and data stays text
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", ikm);
        Assert.Contains("src=\"dasbor-ikm-ikm_unit.png\"", ikm);
        Assert.True(new FileInfo(folder.File("dasbor-ikm-ikm_unit.png")).Length > 1000);
        Assert.Contains("href=\"dasbor-kinerja.html\"", ikm);
        Assert.DoesNotContain("format=csv", ikm);                          // no server: no download link, search box or pager
        Assert.DoesNotContain("table-search", ikm);
        Assert.Contains("Data per 22 November 2026 20.00 WIB", ikm);       // the page's build stamp comes along
        Assert.DoesNotContain(pages, p => p.Contains("hr-", StringComparison.Ordinal));
    }
}
