using System.Data.Common;
using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Efficiency;

/// <summary>
/// Administrative efficiency (spec §4): leave processing time, online share, pending share and data
/// quality. Each method runs one SQL model from <c>Sql/marts/efisiensi_*.sql</c> with SELECT only,
/// so it works on a read-only warehouse; <see cref="EfisiensiMarts"/> materialises the same models.
/// </summary>
public static class EfisiensiAnalysis
{
    /// <summary>tingkat of the finest processing-time cells (unit × kanal × jenis_cuti × month).</summary>
    public const string FinestWaktu = "unit+kanal+jenis_cuti+bulan";

    /// <summary>kode_unit of city-wide rows.</summary>
    public const string KodeKota = Kepegawaian.Warehouse.Domain.Codes.KodeKota;

    /// <summary>The levels written to mart_cuti_waktu (the finest) and mart_cuti_waktu_ringkas (the roll-ups).</summary>
    public static readonly IReadOnlyList<string> MartLevels =
    [
        FinestWaktu, "unit+kanal+bulan", "unit+bulan", "kanal+bulan", "jenis_cuti+bulan", "bulan",
        "unit+kanal", "unit", "kanal", "jenis_cuti", "semua",
    ];

    /// <summary>The dimensions of a processing-time level, in the order a level name lists them.</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["unit", "kanal", "jenis_cuti", "bulan"];

    /// <summary>The level name of a set of dimensions (any order, duplicates ignored): "kanal+bulan", none → "semua".</summary>
    public static string Level(IEnumerable<string> dimensions)
    {
        var set = dimensions.ToHashSet(StringComparer.Ordinal);
        if (set.FirstOrDefault(d => !Dimensions.Contains(d)) is { } unknown)
            throw new ArgumentException($"Unknown dimension '{unknown}'; expected {string.Join(", ", Dimensions)}.", nameof(dimensions));
        return set.Count == 0 ? "semua" : string.Join('+', Dimensions.Where(set.Contains));
    }

    /// <summary>The SQL of an efisiensi model with the calendar's holidays filled in.</summary>
    public static string Sql(string model, WorkingCalendar calendar) =>
        MartSql.Read(model).Replace("{libur}", calendar.SqlValues(), StringComparison.Ordinal);

    /// <summary>
    /// The instant the leave figures are "as of" (wall clock in <c>Schedule:TimeZone</c>, like every warehouse TIMESTAMP): <see cref="EfisiensiOptions.ReferenceTime"/>, else the
    /// data-through time, the latest submission or decision in fact_cuti — never the machine clock, so a refresh of the
    /// same data gives the same numbers on any day. Null when there are no leave requests.
    /// </summary>
    public static DateTime? ReferenceTime(DuckDBConnection c, EfisiensiOptions options) =>
        options.ReferenceTime ?? DataThrough(c);

    /// <summary>The latest waktu_pengajuan or waktu_keputusan in fact_cuti.</summary>
    public static DateTime? DataThrough(DuckDBConnection c) =>
        c.Scalar<DateTime?>("SELECT max(greatest(waktu_pengajuan, coalesce(waktu_keputusan, waktu_pengajuan))) FROM fact_cuti");

    /// <summary>Kaplan–Meier median and p90 of the processing time at the mart levels (<see cref="MartLevels"/>), as of <see cref="ReferenceTime"/>.</summary>
    public static IReadOnlyList<CutiWaktu> Waktu(DuckDBConnection c, WorkingCalendar calendar, EfisiensiOptions options) =>
        ReferenceTime(c, options) is { } acuan ? Waktu(c, calendar, acuan, MartLevels) : [];

