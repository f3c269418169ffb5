using DuckDB.NET.Data;

namespace Kepegawaian.Warehouse.Lake;

/// <summary>
/// The one place that publishes the configured lakes (policy at <c>Publish:Path</c>, HR-only at <c>Publish:HrPath</c>):
/// called by `serve` after a committed load + refresh, by `etl` after its refresh, and by `kepegawaian publish`.
/// </summary>
public static class LakePublishing
{
    /// <summary>Publishes every configured lake; returns the new version folders (none when <c>Publish:Path</c> is unset).</summary>
    public static IReadOnlyList<string> Run(DuckDBConnection connection, PublishOptions options, TimeProvider time)
    {
        if (!options.Enabled) return [];
        var folders = new List<string>
        {
            ParquetLake.Publish(connection, options.Path!, options.Instansi, options.Keep, LakeCatalog.Policy, policy: true, time).Folder,
        };
        if (!string.IsNullOrWhiteSpace(options.HrPath))
            folders.Add(ParquetLake.Publish(connection, options.HrPath, options.Instansi, options.Keep, LakeCatalog.Hr(connection), policy: false, time).Folder);
        return folders;
    }
}
