using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Analytics.Tests.Refresh;

/// <summary>MartFreshness.PartOf: a parent's rebuild covers its sub-areas (kinerja_cuti, diklat_ikm).</summary>
public sealed class SubAreaTests
{
    [Fact]
    public void Rebuilding_an_area_by_hand_records_its_sub_area_from_the_same_load_and_leaves_neither_stale()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        new WarehouseSeed().Unit("U1", "Dinas Satu").Employee("A0000000000000001", "U1").Employee("A0000000000000002", "U1")
            .Kinerja("A0000000000000001", 2025, 1, 80, "U1").Kinerja("A0000000000000001", 2025, 2, 82, "U1")
            .Kinerja("A0000000000000002", 2025, 1, 70, "U1").Kinerja("A0000000000000002", 2025, 2, 75, "U1")
            .WriteTo(c);
        // A committed load, so an area never built (or built from an older one) is stale.
        c.Execute("""
            INSERT INTO etl_file (file_id, run_id, file_name, entity, content_hash, size_bytes, status, started_at)
            VALUES (7, 1, 'kinerja_2025.csv', 'kinerja', 'h', 1, 'loaded', TIMESTAMP '2026-11-30 06:45:00')
            """);
        var refresher = IncrementCity.Refresher(new FakeTimeProvider(IncrementCity.LoadTime));

        Assert.Equal(["kinerja", "kinerja_cuti"], refresher.RefreshArea(c, "kinerja").Areas);
        Assert.Equal(["diklat", "diklat_ikm"], refresher.RefreshArea(c, "diklat").Areas);

        Assert.Equal((7L, 7L, 7L, 7L), (Load(c, "kinerja"), Load(c, "kinerja_cuti"), Load(c, "diklat"), Load(c, "diklat_ikm")));
        var stale = MartFreshness.Check(c).StaleAreas;
        Assert.DoesNotContain("kinerja_cuti", stale);
        Assert.DoesNotContain("diklat_ikm", stale);
    }

    private static long Load(DuckDB.NET.Data.DuckDBConnection c, string area) =>
        c.Scalar<long>("SELECT built_from_load FROM mart_build WHERE area = $area", ("area", area));
}
