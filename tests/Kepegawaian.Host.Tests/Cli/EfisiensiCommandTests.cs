using System.Text.Json;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Cli;

public sealed class EfisiensiCommandTests
{
    [Fact]
    public async Task Summary_per_unit_reads_a_read_only_warehouse()
    {
        // U1: Fri 20 Nov 2026 15:00 → Mon 23 Nov 09:00 (66 h, 0.75 working days), online;
        //     Tue 24 Nov 08:00 → 14:00 (6 h, 0.25), manual. Median of two = mean: 36 h, 0.5 wd; share online 0.5.
        using var wh = new TempWarehouse();
        using (var c = wh.Open())
        {
            c.Execute("""
                INSERT INTO fact_cuti VALUES
                  ('C1', '199001012015011001', 'tahunan', 'online', TIMESTAMP '2026-11-20 15:00', TIMESTAMP '2026-11-23 09:00', 'disetujui', DATE '2026-12-01', DATE '2026-12-02', 2, 'U1', 0, 0),
                  ('C2', '199001012015011001', 'tahunan', 'manual', TIMESTAMP '2026-11-24 08:00', TIMESTAMP '2026-11-24 14:00', 'disetujui', DATE '2026-12-01', DATE '2026-12-02', 2, 'U1', 0, 0)
                """);
        }
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(["efisiensi", "--db", wh.Path, "--period", "2026-11", "--unit", "U1", "--format", "json"], o, e);
        Assert.True(code == 0, e.ToString());
        var row = Assert.Single(JsonDocument.Parse(o.ToString()).RootElement.EnumerateArray());
        Assert.Equal("U1", row.GetProperty("kode_unit").GetString());
        Assert.Equal("2026-11", row.GetProperty("periode").GetString());
        // Two requests: the count and every figure over them are suppressed (fewer than 5).
        foreach (var f in new[] { "n", "n_diputus", "share_online", "median_jam", "median_hari_kerja" })
            Assert.Equal(JsonValueKind.Null, row.GetProperty(f).ValueKind);
    }
}
