using Kepegawaian.Analytics;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Training;
using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Options;
using Kepegawaian.Reports.Weekly;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Reports.Tests;

/// <summary>
/// A TempWarehouse with the real mart tables (as the real refresh creates them: same columns, same types, e.g.
/// <c>mart_ikm.ikm DECIMAL(5,2)</c>) holding the hand-made rows of Data/seed.sql — edge cases generated data does not
/// give (escaping, formula injection, natural order, small cells, running periods). Tests of reading and rendering on
/// generated data use <see cref="RealMarts.RealMartsFixture"/>.
/// </summary>
public static class ReportSeed
{
    /// <summary>
    /// The mart tables' definitions, taken once per run from the real <see cref="AnalyticsRefresher"/> run on an empty
    /// warehouse (every area builds its tables, empty), and replayed on each seeded warehouse: no substitute schema.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<(string Table, string Sql)>> RealMartTables = new(() =>
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        new AnalyticsRefresher(Microsoft.Extensions.Options.Options.Create(new IkmOptions()), Microsoft.Extensions.Options.Options.Create(new EfisiensiOptions()),
            Microsoft.Extensions.Options.Options.Create(new KinerjaOptions()), Microsoft.Extensions.Options.Options.Create(new DiklatOptions()),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 13, 0, 0, TimeSpan.Zero))).Refresh(c);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT table_name, sql FROM duckdb_tables() WHERE starts_with(table_name, 'mart_') AND table_name <> 'mart_build' ORDER BY table_name";
        var list = new List<(string, string)>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    });

    /// <summary>The week the seed is written for: Monday 16 – Sunday 22 November 2026.</summary>
    public static readonly Periode Week = Periode.Parse("2026-W47");

    public static TempWarehouse Create(bool withRows = true)
    {
        var wh = new TempWarehouse();
        using var c = wh.Open();
        foreach (var (table, sql) in RealMartTables.Value)
            c.Execute($"DROP TABLE IF EXISTS {table}; {sql}");
        if (withRows) c.Execute(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "seed.sql")));
        // The seeded marts stand for a refresh after the seeded loads: record them as built from the last one.
        foreach (var area in MartFreshness.Areas)
            MartFreshness.Record(c, area, MartFreshness.LastLoad(c), new DateTime(2026, 11, 22, 20, 0, 0), TimeSpan.FromSeconds(1));
        return wh;
    }

    public static WeeklyReportBuilder Builder(TempWarehouse wh, string language = "id", TimeProvider? clock = null) =>
        new(new ReportDataReader(wh.Database), Microsoft.Extensions.Options.Options.Create(new ReportOptions { Language = language, MinCellSize = 5 }),
            clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)));

    /// <summary>Test output folder that is kept (screenshots, rendered charts) for a person to look at.</summary>
    public static string Artifacts(string sub)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "artifacts", sub);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
