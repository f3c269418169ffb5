using Kepegawaian.Service.Cli;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>The CLI's grid use of SmallCells on hand-made rows; expected cells worked out by hand.</summary>
public sealed class CliSmallCellsTests
{
    private static Dictionary<string, object?> Ringkas(string unit, long n, long diputus, double median) => new()
    {
        ["kode_unit"] = unit, ["periode"] = "2026-10", ["n"] = n, ["n_diputus"] = diputus, ["n_tertunda"] = n - diputus, ["share_online"] = 0.5,
        ["median_jam"] = median, ["p90_jam"] = median, ["median_hari_kerja"] = median, ["p90_hari_kerja"] = median,
    };

    [Fact]
    public void A_small_unit_hides_another_unit_count_so_the_city_total_gives_nothing_away()
    {
        // U1 3 requests (primary: count and medians go), U2 20, U3 30, KOTA 53 = 3 + 20 + 30.
        var rows = CliSmallCells.Apply(
            [Ringkas("U1", 3, 3, 1.0), Ringkas("U2", 20, 18, 1.5), Ringkas("U3", 30, 25, 2.0), Ringkas("KOTA", 53, 46, 1.8)],
            CliSmallCells.Ringkas, r => (string)r["periode"]!, minCellSize: 5);
        Assert.Null(rows[0]["n"]);
        Assert.Null(rows[0]["median_hari_kerja"]);
        Assert.Null(rows[1]["n"]);                      // the next smallest unit: 53 − 30 would give U1 otherwise
        Assert.Equal(1.5, rows[1]["median_hari_kerja"]); // a median of 20 requests is kept
        Assert.Equal(30L, rows[2]["n"]);
        Assert.Equal(53L, rows[3]["n"]);
        // U2: 2 pending is a primary cell; with n hidden, neither n nor the pending count follows from what is shown.
        Assert.Null(rows[1]["n_tertunda"]);
        foreach (var column in new[] { "n", "n_diputus", "n_tertunda" })
        {
            var hidden = (long)rows[3][column]! - rows.Take(3).Sum(r => (long?)r[column] ?? 0);
            Assert.False(hidden is > 0 and < 5, column);
            Assert.False(rows.Take(3).Count(r => r[column] is null) == 1 && hidden > 0 && hidden < 5, column);
        }
    }

    [Fact]
    public void Compliant_count_and_share_hide_together_when_the_non_compliant_rest_is_small()
    {
        var rows = CliSmallCells.Apply(
            [new() { ["kode_unit"] = "U1", ["tahun"] = 2026, ["pegawai"] = 11L, ["patuh"] = 9L, ["share_patuh"] = 9 / 11.0 }],
            CliSmallCells.Jp, _ => "", minCellSize: 5);
        Assert.Equal(11L, rows[0]["pegawai"]);
        Assert.Null(rows[0]["patuh"]);       // 11 − 9 = 2 non-compliant
        Assert.Null(rows[0]["share_patuh"]);
    }
}
