using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Etl.Synthetic;
using Xunit.Abstractions;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>
/// Recovery of the injected placement signals (<see cref="InjectedEffects"/>) as rates over <see cref="PlacementSignalCity.Seeds"/>:
/// the findings the weekly brief lists (<see cref="PenempatanSinyal"/>) and the tenure mart must find the injected units
/// (recall) and flag few others (false positives). The measured rates are printed for the closing note.
/// </summary>
[Trait("Category", "Scenario")]
[Collection(PlacementSignalCity.Collection)]
public sealed class PlacementSignalRecoveryTests(PlacementSignalCity city, ITestOutputHelper output)
{
    private const int MinCell = SmallCells.DefaultMinCellSize;

    [Fact]
    public void Beban_tinggi_finds_the_understaffed_units_and_few_others()
    {
        int found = 0, injected = 0, others = 0, maxOthers = 0;
        foreach (var k in city.Cities)
        {
            var flagged = PenempatanSinyal.BebanTinggi(k.Beban, MinCell).Select(b => b.KodeUnit).ToHashSet(StringComparer.Ordinal);
            var hits = InjectedEffects.UnderstaffedUnits.Count(flagged.Contains);
            var fp = flagged.Where(u => !InjectedEffects.UnderstaffedUnits.Contains(u)).ToList();
            found += hits;
            injected += InjectedEffects.UnderstaffedUnits.Count;
            others += fp.Count;
            maxOthers = Math.Max(maxOthers, fp.Count);
            output.WriteLine($"seed {k.Seed}: {hits}/{InjectedEffects.UnderstaffedUnits.Count} understaffed flagged; " +
                             string.Join(", ", InjectedEffects.UnderstaffedUnits.Select(u => k.Beban.Single(b => b.KodeUnit == u)).Select(b => $"{b.KodeUnit} {b.Pegawai} pegawai {b.RasioMedian:0.00}×")) +
                             $"; other units flagged {fp.Count} [{string.Join(", ", fp)}]");
        }
        var recall = (double)found / injected;
        var fpPerSeed = (double)others / city.Cities.Count;
        output.WriteLine($"Beban per pegawai tinggi: recall {recall:0.00} ({found}/{injected}), other units flagged {fpPerSeed:0.00} per seed (max {maxOthers}) over {city.Cities.Count} seeds");
        Assert.True(recall >= 0.8, $"recall {recall:0.00}");
        Assert.True(maxOthers <= 2, $"up to {maxOthers} other units flagged in one seed");
    }

    [Fact]
    public void Gelombang_pensiun_finds_the_wave_unit_in_every_seed()
    {
        int found = 0, others = 0;
        foreach (var k in city.Cities)
        {
            var waves = PenempatanSinyal.Gelombang(k.Hasil, MinCell);
            var hit = waves.Any(w => w.KodeUnit == InjectedEffects.RetirementWaveUnit && w.Kelompok == "pengawas");
            var rest = waves.Count(w => w.KodeUnit != InjectedEffects.RetirementWaveUnit);
            found += hit ? 1 : 0;
            others += rest;
            var g = k.Hasil.Gelombang.Single(x => x.KodeUnit == InjectedEffects.RetirementWaveUnit && x.Kelompok == "pengawas");
            output.WriteLine($"seed {k.Seed}: {InjectedEffects.RetirementWaveUnit} pengawas {g.PensiunJendela} of {g.Pegawai} by {g.BatasTanggal:yyyy-MM-dd} " +
                             $"({g.ShareJendela:P0}), in the brief {hit}; other groups in the brief {rest}");
            // The injected retirees all fall inside the window: the count is at least what was injected.
            Assert.True(g.PensiunJendela >= InjectedEffects.RetirementWaveCount(PlacementSignalCity.Employees));
        }
        var recall = (double)found / city.Cities.Count;
        output.WriteLine($"Gelombang pensiun: recall {recall:0.00} ({found}/{city.Cities.Count}); other flagged groups shown {(double)others / city.Cities.Count:0.00} per seed (natural age structure, not injected)");
        Assert.Equal(1.0, recall);
    }

    [Fact]
    public void Tanpa_rotasi_finds_the_no_rotation_units_and_not_comparable_ones()
    {
        int found = 0, injected = 0, others = 0, comparable = 0;
        foreach (var k in city.Cities)
        {
            var masa = k.Hasil.MasaKerja.ToDictionary(m => m.KodeUnit, StringComparer.Ordinal);
            var hits = InjectedEffects.NoRotationUnits.Count(u => masa[u].TanpaRotasi == true);
            // Comparable: the general dinas/badan whose staff rotate at the usual rate without the injection, ≥ 30 staff (smaller ones can go two years without a move by chance).
            var peers = masa.Values.Where(m => m.Pegawai >= 30 && IsRotatingKind(m.KodeUnit) && !InjectedEffects.NoRotationUnits.Contains(m.KodeUnit)).ToList();
            var fp = peers.Where(m => m.TanpaRotasi == true).Select(m => m.KodeUnit).ToList();
            // Independent of the mart: no mutasi/promosi between two units touches an injected unit in the window.
            Assert.All(InjectedEffects.NoRotationUnits, u => Assert.DoesNotContain(k.Hasil.MutasiTahunan,
                m => m.KodeUnit == u && m.JenisMutasi is "mutasi" or "promosi" && m.Arah is "masuk" or "keluar"));
            found += hits;
            injected += InjectedEffects.NoRotationUnits.Count;
            others += fp.Count;
            comparable += peers.Count;
            output.WriteLine($"seed {k.Seed}: {hits}/{InjectedEffects.NoRotationUnits.Count} no-rotation units flagged; comparable units {peers.Count}, flagged [{string.Join(", ", fp)}]");
        }
        var recall = (double)found / injected;
        output.WriteLine($"Tanpa rotasi: recall {recall:0.00} ({found}/{injected}); comparable units flagged {others} of {comparable} ({(double)others / comparable:0.00})");
        Assert.Equal(1.0, recall);
        Assert.True(others <= city.Cities.Count, $"{others} comparable units flagged");
    }

    /// <summary>The generator's "umum" units (EmployeeSimulator.UnitKind): mutasi moves their PNS at 5 % a year; field units, schools, health, kecamatan and kelurahan rotate only as targets.</summary>
    private static bool IsRotatingKind(string kode) =>
        Palembang.Units.Single(u => u.Kode == kode) is { } u
        && u.Jenis is "sekretariat" or "inspektorat" or "badan" or "dinas"
        && u.Kode is not ("DISDIK" or "DINKES" or "SATPOLPP" or "DAMKAR" or "DISHUB" or "DLHK");
}
