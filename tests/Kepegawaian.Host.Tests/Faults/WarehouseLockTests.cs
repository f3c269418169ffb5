using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Faults;

/// <summary>
/// DuckDB lets one process hold the file read-write. A second <c>kepegawaian</c> process must say so
/// plainly (exit 2, Indonesian first) instead of dying with a stack trace.
/// </summary>
public sealed class WarehouseLockTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData("runs")]
    [InlineData("rejects")]
    [InlineData("etl")]
    public async Task A_second_process_on_a_held_warehouse_exits_2_with_the_locked_message(string command)
    {
        using var folder = TempFolder.Create("lock");
        var db = folder.File("wh.duckdb");
        var inbox = folder.Sub("inbox");
        string[] args = command == "etl" ? ["etl", "--inbox", inbox, "--db", db, "--wait-seconds", "1"] : [command, "--db", db];

        // This test process is the holder, exactly like a running `kepegawaian serve` would be.
        using (new WarehouseDatabase(db).OpenAndMigrate())
        {
            var run = await HostProcess.RunAsync(folder.Path, Timeout, args);

            Assert.Equal(CliApp.OperatorError, run.ExitCode);
            Assert.Contains("sedang dipakai proses lain", run.Error);
            Assert.Contains(db, run.Error);
            Assert.DoesNotContain("Unhandled exception", run.Error);
            Assert.DoesNotContain("   at ", run.Error);
        }

        // Released: the same command now works.
        var after = await HostProcess.RunAsync(folder.Path, Timeout, args);
        Assert.True(after.ExitCode == CliApp.Ok, after.Error);
    }
}
