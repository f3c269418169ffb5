using System.Text.Json.Serialization;
using DuckDB.NET.Data;

namespace Kepegawaian.Warehouse;

public sealed record UnitHeadcount(
    [property: JsonPropertyName("kode_unit")] string KodeUnit,
    [property: JsonPropertyName("nama_unit")] string NamaUnit,
    [property: JsonPropertyName("jenis_unit")] string JenisUnit,
    [property: JsonPropertyName("pegawai")] long Pegawai);

public sealed record FactYearCount(
    [property: JsonPropertyName("entitas")] string Entitas,
    [property: JsonPropertyName("tahun")] int Tahun,
    [property: JsonPropertyName("baris")] long Baris);

public sealed record RejectCount(
    [property: JsonPropertyName("entitas")] string Entitas,
    [property: JsonPropertyName("reason_code")] string ReasonCode,
    [property: JsonPropertyName("baris")] long Baris);

/// <summary>What is in the warehouse: headcount per unit, facts per entity and year, rejects by reason.</summary>
public sealed record WarehouseSummary(
    IReadOnlyList<UnitHeadcount> EmployeesPerUnit,
    IReadOnlyList<FactYearCount> FactsPerYear,
    IReadOnlyList<RejectCount> RejectsByReason)
{
    public static WarehouseSummary Read(DuckDBConnection connection) => new(
        Query(connection, "summary/employees_per_unit.sql", r => new UnitHeadcount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3))),
        Query(connection, "summary/facts_per_year.sql", r => new FactYearCount(r.GetString(0), Convert.ToInt32(r.GetValue(1)), r.GetInt64(2))),
        Query(connection, "summary/rejects_by_reason.sql", r => new RejectCount(r.GetString(0), r.GetString(1), r.GetInt64(2))));

    private static List<T> Query<T>(DuckDBConnection connection, string resource, Func<DuckDB.NET.Data.DuckDBDataReader, T> map)
    {
        using var cmd = connection.Command(SqlResources.Read(typeof(WarehouseSummary).Assembly, resource));
        using var reader = cmd.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }
}
