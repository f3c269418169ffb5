using System.Data.Common;
using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Analytics.Performance;

public sealed record KinerjaUnitRow(string KodeUnit, string NamaUnit, string Periode, long N, double? MeanNilaiSkp, double? MeanSkor,
    long NSangatBaik, long NBaik, long NButuhPerbaikan, long NKurang, long NSangatKurang);

public sealed record KinerjaRincianRow(string KodeUnit, string Periode, string Dimensi, string Kategori, long N, double? MeanNilaiSkp, double? MeanSkor,
    long NSangatBaik, long NBaik, long NButuhPerbaikan, long NKurang, long NSangatKurang);

public sealed record KinerjaTrenRow(string KodeUnit, string? NamaUnit, string Ukuran, int NPeriode, string? PeriodeAwal, string? PeriodeAkhir,
    double? Slope, double? CiLow, double? CiHigh, double? PValue, bool Menurun, string Status);

public sealed record KinerjaForecastRow(string KodeUnit, string Periode, double? Forecast, double? Lower, double? Upper, string? Metode,
    double? MaeModel, double? MaeNaive, double? MaeTren, long? NPegawai);

public sealed record KinerjaDriverRow(int Peringkat, string Fitur, double? KenaikanMae, double? KenaikanMaeSd, double? MaeModel, double? MaeBaseline);

/// <summary>Reads the performance marts (works on a read-only connection).</summary>
public static class KinerjaQueries
{
    /// <summary>True when <see cref="KinerjaMarts.Refresh"/> has run on this warehouse.</summary>
    public static bool MartsExist(DuckDBConnection c) => MartReader.TableExists(c, "mart_kinerja_tren");

    /// <summary>Unit × period rows; <paramref name="periode"/> selects the year (a year) or the quarters it overlaps (anything shorter).</summary>
    public static IReadOnlyList<KinerjaUnitRow> Units(DuckDBConnection c, Periode? periode = null, string? kodeUnit = null) =>
        MartReader.Read(c, """
            SELECT kode_unit, nama_unit, periode, n, mean_nilai_skp, mean_skor, n_sangat_baik, n_baik, n_butuh_perbaikan, n_kurang, n_sangat_kurang
            FROM mart_kinerja_unit
            WHERE ($unit IS NULL OR kode_unit = $unit) AND ($jenis IS NULL OR jenis_periode = $jenis) AND ($periods IS NULL OR list_contains(string_split($periods, ','), periode))
            ORDER BY kode_unit, jenis_periode, periode
            """, r => new KinerjaUnitRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.NullableDouble(4), r.NullableDouble(5),
                r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10)),
            ("unit", kodeUnit), ("jenis", periode is null ? null : periode.Kind == PeriodeKind.Tahun ? "tahun" : "triwulan"),
            ("periods", periode is null ? null : string.Join(",", PeriodNames(periode))));

    /// <summary>The unit × period figures by jenis_jabatan and golongan (SCD2 version valid at the appraisal end).</summary>
    public static IReadOnlyList<KinerjaRincianRow> Breakdown(DuckDBConnection c, Periode? periode = null, string? kodeUnit = null) =>
        MartReader.Read(c, """
            SELECT kode_unit, periode, dimensi, kategori, n, mean_nilai_skp, mean_skor, n_sangat_baik, n_baik, n_butuh_perbaikan, n_kurang, n_sangat_kurang
            FROM mart_kinerja_rincian
            WHERE ($unit IS NULL OR kode_unit = $unit) AND ($jenis IS NULL OR jenis_periode = $jenis) AND ($periods IS NULL OR list_contains(string_split($periods, ','), periode))
            ORDER BY kode_unit, jenis_periode, periode, dimensi, kategori
            """, r => new KinerjaRincianRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.NullableDouble(5), r.NullableDouble(6),
                r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11)),
            ("unit", kodeUnit), ("jenis", periode is null ? null : periode.Kind == PeriodeKind.Tahun ? "tahun" : "triwulan"),
            ("periods", periode is null ? null : string.Join(",", PeriodNames(periode))));

    public static IReadOnlyList<KinerjaTrenRow> Trends(DuckDBConnection c, string? kodeUnit = null) =>
        MartReader.Read(c, """
            SELECT kode_unit, nama_unit, ukuran, n_periode, periode_awal, periode_akhir, slope, ci_low, ci_high, p_value, menurun, status
            FROM mart_kinerja_tren WHERE ($unit IS NULL OR kode_unit = $unit) ORDER BY menurun DESC, slope, kode_unit
            """, r => new KinerjaTrenRow(r.GetString(0), r.NullableString(1), r.GetString(2), r.GetInt32(3), r.NullableString(4), r.NullableString(5),
                r.NullableDouble(6), r.NullableDouble(7), r.NullableDouble(8), r.NullableDouble(9), r.GetBoolean(10), r.GetString(11)),
            ("unit", kodeUnit));

    public static IReadOnlyList<KinerjaForecastRow> Forecasts(DuckDBConnection c, string? kodeUnit = null) =>
        MartReader.Read(c, "SELECT kode_unit, periode, forecast, lower, upper, metode, mae_model, mae_naive, mae_tren, n_pegawai FROM mart_kinerja_forecast WHERE ($unit IS NULL OR kode_unit = $unit) ORDER BY kode_unit, periode",
            r => new KinerjaForecastRow(r.GetString(0), r.GetString(1), r.NullableDouble(2), r.NullableDouble(3), r.NullableDouble(4), r.IsDBNull(5) ? null : r.GetString(5),
                r.NullableDouble(6), r.NullableDouble(7), r.NullableDouble(8), r.IsDBNull(9) ? null : Convert.ToInt64(r.GetValue(9))),
            ("unit", kodeUnit));

    public static IReadOnlyList<KinerjaDriverRow> Drivers(DuckDBConnection c) =>
        MartReader.Read(c, "SELECT peringkat, fitur, kenaikan_mae, kenaikan_mae_sd, mae_model, mae_baseline FROM mart_kinerja_pendorong ORDER BY peringkat",
            r => new KinerjaDriverRow(r.GetInt32(0), r.GetString(1), r.NullableDouble(2), r.NullableDouble(3), r.NullableDouble(4), r.NullableDouble(5)));

    /// <summary>The mart period names a query period covers: the year itself, or every quarter it overlaps.</summary>
    public static IReadOnlyList<string> PeriodNames(Periode p)
    {
        if (p.Kind == PeriodeKind.Tahun) return [p.ToString()];
        var names = new List<string>();
        for (var q = Periode.Containing(PeriodeKind.Triwulan, p.Start); q.Start < p.End; q = q.Next()) names.Add(q.ToString());
        return names;
    }
}

/// <summary>Small typed reader over a mart query.</summary>
public static class MartReader
{
    public static bool TableExists(DuckDBConnection c, string table)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = $t";
        cmd.Parameters.Add(new DuckDBParameter("t", table));
        return Convert.ToInt64(cmd.ExecuteScalar()) > 0;
    }

    public static IReadOnlyList<T> Read<T>(DuckDBConnection c, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
            cmd.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        using var r = cmd.ExecuteReader();
        var rows = new List<T>();
        while (r.Read()) rows.Add(map(r));
        return rows;
    }
}
