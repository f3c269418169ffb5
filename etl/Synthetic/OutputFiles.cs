namespace Kepegawaian.Etl.Synthetic;

/// <summary>Every inbox file of one generation, open at once so each employee's whole history is written in one pass.</summary>
internal sealed class OutputFiles : IDisposable
{
    private readonly List<InboxFile> _all = [];
    private readonly Func<string, string, int, bool, RowShape?, InboxFile> _open;
    private readonly CityModel _city;
    private readonly SkmLongShape? _skmLong;
    private readonly Dictionary<(int Year, string Kode), InboxFile> _skmByUnit = [];
    private readonly EcutiShape? _ecuti;
    private readonly Dictionary<int, InboxFile> _ecutiByYear = [];
    private readonly string _outDir;

    public OutputFiles(CityModel city, GeneratorOptions options, SortedDictionary<string, long> badCounts)
    {
        _city = city;
        _outDir = options.OutDir;
        InboxFile Open(string name, string entity, int year, bool corruptible, RowShape? shape = null) =>
            Add(new InboxFile(options.OutDir, name, entity, year,
                corruptible && options.BadRows > 0
                    ? new Corruptor(entity, options.BadRows, Rng.Stream(options.Seed, "bad:" + name), city.End, badCounts)
                    : null, shape));
        _open = Open;

        var shapes = options.SourceShapes;
        var siasn = shapes.Contains(SourceShapes.Siasn) || shapes.Contains(SourceShapes.SiasnApi) ? new SiasnPegawaiShape() : null;
        _skmLong = shapes.Contains(SourceShapes.SkmLong) ? new SkmLongShape() : null;
        _ecuti = shapes.Contains(SourceShapes.Ecuti) ? new EcutiShape() : null;
        InboxFile Snapshot(DateOnly d, int year)
        {
            if (siasn is null) return Open($"pegawai_{Iso(d)}.csv", "pegawai", year, true);
            var name = SiasnPegawaiShape.FileName(d);
            siasn.CheckFileName(name, new Dictionary<string, string> { ["tanggal_data"] = Iso(d) });
            return Open(name, "pegawai", year, true, siasn);
        }

        UnitKerja = Open($"unit_kerja_{Iso(city.End)}.csv", "unit_kerja", city.LastYear, false);
        var snapshots = new List<(DateOnly, InboxFile)>();
        for (var y = city.FirstYear; y <= city.LastYear; y++)
        {
            var d = new DateOnly(y, 1, 1);
            snapshots.Add((d, Snapshot(d, y)));
        }
        if (city.End != new DateOnly(city.LastYear, 1, 1))
            snapshots.Add((city.End, Snapshot(city.End, city.LastYear)));
        Pegawai = snapshots;
        if (shapes.Contains(SourceShapes.SiasnApi))
            SiasnApi = new SiasnApiShape((name, entity, fields) => Add(new InboxFile(options.OutDir, name, entity, city.LastYear, null, null, fields)));
        Mutasi = PerYear("mutasi");
        Diklat = PerYear("diklat");
        Kinerja = SiasnApi is null ? PerYear("kinerja") : [];
        Cuti = PerYear("cuti");
        Skm = _skmLong is null ? PerYear("skm") : [];

        InboxFile[] PerYear(string entity) =>
            Enumerable.Range(city.FirstYear, city.Years).Select(y => Open($"{entity}_{y}.csv", entity, y, true)).ToArray();
    }

    /// <summary><c>--as siasn-api</c>: the SIASN API history files, else null.</summary>
    public SiasnApiShape? SiasnApi { get; }

    public InboxFile UnitKerja { get; }
    public IReadOnlyList<(DateOnly Date, InboxFile File)> Pegawai { get; }
    public InboxFile[] Mutasi { get; }
    public InboxFile[] Diklat { get; }
    public InboxFile[] Kinerja { get; }
    public InboxFile[] Cuti { get; }
    public InboxFile[] Skm { get; }

    /// <summary>The SKM file for a unit's responses of one year: the year's contract file, or (<c>--as skm-long</c>) the unit's own long file.</summary>
    public InboxFile SkmFile(int year, string kodeUnit)
    {
        if (_skmLong is null) return Skm[year - _city.FirstYear];
        if (_skmByUnit.TryGetValue((year, kodeUnit), out var file)) return file;
        var name = SkmLongShape.FileName(kodeUnit, year);
        _skmLong.CheckFileName(name, new Dictionary<string, string> { ["kode_unit"] = kodeUnit });
        return _skmByUnit[(year, kodeUnit)] = _open(name, "skm", year, true, _skmLong);
    }

    /// <summary>
    /// The file for a leave request of one year: the year's contract file, or (<c>--as ecuti</c>) for an online request
    /// the year's e-Cuti export. Paper (manual) requests never pass through the application, so they stay contract-shaped.
    /// </summary>
    public InboxFile CutiFile(int year, string kanal)
    {
        if (_ecuti is null || kanal != "online") return Cuti[year - _city.FirstYear];
        if (_ecutiByYear.TryGetValue(year, out var file)) return file;
        var name = EcutiShape.FileName(year);
        _ecuti.CheckFileName(name, new Dictionary<string, string>());
        return _ecutiByYear[year] = _open(name, "cuti", year, true, _ecuti);
    }

    /// <summary>Results in load order: unit_kerja, pegawai, then the facts (spec §3.8).</summary>
    public IReadOnlyList<GeneratedFile> Results() =>
        _all.OrderBy(f => Entities.IndexOf(f.Entity)).ThenBy(f => f.Path, StringComparer.Ordinal).Select(f => f.Result()).ToList();

    private static readonly List<string> Entities = [.. Kepegawaian.Warehouse.Domain.Codes.Entities];

    private InboxFile Add(InboxFile f) { _all.Add(f); return f; }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var f in _all) f.Dispose();
        _ecuti?.WriteMappings(_outDir);
    }
}
