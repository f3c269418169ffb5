using System.Text.Json;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>Issue 10 item 1: `health` is unhealthy (exit 2) when the last run was left unfinished by a dead process.</summary>
public sealed class HealthRunStateCommandTests
{
    [Fact]
    public async Task An_abandoned_last_run_and_a_file_failing_every_scan_make_health_exit_2()
    {
        using var folder = TempFolder.Create("health-run");
        var db = folder.File("wh.duckdb");
        var inbox = folder.Sub("inbox");
        File.WriteAllText(Path.Combine(inbox, "cuti_x.csv"), "x");
        using (var c = new WarehouseDatabase(db).OpenAndMigrate())
        {
            c.Execute("INSERT INTO etl_run VALUES (1, TIMESTAMP '2026-11-30 02:00:00', NULL, 'abandoned', 'inbox', 'm', NULL)");
            for (var i = 1; i <= 2; i++)
                c.Execute($"INSERT INTO etl_file (file_id, run_id, file_name, content_hash, size_bytes, status, started_at) VALUES ({i}, 1, 'cuti_x.csv', 'h', 1, 'error', TIMESTAMP '2026-11-30 02:00:00')");
        }

        var output = new StringWriter();
        var code = await CliApp.RunAsync(["health", "--db", db, "--inbox", inbox, "--stale-after-minutes", "10080", "--failed-scans", "2"], output, new StringWriter());

        Assert.Equal(CliApp.OperatorError, code);
        var report = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("abandoned", report.GetProperty("last_status").GetString());
        Assert.Contains(report.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("tidak selesai"));
        var failing = report.GetProperty("failing_files").EnumerateArray().Single();
        Assert.Equal(("cuti_x.csv", 2), (failing.GetProperty("file").GetString(), failing.GetProperty("failed_scans").GetInt32()));
    }
}
