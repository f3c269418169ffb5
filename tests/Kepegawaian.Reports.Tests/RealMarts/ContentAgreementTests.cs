using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Reports.Weekly;
using Xunit.Abstractions;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Reports.Tests.RealMarts;

/// <summary>
/// One content model (issue 12 item 7): for one warehouse and the same period, the dashboard shows the numbers the weekly
/// report shows, and both equal what a hand-written query over the facts gives.
/// </summary>
[Collection(RealMartsCollection.Name)]
public sealed class ContentAgreementTests(RealMartsFixture marts, ITestOutputHelper output)
{
    private static readonly ReportText Text = ReportText.For("id");

    private WeeklyContent Weekly()
    {
        var efisiensi = new EfisiensiOptions { ReferenceTime = RealMartsFixture.ReferenceTime };
        var data = marts.Reader().ReadThrough(RealMartsFixture.Week.End, WorkingCalendar.Load(efisiensi.ExtraHolidays), efisiensi);
        return new WeeklyContent(data, RealMartsFixture.Week, Text, RealMartsFixture.MinCell);
    }

    private DashboardModel Dashboard() => new(marts.Reader().Read(), Text, RealMartsFixture.MinCell);

    private static readonly DashboardFilter City = new(null, null, null);

    [Fact]
    public void Fixture_is_a_real_refresh_of_generated_data_and_cheap()
    {
        output.WriteLine($"real-marts fixture built in {marts.BuildTime.TotalSeconds:0.0} s");
        // The real schema, not a substitute: IKM is stored exactly (DECIMAL), the reader still gives the value.
        Assert.Equal("DECIMAL(5,2)", marts.Warehouse.Scalar<string>("SELECT data_type FROM information_schema.columns WHERE table_name = 'mart_ikm' AND column_name = 'ikm'"));
        Assert.True(marts.Warehouse.Scalar<long>("SELECT count(*) FROM fact_skm") > 0);
        Assert.True(marts.Warehouse.Scalar<long>("SELECT count(*) FROM mart_kinerja_unit") > 0);
        Assert.True(marts.Warehouse.Scalar<long>("SELECT count(*) FROM mart_cuti_online") > 0);
    }

    [Fact]
    public void City_ikm_trend_is_the_same_on_the_dashboard_and_in_the_report_and_equals_the_nrr_formula_over_the_responses()
    {
        var weekly = Weekly().IkmTrend();
        var dashboard = Dashboard().IkmTrend(City);
        Assert.NotEmpty(weekly.Periods);
        Assert.Equal(weekly.Periods, dashboard.Periods);
        Assert.Equal(weekly.Series.Select(s => s.Name), dashboard.Series.Select(s => s.Name));
        for (var i = 0; i < weekly.Series.Count; i++)
            Assert.Equal(weekly.Series[i].Ikm, dashboard.Series[i].Ikm);

        // PermenPANRB 14/2017 by hand: NRR per element = mean answer; IKM = Σ NRR / 9 × 25, per quarter, over the city's responses.
        var city = weekly.Series[0];
        Assert.Equal("Kota Palembang", city.Name);
        for (var i = 0; i < weekly.Periods.Count; i++)
        {
            var q = Periode.Parse(weekly.Periods[i]);
            var expected = marts.Warehouse.Scalar<double>($"""
                SELECT (avg(u1) + avg(u2) + avg(u3) + avg(u4) + avg(u5) + avg(u6) + avg(u7) + avg(u8) + avg(u9)) / 9 * 25
                FROM fact_skm WHERE kode_unit IN (SELECT kode_unit FROM dim_unit)
                  AND tanggal_survei >= DATE '{q.Start:yyyy-MM-dd}' AND tanggal_survei < DATE '{q.End:yyyy-MM-dd}'
                """);
            output.WriteLine($"{q}: city IKM {city.Ikm[i]} (hand {expected:0.0000})");
            Assert.NotNull(city.Ikm[i]);
            Assert.InRange(city.Ikm[i]!.Value, expected - 0.0051, expected + 0.0051);   // stored to 2 decimals
        }
        Assert.Equal(city.Ikm[^1], Weekly().CityIkm()?.Ikm);
    }

