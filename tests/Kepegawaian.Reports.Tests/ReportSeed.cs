using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Options;
using Kepegawaian.Reports.Weekly;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Reports.Tests;

/// <summary>A TempWarehouse with the mart tables of the contract (Data/marts.sql) and the rows of Data/seed.sql.</summary>
public static class ReportSeed
{
    /// <summary>The week the seed is written for: Monday 16 – Sunday 22 November 2026.</summary>
    public static readonly Periode Week = Periode.Parse("2026-W47");

    public static TempWarehouse Create(bool withRows = true)
    {
        var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "marts.sql")));
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
