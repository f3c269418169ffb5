using Kepegawaian.Warehouse;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Service.Clustering;

/// <summary>
/// The warehouse the dashboard, the API and /health read. One node: the live file, which `serve` holds anyway.
/// Clustered: the snapshot the last job of any node published (<see cref="WarehouseSnapshot"/>), because the live
/// file is opened only by the node running a job and DuckDB lets no other process read it meanwhile.
/// </summary>
public sealed class ServedWarehouse(WarehouseDatabase live, IOptions<QuartzClusteringOptions> clustering)
{
    public WarehouseDatabase Database { get; } = clustering.Value.Enabled ? WarehouseSnapshot.For(live.Path) : live;
}
