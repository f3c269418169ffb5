using DuckDB.NET.Data;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Logging;

namespace Kepegawaian.Service.Hosting;

/// <summary>
/// When `serve` republishes the read-only snapshot for the CLI (<see cref="WarehouseSnapshot"/>): at start-up,
/// after a scan that saw files or a refresh that rebuilt marts, and otherwise at most once an hour so
/// `runs`/`health` still see the empty scans. A copy costs seconds (a 2 GB file at a million employees),
/// still too much to repeat every quarter hour for nothing.
/// </summary>
public sealed class SnapshotPublisher(WarehouseDatabase database, TimeProvider time, ILogger<SnapshotPublisher> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private DateTimeOffset? publishedAt;

    public void Publish(DuckDBConnection connection, bool changed)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (!changed && publishedAt is { } last && now - last < MaxAge && File.Exists(WarehouseSnapshot.PathFor(database.Path))) return;
            var published = WarehouseSnapshot.Publish(connection, database.Path);
            publishedAt = now;
            var path = WarehouseSnapshot.PathFor(database.Path);
            if (published.Fallback is { } why)
                logger.LogWarning("Read-only snapshot {Snapshot} published in {Seconds:0.0} s with COPY FROM DATABASE, not a file copy: {Reason}",
                    path, published.Took.TotalSeconds, why);
            else
                logger.LogInformation("Read-only snapshot {Snapshot} published in {Seconds:0.0} s (file copy after CHECKPOINT)", path, published.Took.TotalSeconds);
        }
    }
}
