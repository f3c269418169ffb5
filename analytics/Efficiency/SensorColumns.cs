using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Efficiency;

/// <summary>
/// The rows of efisiensi_sensor held column-wise with the dimensions as small integer codes, so the eleven
/// processing-time levels group millions of requests without a record and three strings per request (at 1 M employees,
/// 11 M requests: the row-object version took GBs and most of the efisiensi refresh). The requests are sorted once by
/// each time (hours, working days) and every level's cells are filled in that order, so Kaplan–Meier gets each cell
/// already sorted: two sorts of 11 M times instead of two per level (22).
/// </summary>
internal sealed class SensorColumns
{
    private readonly List<string> units = [], kanals = [], jenis = [];
    private readonly List<DateOnly> bulans = [];
    private readonly List<int> unit = [], kanal = [], jenisCuti = [], bulan = [];
    private readonly List<bool> diputus = [];
    private readonly List<double> jam = [], hariKerja = [];
    private int onlineCode = -1;
    private Observation[] buffer = [];
    private int[]? byJam, byHari;

    public static SensorColumns Read(DuckDBConnection c, string sql, (string, object?)[] parameters)
    {
        var s = new SensorColumns();
        var (unitCodes, kanalCodes, jenisCodes) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());
        var bulanCodes = new Dictionary<DateOnly, int>();
        using var cmd = c.Command(sql, parameters);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            s.unit.Add(Code(unitCodes, s.units, r.GetString(0)));
            s.kanal.Add(Code(kanalCodes, s.kanals, r.GetString(1)));
            s.jenisCuti.Add(Code(jenisCodes, s.jenis, r.GetString(2)));
            s.bulan.Add(Code(bulanCodes, s.bulans, r.GetFieldValue<DateOnly>(3)));
            s.diputus.Add(r.GetBoolean(4));
            s.jam.Add(r.GetDouble(5));
            s.hariKerja.Add(r.GetDouble(6));
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

    /// <summary>The cells of one level (a dimension left out is "all"): each cell's rows in the order of jam and of hari_kerja.</summary>
    public Grouping Group(bool byUnit, bool byKanal, bool byJenis, bool byBulan)
    {
        var n = unit.Count;
        // Cell ids by key: a flat table while the key space is small (it is units × 3 × jenis × months, ~10⁵ for a city).
        var space = (long)(units.Count + 1) * (kanals.Count + 1) * (jenis.Count + 1) * (bulans.Count + 1);
        var table = space <= 1 << 24 ? new int[space] : null;
        var ids = new Dictionary<long, int>();
        var count = 0;
        var cellOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            long key = byUnit ? unit[i] + 1 : 0;
            key = key * (kanals.Count + 1) + (byKanal ? kanal[i] + 1 : 0);
            key = key * (jenis.Count + 1) + (byJenis ? jenisCuti[i] + 1 : 0);
            key = key * (bulans.Count + 1) + (byBulan ? bulan[i] + 1 : 0);
            int id;
            if (table is not null)
            {
                if (table[key] == 0) table[key] = ++count;   // 0 = not seen yet
                id = table[key] - 1;
            }
            else if (!ids.TryGetValue(key, out id)) ids[key] = id = count++;
            cellOf[i] = id;
        }
        // Counting sort by cell, stable in the order of each time: start[c] .. start[c + 1] are cell c's rows.
        var start = new int[count + 1];
        foreach (var c in cellOf) start[c + 1]++;
        for (var c = 0; c < count; c++) start[c + 1] += start[c];
        int[] Place(int[] order)
        {
            var next = start[..^1];
            var rows = new int[n];
            foreach (var i in order) rows[next[cellOf[i]]++] = i;
            return rows;
        }
        return new Grouping(start, Place(Order(hariKerja: false)), Place(Order(hariKerja: true)));
    }

    /// <summary>Every row index in ascending order of jam (or hari_kerja), computed once.</summary>
    private int[] Order(bool hariKerja)
    {
        ref var order = ref hariKerja ? ref byHari : ref byJam;
        if (order is not null) return order;
        var keys = (hariKerja ? this.hariKerja : jam).ToArray();
        order = [.. Enumerable.Range(0, keys.Length)];
        Array.Sort(keys, order);
        return order;
    }

    public string UnitOf(int row) => units[unit[row]];
    public string KanalOf(int row) => kanals[kanal[row]];
    public string JenisOf(int row) => jenis[jenisCuti[row]];
    public DateOnly BulanOf(int row) => bulans[bulan[row]];

    public int Pending(ReadOnlySpan<int> cell)
    {
        var count = 0;
        foreach (var i in cell) if (!diputus[i]) count++;
        return count;
    }

    public int Online(ReadOnlySpan<int> cell)
    {
        var count = 0;
        foreach (var i in cell) if (kanal[i] == onlineCode) count++;
        return count;
    }

    /// <summary>The rows (in ascending time) as time-to-event data in hours or working days (a reused buffer: valid until the next call).</summary>
    public ReadOnlySpan<Observation> Observations(ReadOnlySpan<int> rows, bool hariKerja)
    {
        if (buffer.Length < rows.Length) buffer = new Observation[rows.Length];
        var times = hariKerja ? this.hariKerja : jam;
        for (var k = 0; k < rows.Length; k++) buffer[k] = new Observation(times[rows[k]], diputus[rows[k]]);
        return buffer.AsSpan(0, rows.Length);
    }
}

/// <summary>The cells of one level: cell c is <see cref="ByJam"/>[Start[c] .. Start[c + 1]] (and the same rows in <see cref="ByHari"/>).</summary>
internal sealed record Grouping(int[] Start, int[] ByJam, int[] ByHari)
{
    public int Count => Start.Length - 1;

    public ReadOnlySpan<int> Rows(int cell, bool hariKerja) =>
        (hariKerja ? ByHari : ByJam).AsSpan(Start[cell], Start[cell + 1] - Start[cell]);
}
