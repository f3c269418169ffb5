using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>mart_beban on the hand-made warehouse of <see cref="BebanSeed"/>; expected values computed by hand there.</summary>
public sealed class BebanMartsTests
{
    private static IReadOnlyList<BebanRow> Compute(PenempatanOptions? options = null, string? extraSql = null)
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        BebanSeed.Seed(c);
        if (extraSql is not null) c.Execute(extraSql);
        return BebanAnalysis.Compute(c, BebanSeed.Acuan, options);
    }

    [Fact]
    public void Kelurahan_ratios_use_the_even_count_median_of_rated_units()
    {
        var rows = Compute().ToDictionary(r => r.KodeUnit);
        var k1 = rows["K1"];
        Assert.Equal((5L, 100L, 10L), (k1.Pegawai, k1.RespondenSkm, k1.PengajuanCuti));   // window (2025-12-01, 2026-12-01]
        Assert.Equal(new DateOnly(2025, 12, 1), k1.PeriodeMulai);
        Assert.Equal(20.0, k1.RespondenPerPegawai!.Value, 12);
        Assert.Equal(2.0, k1.CutiPerPegawai!.Value, 12);
        foreach (var k in new[] { "K1", "K2", "K3", "K4" })
        {
            Assert.True(rows[k].Dinilai);
            Assert.Equal(4, rows[k].UnitSebanding);
            Assert.Equal(9.0, rows[k].MedianRespondenPerPegawai!.Value, 12);    // (8 + 10) / 2
        }
        Assert.Equal(20.0 / 9, k1.RasioMedian!.Value, 12);
        Assert.Equal(10.0 / 9, rows["K2"].RasioMedian!.Value, 12);
        Assert.Equal(8.0 / 9, rows["K3"].RasioMedian!.Value, 12);
        Assert.Equal(4.0 / 9, rows["K4"].RasioMedian!.Value, 12);
        Assert.Equal(["tinggi", "wajar", "wajar", "rendah"], new[] { "K1", "K2", "K3", "K4" }.Select(k => rows[k].Kategori));
        Assert.Equal([7L, 1, 0, 0], new[] { "K1", "K2", "K3", "K4" }.Select(k => rows[k].TambahanPegawaiKeMedian!.Value));
        Assert.Equal(8, rows["K3"].Pegawai);                                       // K3-X left on 2026-06-01
    }

    [Fact]
    public void Small_units_units_without_survey_and_small_groups_are_not_rated()
    {
        var rows = Compute().ToDictionary(r => r.KodeUnit);
        var k5 = rows["K5"];                                  // 4 staff: small cell
        Assert.False(k5.Dinilai);
        Assert.Null(k5.RespondenPerPegawai);
        Assert.Null(k5.RasioMedian);
        Assert.Null(k5.Kategori);
        Assert.Null(k5.TambahanPegawaiKeMedian);
        var k6 = rows["K6"];                                  // 7 staff but no respondent in the window
        Assert.False(k6.Dinilai);
        Assert.Equal(0.0, k6.RespondenPerPegawai!.Value);
        Assert.Null(k6.RasioMedian);
        Assert.All(new[] { rows["D1"], rows["D2"] }, d =>
        {
            Assert.True(d.Dinilai);
            Assert.Equal(2, d.UnitSebanding);                 // fewer than 4 dinas: no median
            Assert.Null(d.MedianRespondenPerPegawai);
            Assert.Null(d.Kategori);
        });
    }

    [Fact]
    public void Population_per_employee_has_its_own_median()
    {
        var rows = Compute().ToDictionary(r => r.KodeUnit);
        Assert.Equal(2000.0, rows["K1"].PopulasiPerPegawai!.Value, 12);
        Assert.Equal(1500.0, rows["K1"].MedianPopulasiPerPegawai!.Value, 12);   // 500, 1 000, 2 000, 2 000
        Assert.Equal(2000.0 / 1500, rows["K1"].RasioMedianPopulasi!.Value, 12);
        Assert.Equal(500.0 / 1500, rows["K4"].RasioMedianPopulasi!.Value, 12);
        Assert.Null(rows["K6"].PopulasiPerPegawai);
        Assert.Null(rows["K5"].PopulasiPerPegawai);
    }

    [Fact]
    public void Odd_count_median_and_the_minimum_group_size_follow_the_options()
    {
        // K4 without survey: K1 20, K2 10, K3 8 rated → median 10 with three units allowed.
        var odd = Compute(new PenempatanOptions { BebanMinUnit = 3 }, "DELETE FROM fact_skm WHERE kode_unit = 'K4'").ToDictionary(r => r.KodeUnit);
        Assert.Equal(10.0, odd["K1"].MedianRespondenPerPegawai!.Value, 12);
        Assert.Equal(2.0, odd["K1"].RasioMedian!.Value, 12);                   // exactly 2: tinggi
        Assert.Equal("tinggi", odd["K1"].Kategori);
        Assert.Equal(5, odd["K1"].TambahanPegawaiKeMedian);                      // ceil(100/10) − 5 = 5 (no rounding up of 10.000…)
        Assert.Null(odd["K4"].RasioMedian);

        var strict = Compute(new PenempatanOptions { BebanMinUnit = 5 }).ToDictionary(r => r.KodeUnit);
        Assert.Null(strict["K1"].MedianRespondenPerPegawai);
        Assert.Null(strict["K1"].Kategori);
    }

    [Fact]
    public void Refresh_stores_mart_beban_and_the_public_rows_hide_small_units()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        BebanSeed.Seed(c);
        PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = BebanSeed.Acuan });
        var stored = PenempatanQueries.ReadBeban(c)!;
        Assert.Equal(BebanAnalysis.Compute(c, BebanSeed.Acuan), stored);

        var pub = PenempatanPublik.Beban(stored, 5).ToDictionary(r => r.KodeUnit);
        var k5 = pub["K5"];
        Assert.Equal((long?)null, k5.Pegawai);
        Assert.Null(k5.RespondenPerPegawai);
        Assert.Null(k5.CutiPerPegawai);
        Assert.Null(k5.PopulasiPerPegawai);
        Assert.Equal(5, pub["K1"].Pegawai);
        Assert.Equal(7, pub["K1"].TambahanPegawaiKeMedian);
    }

    [Fact]
    public void Pegawai_needed_is_a_ceiling_tolerant_of_rounding()
    {
        Assert.Equal(10, BebanAnalysis.PegawaiUntuk(90, 90.0 / 10));
        Assert.Equal(12, BebanAnalysis.PegawaiUntuk(100, 9));
        Assert.Equal(0, BebanAnalysis.PegawaiUntuk(0, 9));
    }
}
