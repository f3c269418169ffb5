using DuckDB.NET.Data;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Warehouse;

/// <summary>
/// Issue 14 §2: a committed load makes stale only the areas that read its entity (<see cref="MartFreshness.Dependencies"/>);
/// the expected areas are listed by hand from the tables each area reads (cuti: efisiensi's leave marts, kinerja's
/// driver features — kinerja_cuti, not the appraisal panel — penempatan's load; skm: ikm, Kirkpatrick level 4 (diklat_ikm, not diklat's impact estimate),
/// penempatan's load and IKM).
/// </summary>
public sealed class MartDependencyTests
{
    private static readonly DateTime At = new(2026, 11, 30, 7, 0, 0);

    private static void Load(DuckDBConnection c, long id, string? entity, string status = "loaded") =>
        c.Execute("INSERT INTO etl_file (file_id, run_id, file_name, entity, content_hash, size_bytes, status, started_at) VALUES ($id, 1, 'f.csv', $e, 'h', 1, $s, $at)",
            ("id", id), ("e", entity), ("s", status), ("at", At));

    private static DuckDBConnection Built(TempWarehouse wh, long load)
    {
        var c = wh.Open();
        foreach (var area in MartFreshness.Areas) MartFreshness.Record(c, area, load, At, TimeSpan.FromSeconds(1));
        return c;
    }

    [Fact]
    public void A_load_makes_stale_only_the_areas_that_read_its_entity_and_a_failed_file_none()
    {
        using var wh = new TempWarehouse();
        using var c = Built(wh, 0);

        Load(c, 1, "cuti");
        Assert.Equal(["efisiensi", "kualitas", "kinerja_cuti", "penempatan"], MartFreshness.Check(c).StaleAreas);

        Load(c, 2, "skm", status: "failed");
        Load(c, 3, "diklat", status: "duplicate");
        Assert.Equal(["efisiensi", "kualitas", "kinerja_cuti", "penempatan"], MartFreshness.Check(c).StaleAreas);

        Load(c, 4, "skm");
        var report = MartFreshness.Check(c);
        Assert.Equal(["ikm", "efisiensi", "kualitas", "kinerja_cuti", "penempatan", "diklat_ikm"], report.StaleAreas);   // not diklat (nor kinerja): it reads neither cuti nor skm
        Assert.Equal(4, report.LastLoad);   // still the last committed load of any entity, what health and reports print

        // Rebuilt from load 4 except diklat (from 0) and diklat_ikm (from 1, the cuti load): only the skm load is newer than diklat_ikm.
        foreach (var area in MartFreshness.Areas) MartFreshness.Record(c, area, area switch { "diklat" => 0, "diklat_ikm" => 1, _ => 4 }, At, TimeSpan.FromSeconds(1));
        Assert.Equal(["diklat_ikm"], MartFreshness.Check(c).StaleAreas);
    }

    [Fact]
    public void A_cuti_load_leaves_diklat_as_built()
    {
        using var wh = new TempWarehouse();
        using var c = Built(wh, 0);
        Load(c, 1, "diklat");
        MartFreshness.Record(c, "diklat", 1, At, TimeSpan.FromSeconds(1));
        Load(c, 2, "cuti");
        Assert.False(MartFreshness.Check(c).Areas.Single(a => a.Area == "diklat").Stale);
    }

    [Fact]
    public void An_skm_load_makes_only_level_4_of_diklat_stale_and_a_diklat_load_both()
    {
        using var wh = new TempWarehouse();
        using var c = Built(wh, 0);
        Load(c, 1, "skm");
        var states = MartFreshness.Check(c).Areas.ToDictionary(a => a.Area, a => a.Stale);
        Assert.False(states["diklat"]);
        Assert.True(states["diklat_ikm"]);

        Load(c, 2, "diklat");   // diklat_04_ikm reads fact_diklat and diklat's mart_jp_pegawai
        foreach (var area in MartFreshness.Areas) MartFreshness.Record(c, area, 1, At, TimeSpan.FromSeconds(1));
        Assert.Equal(["ikm", "kualitas", "kinerja", "diklat", "diklat_ikm"], MartFreshness.Check(c).StaleAreas);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("entitas_baru")]
    public void A_load_of_no_or_an_unknown_entity_counts_for_every_area(string? entity)
    {
        using var wh = new TempWarehouse();
        using var c = Built(wh, 0);
        Load(c, 1, entity);
        Assert.Equal(MartFreshness.Areas, MartFreshness.Check(c).StaleAreas);
    }

    [Fact]
    public void Kinerja_rebuilt_with_a_new_definition_makes_diklat_which_reads_its_outcome_panel_stale_too()
    {
        using var wh = new TempWarehouse();
        using var c = Built(wh, 0);
        c.Execute("UPDATE mart_build SET versi = versi - 1 WHERE area = 'kinerja'");
        Assert.Equal(["kinerja", "kinerja_cuti", "diklat", "diklat_ikm"], MartFreshness.Check(c).StaleAreas);   // kinerja_cuti patches kinerja's features, diklat_ikm diklat's rows

        c.Execute("DELETE FROM mart_build WHERE area = 'kinerja'");   // never built, while loads exist
        Load(c, 1, "skm");
        MartFreshness.Record(c, "diklat", 1, At, TimeSpan.FromSeconds(1));
        Assert.Contains("diklat", MartFreshness.Check(c).StaleAreas);
    }

    [Fact]
    public void Every_area_lists_every_entity_it_reads_the_dimensions_of()
    {
        // dim_unit and dim_employee (unit_kerja; pegawai and mutasi's SCD2 versions) are read by every area but efisiensi,
        // whose leave marts take kode_unit from fact_cuti itself (efisiensi_cuti.sql), and kinerja_cuti, which patches
        // one leave column of kinerja's features by nip and quarter (fitur_cuti.sql).
        Assert.Equal(["cuti"], MartFreshness.Dependencies["efisiensi"]);
        Assert.Equal(["cuti"], MartFreshness.Dependencies["kinerja_cuti"]);
        Assert.All(MartFreshness.Areas.Where(a => a is not ("efisiensi" or "kinerja_cuti")), a => Assert.Superset(new HashSet<string> { "unit_kerja", "pegawai", "mutasi" }, new HashSet<string>(MartFreshness.Dependencies[a])));
    }
}
