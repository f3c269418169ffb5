using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Warehouse;
using JpPegawaiRow = Kepegawaian.Analytics.Training.JpPegawaiRow;

namespace Kepegawaian.Reports.Data;

/// <summary>
/// The one place that reads the analytics marts (SQL in <c>reports/Sql/reports/*.sql</c>), and the few fact figures a
/// running period needs (its data-through day, a to-date span).
/// A mart that does not exist yet (analytics not run) reads as empty, so a report can always be built.
/// </summary>
public sealed class ReportDataReader(WarehouseDatabase database) : ISpanFacts
{
    /// <summary>The mart areas this content model reads: every one but kualitas (mart_kualitas_data is shown by the CLI only)
    /// and kinerja_cuti (the drivers' features and ranking, shown by the CLI only), so a stale mart no page shows does not put a
    /// warning on the mayor's report and pages.</summary>
    private static readonly string[] AreasRead = [.. MartFreshness.Areas.Where(a => a is not ("kualitas" or "kinerja_cuti"))];

    public ReportData Read()
    {
        using var c = database.Open();
        var tables = ExistingTables(c);
        var freshness = tables.Contains("etl_file") ? MartFreshness.Check(c) : null;
        return new ReportData(
            Query(c, tables, "mart_ikm", r => new IkmRow(
                Str(r, "level"), Str(r, "kode_unit"), Str(r, "nama_unit"), OptStr(r, "jenis_layanan"), Str(r, "periode"),
                Str(r, "jenis_periode"), Date(r, "periode_mulai"), Long(r, "responden"),
                Enumerable.Range(1, 9).Select(i => OptDouble(r, $"nrr_u{i}")).ToArray(),
                Double(r, "ikm"), Str(r, "mutu"), Str(r, "kinerja"), OptDouble(r, "ci_low"), OptDouble(r, "ci_high"),
                OptLong(r, "populasi"), OptLong(r, "sampel_minimum"), OptBool(r, "sampel_cukup"))),
            Query(c, tables, "mart_ikm_alert", r => new IkmAlertRow(
                Str(r, "kode_unit"), Str(r, "nama_unit"), Str(r, "periode"), Str(r, "status"), OptLong(r, "peringkat"), Double(r, "ikm"),
                OptDouble(r, "ikm_sebelumnya"), OptDouble(r, "selisih"), Str(r, "mutu"), OptStr(r, "mutu_sebelumnya"),
                OptDouble(r, "lereng"), OptDouble(r, "lereng_ci_low"), OptDouble(r, "lereng_ci_high"), OptDouble(r, "q_value"),
                Long(r, "triwulan_dipakai"), Str(r, "alasan"))),
            Query(c, tables, "mart_ikm_unsur_lemah", r => new UnsurLemahRow(
                Str(r, "kode_unit"), Str(r, "periode"), Str(r, "unsur"), Str(r, "nama_unsur"), Double(r, "nrr"),
                OptDouble(r, "nrr_sebelumnya"), (int)Long(r, "peringkat"))),
            Query(c, tables, "mart_cuti_waktu_ringkas", r => new CutiWaktuRow(
                OptStr(r, "kode_unit"), OptStr(r, "kanal"), Date(r, "bulan"), Long(r, "n"),
                OptDouble(r, "median_jam"), OptDouble(r, "p90_jam"), OptDouble(r, "median_hari_kerja"), OptDouble(r, "p90_hari_kerja"),
                OptLong(r, "n_tertunda") ?? 0, OptBool(r, "stabil") ?? false)),
            Query(c, tables, "mart_cuti_online", r => new CutiOnlineRow(
                Str(r, "kode_unit"), Str(r, "periode"), Long(r, "n"), Double(r, "share_online"))),
            Query(c, tables, "mart_kinerja_unit", r => new KinerjaUnitRow(
                Str(r, "kode_unit"), Str(r, "nama_unit"), Str(r, "periode"), Long(r, "n"), OptDouble(r, "mean_nilai_skp"),
                OptDouble(r, "mean_skor"), Long(r, "n_sangat_baik"), Long(r, "n_baik"), Long(r, "n_butuh_perbaikan"),
                Long(r, "n_kurang"), Long(r, "n_sangat_kurang"))),
            Query(c, tables, "mart_kinerja_tren", r => new KinerjaTrenRow(
                Str(r, "kode_unit"), Double(r, "slope"), OptDouble(r, "ci_low"), OptDouble(r, "ci_high"), OptBool(r, "menurun") ?? false)),
            Query(c, tables, "mart_kinerja_forecast", r => new KinerjaForecastRow(
                Str(r, "kode_unit"), Str(r, "periode"), Double(r, "forecast"), OptDouble(r, "lower"), OptDouble(r, "upper"),
                OptDouble(r, "mae_model"), OptDouble(r, "mae_naive"), OptStr(r, "metode"))),
            Query(c, tables, "mart_diklat_dampak", r => new DiklatDampakRow(
                Str(r, "kelompok"), Str(r, "jenis_kelompok"), Str(r, "status"), OptDouble(r, "att"), OptDouble(r, "ci_low"),
                OptDouble(r, "ci_high"), OptDouble(r, "p_value"), OptLong(r, "n_treated") ?? 0, OptLong(r, "n_control") ?? 0,
                OptDouble(r, "max_smd"), OptDouble(r, "cohens_d"), OptDouble(r, "pretrend_p"), OptStr(r, "pool"),
                OptDouble(r, "reaksi"), OptDouble(r, "gain_test"), OptDouble(r, "p_holm"))
            {
                QBh = OptDouble(r, "q_bh"), NReaksi = OptLong(r, "n_reaksi") ?? 0, GainCiLow = OptDouble(r, "gain_ci_low"), GainCiHigh = OptDouble(r, "gain_ci_high"),
                NTest = OptLong(r, "n_test") ?? 0, IkmChange = OptDouble(r, "ikm_change"), IkmNUnit = OptLong(r, "ikm_n_unit") ?? 0,
            }),
            Query(c, tables, "mart_diklat_event", r => new DiklatEventRow(
                Str(r, "kelompok"), (int)Long(r, "relatif_triwulan"), Double(r, "estimate"), OptDouble(r, "ci_low"), OptDouble(r, "ci_high"))),
            Query(c, tables, "mart_jp_unit", r => new JpUnitRow(
                Str(r, "kode_unit"), (int)Long(r, "tahun"), Long(r, "pegawai"), Long(r, "patuh"), Double(r, "share_patuh"))),
            Query(c, tables, "dim_unit", r => (Kode: Str(r, "kode_unit"), Nama: Str(r, "nama_unit")))
                .ToDictionary(x => x.Kode, x => x.Nama),
            Query(c, tables, "mart_libur_cakupan", r => (int)Long(r, "tahun")))
        {
            MartsWarning = freshness?.WarningFor(AreasRead),
            MartBuiltAt = freshness?.Areas.Where(a => a.BuiltAt is not null).ToDictionary(a => a.Area, a => a.BuiltAt!.Value) ?? [],
            KinerjaForecastKota = Query(c, tables, "mart_kinerja_forecast_kota", r => new KinerjaForecastKotaRow(
                Str(r, "periode"), Double(r, "forecast"), OptDouble(r, "lower"), OptDouble(r, "upper"), Long(r, "n_origin"), OptStr(r, "metode"))),
            DataThrough = ReadDataThrough(c, tables),
            CutiTertunda = Query(c, tables, "mart_cuti_tertunda", r => new CutiTertundaRow(
                Str(r, "kode_unit"), Value(r, "waktu_acuan") is DateTime t ? t : DateTime.MinValue, Long(r, "n_jatuh_tempo"), Long(r, "n_tertunda"))),
            Penempatan = Kepegawaian.Analytics.Penempatan.PenempatanQueries.Read(c),
            PenempatanBeban = Kepegawaian.Analytics.Penempatan.PenempatanQueries.ReadBeban(c) ?? [],
            PenempatanLayanan = Kepegawaian.Analytics.Penempatan.LayananQueries.Read(c) ?? [],
            PenempatanKomposisi = Kepegawaian.Analytics.Penempatan.KomposisiAnalysis.Read(c),
        };
    }

