using DuckDB.NET.Data;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>
/// One time zone setting (issue 10 item 6): with <c>Schedule:TimeZone=Asia/Makassar</c> (WITA, UTC+8) every
/// command computes "now" in WITA — generate's default end date, the ETL run, the mart builds, the report week
/// and the delivery ledger — and says WITA. The instant is chosen so that WIB would give other answers;
/// every expected value is worked out by hand.
/// </summary>
public sealed class TimeZoneSettingTests
{
    [Fact]
    [Trait("Category", "Scenario")] // ≈ 30–60 s: a synthetic load, its refresh and a weekly report
    public async Task Under_WITA_every_command_takes_today_the_run_time_and_the_report_week_in_WITA()
    {
        using var folder = TempFolder.Create("tz-wita");
        var inbox = folder.Sub("inbox");
        var db = folder.File("wh.duckdb");
        var copies = folder.Sub("kirim");
        // Sunday 29 Nov 2026 16:30 UTC = Monday 30 Nov 00:30 WITA (week 49 has begun, week 48 is complete),
        // but Sunday 29 Nov 23:30 WIB (still week 48, so WIB's last complete week would be 47).
        using var clock = CliClock.Use(new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 16, 30, 0, TimeSpan.Zero)));
        using var config = CliConfiguration.Overlay(new Dictionary<string, string?>
        {
            ["Schedule:TimeZone"] = "Asia/Makassar",
            ["Delivery:Folder"] = copies,
        });
        var wita = new DateTime(2026, 11, 30, 0, 30, 0);

        await Run(["generate", "--out", inbox, "--employees", "150", "--years", "1", "--seed", "5"]);
        // The default end date is today in WITA (in WIB it would be pegawai_2026-11-29.csv).
        Assert.True(File.Exists(Path.Combine(inbox, "pegawai_2026-11-30.csv")));

        await Run(["etl", "--inbox", inbox, "--db", db]);
        using (var c = new WarehouseDatabase(db).Open(readOnly: true))
        {
            Assert.Equal(wita, c.Scalar<DateTime>("SELECT started_at FROM etl_run"));
            Assert.Equal(new object?[] { wita }, Column(c, "SELECT DISTINCT started_at FROM etl_file"));
            Assert.Equal(new object?[] { wita }, Column(c, "SELECT DISTINCT built_at FROM mart_build"));
        }

        var output = await Run(["report", "deliver", "--db", db, "--format", "csv"]);
        Assert.Contains("sent", output);
        using (var c = new WarehouseDatabase(db).Open(readOnly: true))
        {
            var row = Assert.Single(c.Rows("SELECT report_week, status, sent_at FROM report_delivery"));
            Assert.Equal(new object?[] { "2026-W48", "sent", wita }, row);
        }
        var html = File.ReadAllText(Path.Combine(copies, "2026-W48", "laporan-mingguan-2026-W48.html"));
        Assert.Contains("Data per 30 November 2026 00.30 WITA", html);
        Assert.DoesNotContain(" WIB", html);
    }

    private static async Task<string> Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        Assert.True(code == CliApp.Ok, $"{string.Join(' ', args)} → {code}: {error}");
        return output.ToString();
    }

    private static List<object?> Column(DuckDBConnection c, string sql) => c.Rows(sql).Select(r => r[0]).ToList();

}
