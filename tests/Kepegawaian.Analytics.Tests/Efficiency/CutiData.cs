using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Efficiency;

/// <summary>Inserts leave requests straight into a TempWarehouse.</summary>
internal static class CutiData
{
    private static int _id;

    public static void Request(DuckDBConnection c, string unit, string submitted, string? decided,
        string kanal = "online", string jenis = "tahunan", string? status = null)
    {
        var id = Interlocked.Increment(ref _id);
        c.Execute("""
            INSERT INTO fact_cuti VALUES ($id, '199001012015011001', $jenis, $kanal, CAST($s AS TIMESTAMP), CAST($d AS TIMESTAMP),
                $status, DATE '2026-12-01', DATE '2026-12-02', 2, $unit, 0, 0)
            """,
            ("id", $"C{id}"), ("jenis", jenis), ("kanal", kanal), ("s", submitted), ("d", decided),
            ("status", status ?? (decided is null ? "diajukan" : "disetujui")), ("unit", unit));
    }
}
