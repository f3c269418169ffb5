using Kepegawaian.Analytics;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Etl.Hosting;
using Kepegawaian.Service.Hosting;
using Kepegawaian.Etl.Operations;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Host.Tests.Marts;

/// <summary>
/// Issue 10 item 3: the warehouse records which committed load each mart area was built from, and `etl`
/// rebuilds every area older than the last load even when it loads nothing itself.
/// </summary>
public sealed class MartHealTests
{
    private static readonly string[] Areas = ["ikm", "efisiensi", "kualitas", "kinerja", "kinerja_cuti", "penempatan", "diklat", "diklat_ikm"];

    [Fact]
    [Trait("Category", "Scenario")] // ≈ 25–45 s: a synthetic load and two refreshes
    public async Task Etl_with_nothing_new_rebuilds_marts_a_load_without_refresh_left_behind()
    {
        using var folder = TempFolder.Create("heal");
        var inbox = folder.Sub("inbox");
        var db = folder.File("wh.duckdb");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 150, Years = 1, Seed = 5, EndDate = new DateOnly(2026, 10, 31) });

        // The facts committed, the marts not built: what a kill between load and refresh leaves.
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["etl", "--inbox", inbox, "--db", db, "--no-refresh"], new StringWriter(), new StringWriter()));
        var database = new WarehouseDatabase(db);
        using (var c = database.Open(readOnly: true))
        {
            var freshness = MartFreshness.Check(c);
            Assert.Equal(Areas, freshness.StaleAreas);
            // Health and the reports say so.
            var health = ServiceHealth.Check(c, new EtlOptions { Inbox = inbox, StaleAfterMinutes = 60 }, new EfisiensiOptions(), new DateTime(2026, 11, 30, 7, 0, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
            Assert.False(health.Healthy);
            Assert.Contains(health.Problems, p => p.Contains("lebih lama dari pemuatan terakhir", StringComparison.Ordinal));
        }
        Assert.NotNull(new ReportDataReader(database).Read().MartsWarning);

        // The inbox is empty now: this run loads nothing, and must still heal the marts.
        var output = new StringWriter();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["etl", "--inbox", inbox, "--db", db], output, new StringWriter()));
        Assert.Contains("Mart analitik disegarkan", output.ToString());
        List<(string Area, long Load, DateTime At)> built;
        using (var c = database.Open(readOnly: true))
        {
            // The last committed load, computed here from the ledger, not by MartFreshness.
            var lastLoad = c.Scalar<long>("SELECT max(file_id) FROM etl_file WHERE status = 'loaded'");
            built = Builds(c);
            Assert.Equal(Areas.Order(), built.Select(b => b.Area).Order());
            Assert.All(built, b => Assert.Equal(lastLoad, b.Load));
            Assert.False(MartFreshness.Check(c).AnyStale);
            foreach (var mart in new[] { "mart_ikm", "mart_cuti_waktu", "mart_kinerja_unit", "mart_diklat_dampak", "mart_jp_unit" })
                Assert.True(c.Scalar<long>($"SELECT count(*) FROM {mart}") > 0, $"{mart} is empty");
            Assert.True(ServiceHealth.Check(c, new EtlOptions { Inbox = inbox, StaleAfterMinutes = 60 }, new EfisiensiOptions(), new DateTime(2026, 11, 30, 7, 0, 0), TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")).Healthy);
        }
        Assert.Null(new ReportDataReader(database).Read().MartsWarning);

        // Fresh marts are not rebuilt again.
        output = new StringWriter();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["etl", "--inbox", inbox, "--db", db], output, new StringWriter()));
        Assert.DoesNotContain("Mart analitik disegarkan", output.ToString());
        using (var c = database.Open(readOnly: true))
            Assert.Equal(built, Builds(c));

        // Only the data-quality mart and the drivers behind: the report and pages show nothing from them, so they carry no warning.
        using (var c = database.Open())
            c.Execute("DELETE FROM mart_build WHERE area IN ('kualitas', 'kinerja_cuti')");
        Assert.Null(new ReportDataReader(database).Read().MartsWarning);
    }

    [Fact]
    [Trait("Category", "Scenario")] // ≈ 25–45 s: a synthetic load and two refreshes
    public async Task Only_the_areas_older_than_the_last_load_are_rebuilt_and_the_build_is_recorded_at_the_clock()
    {
        using var folder = TempFolder.Create("heal");
        var inbox = folder.Sub("inbox");
        var db = folder.File("wh.duckdb");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 150, Years = 1, Seed = 6, EndDate = new DateOnly(2026, 10, 31) });
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["etl", "--inbox", inbox, "--db", db], new StringWriter(), new StringWriter()));

        using var c = new WarehouseDatabase(db).Open();
        // As if a kill hit after ikm and efisiensi were rebuilt from load 1 but before kinerja and diklat were.
        c.Execute("UPDATE mart_build SET built_from_load = 1 WHERE area IN ('kinerja', 'diklat')");
        c.Execute("DROP TABLE mart_kinerja_unit");
        var before = Builds(c).ToDictionary(b => b.Area);

        // 1 Dec 2026 01:30 UTC = 08:30 WIB.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero));
        var refresher = new AnalyticsRefresher(Options.Create(new Analytics.Ikm.IkmOptions()), Options.Create(new Analytics.Efficiency.EfisiensiOptions()),
            Options.Create(new Analytics.Performance.KinerjaOptions()), Options.Create(new Analytics.Training.DiklatOptions()), clock);
        var summary = refresher.RefreshStale(c);

        Assert.Equal(["kinerja", "diklat"], summary.Steps.Select(s => s.Split(' ')[0]));
        var after = Builds(c).ToDictionary(b => b.Area);
        Assert.Equal(before["ikm"], after["ikm"]);
        Assert.Equal(before["efisiensi"], after["efisiensi"]);
        Assert.Equal(new DateTime(2026, 12, 1, 8, 30, 0), after["kinerja"].At);
        Assert.Equal(c.Scalar<long>("SELECT max(file_id) FROM etl_file WHERE status = 'loaded'"), after["diklat"].Load);
        Assert.True(c.Scalar<long>("SELECT count(*) FROM mart_kinerja_unit") > 0);
        Assert.Empty(refresher.RefreshStale(c).Steps);
    }

    [Fact]
    public void A_page_of_the_dashboard_built_on_stale_marts_says_so()
    {
        const string page = "<html><body><main><h2>IKM</h2></main></body></html>";
        Assert.Equal(page, DashboardPage.WithMartsWarning(page, null));
        var stale = DashboardPage.WithMartsWarning(page, "Mart analitik kinerja lebih lama dari pemuatan terakhir <x>");
        Assert.Contains("<main><p id=\"marts-stale\"", stale);
        Assert.Contains("lebih lama dari pemuatan terakhir &lt;x&gt;", stale);
    }

    private static List<(string Area, long Load, DateTime At)> Builds(DuckDB.NET.Data.DuckDBConnection c)
    {
        using var cmd = c.Command("SELECT area, built_from_load, built_at FROM mart_build ORDER BY area");
        using var r = cmd.ExecuteReader();
        var list = new List<(string, long, DateTime)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetInt64(1), r.GetDateTime(2)));
        return list;
    }
}
