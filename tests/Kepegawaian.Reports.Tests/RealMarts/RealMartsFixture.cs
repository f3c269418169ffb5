using System.Diagnostics;
using Kepegawaian.Analytics;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Training;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Options;
using Kepegawaian.Reports.Weekly;
using Kepegawaian.Testing;
using Microsoft.Extensions.Time.Testing;
using Opt = Microsoft.Extensions.Options.Options;

namespace Kepegawaian.Reports.Tests.RealMarts;

/// <summary>
/// A warehouse whose marts were built the way `etl` builds them: a small generated city (pinned seed and end date) loaded by
/// the real <see cref="EtlRunner"/> and refreshed by the real <see cref="AnalyticsRefresher"/>, on fixed clocks. Built once
/// per test run and shared (read-only) by the tests of the "real marts" collection, so the report tests read the real mart
/// schema (e.g. <c>mart_ikm.ikm DECIMAL(5,2)</c>), not a substitute.
/// </summary>
public sealed class RealMartsFixture : IAsyncLifetime
{
    /// <summary>The last day of generated data: Saturday 31 October 2026.</summary>
    public static readonly DateOnly EndDate = new(2026, 10, 31);

    /// <summary>The report week holding the end date: Monday 26 October – Sunday 1 November 2026; nothing after it exists.</summary>
    public static readonly Periode Week = Periode.Parse("2026-W44");

    /// <summary>The load runs on Monday 2 November 06:00 WIB (23:00 UTC the day before).</summary>
    public static readonly DateTimeOffset LoadTime = new(2026, 11, 1, 23, 0, 0, TimeSpan.Zero);

    /// <summary>Pending leave is aged to the end of the report week (the report's own cut), so mart and report agree.</summary>
    public static readonly DateTime ReferenceTime = new(2026, 11, 2, 0, 0, 0);

    public const int Employees = 300;
    public const int MinCell = 5;

    private readonly TempWarehouse warehouse = new();

    public TempWarehouse Warehouse => warehouse;
    public TimeSpan BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        var sw = Stopwatch.StartNew();
        var inbox = warehouse.Folder.Sub("inbox");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = Employees, Years = 1, Seed = 12, BadRows = 0, EndDate = EndDate });
        var clock = new FakeTimeProvider(LoadTime);
        await new EtlRunner(warehouse.Database, clock).RunAsync(new EtlRequest(inbox));
        using (var c = warehouse.Open())
            new AnalyticsRefresher(Opt.Create(new IkmOptions()), Opt.Create(new EfisiensiOptions { ReferenceTime = ReferenceTime }),
                Opt.Create(new KinerjaOptions()), Opt.Create(new DiklatOptions()), clock).Refresh(c);
        BuildTime = sw.Elapsed;
    }

    public Task DisposeAsync()
    {
        warehouse.Dispose();
        return Task.CompletedTask;
    }

    public ReportDataReader Reader() => new(warehouse.Database);

    public WeeklyReportBuilder Builder(string language = "id") =>
        new(Reader(), Opt.Create(new ReportOptions { Language = language, MinCellSize = MinCell }), new FakeTimeProvider(LoadTime.AddHours(1)),
            efisiensi: Opt.Create(new EfisiensiOptions { ReferenceTime = ReferenceTime }));
}

[CollectionDefinition(Name)]
public sealed class RealMartsCollection : ICollectionFixture<RealMartsFixture>
{
    public const string Name = "real marts";
}
