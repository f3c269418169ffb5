using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// The generator's inbox through the ETL: the generator counts the corrupted rows it mixed in
/// (every one breaks one spec §3 rule), so each file must reject exactly that many and load the rest.
/// </summary>
public sealed class SyntheticLoadTests
{
    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Every_generated_bad_row_is_rejected_and_every_good_row_is_loaded()
    {
        using var folder = TempFolder.Create("etl-synth");
        var inbox = folder.Sub("inbox");
        var generated = await SyntheticGenerator.GenerateAsync(new GeneratorOptions
        {
            OutDir = inbox, Employees = 300, Years = 2, Seed = 11, BadRows = 0.02, EndDate = new DateOnly(2026, 6, 30),
        });
        var database = new WarehouseDatabase(folder.File("wh.duckdb"));
        // 2026-06-30 12:00 WIB: the generator's last day is "today".
        var runner = new EtlRunner(database, new FixedTime(new DateTimeOffset(2026, 6, 30, 5, 0, 0, TimeSpan.Zero)));

        // Reject: the generator counts a predikat that contradicts the matrix as a bad row (Etl:PredikatPolicy).
        var summary = await runner.RunAsync(new EtlRequest(inbox) { PredikatPolicy = PredikatPolicy.Reject });

        Assert.Equal("succeeded", summary.Status);
        Assert.True(generated.Files.Sum(f => f.BadRows) > 50);
        foreach (var g in generated.Files)
        {
            var f = summary.Files.Single(s => s.File == Path.GetFileName(g.Path));
            Assert.Equal((g.Entity, g.Rows, g.BadRows), (f.Entity!, f.RowsRead, f.RowsRejected));
            Assert.Equal(f.RowsRead, f.RowsLoaded + f.RowsUnchanged + f.RowsRejected);
        }
        using var c = database.Open(readOnly: true);
        Assert.Equal(summary.RowsRejected, c.Scalar<long>("SELECT count(*) FROM etl_reject"));
        Assert.Equal(0, c.Scalar<long>("SELECT count(*) FROM etl_reject WHERE raw_text IS NULL OR message IS NULL"));
    }
}
