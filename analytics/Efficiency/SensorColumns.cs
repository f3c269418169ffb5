using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Efficiency;

/// <summary>
/// The rows of efisiensi_sensor held column-wise for the eleven processing-time levels. Each request is reduced to its
/// finest cell (unit × kanal × jenis_cuti × month, ~10⁵ at 1 M employees; numbered by the query, efisiensi_sensor_sel)
/// and whether it was decided, packed in one integer, beside its two times (hours, working days). Each time is sorted
/// once with the packed cells (the two sorts side by side); a level then maps finest cells to its own and deals the
/// time-ordered requests into its cells in one sequential pass, so Kaplan–Meier gets each cell sorted and contiguous.
/// At 1 M employees (11 M requests) this replaced random access to every request per level and per cell. Memory is
/// written once where possible (the marts' arrays sized from fact_cuti, sorted in place): on the VM measured,
/// first-touched memory costs ≈ 3.5 s per GB (bench/README.md).
/// </summary>
internal sealed class SensorColumns
{
    private readonly List<string> units = [], kanals = [], jenis = [];
    private readonly List<DateOnly> bulans = [];
    private readonly List<(int Unit, int Kanal, int Jenis, int Bulan)> finestKeys = [];
    private readonly List<int> finestSize = [], finestPending = [];
    private int onlineCode = -1;
    private TimeOrder byJam = TimeOrder.Empty, byHari = TimeOrder.Empty;
    private Observation[] cellsJam = [], cellsHari = [];

    /// <summary>Reads the requests of efisiensi_sensor_sel (<paramref name="sql"/>): one row per request with its cell's number, one naming each cell.</summary>
    /// <param name="allRequests">true when the query keeps (nearly) every leave request: the arrays are then sized from fact_cuti
    /// once instead of grown; a filtered read (a window, a unit) grows them from small.</param>
    public static SensorColumns Read(DuckDBConnection c, string sql, (string, object?)[] parameters, bool allRequests)
    {
        var s = new SensorColumns();
        var cellOfSel = new Dictionary<int, int>(); // the query's cell number → this read's finest cell, numbered by first request
        var selOfCell = new List<int>();
        var names = new Dictionary<int, (string Unit, string Kanal, string Jenis, DateOnly Bulan)>();
        // Sized by every leave request for the marts (an upper bound), grown only if a load raced the count.
        var capacity = allRequests ? (int)Math.Min(Array.MaxLength, Math.Max(16, c.Scalar<long>("SELECT count(*) FROM fact_cuti"))) : 1024;
        var (jam, hari, packed) = (new double[capacity], new double[capacity], new int[capacity]);   // packed: cell · 2 + decided
        var count = 0;
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
                if (count == jam.Length)
                {
                    var grown = (int)Math.Min(Array.MaxLength, 2L * count);
                    Array.Resize(ref jam, grown); Array.Resize(ref hari, grown); Array.Resize(ref packed, grown);
                }
                jam[count] = r.GetDouble(6);
                hari[count] = r.GetDouble(7);
                packed[count++] = cell * 2 + (decided ? 1 : 0);
            }
        var (unitCodes, kanalCodes, jenisCodes) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());
        var bulanCodes = new Dictionary<DateOnly, int>();
        foreach (var sel in selOfCell)
        {
            var (unit, kanal, jenis, bulan) = names[sel];
            s.finestKeys.Add((Code(unitCodes, s.units, unit), Code(kanalCodes, s.kanals, kanal), Code(jenisCodes, s.jenis, jenis), Code(bulanCodes, s.bulans, bulan)));
        }
        s.onlineCode = kanalCodes.GetValueOrDefault("online", -1);
        var packedHari = packed[..count];
        Parallel.Invoke(ComputeThreads.Options(CancellationToken.None), () => s.byJam = TimeOrder.Sort(jam, packed, count), () => s.byHari = TimeOrder.Sort(hari, packedHari, count));
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
        if (cellsJam.Length < byJam.Count) (cellsJam, cellsHari) = (new Observation[byJam.Count], new Observation[byJam.Count]);
        Deal(byJam, levelOf, start, cellsJam);
        Deal(byHari, levelOf, start, cellsHari);
        return new Grouping(start, cellsJam, cellsHari, [.. first], [.. pending], [.. online]);
    }

    /// <summary>Writes the requests, in the order's time order, into their cells' ranges (a stable counting sort by cell).</summary>
    private static void Deal(TimeOrder order, int[] levelOf, int[] start, Observation[] cells)
    {
        var next = start[..^1];
        for (var k = 0; k < order.Count; k++)
        {
            var p = order.Packed[k];
            cells[next[levelOf[p >> 1]]++] = new Observation(order.Time[k], (p & 1) != 0);
        }
    }

    public string UnitOf(int finestCell) => units[finestKeys[finestCell].Unit];
    public string KanalOf(int finestCell) => kanals[finestKeys[finestCell].Kanal];
    public string JenisOf(int finestCell) => jenis[finestKeys[finestCell].Jenis];
    public DateOnly BulanOf(int finestCell) => bulans[finestKeys[finestCell].Bulan];

    /// <summary>
    /// The requests' times in ascending order with their packed cells (cell · 2 + decided), the first <see cref="Count"/>
    /// entries. Equal times may come in any order: Kaplan–Meier takes all requests at one time together.
    /// </summary>
    private sealed record TimeOrder(double[] Time, int[] Packed, int Count)
    {
        public static readonly TimeOrder Empty = new([], [], 0);

        /// <summary>Sorts <paramref name="time"/> and <paramref name="packed"/> in place.</summary>
        public static TimeOrder Sort(double[] time, int[] packed, int count)
        {
            Array.Sort(time, packed, 0, count);
            return new TimeOrder(time, packed, count);
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
