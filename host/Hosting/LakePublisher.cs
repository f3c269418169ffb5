using DuckDB.NET.Data;
using Kepegawaian.Warehouse.Lake;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Service.Hosting;

/// <summary>
/// `serve`'s Parquet lake publish (<see cref="LakePublishing"/>), after a refresh that followed a committed load —
/// or the first refresh after start-up when the lake has no version yet (Publish:Path newly set).
/// A failed publish is logged and leaves the previous version current; it does not fail the refresh.
/// </summary>
public sealed class LakePublisher(IOptions<PublishOptions> options, TimeProvider time, ILogger<LakePublisher> logger)
{
    public void Publish(DuckDBConnection connection, bool changed)
    {
        if (!options.Value.Enabled || (!changed && ParquetLake.Current(options.Value.Path!, options.Value.Instansi) is not null)) return;
        try
        {
            foreach (var folder in LakePublishing.Run(connection, options.Value, time))
                logger.LogInformation("Parquet lake version {Folder} published", folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DuckDBException or InvalidOperationException)
        {
            logger.LogError(ex, "Parquet lake not published; the previous version stays current");
        }
    }
}
