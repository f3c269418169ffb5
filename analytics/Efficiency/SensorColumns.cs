using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Efficiency;

/// <summary>
/// The rows of efisiensi_sensor held column-wise for the eleven processing-time levels. Each request is reduced to its
/// finest cell (unit × kanal × jenis_cuti × month, ~10⁵ at 1 M employees; numbered by the query, efisiensi_sensor_sel),
/// its times and whether it was decided; the columns are gathered once into ascending order of each time (hours,
/// working days; the two sorts run side by side). A level then maps finest cells to
/// its own and deals the time-ordered requests into its cells in one sequential pass, so Kaplan–Meier gets each cell
/// sorted and contiguous. At 1 M employees (11 M requests) this replaced random access to every request per level and
/// per cell, which made most of the efisiensi refresh (bench/README.md).
/// </summary>
internal sealed class SensorColumns
{
    private readonly List<string> units = [], kanals = [], jenis = [];
    private readonly List<DateOnly> bulans = [];
    private readonly List<(int Unit, int Kanal, int Jenis, int Bulan)> finestKeys = [];
    private readonly List<int> finestSize = [], finestPending = [];
    private readonly List<int> finest = [];
    private readonly List<bool> diputus = [];
    private readonly List<double> jam = [], hariKerja = [];
    private int onlineCode = -1;
    private TimeOrder? byJam, byHari;
    private Observation[] cellsJam = [], cellsHari = [];

