using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Efficiency;

/// <summary>Leave processing time with pending requests right-censored at their age (efisiensi_waktu.sql), against hand calculations.</summary>
public sealed class KaplanMeierTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Load();

    private static CutiWaktu Unit(IEnumerable<CutiWaktu> rows, string unit, string tingkat = "unit") =>
        Assert.Single(rows, x => x.Tingkat == tingkat && x.KodeUnit == unit);

    [Fact]
    public void Six_requests_two_pending_give_the_hand_computed_product_limit_median()
    {
        // Tue 24 Nov 2026 (a working day), reference 14:00. Hours from submission:
        //   A 08:00 → 09:00   1 h decided         B 08:00 → 11:00  3 h decided
        //   C 12:00 pending   censored at 2 h     D 08:00 → 12:00  4 h decided
        //   E 08:00 → 14:00   6 h decided (at the reference: counts as decided)
        //   F 08:00 pending   censored at 6 h (ties with E: still at risk at 6 h)
        // at risk r: t=1: 6, t=3: 4 (C left at 2), t=4: 3, t=6: 2.
        // Ŝ: 1 → 5/6; 3 → 5/6·3/4 = 5/8; 4 → 5/8·2/3 = 5/12; 6 → 5/12·1/2 = 5/24.
        // W = n·(1 − Ŝ) = 6·(1/6, 3/8, 7/12, 19/24) = 1, 2.25, 3.5, 4.75 (C's and F's weight passed to the right).
        // Median: h = 1 + 5·0.5 = 3.5 → V(3) = 4 h (first W ≥ 3), V(4) = 6 h (first W ≥ 4) → 4 + 0.5·(6 − 4) = 5 h.
        // p90: h = 5.5 needs W ≥ 5 > 4.75 → not estimable. Leaving C and F out (1, 3, 4, 6) would say 3.5 h.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        CutiData.Request(c, "U1", "2026-11-24 08:00", "2026-11-24 09:00");
        CutiData.Request(c, "U1", "2026-11-24 08:00", "2026-11-24 11:00");
        CutiData.Request(c, "U1", "2026-11-24 12:00", null);
        CutiData.Request(c, "U1", "2026-11-24 08:00", "2026-11-24 12:00");
        CutiData.Request(c, "U1", "2026-11-24 08:00", "2026-11-24 14:00");
        CutiData.Request(c, "U1", "2026-11-24 08:00", null);
        var u1 = Unit(EfisiensiAnalysis.Waktu(c, Calendar, new EfisiensiOptions { ReferenceTime = new DateTime(2026, 11, 24, 14, 0, 0) }), "U1");

        Assert.Equal((6L, 2L, 4L), (u1.N, u1.NTertunda, u1.NDiputus));
        Assert.Equal(5.0, u1.MedianJam!.Value, 9);
        Assert.Equal(5.0 / 24, u1.MedianHariKerja!.Value, 9); // one working day: hours / 24
        Assert.Null(u1.P90Jam);
        Assert.Null(u1.P90HariKerja);
        Assert.False(u1.Stabil);
    }

    [Fact]
    public void Median_not_reached_is_null_and_not_stable()
    {
        // Reference Tue 24 Nov 2026 11:00; five requests submitted 08:00: one decided after 1 h, three pending,
        // one decided at 12:00 (after the reference: pending then). W(1 h) = 1; the median needs h = 1 + 4·0.5 = 3.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        CutiData.Request(c, "U1", "2026-11-24 08:00", "2026-11-24 09:00");
        for (var i = 0; i < 3; i++) CutiData.Request(c, "U1", "2026-11-24 08:00", null);
        CutiData.Request(c, "U1", "2026-11-24 08:00", "2026-11-24 12:00");
        var u1 = Unit(EfisiensiAnalysis.Waktu(c, Calendar, new EfisiensiOptions { ReferenceTime = new DateTime(2026, 11, 24, 11, 0, 0) }), "U1");

        Assert.Equal((5L, 4L), (u1.N, u1.NTertunda));
        Assert.Null(u1.MedianJam);
        Assert.Null(u1.MedianHariKerja);
        Assert.False(u1.Stabil);
    }

    [Fact]
    public void An_estimate_is_stable_once_no_pending_request_is_younger_than_it()
    {
        // Both units: 19 requests of Tue 6 Oct 2026 08:00 decided after 10, 20, …, 190 min, and one pending.
        // S's pending request is from 6 Oct: censored after every decision, so W = 1 … 19 and with n = 20
        //   median h = 10.5 → 100 + 0.5·10 = 105 min; p90 h = 18.1 → 180 + 0.1·10 = 181 min (uses V(19) = 190).
        // Y's pending request came in at 09:00 on the reference day (1 h old, younger than 190 min): its decision
        //   can still move p90, so Y is not stable. Reference Mon 2 Nov 2026 10:00 (October is over).
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        foreach (var unit in new[] { "S", "Y" })
            for (var i = 1; i <= 19; i++)
                CutiData.Request(c, unit, "2026-10-06 08:00", new DateTime(2026, 10, 6, 8, 0, 0).AddMinutes(10 * i).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        CutiData.Request(c, "S", "2026-10-06 08:00", null);
        CutiData.Request(c, "Y", "2026-11-02 09:00", null);
        var rows = EfisiensiAnalysis.Waktu(c, Calendar, new EfisiensiOptions { ReferenceTime = new DateTime(2026, 11, 2, 10, 0, 0) });

        var s = Unit(rows, "S");
        Assert.Equal((20L, 1L), (s.N, s.NTertunda));
        Assert.Equal(105.0 / 60, s.MedianJam!.Value, 9);
        Assert.Equal(181.0 / 60, s.P90Jam!.Value, 9);
        Assert.True(s.Stabil);
        Assert.True(Unit(rows, "S", "unit+bulan").Stabil);
        Assert.False(Unit(rows, "Y").Stabil);
    }

    [Fact]
    public void With_nothing_pending_the_estimate_is_duckdb_quantile_cont()
    {
        // 37 decided requests of random length over several weeks (holidays and weekends included): the KM quantiles must
        // equal DuckDB's own quantile_cont (linear interpolation, the definition used before censoring was handled).
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var random = new Random(11);
        for (var i = 0; i < 37; i++)
        {
            var start = new DateTime(2026, 3, 2, 8, 0, 0).AddMinutes(random.Next(60 * 24 * 30));
            var end = start.AddMinutes(random.Next(1, 60 * 24 * 12));
            CutiData.Request(c, "R", start.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                end.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }
        var r = Unit(EfisiensiAnalysis.Waktu(c, Calendar, new EfisiensiOptions()), "R");
        var jam = "epoch(waktu_keputusan - waktu_pengajuan) / 3600.0";
        Assert.Equal(0L, r.NTertunda);
        Assert.Equal(c.Scalar<double>($"SELECT quantile_cont({jam}, 0.5) FROM fact_cuti"), r.MedianJam!.Value, 9);
        Assert.Equal(c.Scalar<double>($"SELECT quantile_cont({jam}, 0.9) FROM fact_cuti"), r.P90Jam!.Value, 9);
        var hari = new List<double>();
        using (var cmd = c.Command("SELECT waktu_pengajuan, waktu_keputusan FROM fact_cuti"))
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) hari.Add(Calendar.WorkingDaysBetween(reader.GetDateTime(0), reader.GetDateTime(1)));
        hari.Sort();
        Assert.Equal(LinearQuantile(hari, 0.5), r.MedianHariKerja!.Value, 9);
        Assert.Equal(LinearQuantile(hari, 0.9), r.P90HariKerja!.Value, 9);
    }

    /// <summary>Hyndman–Fan type 7 on sorted values.</summary>
    private static double LinearQuantile(List<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var k = (int)Math.Floor(h);
        return k + 1 < sorted.Count ? sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
    }
}
