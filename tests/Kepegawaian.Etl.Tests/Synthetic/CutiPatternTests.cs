using System.Globalization;

namespace Kepegawaian.Etl.Tests.Synthetic;

public sealed class CutiPatternTests(CleanInboxFixture fixture) : IClassFixture<CleanInboxFixture>
{
    private GeneratedInbox g => fixture.Inbox;

    [Fact]
    public void Online_share_rises_every_year()
    {
        var shares = g.Files("cuti").OrderBy(f => f.Year).Select(f =>
        {
            var rows = Csv.Read(f.Path).Rows;
            return rows.Count(r => r["kanal"] == "online") / (double)rows.Count;
        }).ToList();
        Assert.Equal(3, shares.Count);
        Assert.True(shares[0] < shares[1] && shares[1] < shares[2], string.Join(" ", shares));
        Assert.InRange(shares[0], 0.2, 0.5);
        Assert.InRange(shares[2], 0.65, 0.9);
    }

    [Fact]
    public void Online_requests_are_decided_faster_in_working_days_and_within_office_hours()
    {
        var decided = g.Rows("cuti").Where(r => r["waktu_keputusan"].Length > 0).ToList();
        double Median(string kanal)
        {
            var v = decided.Where(r => r["kanal"] == kanal).Select(r => WorkingDays(Stamp(r["waktu_pengajuan"]), Stamp(r["waktu_keputusan"]))).Order().ToList();
            return v[v.Count / 2];
        }
        var online = Median("online");
        var manual = Median("manual");
        Assert.True(online < manual, $"online {online} manual {manual}");
        Assert.InRange(online, 0.3, 2.0);
        Assert.InRange(manual, 2.5, 6.0);
        foreach (var r in decided)
        {
            var t = Stamp(r["waktu_keputusan"]);
            Assert.True(t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            Assert.InRange(t.Hour, 8, 15);
        }
    }

    /// <summary>Elapsed office time (Mon–Fri 08:00–16:00) in 8-hour working days; holidays ignored in this check.</summary>
    private static double WorkingDays(DateTime from, DateTime to)
    {
        var hours = 0.0;
        for (var day = from.Date; day <= to.Date; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            var open = day.AddHours(8);
            var close = day.AddHours(16);
            var a = from > open ? from : open;
            var b = to < close ? to : close;
            if (b > a) hours += (b - a).TotalHours;
        }
        return hours / 8;
    }

    private static DateTime Stamp(string s) => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
