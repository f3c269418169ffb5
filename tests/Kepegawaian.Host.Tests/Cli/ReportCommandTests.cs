using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Host.Tests.Cli;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TempWarehouse wh = new();
    private readonly TempFolder outDir = TempFolder.Create("cli-report");

    public ReportCommandTests()
    {
        using var c = wh.Open();
        // The real mart tables (the refresh over the empty facts builds every area's tables, empty), then the hand-made rows.
        new Kepegawaian.Analytics.AnalyticsRefresher(Options.Create(new Kepegawaian.Analytics.Ikm.IkmOptions()), Options.Create(new Kepegawaian.Analytics.Efficiency.EfisiensiOptions()),
            Options.Create(new Kepegawaian.Analytics.Performance.KinerjaOptions()), Options.Create(new Kepegawaian.Analytics.Training.DiklatOptions()),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 13, 0, 0, TimeSpan.Zero))).Refresh(c);
        c.Execute(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ReportData", "seed.sql")));
    }

    public void Dispose()
    {
        wh.Dispose();
        outDir.Dispose();
    }

    [Fact]
    public async Task Report_weekly_writes_html_pdf_and_xlsx_for_the_given_week()
    {
        var output = new StringWriter();
        var code = await CliApp.RunAsync(["report", "weekly", "--week", "2026-W47", "--out", outDir.Path, "--db", wh.Path], output, new StringWriter());
        Assert.Equal(CliApp.Ok, code);
        foreach (var ext in new[] { "html", "pdf", "xlsx" })
            Assert.True(File.Exists(Path.Combine(outDir.Path, $"laporan-mingguan-2026-W47.{ext}")), ext);
        Assert.Contains("2026-W47", output.ToString());
    }

    [Fact]
    public async Task A_bad_week_is_a_usage_error()
    {
        var error = new StringWriter();
        Assert.Equal(CliApp.UsageError, await CliApp.RunAsync(["report", "weekly", "--week", "2026-47", "--out", outDir.Path, "--db", wh.Path], new StringWriter(), error));
        Assert.Contains("YYYY-Www", error.ToString());
    }

    [Fact]
    public async Task Deliver_without_targets_tells_the_operator_which_key_to_set()
    {
        var error = new StringWriter();
        Assert.Equal(CliApp.OperatorError, await CliApp.RunAsync(["report", "deliver", "--week", "2026-W47", "--db", wh.Path], new StringWriter(), error));
        Assert.Contains("Delivery:Recipients", error.ToString());
    }
}
