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

    private static Task<HostProcess.Result> Health(TempFolder folder, string db, string inbox, int staleAfterMinutes) =>
        HostProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["Etl__Inbox"] = inbox, ["Etl__StaleAfterMinutes"] = $"{staleAfterMinutes}" },
            "health", "--db", db);
}
