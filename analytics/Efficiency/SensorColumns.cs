using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Efficiency;

/// <summary>
/// The rows of efisiensi_sensor held column-wise with the dimensions as small integer codes, so the eleven
/// processing-time levels group millions of requests without a record and three strings per request (at 1 M employees,
/// 11 M requests: the row-object version took GBs and most of the efisiensi refresh). A cell is the row indexes of one
/// group; Kaplan–Meier does not depend on the order of a cell's rows.
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

    /// <summary>The row indexes of each group of the level (a dimension left out is "all").</summary>
    public IEnumerable<int[]> Cells(bool byUnit, bool byKanal, bool byJenis, bool byBulan)
    {
        var cellOf = new Dictionary<long, List<int>>();
        for (var i = 0; i < unit.Count; i++)
        {
            long key = byUnit ? unit[i] + 1 : 0;
            key = key * (kanals.Count + 1) + (byKanal ? kanal[i] + 1 : 0);
            key = key * (jenis.Count + 1) + (byJenis ? jenisCuti[i] + 1 : 0);
            key = key * (bulans.Count + 1) + (byBulan ? bulan[i] + 1 : 0);
            if (!cellOf.TryGetValue(key, out var rows)) cellOf[key] = rows = [];
            rows.Add(i);
        }
        return cellOf.Values.Select(rows => rows.ToArray());
    }

    public string UnitOf(int row) => units[unit[row]];
    public string KanalOf(int row) => kanals[kanal[row]];
    public string JenisOf(int row) => jenis[jenisCuti[row]];
    public DateOnly BulanOf(int row) => bulans[bulan[row]];
    public int Pending(int[] cell) => cell.Count(i => !diputus[i]);
    public int Online(int[] cell) => cell.Count(i => kanal[i] == onlineCode);

    /// <summary>The cell as time-to-event data in hours or working days (a reused buffer: valid until the next call).</summary>
    public Span<Observation> Observations(int[] cell, bool hariKerja)
    {
        if (buffer.Length < cell.Length) buffer = new Observation[cell.Length];
        var times = hariKerja ? this.hariKerja : jam;
        for (var k = 0; k < cell.Length; k++) buffer[k] = new Observation(times[cell[k]], diputus[cell[k]]);
        return buffer.AsSpan(0, cell.Length);
    }
}
