using DuckDB.NET.Data;

namespace Kepegawaian.Warehouse;

/// <summary>Key/value facts about the warehouse (migration V051), e.g. whether its data is synthetic.</summary>
public static class WarehouseInfo
{
    public const string Synthetic = "synthetic";

    public static void MarkSynthetic(DuckDBConnection connection) =>
        connection.Execute("INSERT OR REPLACE INTO warehouse_info VALUES ($k, 'true')", ("k", Synthetic));

    /// <summary>True when the warehouse holds employees or facts that `demo` did not put there.</summary>
    public static bool HoldsRealData(DuckDBConnection connection) =>
        connection.Scalar<string>("SELECT value FROM warehouse_info WHERE key = $k", ("k", Synthetic)) != "true"
        && connection.Scalar<long>("SELECT (SELECT count(*) FROM dim_employee) + (SELECT count(*) FROM etl_file)") > 0;
}
