using System.Text.Json;
using Kepegawaian.Host.Tests.Faults;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>`kepegawaian health` as an operator runs it beside `serve`: same configuration (appsettings, environment).</summary>
public sealed class HealthCommandTests
{
    [Fact]
    public async Task Health_takes_the_inbox_and_stale_threshold_from_the_service_configuration()
    {
        using var folder = TempFolder.Create("health");
        var db = folder.File("wh.duckdb");
        using (new WarehouseDatabase(db).OpenAndMigrate()) { }
        var inbox = folder.Sub("kotak-masuk");
        var waiting = Path.Combine(inbox, "cuti_2026.csv");
        File.WriteAllText(waiting, "id_pengajuan\n");
        File.SetLastWriteTimeUtc(waiting, DateTime.UtcNow.AddMinutes(-90));

        // Waiting 90 minutes, Etl:StaleAfterMinutes = 30: stale, unhealthy (exit 2).
        var stale = await Health(folder, db, inbox, staleAfterMinutes: 30);
        Assert.Equal(CliApp.OperatorError, stale.ExitCode);
        var report = JsonDocument.Parse(stale.Output).RootElement;
        Assert.Equal(inbox, report.GetProperty("inbox").GetString());
        Assert.Equal(1, report.GetProperty("files_waiting").GetInt32());
        Assert.True(report.GetProperty("inbox_stale").GetBoolean());

        // Etl:StaleAfterMinutes = 120: the same file is not stale yet.
        var fresh = await Health(folder, db, inbox, staleAfterMinutes: 120);
        Assert.False(JsonDocument.Parse(fresh.Output).RootElement.GetProperty("inbox_stale").GetBoolean());
    }

    [Fact]
    public async Task Health_warns_when_leave_data_runs_into_a_year_without_a_holiday_table()
    {
        using var folder = TempFolder.Create("health");
        var db = folder.File("wh.duckdb");
        using (var c = new WarehouseDatabase(db).OpenAndMigrate())
            c.Execute("""
                INSERT INTO fact_cuti VALUES ('C1', '199001012015011001', 'tahunan', 'online', TIMESTAMP '2028-01-03 09:00', TIMESTAMP '2028-01-04 09:00',
                    'disetujui', DATE '2028-01-10', DATE '2028-01-11', 2, 'U1', 0, 0)
                """);
        var result = await Health(folder, db, folder.Sub("inbox"), staleAfterMinutes: 60);
        var warnings = JsonDocument.Parse(result.Output).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains(warnings, w => w!.Contains("tahun 2028", StringComparison.Ordinal) && w.Contains("Analytics:ExtraHolidays", StringComparison.Ordinal));
    }

    private static Task<HostProcess.Result> Health(TempFolder folder, string db, string inbox, int staleAfterMinutes) =>
        HostProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["Etl__Inbox"] = inbox, ["Etl__StaleAfterMinutes"] = $"{staleAfterMinutes}" },
            "health", "--db", db);
}
