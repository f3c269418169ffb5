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
using UglyToad.PdfPig;
using Xunit.Abstractions;
using Opt = Microsoft.Extensions.Options.Options;

namespace Kepegawaian.Reports.Tests;

/// <summary>The weekly report of a generated city (all of Palembang's units, real ETL and mart refresh).</summary>
public sealed class WeeklyReportCityTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Main_part_fits_eight_pages_every_page_is_numbered_and_the_load_of_the_report_morning_counts()
    {
        using var wh = new TempWarehouse();
        var inbox = wh.Folder.Sub("inbox");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 2500, Years = 3, Seed = 7, EndDate = new DateOnly(2026, 11, 29) });
        // The load runs on Monday 30 Nov 06:00 WIB, the report at 07:00 WIB on week 48 (23–29 Nov).
        await new EtlRunner(wh.Database, new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero))).RunAsync(new EtlRequest(inbox));
        using (var c = wh.Open())
            new AnalyticsRefresher(Opt.Create(new IkmOptions()), Opt.Create(new EfisiensiOptions { ReferenceTime = new DateTime(2026, 11, 30, 6, 30, 0) }),
                Opt.Create(new KinerjaOptions()), Opt.Create(new DiklatOptions())).Refresh(c);
        var reader = new ReportDataReader(wh.Database);
        var units = reader.Read().UnitNames.Count;
        Assert.True(units >= 120, $"{units} units: not a city");

        using var outDir = TempFolder.Create("city-report");
        var builder = new WeeklyReportBuilder(reader, Opt.Create(new ReportOptions()), new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)));
        var report = builder.Build(Periode.Parse("2026-W48"));
        Assert.StartsWith("Data baru sejak 23 November 2026:", report.Brief.DataStatus, StringComparison.Ordinal);
        var files = builder.Write(report, outDir.Path);

        using var pdf = PdfDocument.Open(files.Pdf);
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        // Annex pages say so in their footer; the main part is everything before.
        var main = pages.TakeWhile(p => !p.Contains("Lampiran · Halaman", StringComparison.Ordinal)).Count();
        output.WriteLine($"{units} units, {pages.Count} pages, main part {main}");
        Assert.InRange(main, 2, 8);
        Assert.True(pages.Count > main, "the annex holds the tables");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Halaman {i + 1} dari {pages.Count}", pages[i]);
            Assert.Contains(report.Brief.DataThrough, pages[i]);
        }
        Assert.Contains("Perlu tindakan minggu ini", pages[0]);
        // The whole brief is page 1: its last line (where the annex starts) is there, page 2 begins with a section.
        Assert.Contains("Tabel lengkap ada di lampiran mulai halaman", pages[0]);
        Assert.DoesNotContain("Tabel lengkap ada di lampiran", pages[1]);
        File.Copy(files.Pdf, Path.Combine(ReportSeed.Artifacts("report"), "weekly-city.pdf"), true);
        File.Copy(files.Html, Path.Combine(ReportSeed.Artifacts("report"), "weekly-city.html"), true);
    }
}
