using DuckDB.NET.Data;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Hosting;

namespace Kepegawaian.Service.Hosting;

/// <summary>
/// Holds one connection for the life of `serve`: it migrates the file at start-up, keeps the
/// DuckDB instance (shared by every connection this process opens) alive, and so holds the file's
/// lock. Read-only commands of other processes then read the snapshot published here at start-up
/// and after every scan (<see cref="WarehouseSnapshot"/>); `etl` by hand waits, then says so.
/// </summary>
public sealed class WarehouseLease(WarehouseDatabase database, SnapshotPublisher snapshot) : IHostedService, IDisposable
{
    private DuckDBConnection? connection;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        connection = database.OpenAndMigrate();
        // Readers get an answer from the first second, before the start-up scan (which may be long) ends.
        snapshot.Publish(connection, changed: true);
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