    /// <summary>
    /// The marts as a report for a week ending (exclusive) at <paramref name="end"/> shows them (issue 11.6): a period still
    /// running at <paramref name="end"/> counts only data before it — IKM from the responses surveyed before it (the same
    /// <see cref="IkmAnalysis"/> that fills mart_ikm, with <see cref="IkmFilter.Sampai"/>), leave processing time and online
    /// share from the requests submitted before it, pending ones aged to it (the same <see cref="EfisiensiAnalysis"/> that
    /// fills the efisiensi marts). The weakest elements of a running quarter are compared with the same number of days of
    /// the quarter before. Complete periods stay as the marts hold them; without the facts (marts only) nothing is cut.
    /// Training and appraisal marts are not cut: their running periods keep their own data-through day.
    /// </summary>
    public ReportData ReadThrough(DateOnly end, WorkingCalendar calendar, EfisiensiOptions? efisiensi = null)
    {
        var data = Read();
        using var c = database.Open();
        var through = new Dictionary<string, DateOnly>(data.DataThrough);
        bool Running(string periode) => Periode.TryParse(periode, out var p) && p.Start < end && p.End > end;
        bool After(string periode) => Periode.TryParse(periode, out var p) && p.Start >= end;

        // Only when the facts hold survey data (a marts-only warehouse keeps its marts as they are).
        if (data.DataThrough.ContainsKey("ikm") && data.Ikm.Any(r => Running(r.Periode) || After(r.Periode)))
        {
            var running = IkmAnalysis.Compute(c, new IkmFilter(Sampai: end)).Where(r => Running(r.Periode)).ToList();
            // The quarter before each running quarter, cut to the same number of days (like with like, as the brief's cards).
            var before = running.Where(r => r.JenisPeriode == "triwulan").Select(r => Periode.Parse(r.Periode)).Distinct()
                .SelectMany(q => IkmAnalysis.Compute(c, new IkmFilter(Periode: q.Previous().ToString(), Sampai: SameSpan(q, end))))
                .ToList();
            var weak = IkmAnalysis.WeakElements([.. running.Where(r => r.JenisPeriode == "triwulan"), .. before])
                .Where(w => Running(w.Periode))
                .Select(w => new UnsurLemahRow(w.KodeUnit, w.Periode, w.Unsur, w.NamaUnsur, w.Nrr, w.NrrSebelumnya, w.Peringkat));
            data = data with
            {
                Ikm = [.. data.Ikm.Where(r => !Running(r.Periode) && !After(r.Periode)), .. running.Select(ToRow)],
                UnsurLemah = [.. data.UnsurLemah.Where(u => !Running(u.Periode) && !After(u.Periode)), .. weak],
                IkmSameSpanBefore = [.. before.Select(ToRow)],
            };
            if (through.TryGetValue("ikm", out var d) && d >= end) through["ikm"] = end.AddDays(-1);
        }

        if (data.DataThrough.ContainsKey("cuti") && EfisiensiAnalysis.ReferenceTime(c, efisiensi ?? new EfisiensiOptions()) is { } reference)
        {
            // Pending requests are aged to the end of the week, or to the data-through time when the data stops earlier.
            var endTime = end.ToDateTime(TimeOnly.MinValue);
            var acuan = reference < endTime ? reference : endTime;
            // The month running at the end of the week, and the month before over the same days, aged the same way.
            var month = new Periode(PeriodeKind.Bulan, end.AddDays(-1).Year, end.AddDays(-1).Month);
            var sameSpan = month.End > end ? SameSpan(month, end) : (DateOnly?)null;
            data = data with
            {
                CutiSameSpanBefore = sameSpan is not { } e ? [] : EfisiensiAnalysis.Waktu(c, calendar, e.ToDateTime(TimeOnly.MinValue), RingkasLevels,
                        mulai: month.Previous().Start.ToDateTime(TimeOnly.MinValue), akhir: e.ToDateTime(TimeOnly.MinValue))
                    .Where(x => x.Bulan is not null)
                    .Select(x => new CutiWaktuRow(x.KodeUnit, x.Kanal, x.Bulan!.Value, x.N, x.MedianJam, x.P90Jam, x.MedianHariKerja, x.P90HariKerja, x.NTertunda, x.Stabil))
                    .ToList(),
                CutiWaktu = EfisiensiAnalysis.Waktu(c, calendar, acuan, RingkasLevels, akhir: endTime)
                    .Where(x => x.Bulan is not null)
                    .Select(x => new CutiWaktuRow(x.KodeUnit, x.Kanal, x.Bulan!.Value, x.N, x.MedianJam, x.P90Jam, x.MedianHariKerja, x.P90HariKerja, x.NTertunda, x.Stabil))
                    .ToList(),
                CutiOnline = OnlineMonths(c, calendar, efisiensi, endTime).ToList(),
                CutiOnlineSameSpanBefore = sameSpan is not { } b ? []
                    : OnlineMonths(c, calendar, efisiensi, b.ToDateTime(TimeOnly.MinValue)).Where(x => x.Periode == month.Previous().ToString()).ToList(),
            };
            if (through.TryGetValue("cuti", out var d) && d >= end) through["cuti"] = end.AddDays(-1);
        }
        return data with { DataThrough = through };
    }

