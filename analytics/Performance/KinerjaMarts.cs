using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Performance;

/// <summary>Settings of the performance marts (bound from configuration section <c>Kinerja</c>).</summary>
public sealed class KinerjaOptions
{
    /// <summary>Fewest quarters a unit needs before its trend is estimated.</summary>
    public int MinQuartersForTrend { get; set; } = 4;

    /// <summary>Fewest past quarters per unit before a forecast is attempted.</summary>
    public int MinQuartersForForecast { get; set; } = 8;

    /// <summary>Fewest employees in a unit's last quarter for its forecast to be published (small-cell rule, as Reports:MinCellSize).</summary>
    public int MinEmployeesForForecast { get; set; } = 5;

    public int Seed { get; set; } = 20260101;
}

/// <summary>
/// Rebuilds the performance marts: mart_kinerja_pegawai, mart_kinerja_unit, mart_kinerja_rincian
/// (SQL), mart_kinerja_tren (OLS trend per unit), mart_kinerja_forecast and mart_kinerja_pendorong
/// (ML.NET). Needs a read-write connection.
/// </summary>
public static class KinerjaMarts
{
    public static void Refresh(DuckDBConnection connection, KinerjaOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KinerjaOptions();
        // One transaction: a reader never sees a half-rebuilt set of marts.
        using var transaction = connection.BeginTransaction();
        MartSql.Run(connection, "kinerja_", cancellationToken);
        var series = UnitSeries.Load(connection);
        MartWriter.Append(connection, "mart_kinerja_tren", Trends(series, options));
        cancellationToken.ThrowIfCancellationRequested();
        var (units, city) = KinerjaForecaster.ForecastAll(series, options);
        MartWriter.Append(connection, "mart_kinerja_forecast", units.Select(f =>
            new object?[] { f.KodeUnit, f.Periode, f.Forecast, f.Lower, f.Upper, f.MaeModel, f.MaeNaive, f.Method, f.MaeLinear, f.Employees }));
        MartWriter.Append(connection, "mart_kinerja_forecast_kota", city.Select(f =>
            new object?[] { f.Periode, f.Forecast, f.Lower, f.Upper, f.MaeModel, f.MaeNaive, f.Origins, f.Method, f.MaeLinear }));
        cancellationToken.ThrowIfCancellationRequested();
        WriteDrivers(connection, options);
        transaction.Commit();
    }

    /// <summary>
    /// Area kinerja_cuti (a cuti load): leave reaches kinerja's marts only through the drivers' cuti_hari_4q feature, so
    /// this patches that column where it changed (<c>Sql/marts/fitur_cuti.sql</c>, the definition kinerja_05_fitur builds
    /// with) and re-ranks the drivers if any row did, instead of rebuilding the appraisal panel, trends and forecasts.
    /// Returns the feature rows changed.
    /// </summary>
    /// <param name="sinceLoad">The load the features last reflected (<see cref="MartFreshness.BuiltFrom"/>): only employees
    /// whose requests a later load added or corrected are recomputed. Null: every employee.</param>
    public static int RefreshCuti(DuckDBConnection connection, long? sinceLoad, KinerjaOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var transaction = connection.BeginTransaction();
        var changed = connection.Execute(MartSql.Read("fitur_cuti"), ("sejak", sinceLoad));
        cancellationToken.ThrowIfCancellationRequested();
        // The ranking is a function of mart_kinerja_fitur and the seed: unchanged rows, unchanged drivers — unless the area
        // starts from scratch (never built, or built with an older definition, which may have ranked differently).
        if (changed > 0 || sinceLoad is null) WriteDrivers(connection, options ?? new KinerjaOptions());
        transaction.Commit();
        return changed;
    }

    private static void WriteDrivers(DuckDBConnection connection, KinerjaOptions options) =>
        MartWriter.Replace(connection, "mart_kinerja_pendorong", KinerjaDrivers.Rank(connection, options),
            d => [d.Rank, d.Feature, d.MaeIncrease, d.MaeIncreaseSd, d.MaeModel, d.MaeBaseline]);

    /// <summary>Units with fewer than MinQuartersForTrend quarters get no row (readers treat slope as required).</summary>
    private static IEnumerable<object?[]> Trends(IReadOnlyList<UnitSeries> series, KinerjaOptions options)
    {
        foreach (var s in series.Where(s => s.Points.Count >= options.MinQuartersForTrend))
        {
            if (LinearTrend.Fit(s.Points.Select(p => (double)p.Index).ToList(), s.Points.Select(p => p.Value).ToList()) is not { } trend) continue;
            yield return [s.KodeUnit, s.NamaUnit, s.Measure, s.Points.Count, s.Points[0].Periode, s.Points[^1].Periode,
                trend.Slope, trend.CiLow, trend.CiHigh, trend.PValue, trend.Declining, "ok"];
        }
    }
}

/// <summary>One unit's quarterly mean outcome (nilai_skp, or the ordinal score where the unit has no nilai_skp).</summary>
public sealed record UnitSeries(string KodeUnit, string NamaUnit, string Measure, IReadOnlyList<UnitPoint> Points)
{
    public static IReadOnlyList<UnitSeries> Load(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT kode_unit, nama_unit, periode, indeks_triwulan, mean_nilai_skp, mean_skor, n
            FROM mart_kinerja_unit WHERE jenis_periode = 'triwulan'
            ORDER BY kode_unit, indeks_triwulan
            """;
        using var r = cmd.ExecuteReader();
        var rows = new List<(string Unit, string Nama, string Periode, int Index, double? Nilai, double? Skor, long N)>();
        while (r.Read())
            rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), Convert.ToInt32(r.GetValue(3)), r.NullableDouble(4), r.NullableDouble(5), Convert.ToInt64(r.GetValue(6))));
        return rows.GroupBy(x => x.Unit).Select(g =>
        {
            var useNilai = g.All(x => x.Nilai is not null);
            var points = g.Select(x => new UnitPoint(x.Periode, x.Index, useNilai ? x.Nilai!.Value : x.Skor ?? double.NaN, x.N))
                .Where(p => !double.IsNaN(p.Value)).ToList();
            return new UnitSeries(g.Key, g.First().Nama, useNilai ? "nilai_skp" : "skor", points);
        }).ToList();
    }
}

/// <summary>Index = year·4 + quarter − 1, so consecutive quarters differ by 1.</summary>
public sealed record UnitPoint(string Periode, int Index, double Value, long N);
