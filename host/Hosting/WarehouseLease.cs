using DuckDB.NET.Data;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kepegawaian.Service.Hosting;

/// <summary>
/// Holds one connection for the life of `serve`: it migrates the file at start-up, keeps the
/// DuckDB instance (shared by every connection this process opens) alive, and so holds the file's
/// lock. Read-only commands of other processes then read the snapshot published here at start-up
/// and after every scan (<see cref="WarehouseSnapshot"/>); `etl` by hand waits, then says so.
/// </summary>
public sealed class WarehouseLease(WarehouseDatabase database, ILogger<WarehouseLease> logger) : IHostedService, IDisposable
{
    private DuckDBConnection? connection;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        connection = database.OpenAndMigrate();
        // Readers get an answer from the first second, before the start-up scan (which may be long) ends.
        var took = WarehouseSnapshot.Publish(connection, database.Path);
        logger.LogInformation("Read-only snapshot {Snapshot} published in {Seconds:0.0} s", WarehouseSnapshot.PathFor(database.Path), took.TotalSeconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        connection?.Dispose();
        connection = null;
    }
}
