using Kepegawaian.Warehouse;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>A unit with the kecamatan area it rolls up to (<c>dim_unit.kode_induk</c>); null area: not in a kecamatan (dinas, badan, …).</summary>
public sealed record DrillUnit(string Kode, string Nama, string Jenis, string? KodeArea, string? NamaArea);

/// <summary>
/// The unit hierarchy of the drill-down (reports/Sql/reports/dim_unit_hierarchy.sql), read once per copy of the marts
/// (<see cref="DashboardDataCache.Generation"/>): units only change with a load, and a load is followed by a refresh.
/// </summary>
public sealed class DrillUnitCache(WarehouseDatabase database, DashboardDataCache marts)
{
    private readonly Lock gate = new();
    private (long Generation, IReadOnlyList<DrillUnit> Units)? cached;

    public IReadOnlyList<DrillUnit> Get()
    {
        var generation = marts.Generation;
        lock (gate)
        {
            if (cached is { } c && c.Generation == generation) return c.Units;
            var units = Read();
            cached = (generation, units);
            return units;
        }
    }

    private List<DrillUnit> Read()
    {
        using var c = database.Open();
        using (var exists = c.Command("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'dim_unit'"))
            if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return [];
        using var cmd = c.Command(SqlResources.Read(typeof(DrillUnitCache).Assembly, "reports/dim_unit_hierarchy.sql"));
        using var r = cmd.ExecuteReader();
        var list = new List<DrillUnit>();
        string? Opt(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        while (r.Read())
            list.Add(new DrillUnit(r.GetString(0), r.GetString(1), r.GetString(2), Opt(4), Opt(5)));
        return list;
    }
}
