using System.Globalization;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// Writes a deterministic synthetic inbox for Kota Palembang (spec §3): unit_kerja, annual pegawai snapshots plus
/// one at EndDate, and per-year mutasi, diklat, kinerja, cuti and skm files. Employees are generated one at a time
/// from their own seeded stream and their whole history written at once, so memory does not grow with headcount.
/// Known effects are in <see cref="InjectedEffects"/>.
/// </summary>
public static class SyntheticGenerator
{
    public static Task<GenerationResult> GenerateAsync(GeneratorOptions options, CancellationToken ct = default)
    {
        Validate(options);
        return Task.Run(() => Generate(options, ct), ct);
    }

    private static GenerationResult Generate(GeneratorOptions options, CancellationToken ct)
    {
        Directory.CreateDirectory(options.OutDir);
        var city = new CityModel(options);
        var badCounts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        IReadOnlyList<GeneratedFile> results;
        SkmSimulator skm;
        using (var files = new OutputFiles(city, options, badCounts))
        {
            foreach (var u in city.Units)
                files.UnitKerja.Write([u.Kode, u.Nama, u.Jenis, u.Induk ?? "", u.Populasi?.ToString(CultureInfo.InvariantCulture) ?? ""]);

            var nips = new NipAllocator();
            var people = new EmployeeSimulator(city, nips, options.Seed);
            var history = new HistoryWriter(city, files, options.Seed);
            for (long i = 0; i < options.Employees; i++)
            {
                if ((i & 1023) == 0) ct.ThrowIfCancellationRequested();
                history.Write(people.Create(i), i);
            }
            if (options.PlacementSignals)
            {
                var wave = InjectedEffects.RetirementWaveCount(options.Employees);
                for (var k = 0; k < wave; k++)
                    history.Write(people.CreateWave(k, retiring: true), options.Employees + k);
                for (var k = 0; k < InjectedEffects.RetirementWaveStayers; k++)
                    history.Write(people.CreateWave(k, retiring: false), options.Employees + wave + k);
                for (var k = 0; k < InjectedEffects.RetirementWaveStayers; k++)
                    history.Write(people.CreateWave(k, retiring: false, "pelaksana"), options.Employees + wave + InjectedEffects.RetirementWaveStayers + k);
            }
            ct.ThrowIfCancellationRequested();
            skm = new SkmSimulator(city, files, options.Seed);
            skm.Write();
            files.Dispose();
            results = files.Results();
        }
        return new GenerationResult(results, badCounts)
        {
            IkmRaisedYears = skm.RaisedYears.ToDictionary(x => x.Key, x => (IReadOnlyList<int>)x.Value, StringComparer.Ordinal),
        };
    }

    private static void Validate(GeneratorOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.OutDir)) throw new ArgumentException("OutDir is required.", nameof(o));
        if (o.Employees < 1) throw new ArgumentOutOfRangeException(nameof(o), o.Employees, "Employees must be at least 1.");
        if (o.Years is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(o), o.Years, "Years must be 1…30.");
        if (o.BadRows is < 0 or > 1 || double.IsNaN(o.BadRows)) throw new ArgumentOutOfRangeException(nameof(o), o.BadRows, "BadRows must be a fraction 0…1.");
        if (o.SourceShapes.FirstOrDefault(s => !SourceShapes.Supported.Contains(s)) is { } shape)
            throw new ArgumentException($"Source shape '{shape}' is not supported ({string.Join(", ", SourceShapes.Supported)}).", nameof(o));
        if (o.EndDate == default || o.EndDate.Year < 1990) throw new ArgumentOutOfRangeException(nameof(o), o.EndDate, "EndDate must be set (the last day covered).");
    }
}
