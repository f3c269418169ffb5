using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Options;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Reports.Weekly;

/// <summary>Builds the weekly report from the marts and writes it as HTML, PDF, XLSX, PNG and CSV.</summary>
public sealed class WeeklyReportBuilder(ReportDataReader reader, IOptions<ReportOptions> options, TimeProvider clock,
    IOptions<Kepegawaian.Analytics.Efficiency.EfisiensiOptions>? efisiensi = null, IOptions<ScheduleOptions>? schedule = null)
{
    public ReportOptions Options => options.Value;

    /// <summary><c>Schedule:TimeZone</c>: the report week, its stamps and the delivery's clock are in this zone.</summary>
    public TimeZoneInfo Zone { get; } = LocalZone.Of(schedule?.Value);

    public WeeklyReport Build(Periode week) => Build(week, Read(week));

    /// <summary>The report's data: figures end with the report week (a running period holds nothing from after it: issue 11.6).</summary>
    private ReportData Read(Periode week)
    {
        if (week.Kind != PeriodeKind.Minggu) throw new ArgumentException("The weekly report needs an ISO week (YYYY-Www).", nameof(week));
        return reader.ReadThrough(week.End, Kepegawaian.Warehouse.WorkingCalendar.Load(efisiensi?.Value.ExtraHolidays), efisiensi?.Value);
    }

    private WeeklyReport Build(Periode week, ReportData data)
    {
        var text = ReportText.For(options.Value.Language);
        var generated = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);
        // etl_file timestamps are wall clock in the zone (V001). Loads count from the start of the report week up to
        // now (not only to Sunday 24:00): the Monday-morning load before the 07:00 report is in the report.
        var nowLocal = LocalZone.WallClock(generated, Zone);
        var etl = reader.ReadEtlWeek(week.Start.ToDateTime(TimeOnly.MinValue), nowLocal);
        var content = new WeeklyContent(data, week, text, options.Value.MinCellSize, efisiensi?.Value.OnlineShareTarget);
        var targets = Targets();
        var brief = new ExecutiveBriefBuilder(content, data, week, text, options.Value.MinCellSize, targets, etl, reader.ReadLastLoad(nowLocal), nowLocal, LocalZone.Label(Zone), reader).Build();
        return new WeeklyReport(week, text,
            text.T($"Laporan Mingguan Kepegawaian — {text.Period(week)}", $"Weekly Civil Service Report — {text.Period(week)}"),
            generated, data.MartsWarning is { } stale ? brief with { DataStatus = stale + " " + brief.DataStatus } : brief, content.AlertsTable(),
            [content.IkmSection(), content.KinerjaSection(), content.DiklatSection(), content.CutiSection()]);
    }

    private BriefTargets Targets()
    {
        var e = efisiensi?.Value ?? new Kepegawaian.Analytics.Efficiency.EfisiensiOptions();   // the one place targets default
        return new BriefTargets(e.OnlineShareTarget, e.PendingAfterWorkingDays);
    }

    /// <summary>The unit hierarchy of dim_unit (empty before the first load): which kode_unit a recipient may be bound to.</summary>
    public IReadOnlyList<Data.UnitNode> Units() => reader.ReadUnits();

    /// <summary>
    /// Unit sections (<see cref="UnitBrief"/>) of <paramref name="week"/>, from the same data as <see cref="Build"/> (read once here,
    /// for any number of units) and the unit hierarchy of dim_unit.
    /// </summary>
    public UnitBriefBuilder UnitBriefs(Periode week) => UnitBriefs(week, Read(week));

    private UnitBriefBuilder UnitBriefs(Periode week, ReportData data)
    {
        var nowLocal = LocalZone.WallClock(clock.GetUtcNow(), Zone);
        return new UnitBriefBuilder(data, reader.ReadUnits(), week, ReportText.For(options.Value.Language), options.Value.MinCellSize, Targets(), nowLocal, LocalZone.Label(Zone));
    }

    /// <summary>Writes every file of the report into <paramref name="directory"/> (created if needed).</summary>
    public WeeklyReportFiles Write(WeeklyReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, report.FileStem);
        var html = stem + ".html";
        File.WriteAllText(html, HtmlReportRenderer.Render(report));
        var pdf = stem + ".pdf";
        PdfReportRenderer.Write(report, pdf);
        var xlsx = stem + ".xlsx";
        XlsxReportRenderer.Write(report, xlsx);
        var email = stem + ".email.html";
        File.WriteAllText(email, HtmlReportRenderer.RenderEmailBody(report));
        var txt = stem + ".txt";
        // First line = e-mail subject: the readable week and its code (for mail filters).
        File.WriteAllLines(txt, report.Summary.Prepend("").Prepend($"{report.Title} · {report.Week}"));

        var chartDir = Directory.CreateDirectory(Path.Combine(directory, "grafik")).FullName;
        var charts = report.AllCharts.Select(c =>
        {
            var p = Path.Combine(chartDir, $"{report.Week}-{c.Name}.png");
            File.WriteAllBytes(p, c.Png);
            return p;
        }).ToList();
        var tableDir = Directory.CreateDirectory(Path.Combine(directory, "tabel")).FullName;
        var csv = report.AllTables.Select(t =>
        {
            var p = Path.Combine(tableDir, $"{report.Week}-{t.Name}.csv");
            File.WriteAllText(p, Export.CsvWriter.Table(t, options.Value.TableCsv), Export.CsvWriter.Encoding(options.Value.TableCsv));
            return p;
        }).ToList();
        return new WeeklyReportFiles(report.Week, directory, html, pdf, xlsx, email, txt, charts, csv);
    }

    /// <summary>
    /// The week's report in <paramref name="directory"/>: reused when already complete there, else
    /// built into a temporary sibling folder and moved in whole. Builders of the same week (schedulers
    /// in other processes too) take turns on a lock file, so none deletes a folder another is sending.
    /// </summary>
    /// <remarks>
    /// <paramref name="units"/>: kode_unit of the unit-bound recipients; their sections (<see cref="UnitFiles"/>) are written
    /// into the same folder from the same data as the city report, so the small-cell check of each section holds against the
    /// very city figures it is sent with. A section that cannot be built here is left to the delivery (which fails that
    /// recipient only); units added later are built when first delivered.
    /// </remarks>
    public WeeklyReportFiles BuildOnce(Periode week, string directory, IReadOnlyCollection<string>? units = null)
    {
        directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var parent = Directory.CreateDirectory(Path.GetDirectoryName(directory)!).FullName;
        using var turn = BuildLock.Acquire(Path.Combine(parent, $".{Path.GetFileName(directory)}.lock"), TimeSpan.FromMinutes(5));
        if (WeeklyReportFiles.TryLoad(directory, week) is { } existing) return existing;
        var temp = directory + $".tmp-{Guid.NewGuid():N}";
        var data = Read(week);
        var files = Write(Build(week, data), temp);
        if (units is { Count: > 0 })
        {
            // Never at the city report's expense: whatever fails here is built again, per recipient, when delivering.
            try
            {
                var sections = UnitBriefs(week, data);
                foreach (var kode in units.Distinct(StringComparer.Ordinal))
                {
                    try { UnitFiles.Write(files, sections.Build(kode), ReportText.For(options.Value.Language)); }
                    catch (Exception ex) when (ex is not OperationCanceledException) { }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException) { }
        }
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); // an incomplete earlier attempt
        Directory.Move(temp, directory);
        return WeeklyReportFiles.TryLoad(directory, week) ?? throw new IOException($"Weekly report {week} could not be written to {directory}.");
    }

    public Task<WeeklyReportFiles> BuildAsync(Periode week, string? directory = null, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = Build(week);
            cancellationToken.ThrowIfCancellationRequested();
            return Write(report, directory ?? options.Value.OutDir);
        }, cancellationToken);

    /// <summary>The week the schedule reports on now: the last complete ISO week in <see cref="Zone"/>.</summary>
    public Periode DefaultWeek() => ReportWeeks.LastComplete(clock.GetUtcNow(), Zone);
}
