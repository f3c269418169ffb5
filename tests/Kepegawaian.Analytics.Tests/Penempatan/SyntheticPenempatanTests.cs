using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Testing;
using Xunit.Abstractions;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>
/// The placement signals injected by the generator (<see cref="InjectedEffects.RetirementWaveUnit"/>,
/// <see cref="InjectedEffects.NoRotationUnits"/>) are recovered by the marts after a real ETL load.
/// </summary>
public sealed class SyntheticPenempatanTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Generated_city_recovers_the_injected_retirement_wave_and_no_rotation_units()
    {
        using var wh = new TempWarehouse();
        var inbox = wh.Folder.Sub("inbox");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions
        {
            OutDir = inbox, Employees = 4000, Years = 3, Seed = 7, EndDate = new DateOnly(2026, 11, 30), PlacementSignals = true,
        });
        await new EtlRunner(wh.Database).RunAsync(new EtlRequest(inbox));
        using var c = wh.Open();
        var acuan = PenempatanAnalysis.ReferenceDate(c)!.Value;
        var r = PenempatanAnalysis.Compute(c, acuan);
        output.WriteLine($"acuan {acuan:yyyy-MM-dd}");

        var wave = r.Gelombang.Single(g => g.KodeUnit == InjectedEffects.RetirementWaveUnit && g.Kelompok == "pengawas");
        output.WriteLine($"{wave.KodeUnit} pengawas: {wave.PensiunJendela} of {wave.Pegawai} by {wave.BatasTanggal:yyyy-MM-dd}");
        Assert.True(wave.Gelombang);
        Assert.True(wave.PensiunJendela >= InjectedEffects.RetirementWaveCount(4000));
        // It survives the small-cell rule, so the brief can name it.
        var shown = PenempatanPublik.Pensiun(r, 5).Single(p => p.KodeUnit == wave.KodeUnit && p.Kelompok == "pengawas");
        Assert.True(shown.Gelombang);
        Assert.Equal(wave.PensiunJendela, shown.PensiunJendela);

        foreach (var unit in InjectedEffects.NoRotationUnits)
        {
            var m = r.MasaKerja.Single(x => x.KodeUnit == unit);
            output.WriteLine($"{unit}: {m.Pegawai} pegawai, last rotation {m.RotasiTerakhir}, tanpa_rotasi {m.TanpaRotasi}");
            Assert.True(m.TanpaRotasi);
        }
        // Not a property of every unit: most general dinas/badan of comparable size did rotate.
        var comparable = r.MasaKerja.Where(x => x.Pegawai >= 20 && !InjectedEffects.NoRotationUnits.Contains(x.KodeUnit)
                                                && x.KodeUnit is "BPPD" or "SETDA" or "BAPPEDA" or "BKPSDM" or "DPERKIM" or "DINSOS").ToList();
        output.WriteLine(string.Join(", ", comparable.Select(x => $"{x.KodeUnit} {x.Pegawai} {x.TanpaRotasi}")));
        Assert.NotEmpty(comparable);
        Assert.All(comparable, x => Assert.False(x.TanpaRotasi));

        // Staffing against load on the generated city: the kelurahan have a median; rules hold on real data.
        var beban = BebanAnalysis.Compute(c, acuan);
        var kel = beban.Where(b => b.JenisUnit == "kelurahan" && b.Dinilai).ToList();
        output.WriteLine($"kelurahan rated {kel.Count}, median {kel.FirstOrDefault()?.MedianRespondenPerPegawai:0.00}, " +
                         $"tinggi {kel.Count(b => b.Kategori == "tinggi")}, rendah {kel.Count(b => b.Kategori == "rendah")}; " +
                         string.Join(", ", beban.Where(b => b.Kategori == "tinggi").Select(b => $"{b.KodeUnit} {b.RasioMedian:0.00}× +{b.TambahanPegawaiKeMedian}")));
        Assert.True(kel.Count >= 4);
        Assert.All(kel, b => Assert.NotNull(b.RasioMedian));
        Assert.All(beban.Where(b => b.Pegawai < 5), b => Assert.False(b.Dinilai));
        Assert.All(beban.Where(b => b.Kategori == "tinggi"), b => Assert.True(b.TambahanPegawaiKeMedian > 0));
        Assert.All(beban.Where(b => b.RasioMedian is <= 1), b => Assert.Equal(0, b.TambahanPegawaiKeMedian));
    }
}
