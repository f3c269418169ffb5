using DuckDB.NET.Data;
using Kepegawaian.Service.Clustering;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Service.Hosting;

/// <summary>
/// One node: holds one connection for the life of `serve`: it migrates the file at start-up, keeps the
/// DuckDB instance (shared by every connection this process opens) alive, and so holds the file's
/// lock. Read-only commands of other processes then read the snapshot published here at start-up
/// and after every scan (<see cref="WarehouseSnapshot"/>); `etl` by hand waits, then says so.
/// Clustered: migrates and publishes at start-up only when no other node's job holds the file, then lets go;
/// from then on a node holds the file only while one of its jobs runs (<see cref="JobWarehouseTurn"/>).
/// </summary>
public sealed class WarehouseLease(WarehouseDatabase database, SnapshotPublisher snapshot, IOptions<QuartzClusteringOptions> clustering, ILogger<WarehouseLease> logger)
    : IHostedService, IDisposable
{
    private DuckDBConnection? connection;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (clustering.Value.Enabled)
        {
            try
            {
                using var brief = database.OpenAndMigrate();
                snapshot.Publish(brief, changed: true);
            }
            catch (WarehouseLockedException)
            {
                // That node's job migrates (JobWarehouseTurn) and publishes when it ends; meanwhile we serve the last snapshot.
                logger.LogInformation("Warehouse held by another node's job; serving the published snapshot until it ends");
            }
            return Task.CompletedTask;
        }
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