    [Fact]
    public void Predikat_counts_are_the_same_on_the_dashboard_and_in_the_report_and_equal_the_closing_appraisal_per_employee()
    {
        var weekly = Weekly().Predikat();
        var dashboard = Dashboard().Predikat(City);
        Assert.NotEmpty(weekly.Periods);
        Assert.Equal(weekly.Periods, dashboard.Periods);
        Assert.Equal(weekly.Counts, dashboard.Counts);

        // By hand: each employee's quarter closes with the predikat of its latest periodic appraisal (PermenPANRB 6/2022).
        string[] order = ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"];
        for (var i = 0; i < weekly.Periods.Count; i++)
        {
            var q = Periode.Parse(weekly.Periods[i]);
            using var c = marts.Warehouse.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"""
                SELECT predikat, count(*) FROM (
                    SELECT nip, arg_max(predikat, periode_selesai) AS predikat FROM fact_kinerja
                    WHERE jenis_periode <> 'tahunan' AND periode_mulai >= DATE '{q.Start:yyyy-MM-dd}' AND periode_mulai < DATE '{q.End:yyyy-MM-dd}'
                    GROUP BY nip) GROUP BY predikat
                """;
            var byPredikat = new Dictionary<string, long>();
            using (var r = cmd.ExecuteReader())
                while (r.Read()) byPredikat[r.GetString(0)] = r.GetInt64(1);
            var hand = order.Select(p => byPredikat.GetValueOrDefault(p)).ToArray();
            output.WriteLine($"{q}: published [{string.Join(", ", weekly.Counts[i])}], hand [{string.Join(", ", hand)}]");
            var anySmall = hand.Any(n => n is > 0 and < RealMartsFixture.MinCell);
            for (var k = 0; k < 5; k++)
            {
                if (hand[k] is > 0 and < RealMartsFixture.MinCell) Assert.Equal(0, weekly.Counts[i][k]);   // 1–4 employees: never shown
                else if (!anySmall) Assert.Equal(hand[k], weekly.Counts[i][k]);
                else Assert.Contains(weekly.Counts[i][k], new[] { 0L, hand[k] });                         // complementary suppression
            }
        }
    }

    [Fact]
    public void Performance_trend_and_online_share_are_the_same_on_the_dashboard_and_in_the_report()
    {
        var weekly = Weekly();
        var dashboard = Dashboard();
        var wt = weekly.KinerjaTrend();
        var dt = dashboard.KinerjaTrend(City);
        Assert.NotEmpty(wt.Periods);
        Assert.Equal(wt.Periods, dt.Periods);
        Assert.Equal(wt.Observed, dt.Observed);
        Assert.Equal(wt.Band, dt.Band);
        Assert.Equal(wt.Metode, dt.Metode);

        var wo = weekly.Online();
        var dl = dashboard.Online(City);
        Assert.NotEmpty(wo.Periods);
        Assert.Equal(wo.Periods, dl.Periods);
        for (var i = 0; i < wo.Periods.Count; i++)
        {
            Assert.Equal(wo.Share[i] ?? double.NaN, dl.Share[i] ?? double.NaN, 12);
            // By hand: online requests / all requests submitted in the month.
            var m = Periode.Parse(wo.Periods[i]);
            var span = $"waktu_pengajuan >= TIMESTAMP '{m.Start:yyyy-MM-dd}' AND waktu_pengajuan < TIMESTAMP '{m.End:yyyy-MM-dd}'";
            var n = marts.Warehouse.Scalar<long>($"SELECT count(*) FROM fact_cuti WHERE {span}");
            if (n < RealMartsFixture.MinCell) { Assert.Null(wo.Share[i]); continue; }
            var online = marts.Warehouse.Scalar<long>($"SELECT count(*) FROM fact_cuti WHERE kanal = 'online' AND {span}");
            Assert.Equal((double)online / n, wo.Share[i]!.Value, 9);
        }
    }
}