    /// <summary>
    /// Kaplan–Meier median and p90 (hours, working days; <see cref="KaplanMeier"/>) of the requests submitted in
    /// [<paramref name="mulai"/>, <paramref name="akhir"/>) at the given levels (see <see cref="Level"/>), pending requests
    /// censored at their age at <paramref name="acuan"/> (efisiensi_sensor.sql). A cell of a month is stable only once the month is over.
    /// </summary>
    public static IReadOnlyList<CutiWaktu> Waktu(DuckDBConnection c, WorkingCalendar calendar, DateTime acuan, IEnumerable<string> levels,
        DateTime? mulai = null, DateTime? akhir = null, string? unit = null)
    {
        var requests = SensorColumns.Read(c, Sql("efisiensi_sensor_sel", calendar),
            [("acuan", acuan), ("mulai", mulai), ("akhir", akhir), ("unit", unit)], allRequests: mulai is null && akhir is null && unit is null);
        var result = new List<CutiWaktu>();
        foreach (var level in levels.Select(l => Level(l == "semua" ? [] : l.Split('+'))).Distinct())
        {
            var dims = level.Split('+');
            bool Has(string d) => dims.Contains(d);
            var (byUnit, byKanal, byJenis, byBulan) = (Has("unit"), Has("kanal"), Has("jenis_cuti"), Has("bulan"));
            var cells = requests.Group(byUnit, byKanal, byJenis, byBulan);
            for (var cell = 0; cell < cells.Count; cell++)
            {
                var first = cells.First[cell];
                var (cellUnit, cellKanal, cellJenis, cellBulan) = (byUnit ? requests.UnitOf(first) : null, byKanal ? requests.KanalOf(first) : null,
                    byJenis ? requests.JenisOf(first) : null, byBulan ? requests.BulanOf(first) : (DateOnly?)null);
                var jam = KaplanMeier.EstimateSorted(cells.Observations(cell, hariKerja: false));
                var hari = KaplanMeier.EstimateSorted(cells.Observations(cell, hariKerja: true));
                var monthOver = cellBulan is not { } b || b.AddMonths(1).ToDateTime(TimeOnly.MinValue) <= acuan;
                var n = cells.Size(cell);
                result.Add(new CutiWaktu(level, cellUnit, cellKanal, cellJenis, cellBulan,
                    n, cells.PendingOf[cell], cells.OnlineOf[cell] / (double)n,
                    jam.Median, jam.P90, hari.Median, hari.P90, jam.Final && hari.Final && monthOver, acuan));
            }
        }
        return result
            .OrderBy(x => x.Tingkat, StringComparer.Ordinal).ThenBy(x => x.KodeUnit, StringComparer.Ordinal)
            .ThenBy(x => x.Kanal, StringComparer.Ordinal).ThenBy(x => x.JenisCuti, StringComparer.Ordinal).ThenBy(x => x.Bulan)
            .ToList();
    }

    /// <summary>Online share per unit and city per month, quarter and year; <paramref name="akhir"/>: only requests submitted before it.</summary>
    public static IReadOnlyList<CutiOnline> Online(DuckDBConnection c, WorkingCalendar calendar, EfisiensiOptions options, DateTime? akhir = null) =>
        Query(c, Sql("efisiensi_online", calendar), [("target", options.OnlineShareTarget), ("akhir", akhir)], r => new CutiOnline(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.GetInt64(4), r.GetInt64(5),
            r.GetDouble(6), Dbl(r, 7), Dbl(r, 8), r.GetBoolean(9)));

    public static IReadOnlyList<CutiTertunda> Tertunda(DuckDBConnection c, WorkingCalendar calendar, EfisiensiOptions options) =>
        ReferenceTime(c, options) is not { } acuan ? [] : Query(c, Sql("efisiensi_tertunda", calendar),
            [("acuan", acuan), ("batas", options.PendingAfterWorkingDays), ("jendela", options.PendingWindowDays)],
            r => new CutiTertunda(r.GetString(0), r.GetDateTime(1), r.GetInt64(2), r.GetInt64(3), Dbl(r, 4)));

    public static IReadOnlyList<KualitasData> Kualitas(DuckDBConnection c) =>
        Query(c, MartSql.Read("efisiensi_kualitas"), [], r => new KualitasData(
            r.GetString(0), r.GetString(1), Str(r, 2), r.GetInt64(3), r.GetInt64(4), Dbl(r, 5), r.IsDBNull(6) ? null : r.GetInt64(6)));

    private static List<T> Query<T>(DuckDBConnection c, string sql, (string, object?)[] parameters, Func<DbDataReader, T> map)
    {
        using var cmd = c.Command(sql, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static double? Dbl(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