    /// <summary>Online share per unit and month (the rows of mart_cuti_online) of the requests submitted before <paramref name="akhir"/>.</summary>
    private static IEnumerable<CutiOnlineRow> OnlineMonths(DuckDBConnection c, WorkingCalendar calendar, EfisiensiOptions? efisiensi, DateTime akhir) =>
        EfisiensiAnalysis.Online(c, calendar, efisiensi ?? new EfisiensiOptions(), akhir)
            .Where(x => x.KodeUnit != EfisiensiAnalysis.KodeKota && x.JenisPeriode == "bulan")
            .Select(x => new CutiOnlineRow(x.KodeUnit, x.Periode, x.N, x.ShareOnline));

    /// <summary>The month levels the report reads from mart_cuti_waktu_ringkas (mart_cuti_waktu_ringkas.sql).</summary>
    private static readonly string[] RingkasLevels = ["bulan", "kanal+bulan", "unit+bulan", "unit+kanal+bulan"];

    /// <summary>
    /// The end (exclusive) of the span of <paramref name="running"/>'s previous period as long as <paramref name="running"/>
    /// has run by <paramref name="end"/>: the same number of days from its start, at most the whole period.
    /// </summary>
    public static DateOnly SameSpan(Periode running, DateOnly end)
    {
        var previous = running.Previous();
        var e = previous.Start.AddDays(end.DayNumber - running.Start.DayNumber);
        return e < previous.End ? e : previous.End;
    }

