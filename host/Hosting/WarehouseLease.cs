using DuckDB.NET.Data;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Hosting;

namespace Kepegawaian.Service.Hosting;

/// <summary>
/// Holds one connection for the life of `serve`: it migrates the file at start-up, keeps the
/// DuckDB instance (shared by every connection this process opens) alive, and so holds the file's
/// lock — a second process then gets <see cref="WarehouseLockedException"/>'s clear message.
/// </summary>
public sealed class WarehouseLease(WarehouseDatabase database) : IHostedService, IDisposable
{
    private DuckDBConnection? connection;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        connection = database.OpenAndMigrate();
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
