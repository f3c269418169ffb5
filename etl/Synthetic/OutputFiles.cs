namespace Kepegawaian.Etl.Synthetic;

/// <summary>Every inbox file of one generation, open at once so each employee's whole history is written in one pass.</summary>
internal sealed class OutputFiles : IDisposable
{
    private readonly List<InboxFile> _all = [];

    public OutputFiles(CityModel city, GeneratorOptions options, SortedDictionary<string, long> badCounts)
    {
        InboxFile Open(string name, string entity, int year, bool corruptible) =>
            Add(new InboxFile(options.OutDir, name, entity, year,
                corruptible && options.BadRows > 0
                    ? new Corruptor(entity, options.BadRows, Rng.Stream(options.Seed, "bad:" + name), city.End, badCounts)
                    : null));

        UnitKerja = Open($"unit_kerja_{Iso(city.End)}.csv", "unit_kerja", city.LastYear, false);
        var snapshots = new List<(DateOnly, InboxFile)>();
        for (var y = city.FirstYear; y <= city.LastYear; y++)
        {
            var d = new DateOnly(y, 1, 1);
            snapshots.Add((d, Open($"pegawai_{Iso(d)}.csv", "pegawai", y, true)));
        }
        if (city.End != new DateOnly(city.LastYear, 1, 1))
            snapshots.Add((city.End, Open($"pegawai_{Iso(city.End)}.csv", "pegawai", city.LastYear, true)));
        Pegawai = snapshots;
        Mutasi = PerYear("mutasi");
        Diklat = PerYear("diklat");
        Kinerja = PerYear("kinerja");
        Cuti = PerYear("cuti");
        Skm = PerYear("skm");

        InboxFile[] PerYear(string entity) =>
            Enumerable.Range(city.FirstYear, city.Years).Select(y => Open($"{entity}_{y}.csv", entity, y, true)).ToArray();
    }

    public InboxFile UnitKerja { get; }
    public IReadOnlyList<(DateOnly Date, InboxFile File)> Pegawai { get; }
    public InboxFile[] Mutasi { get; }
    public InboxFile[] Diklat { get; }
    public InboxFile[] Kinerja { get; }
    public InboxFile[] Cuti { get; }
    public InboxFile[] Skm { get; }

    /// <summary>Results in load order: unit_kerja, pegawai, then the facts (spec §3.8).</summary>
    public IReadOnlyList<GeneratedFile> Results() =>
        _all.OrderBy(f => Entities.IndexOf(f.Entity)).ThenBy(f => f.Path, StringComparer.Ordinal).Select(f => f.Result()).ToList();

    private static readonly List<string> Entities = [.. Kepegawaian.Warehouse.Domain.Codes.Entities];

    private InboxFile Add(InboxFile f) { _all.Add(f); return f; }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var f in _all) f.Dispose();
    }
}