    private static IkmRow ToRow(IkmResult r) => new(
        r.Level, r.KodeUnit, r.NamaUnit, r.JenisLayanan, r.Periode, r.JenisPeriode, r.PeriodeMulai, r.Responden, [.. r.Nrr],
        r.Ikm is { } v ? (double)v : double.NaN, r.Mutu ?? "", r.Kinerja ?? "", (double?)r.CiLow, (double?)r.CiHigh,
        r.Populasi, r.SampelMinimum, r.SampelCukup);

    private static Dictionary<string, DateOnly> ReadDataThrough(DuckDBConnection c, HashSet<string> tables)
    {
        if (!new[] { "fact_skm", "fact_diklat", "fact_kinerja", "fact_cuti" }.All(tables.Contains)) return [];
        using var cmd = c.Command(Sql("data_through"));
        return ReadAll(cmd, r => (Area: Str(r, "area"), Date: Value(r, "tanggal") is null ? (DateOnly?)null : Date(r, "tanggal")))
            .Where(x => x.Date is not null).ToDictionary(x => x.Area, x => x.Date!.Value);
    }

    /// <summary>
    /// The city IKM of the quarter starting at <paramref name="from"/>, over the responses surveyed before <paramref name="to"/>:
    /// the same computation as mart_ikm (<see cref="IkmAnalysis"/>), cut.
    /// </summary>
    public IkmSpan? CityIkm(DateOnly from, DateOnly to)
    {
        using var c = database.Open();
        var tables = ExistingTables(c);
        if (!tables.Contains("fact_skm") || !tables.Contains("dim_unit")) return null;
        var quarter = new Periode(PeriodeKind.Triwulan, from.Year, (from.Month - 1) / 3 + 1);
        if (quarter.Start != from) throw new ArgumentException("A city IKM span starts on the first day of a quarter.", nameof(from));
        var row = IkmAnalysis.Compute(c, new IkmFilter(IkmLevel.Kota, quarter.ToString(), Sampai: to)).SingleOrDefault();
        return row is null || row.Responden == 0 ? null : new IkmSpan(row.Responden, row.Ikm);
    }

    public JpSpan? CityJp(DateOnly from, DateOnly to)
    {
        using var c = database.Open();
        var tables = ExistingTables(c);
        if (!tables.Contains("fact_diklat") || !tables.Contains("dim_employee")) return null;
        using var cmd = c.Command(Sql("jp_span"), ("from", from), ("to", to));
        using var r = cmd.ExecuteReader();
        if (!r.Read() || Long(r, "pegawai") == 0) return null;
        return new JpSpan(Long(r, "pegawai"), Long(r, "patuh"));
    }