    /// <summary>Reads the requests of efisiensi_sensor_sel (<paramref name="sql"/>): one row per request with its cell's number, one naming each cell.</summary>
    public static SensorColumns Read(DuckDBConnection c, string sql, (string, object?)[] parameters)
    {
        var s = new SensorColumns();
        var cellOfSel = new Dictionary<int, int>(); // the query's cell number → this read's finest cell, numbered by first request
        var selOfCell = new List<int>();
        var names = new Dictionary<int, (string Unit, string Kanal, string Jenis, DateOnly Bulan)>();
        using (var cmd = c.Command(sql, parameters))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                if (r.IsDBNull(0)) throw new InvalidOperationException("efisiensi_sensor_sel: a leave request's cell has no number; its month differs from efisiensi_cuti's.");
                var sel = r.GetInt32(0);
                if (r.IsDBNull(5))
                {
                    names[sel] = (r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateOnly>(4));
                    continue;
                }
                if (!cellOfSel.TryGetValue(sel, out var cell))
                {
                    cellOfSel[sel] = cell = selOfCell.Count;
                    selOfCell.Add(sel);
                    s.finestSize.Add(0);
                    s.finestPending.Add(0);
                }
                var decided = r.GetBoolean(5);
                s.finestSize[cell]++;
                if (!decided) s.finestPending[cell]++;
                s.finest.Add(cell);
                s.diputus.Add(decided);
                s.jam.Add(r.GetDouble(6));
                s.hariKerja.Add(r.GetDouble(7));
            }
        var (unitCodes, kanalCodes, jenisCodes) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());
        var bulanCodes = new Dictionary<DateOnly, int>();
        foreach (var sel in selOfCell)
        {
            var (unit, kanal, jenis, bulan) = names[sel];
            s.finestKeys.Add((Code(unitCodes, s.units, unit), Code(kanalCodes, s.kanals, kanal), Code(jenisCodes, s.jenis, jenis), Code(bulanCodes, s.bulans, bulan)));
        }
        s.onlineCode = kanalCodes.GetValueOrDefault("online", -1);
        return s;
    }

    private static int Code<T>(Dictionary<T, int> codes, List<T> values, T value) where T : notnull
    {
        if (codes.TryGetValue(value, out var code)) return code;
        values.Add(value);
        return codes[value] = values.Count - 1;
    }

    /// <summary>
    /// The cells of one level (a dimension left out is "all"), each cell's requests in ascending order of jam and of
    /// hari_kerja. The observations live in buffers reused by the next call: read a level's cells before grouping the next.
    /// </summary>
    public Grouping Group(bool byUnit, bool byKanal, bool byJenis, bool byBulan)
    {
        // Finest cell → this level's cell, numbered by first appearance; sizes, pending and online counts add up per cell.
        var levelOf = new int[finestKeys.Count];
        var ids = new Dictionary<(int, int, int, int), int>();
        var first = new List<int>();
        var (size, pending, online) = (new List<int>(), new List<int>(), new List<int>());
        for (var f = 0; f < finestKeys.Count; f++)
        {
            var (u, k, j, b) = finestKeys[f];
            var key = (byUnit ? u : -1, byKanal ? k : -1, byJenis ? j : -1, byBulan ? b : -1);
            if (!ids.TryGetValue(key, out var id))
            {
                ids[key] = id = first.Count;
                first.Add(f);
                size.Add(0); pending.Add(0); online.Add(0);
            }
            levelOf[f] = id;
            size[id] += finestSize[f];
            pending[id] += finestPending[f];
            if (k == onlineCode) online[id] += finestSize[f];
        }
        var start = new int[first.Count + 1];
        for (var c = 0; c < first.Count; c++) start[c + 1] = start[c] + size[c];
        if (cellsJam.Length < finest.Count) (cellsJam, cellsHari) = (new Observation[finest.Count], new Observation[finest.Count]);
        if (byJam is null || byHari is null)
            Parallel.Invoke(() => byJam = TimeOrder.Of(this, jam), () => byHari = TimeOrder.Of(this, hariKerja));
        Deal(byJam!, levelOf, start, cellsJam);
        Deal(byHari!, levelOf, start, cellsHari);
        return new Grouping(start, cellsJam, cellsHari, [.. first], [.. pending], [.. online]);
    }

    /// <summary>Writes the requests, in the order's time order, into their cells' ranges (a stable counting sort by cell).</summary>
    private static void Deal(TimeOrder order, int[] levelOf, int[] start, Observation[] cells)
    {
        var next = start[..^1];
        for (var k = 0; k < order.Finest.Length; k++)
            cells[next[levelOf[order.Finest[k]]]++] = new Observation(order.Time[k], order.Decided[k]);
    }

    public string UnitOf(int finestCell) => units[finestKeys[finestCell].Unit];
    public string KanalOf(int finestCell) => kanals[finestKeys[finestCell].Kanal];
    public string JenisOf(int finestCell) => jenis[finestKeys[finestCell].Jenis];
    public DateOnly BulanOf(int finestCell) => bulans[finestKeys[finestCell].Bulan];

    /// <summary>The requests' finest cells, times and decided flags gathered into ascending order of one time (sorted once).</summary>
    private sealed record TimeOrder(int[] Finest, double[] Time, bool[] Decided)
    {
        public static TimeOrder Of(SensorColumns s, List<double> times)
        {
            var sorted = times.ToArray();
            var rows = new int[sorted.Length];
            for (var i = 0; i < rows.Length; i++) rows[i] = i;
            Array.Sort(sorted, rows);
            var (cell, decided) = (new int[rows.Length], new bool[rows.Length]);
            for (var k = 0; k < rows.Length; k++) (cell[k], decided[k]) = (s.finest[rows[k]], s.diputus[rows[k]]);
            return new TimeOrder(cell, sorted, decided);
        }
    }
}

/// <summary>
/// The cells of one level: cell c's requests are <see cref="ByJam"/>[Start[c] .. Start[c + 1]] in ascending hours (and the
/// same requests in <see cref="ByHari"/> in ascending working days); <see cref="First"/>[c] is the finest cell of one of
/// them (the level's dimensions are the same for all), <see cref="PendingOf"/> and <see cref="OnlineOf"/> its counts.
/// </summary>
internal sealed record Grouping(int[] Start, Observation[] ByJam, Observation[] ByHari, int[] First, int[] PendingOf, int[] OnlineOf)
{
    public int Count => Start.Length - 1;

    public int Size(int cell) => Start[cell + 1] - Start[cell];

    public ReadOnlySpan<Observation> Observations(int cell, bool hariKerja) =>
        (hariKerja ? ByHari : ByJam).AsSpan(Start[cell], Size(cell));
}
