using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Testing;
using Xunit.Abstractions;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>mart_kesesuaian and mart_formasi on a generated city after a real ETL load and refresh: the rules hold on real data and the published tables leak nothing.</summary>
public sealed class SyntheticKomposisiTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Generated_city_composition_is_consistent_and_its_publication_leaks_no_small_count()
    {
        using var wh = new TempWarehouse();
        var inbox = wh.Folder.Sub("inbox");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 3000, Years = 2, Seed = 11, EndDate = new DateOnly(2026, 11, 30) });
        await new EtlRunner(wh.Database).RunAsync(new EtlRequest(inbox));
        using var c = wh.Open();
        PenempatanMarts.Refresh(c);
        var k = KomposisiAnalysis.Read(c)!;
        var p = PenempatanQueries.Read(c)!;
        Assert.Equal(p.TanggalAcuan, k.TanggalAcuan);

        var city = k.Kesesuaian.Single(r => r.KodeUnit == KomposisiAnalysis.KodeKota && r.Kelompok == KomposisiAnalysis.Semua);
        output.WriteLine($"kota: {city.Pegawai} pegawai, kurang {city.Kurang} ({city.ShareKurang:P1}), tidak diketahui {city.TidakDiketahui}");
        foreach (var g in k.Kesesuaian.Where(r => r.KodeUnit == KomposisiAnalysis.KodeKota && r.Kelompok != KomposisiAnalysis.Semua))
            output.WriteLine($"  {g.Kelompok}: {g.Pegawai}, min {g.PendidikanMinimum}, kurang {g.Kurang} ({g.ShareKurang:P1}), tidak diketahui {g.TidakDiketahui}");
        // Every row adds up; the city is the sum of its units; the unit totals are the tenure mart's headcounts.
        Assert.All(k.Kesesuaian, r => Assert.Equal(r.Pegawai, r.Kurang + r.Sesuai + r.TidakDiketahui));
        Assert.All(k.Formasi, r => Assert.Equal(r.Pegawai, r.Golongan.Sum()));
        Assert.Equal(p.MasaKerja.Sum(m => m.Pegawai), city.Pegawai);
        // The generator gives some pelaksana SD/SMP and some D3 nakes a keahlian jenjang: both show as under-qualified, not all.
        var pelaksana = k.Kesesuaian.Single(r => r.KodeUnit == KomposisiAnalysis.KodeKota && r.Kelompok == "pelaksana");
        Assert.InRange(pelaksana.ShareKurang!.Value, 0.005, 0.2);
        Assert.InRange(city.ShareKurang!.Value, 0.005, 0.5);
        var formasi = k.Formasi.Single(r => r.KodeUnit == KomposisiAnalysis.KodeKota && r.JenisJabatan == KomposisiAnalysis.Semua);
        output.WriteLine($"formasi kota: I {formasi.GolI}, II {formasi.GolII}, III {formasi.GolIII}, IV {formasi.GolIV}, PPPK {formasi.Pppk}, ? {formasi.GolonganTidakDiketahui}");
        Assert.True(formasi.Pppk > 0 && formasi.GolIII > 0);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var kes = KomposisiPublik.Kesesuaian(k, p, 5);
        var gol = KomposisiPublik.Formasi(k, p, 5);
        output.WriteLine($"suppression of {k.Kesesuaian.Count} + {k.Formasi.Count} rows, twice: {started.ElapsedMilliseconds} ms; " +
                         $"hidden pegawai {kes.Count(r => r.Pegawai is null)} / {kes.Count}, kurang hidden {kes.Count(r => r.Kurang is null)}");
        var leaks = KomposisiLeaks.Find(kes, gol, p);
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks, e.g.:\n" + string.Join("\n", leaks.Take(20)));
        // The city's own figures survive.
        Assert.NotNull(kes.Single(r => r.KodeUnit == KomposisiAnalysis.KodeKota && r.Kelompok == KomposisiAnalysis.Semua).ShareKurang);
    }
}