    /// <summary>HR compliance list (names and NIP): only for the token-protected HR pages.</summary>
    public IReadOnlyList<JpPegawaiRow> ReadJpPegawai()
    {
        using var c = database.Open();
        return Query(c, ExistingTables(c), "mart_jp_pegawai", r => new JpPegawaiRow(
            Str(r, "nip"), Str(r, "nama"), Str(r, "kode_unit"), (int)Long(r, "tahun"), (int)Long(r, "jp"), OptBool(r, "patuh") ?? false,
            (int)(OptLong(r, "kekurangan_jp") ?? 0)));
    }

    /// <summary>The unit hierarchy (<c>dim_unit</c>: code, name, kind, parent); empty before the first load.</summary>
    public IReadOnlyList<UnitNode> ReadUnits()
    {
        using var c = database.Open();
        if (!ExistingTables(c).Contains("dim_unit")) return [];
        using var cmd = c.Command(Sql("dim_unit_tree"));
        return ReadAll(cmd, r => new UnitNode(Str(r, "kode_unit"), Str(r, "nama_unit"), Str(r, "jenis_unit"), OptStr(r, "kode_induk")));
    }

    /// <summary>The marts' build stamp (<see cref="MartFreshness.Stamp"/>): unchanged means a cached copy is still current.</summary>
    public string? MartStamp()
    {
        using var c = database.Open();
        return MartFreshness.Stamp(c);
    }

    /// <summary>Files the ETL loaded in [from, to) (wall clock in <c>Schedule:TimeZone</c>), per entity.</summary>
    public IReadOnlyList<EtlWeekRow> ReadEtlWeek(DateTime from, DateTime to)
    {
        using var c = database.Open();
        if (!ExistingTables(c).Contains("etl_file")) return [];
        using var cmd = c.Command(Sql("etl_week"), ("from", from), ("to", to));
        return ReadAll(cmd, r => new EtlWeekRow(Str(r, "entity"), Long(r, "files"), OptLong(r, "rows_loaded") ?? 0, OptLong(r, "rows_rejected") ?? 0));
    }

    /// <summary>The last file loaded before <paramref name="to"/> (wall clock in <c>Schedule:TimeZone</c>), or null.</summary>
    public DateTime? ReadLastLoad(DateTime to)
    {
        using var c = database.Open();
        if (!ExistingTables(c).Contains("etl_file")) return null;
        using var cmd = c.Command(Sql("etl_last"), ("to", to));
        return cmd.ExecuteScalar() is DateTime t ? t : null;
    }

    private static List<T> Query<T>(DuckDBConnection c, HashSet<string> tables, string name, Func<DbDataReader, T> map)
    {
        if (!tables.Contains(name)) return [];
        using var cmd = c.Command(Sql(name));
        return ReadAll(cmd, map);
    }

    private static List<T> ReadAll<T>(DuckDBCommand cmd, Func<DbDataReader, T> map)
    {
        using var reader = cmd.ExecuteReader();
        var list = new List<T>();
        while (reader.Read()) list.Add(map(reader));
        return list;
    }

    private static HashSet<string> ExistingTables(DuckDBConnection c)
    {
        using var cmd = c.Command("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'");
        return ReadAll(cmd, r => r.GetString(0)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static string Sql(string name) => SqlResources.Read(typeof(ReportDataReader).Assembly, $"reports/{name}.sql");

    private static object? Value(DbDataReader r, string column)
    {
        var v = r.GetValue(r.GetOrdinal(column));
        return v is DBNull ? null : v;
    }

    private static string Str(DbDataReader r, string column) => Convert.ToString(Value(r, column), CultureInfo.InvariantCulture) ?? "";
    private static string? OptStr(DbDataReader r, string column) => Value(r, column) is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
    private static double Double(DbDataReader r, string column) => OptDouble(r, column) ?? double.NaN;
    private static double? OptDouble(DbDataReader r, string column) => Value(r, column) switch
    {
        null => null,
        System.Numerics.BigInteger b => (double)b,
        var v => Convert.ToDouble(v, CultureInfo.InvariantCulture),
    };
    private static long Long(DbDataReader r, string column) => OptLong(r, column) ?? 0;
    private static long? OptLong(DbDataReader r, string column) => Value(r, column) switch
    {
        null => null,
        System.Numerics.BigInteger b => (long)b, // DuckDB sum() of integers is HUGEINT
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
    };
    private static bool? OptBool(DbDataReader r, string column) => Value(r, column) is { } v ? Convert.ToBoolean(v, CultureInfo.InvariantCulture) : null;

    private static DateOnly Date(DbDataReader r, string column) => Value(r, column) switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        null => DateOnly.MinValue,
        var v => DateOnly.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };
}
