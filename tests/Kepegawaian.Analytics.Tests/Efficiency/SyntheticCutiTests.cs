using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Xunit.Abstractions;

namespace Kepegawaian.Analytics.Tests.Efficiency;

/// <summary>
/// The generator's city ends on 30 Nov 2026, so November still has pending requests (decisions that fall after the end,
/// and some stuck with the superior): the case of issue 11, where leaving them out made November look faster.
/// </summary>
public sealed class SyntheticCutiTests(ITestOutputHelper output)
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Load();

    private sealed record Request(string Kanal, DateOnly Bulan, DateTime Pengajuan, DateTime? Keputusan);

    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Km_medians_of_the_synthetic_city_match_an_independent_estimator_and_do_not_understate_november()
    {
        using var wh = new TempWarehouse();
        var inbox = wh.Folder.Sub("inbox");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 1500, Years = 1, Seed = 11, EndDate = new DateOnly(2026, 11, 30) });
        await new EtlRunner(wh.Database).RunAsync(new EtlRequest(inbox));
        using var c = wh.Open();
        var requests = Read(c);
        var rows = EfisiensiAnalysis.Waktu(c, Calendar, new EfisiensiOptions());
        var acuan = requests.Max(r => r.Keputusan is { } k && k > r.Pengajuan ? k : r.Pengajuan);
        Assert.All(rows, r => Assert.Equal(acuan, r.WaktuAcuan));

        var checkedCells = 0;
        foreach (var row in rows.Where(r => r.Tingkat is "bulan" or "kanal+bulan"))
        {
            var cell = requests.Where(r => r.Bulan == row.Bulan && (row.Kanal is null || r.Kanal == row.Kanal)).ToList();
            Assert.Equal(cell.Count, row.N);
            Assert.Equal(cell.Count(r => r.Keputusan is null), row.NTertunda);
            var jam = cell.Select(r => (r.Keputusan is { } k ? (k - r.Pengajuan).TotalHours : (acuan - r.Pengajuan).TotalHours, r.Keputusan is not null)).ToList();
            var hari = cell.Select(r => (Calendar.WorkingDaysBetween(r.Pengajuan, r.Keputusan ?? acuan), r.Keputusan is not null)).ToList();
            AssertClose(RedistributeToTheRight(jam, 0.5), row.MedianJam);
            AssertClose(RedistributeToTheRight(jam, 0.9), row.P90Jam);
            AssertClose(RedistributeToTheRight(hari, 0.5), row.MedianHariKerja);
            AssertClose(RedistributeToTheRight(hari, 0.9), row.P90HariKerja);
            checkedCells++;
        }
        Assert.True(checkedCells >= 30, $"{checkedCells} cells");

        // November: pending requests exist, and counting them cannot make the month look faster than the decided ones alone.
        var nov = Assert.Single(rows, r => r.Tingkat == "bulan" && r.Bulan == new DateOnly(2026, 11, 1));
        var decided = requests.Where(r => r.Bulan == nov.Bulan && r.Keputusan is not null).ToList();
        var completeJam = Quantile7(decided.Select(r => (r.Keputusan!.Value - r.Pengajuan).TotalHours), 0.5);
        var completeHari = Quantile7(decided.Select(r => Calendar.WorkingDaysBetween(r.Pengajuan, r.Keputusan!.Value)), 0.5);
        output.WriteLine($"Nov 2026: n {nov.N}, pending {nov.NTertunda} ({(double)nov.NTertunda / nov.N:P1}); KM median {nov.MedianHariKerja:0.000} wd " +
                         $"/ {nov.MedianJam:0.00} h vs decided only {completeHari:0.000} wd / {completeJam:0.00} h; p90 {nov.P90HariKerja:0.000} wd; stabil {nov.Stabil}");
        foreach (var k in rows.Where(r => r.Tingkat == "kanal+bulan" && r.Bulan == nov.Bulan))
            output.WriteLine($"  {k.Kanal}: n {k.N}, pending {k.NTertunda}, KM median {k.MedianHariKerja:0.000} wd, p90 {k.P90HariKerja:0.000} wd");
        Assert.True(nov.NTertunda > 0);
        Assert.True(nov.MedianHariKerja >= completeHari, $"KM {nov.MedianHariKerja} < complete-case {completeHari}");
        Assert.True(nov.MedianJam >= completeJam, $"KM {nov.MedianJam} < complete-case {completeJam}");
        Assert.False(nov.Stabil);
        // A month long over with nothing pending is stable, and KM equals the plain quantile there.
        var mar = Assert.Single(rows, r => r.Tingkat == "bulan" && r.Bulan == new DateOnly(2026, 3, 1));
        Assert.Equal(0, mar.NTertunda);
        Assert.True(mar.Stabil);
    }

    private static List<Request> Read(DuckDB.NET.Data.DuckDBConnection c)
    {
        var list = new List<Request>();
        using var cmd = c.Command("SELECT kanal, waktu_pengajuan, waktu_keputusan FROM fact_cuti");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var p = r.GetDateTime(1);
            list.Add(new Request(r.GetString(0), new DateOnly(p.Year, p.Month, 1), p, r.IsDBNull(2) ? null : r.GetDateTime(2)));
        }
        return list;
    }

    private static void AssertClose(double? expected, double? actual)
    {
        if (expected is null) Assert.Null(actual);
        else Assert.Equal(expected.Value, Assert.NotNull(actual), 9);
    }

    /// <summary>
    /// Efron's redistribute-to-the-right, written independently of the SQL product-limit: walking up in time (decisions
    /// before pending at a tie), a pending request hands its weight equally to every request after it, so all requests
    /// still open always carry equal weight. A decided request's weight × n is its pseudo-count; the p-quantile is the
    /// linear (type 7) rule on pseudo-counts: h = 1 + (n − 1)p, between the ⌊h⌋-th and the next; null if beyond them.
    /// </summary>
    private static double? RedistributeToTheRight(List<(double T, bool Decided)> cell, double p)
    {
        var sorted = cell.OrderBy(x => x.T).ThenBy(x => x.Decided ? 0 : 1).ToList();
        var n = sorted.Count;
        double weight = 1.0 / n, cumulative = 0;
        var events = new List<(double T, double Count)>();
        for (var i = 0; i < n; i++)
        {
            if (sorted[i].Decided) { cumulative += weight; events.Add((sorted[i].T, n * cumulative)); }
            else if (n - i - 1 > 0) weight += weight / (n - i - 1);
        }
        double? At(double u) => events.FirstOrDefault(e => e.Count >= u - 1e-9 * n) is { Count: > 0 } e ? e.T : null;
        var h = 1 + (n - 1) * p;
        var k = Math.Floor(h);
        var low = At(k);
        if (h == k) return low;
        var high = At(k + 1);
        return low is null || high is null ? null : low + (h - k) * (high - low);
    }

    private static double Quantile7(IEnumerable<double> values, double p)
    {
        var s = values.Order().ToArray();
        var h = (s.Length - 1) * p;
        var k = (int)Math.Floor(h);
        return k + 1 < s.Length ? s[k] + (h - k) * (s[k + 1] - s[k]) : s[k];
    }
}
