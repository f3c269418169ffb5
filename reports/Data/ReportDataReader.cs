using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Reports.Data;

/// <summary>
/// The one place that reads the analytics marts (SQL in <c>reports/Sql/reports/*.sql</c>), and the few fact figures a
/// running period needs (its data-through day, a to-date span).
/// A mart that does not exist yet (analytics not run) reads as empty, so a report can always be built.
/// </summary>
public sealed class ReportDataReader(WarehouseDatabase database) : ISpanFacts
{
    public ReportData Read()
    {
        using var c = database.Open();
        var tables = ExistingTables(c);
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
                OptDouble(r, "reaksi"), OptDouble(r, "gain_test"), OptDouble(r, "p_holm"))),
            Query(c, tables, "mart_diklat_event", r => new DiklatEventRow(
                Str(r, "kelompok"), (int)Long(r, "relatif_triwulan"), Double(r, "estimate"), OptDouble(r, "ci_low"), OptDouble(r, "ci_high"))),
            Query(c, tables, "mart_jp_unit", r => new JpUnitRow(
                Str(r, "kode_unit"), (int)Long(r, "tahun"), Long(r, "pegawai"), Long(r, "patuh"), Double(r, "share_patuh"))),
            Query(c, tables, "dim_unit", r => (Kode: Str(r, "kode_unit"), Nama: Str(r, "nama_unit")))
                .ToDictionary(x => x.Kode, x => x.Nama),
            Query(c, tables, "mart_libur_cakupan", r => (int)Long(r, "tahun")))
        {
            MartsWarning = tables.Contains("etl_file") ? MartFreshness.Check(c).Warning : null,
            KinerjaForecastKota = Query(c, tables, "mart_kinerja_forecast_kota", r => new KinerjaForecastKotaRow(
                Str(r, "periode"), Double(r, "forecast"), OptDouble(r, "lower"), OptDouble(r, "upper"), Long(r, "n_origin"), OptStr(r, "metode"))),
            DataThrough = ReadDataThrough(c, tables),
            CutiTertunda = Query(c, tables, "mart_cuti_tertunda", r => new CutiTertundaRow(
                Str(r, "kode_unit"), Value(r, "waktu_acuan") is DateTime t ? t : DateTime.MinValue, Long(r, "n_jatuh_tempo"), Long(r, "n_tertunda"))),
        };
    }

    private static Dictionary<string, DateOnly> ReadDataThrough(DuckDBConnection c, HashSet<string> tables)
    {
        if (!new[] { "fact_skm", "fact_diklat", "fact_kinerja", "fact_cuti" }.All(tables.Contains)) return [];
        using var cmd = c.Command(Sql("data_through"));
        return ReadAll(cmd, r => (Area: Str(r, "area"), Date: Value(r, "tanggal") is null ? (DateOnly?)null : Date(r, "tanggal")))
            .Where(x => x.Date is not null).ToDictionary(x => x.Area, x => x.Date!.Value);
    }

    public IkmSpan? CityIkm(DateOnly from, DateOnly to)
    {
        using var c = database.Open();
        if (!ExistingTables(c).Contains("fact_skm")) return null;
        using var cmd = c.Command(Sql("ikm_span"), ("from", from), ("to", to));
        using var r = cmd.ExecuteReader();
        if (!r.Read() || Long(r, "responden") == 0) return null;
        var sums = Enumerable.Range(1, 9).Select(i => Long(r, $"s{i}")).ToArray();
        var counts = Enumerable.Range(1, 9).Select(i => Long(r, $"n{i}")).ToArray();
        return new IkmSpan(Long(r, "responden"), Kepegawaian.Analytics.Ikm.IkmScale.Ikm(sums, counts));
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
            Str(r, "nip"), Str(r, "nama"), Str(r, "kode_unit"), (int)Long(r, "tahun"), Double(r, "jp"), OptBool(r, "patuh") ?? false,
            OptLong(r, "kekurangan_jp") ?? 0));
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
