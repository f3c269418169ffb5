using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Efficiency;

public sealed class EfisiensiAnalysisTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Load();

    [Fact]
    public void Sql_working_days_agree_with_the_hand_computed_definition()
    {
        // one request per unit; n = 1 so median = the value itself (cases as in WorkingCalendarTests)
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        CutiData.Request(c, "W1", "2026-11-20 15:00", "2026-11-23 09:00");   // 66 h, 0.75 wd
        CutiData.Request(c, "W2", "2026-08-14 10:00", "2026-08-18 10:00");   // 96 h, 1.0 wd (17 Aug)
        CutiData.Request(c, "W3", "2026-03-17 12:00", "2026-03-25 12:00");   // 192 h, 1.0 wd (Nyepi/Idul Fitri)
        CutiData.Request(c, "W4", "2026-11-21 10:00", "2026-11-23 12:00");   // 50 h, 0.5 wd (Saturday start)
        var rows = EfisiensiAnalysis.Waktu(c, Calendar, new EfisiensiOptions()).Where(x => x.Tingkat == "unit").ToDictionary(x => x.KodeUnit!);
        Assert.Equal((66.0, 0.75), (rows["W1"].MedianJam!.Value, Math.Round(rows["W1"].MedianHariKerja!.Value, 9)));
        Assert.Equal((96.0, 1.0), (rows["W2"].MedianJam!.Value, Math.Round(rows["W2"].MedianHariKerja!.Value, 9)));
        Assert.Equal((192.0, 1.0), (rows["W3"].MedianJam!.Value, Math.Round(rows["W3"].MedianHariKerja!.Value, 9)));
        Assert.Equal((50.0, 0.5), (rows["W4"].MedianJam!.Value, Math.Round(rows["W4"].MedianHariKerja!.Value, 9)));
    }

    [Fact]
    public void Median_and_p90_per_unit_kanal_and_month()
    {
        // Tue 24 Nov 2026 08:00 + 1, 2, 3, 4, 10 h (same working day), all decided by the data-through time (18:00),
        // so Kaplan–Meier is the plain sample quantile with the project's definition (quantile_cont, linear):
        // median = 3 h; p90: position 0.9 × 4 = 3.6 → 4 + 0.6 × (10 − 4) = 7.6 h.
        // In working days: 3/24 = 0.125 and 7.6/24 = 0.316667.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        foreach (var h in new[] { 1, 2, 3, 4, 10 })
            CutiData.Request(c, "U1", "2026-11-24 08:00", $"2026-11-24 {8 + h:00}:00", kanal: h == 10 ? "manual" : "online");
        var rows = EfisiensiAnalysis.Waktu(c, Calendar, new EfisiensiOptions());

        var month = Assert.Single(rows, x => x.Tingkat == "unit+bulan" && x.KodeUnit == "U1" && x.Bulan == new DateOnly(2026, 11, 1));
        Assert.Equal((5L, 0L), (month.N, month.NTertunda));
        Assert.Equal(new DateTime(2026, 11, 24, 18, 0, 0), month.WaktuAcuan);
        Assert.False(month.Stabil); // November is not over on 24 Nov
        Assert.True(Assert.Single(rows, x => x.Tingkat == "unit").Stabil);
        Assert.Equal(3.0, month.MedianJam!.Value, 9);
        Assert.Equal(7.6, month.P90Jam!.Value, 9);
        Assert.Equal(0.125, month.MedianHariKerja!.Value, 9);
        Assert.Equal(7.6 / 24, month.P90HariKerja!.Value, 9);
        // online only: 1, 2, 3, 4 h → median 2.5 h
        Assert.Equal(2.5, Assert.Single(rows, x => x.Tingkat == "kanal" && x.Kanal == "online").MedianJam!.Value, 9);
        Assert.Equal(4, Assert.Single(rows, x => x.Tingkat == "unit+kanal+jenis_cuti+bulan" && x.Kanal == "online").N);
    }

    [Fact]
    public void Unit_channel_month_median_is_taken_over_all_leave_types()
    {
        // U1 online in Nov 2026: tahunan 1, 2, 9 h and sakit 3, 4 h → all five: 1 2 3 4 9 → median 3 h
        // (the tahunan cell alone has median 2, the sakit cell 3.5; neither average of them is 3).
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        foreach (var (h, jenis) in new[] { (1, "tahunan"), (2, "tahunan"), (9, "tahunan"), (3, "sakit"), (4, "sakit") })
            CutiData.Request(c, "U1", "2026-11-24 08:00", $"2026-11-24 {8 + h:00}:00", jenis: jenis);
        var cell = Assert.Single(EfisiensiAnalysis.Waktu(c, Calendar, new EfisiensiOptions()), x => x.Tingkat == "unit+kanal+bulan");
        Assert.Equal(("U1", "online", new DateOnly(2026, 11, 1), 5L), (cell.KodeUnit, cell.Kanal, cell.Bulan, cell.N));
        Assert.Equal(3.0, cell.MedianJam!.Value, 9);
    }

    [Fact]
    public void Online_share_and_units_that_stay_on_paper()
    {
        // A: Jan 1/4 online, Feb 1/4 online → 0.25 twice, below 0.5 both months: stays on paper.
        // B: Jan 1/4, Feb 4/4 → rises by 0.75: not flagged.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        foreach (var (unit, month, online) in new[] { ("A", "01", 1), ("A", "02", 1), ("B", "01", 1), ("B", "02", 4) })
            for (var i = 0; i < 4; i++)
                CutiData.Request(c, unit, $"2026-{month}-05 09:00", $"2026-{month}-05 10:00", kanal: i < online ? "online" : "manual");
        var rows = EfisiensiAnalysis.Online(c, Calendar, new EfisiensiOptions());

        var aFeb = Assert.Single(rows, x => x.KodeUnit == "A" && x.Periode == "2026-02");
        Assert.Equal((4L, 0.25, 0.25, true), (aFeb.N, aFeb.ShareOnline, aFeb.ShareOnlineSebelumnya!.Value, aFeb.TetapManual));
        var bFeb = Assert.Single(rows, x => x.KodeUnit == "B" && x.Periode == "2026-02");
        Assert.Equal((1.0, 0.75, false), (bFeb.ShareOnline, bFeb.Perubahan!.Value, bFeb.TetapManual));
        Assert.False(Assert.Single(rows, x => x.KodeUnit == "A" && x.Periode == "2026-01").TetapManual); // no previous month
        // city Q1: (1 + 1 + 1 + 4) / 16 = 0.4375
        Assert.Equal(0.4375, Assert.Single(rows, x => x.KodeUnit == "KOTA" && x.Periode == "2026-Q1").ShareOnline, 12);
    }

    [Fact]
    public void Pending_share_counts_requests_older_than_three_working_days()
    {
        // Reference Fri 27 Nov 2026 12:00.
        // P1 Mon 23 09:00, undecided: 15/24 + 3 + 12/24 = 4.125 wd → due, pending.
        // P2 Tue 24 12:00, decided Thu 26: 0.5 + 2 + 0.5 = 3.0 wd → due, decided.
        // P3 Wed 25 13:00, undecided: 11/24 + 1 + 0.5 = 1.96 wd → not yet due.
        // P4 Fri 20 08:00, decided Sat 28 (after the reference): 16/24 + 4 + 0.5 → due, pending.
        // → 3 due, 2 pending, share 2/3.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        CutiData.Request(c, "U1", "2026-11-23 09:00", null);
        CutiData.Request(c, "U1", "2026-11-24 12:00", "2026-11-26 10:00");
        CutiData.Request(c, "U1", "2026-11-25 13:00", null);
        CutiData.Request(c, "U1", "2026-11-20 08:00", "2026-11-28 08:00");
        CutiData.Request(c, "U1", "2026-08-27 08:00", null); // 92 days before: outside the 90-day window
        var options = new EfisiensiOptions { ReferenceTime = new DateTime(2026, 11, 27, 12, 0, 0) };
        var u1 = Assert.Single(EfisiensiAnalysis.Tertunda(c, Calendar, options), x => x.KodeUnit == "U1");
        Assert.Equal((3L, 2L), (u1.NJatuhTempo, u1.NTertunda));
        Assert.Equal(2.0 / 3, u1.ShareTertunda!.Value, 12);
    }

    [Fact]
    public void A_decided_request_without_a_decision_time_is_neither_pending_nor_timed()
    {
        // An e-Cuti export without its audit column carries status 'disetujui' and no waktu_keputusan (issue 13): the
        // request was decided, when is unknown. Reference Fri 27 Nov 2026 12:00; all three are due (≥ 3 working days).
        // P1 undecided → pending; P2 decided Thu 26 → decided; P3 disetujui with no time → left out of both marts.
        // → 2 due, 1 pending; the waiting-time data holds P1 (censored) and P2 (event) only.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        CutiData.Request(c, "U1", "2026-11-23 09:00", null);
        CutiData.Request(c, "U1", "2026-11-20 09:00", "2026-11-26 10:00");
        CutiData.Request(c, "U1", "2026-11-19 09:00", null, status: "disetujui");
        var options = new EfisiensiOptions { ReferenceTime = new DateTime(2026, 11, 27, 12, 0, 0) };
        var u1 = Assert.Single(EfisiensiAnalysis.Tertunda(c, Calendar, options), x => x.KodeUnit == "U1");
        Assert.Equal((2L, 1L), (u1.NJatuhTempo, u1.NTertunda));
        var city = Assert.Single(EfisiensiAnalysis.Waktu(c, Calendar, options), x => x.Tingkat == "semua");
        Assert.Equal((2L, 1L), (city.N, city.NTertunda));
    }

    [Fact]
    public void A_cancelled_request_is_neither_pending_nor_timed_but_counts_as_a_submission()
    {
        // Reference Fri 27 Nov 2026 12:00, unit U1, all submitted in November and due (≥ 3 working days old) except P5.
        // P1 Mon 23 09:00 online, undecided        → due, pending (4.125 wd).
        // P2 Fri 20 09:00 online, decided Thu 26    → due, decided: an event.
        // P3 Thu 19 09:00 online, dibatalkan, no time               → out of both marts.
        // P4 Wed 18 09:00 manual, dibatalkan at Tue 24 08:00 (the time it was withdrawn) → out of both marts, not an event.
        // P5 Wed 25 13:00 online, dibatalkan, no time               → out.
        // → pending share: 2 due, 1 pending; waiting-time data: P1 (censored) and P2 (event), 2 rows, 1 pending.
        // → online share of November: all five were submitted, 4 online → 4/5 = 0.8.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        CutiData.Request(c, "U1", "2026-11-23 09:00", null);
        CutiData.Request(c, "U1", "2026-11-20 09:00", "2026-11-26 10:00");
        CutiData.Request(c, "U1", "2026-11-19 09:00", null, status: "dibatalkan");
        CutiData.Request(c, "U1", "2026-11-18 09:00", "2026-11-24 08:00", kanal: "manual", status: "dibatalkan");
        CutiData.Request(c, "U1", "2026-11-25 13:00", null, status: "dibatalkan");
        var options = new EfisiensiOptions { ReferenceTime = new DateTime(2026, 11, 27, 12, 0, 0) };
        var u1 = Assert.Single(EfisiensiAnalysis.Tertunda(c, Calendar, options), x => x.KodeUnit == "U1");
        Assert.Equal((2L, 1L), (u1.NJatuhTempo, u1.NTertunda));
        var city = Assert.Single(EfisiensiAnalysis.Waktu(c, Calendar, options), x => x.Tingkat == "semua");
        Assert.Equal((2L, 1L), (city.N, city.NTertunda));
        var manual = EfisiensiAnalysis.Waktu(c, Calendar, options).Where(x => x.Tingkat == "kanal" && x.Kanal == "manual");
        Assert.Empty(manual); // P4 was the only paper request
        var nov = Assert.Single(EfisiensiAnalysis.Online(c, Calendar, options), x => x.KodeUnit == "U1" && x.Periode == "2026-11");
        Assert.Equal((5L, 4L, 0.8), (nov.N, nov.NOnline, nov.ShareOnline));
    }

    [Fact]
    public void Data_quality_rate_per_source_and_unit()
    {
        // cuti file: 10 rows read, 2 rejected (one CSV line naming U1, one JSON line naming U2).
        // fact_cuti holds 3 rows of U1 → U1: read 3 + 1 = 4, rejected 1, rate 0.25; source: 2/10 = 0.2.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("INSERT INTO dim_unit VALUES ('U1','Unit 1','dinas',NULL,NULL,0,NULL,NULL), ('U2','Unit 2','dinas',NULL,NULL,0,NULL,NULL)");
        c.Execute("""
            INSERT INTO etl_file VALUES (1, 1, 'cuti_1.csv', 'cuti', 'csv', 'h', 100, 'loaded', 10, 8, 0, 2, now()::TIMESTAMP, NULL, NULL);
            INSERT INTO etl_reject VALUES
              (1, 1, 1, 'cuti_1.csv', 'cuti', 3, 'jenis_cuti', 'nilai_tidak_dikenal', 'x', 'C9,199001012015011001,liburan,online,2026-01-01 08:00,,diajukan,2026-01-02,2026-01-03,1,U1', now()::TIMESTAMP),
              (2, 1, 1, 'cuti_1.csv', 'cuti', 4, 'lama_hari', 'nilai_di_luar_rentang', 'x', '{"id_pengajuan":"C10","kode_unit":"U2","lama_hari":0}', now()::TIMESTAMP);
            """);
        for (var i = 0; i < 3; i++) CutiData.Request(c, "U1", "2026-11-24 08:00", null);
        var rows = EfisiensiAnalysis.Kualitas(c);

        var source = Assert.Single(rows, x => x.Tingkat == "sumber" && x.Sumber == "cuti");
        Assert.Equal((10L, 2L, 0.2), (source.RowsRead, source.RowsRejected, source.RejectRate!.Value));
        var u1 = Assert.Single(rows, x => x.Tingkat == "unit" && x.Sumber == "cuti" && x.KodeUnit == "U1");
        Assert.Equal((4L, 1L, 0.25), (u1.RowsRead, u1.RowsRejected, u1.RejectRate!.Value));
        var u2 = Assert.Single(rows, x => x.Tingkat == "unit" && x.Sumber == "cuti" && x.KodeUnit == "U2");
        Assert.Equal((1L, 1L), (u2.RowsRead, u2.RowsRejected));
    }

    [Fact]
    public void Data_quality_counts_training_for_the_unit_at_its_date_also_for_retired_staff()
    {
        // P1 was in U1 until 2025-07-01, then U2 (current). P2 was in U1 and retired on 2026-01-01
        // (no current version). Training: P1 in 2025-03 (U1) and 2026-02 (U2); P2 in 2025-05 (U1).
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("INSERT INTO dim_unit VALUES ('U1','Unit 1','dinas',NULL,NULL,0,NULL,NULL), ('U2','Unit 2','dinas',NULL,NULL,0,NULL,NULL)");
        c.Execute("""
            INSERT INTO dim_employee (nip, nama, nama_jabatan, kode_unit, valid_from, valid_to, is_current, tracked_hash, row_hash, source) VALUES
              ('P1', 'A', 'J', 'U1', DATE '2024-01-01', DATE '2025-07-01', false, 0, 0, 'pegawai'),
              ('P1', 'A', 'J', 'U2', DATE '2025-07-01', DATE '9999-12-31', true, 0, 0, 'mutasi'),
              ('P2', 'B', 'J', 'U1', DATE '2024-01-01', DATE '2026-01-01', false, 0, 0, 'pegawai');
            INSERT INTO fact_diklat (id_diklat, nip, kode_pelatihan, nama_pelatihan, jenis_pelatihan, tanggal_mulai, tanggal_selesai, jp, status, row_hash, etl_file_id) VALUES
              ('D1', 'P1', 'K', 'K', 'teknis', DATE '2025-03-03', DATE '2025-03-05', 20, 'lulus', 0, 1),
              ('D2', 'P1', 'K', 'K', 'teknis', DATE '2026-02-02', DATE '2026-02-04', 20, 'lulus', 0, 1),
              ('D3', 'P2', 'K', 'K', 'teknis', DATE '2025-05-05', DATE '2025-05-07', 20, 'lulus', 0, 1);
            """);
        var rows = EfisiensiAnalysis.Kualitas(c).Where(x => x.Tingkat == "unit" && x.Sumber == "diklat").ToDictionary(x => x.KodeUnit!, x => x.RowsRead);
        Assert.Equal(2L, rows["U1"]);
        Assert.Equal(1L, rows["U2"]);
    }

    [Fact]
    public void Refresh_materialises_the_efficiency_marts()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        CutiData.Request(c, "U1", "2026-11-20 15:00", "2026-11-23 09:00", kanal: "manual");
        var summary = EfisiensiMarts.Refresh(c, new EfisiensiOptions { ReferenceTime = new DateTime(2026, 11, 27, 12, 0, 0) });
        Assert.Equal(0.75, c.Scalar<double>("SELECT round(median_hari_kerja, 9) FROM mart_cuti_waktu WHERE kode_unit = 'U1'"));
        Assert.Equal(0.0, c.Scalar<double>("SELECT share_online FROM mart_cuti_online WHERE kode_unit = 'U1' AND periode = '2026-11'"));
        Assert.Equal(summary.Waktu, c.Scalar<int>("SELECT (SELECT count(*) FROM mart_cuti_waktu) + (SELECT count(*) FROM mart_cuti_waktu_ringkas)"));
        Assert.Equal("2026-11-01", c.Scalar<string>("SELECT CAST(bulan AS VARCHAR) FROM mart_cuti_waktu"));
        Assert.Equal(0.75, c.Scalar<double>("SELECT round(median_hari_kerja, 9) FROM mart_cuti_waktu_ringkas WHERE tingkat = 'semua'"));
        // nothing pending; the November cell is not final before November is over, the all-time row is
        Assert.Equal((0L, false), (c.Scalar<long>("SELECT n_tertunda FROM mart_cuti_waktu"), c.Scalar<bool>("SELECT stabil FROM mart_cuti_waktu")));
        Assert.True(c.Scalar<bool>("SELECT stabil FROM mart_cuti_waktu_ringkas WHERE tingkat = 'semua'"));
        Assert.Equal(new DateTime(2026, 11, 27, 12, 0, 0), c.Scalar<DateTime>("SELECT waktu_acuan FROM mart_cuti_waktu_ringkas WHERE tingkat = 'semua'"));
        // city rows and quarters/years only in the _periode mart
        Assert.Equal(0, c.Scalar<int>("SELECT count(*) FROM mart_cuti_online WHERE kode_unit = 'KOTA' OR jenis_periode <> 'bulan'"));
        Assert.Equal(0.0, c.Scalar<double>("SELECT share_online FROM mart_cuti_online_periode WHERE kode_unit = 'KOTA' AND periode = '2026'"));
        Assert.Equal(0L, c.Scalar<long>("SELECT n_tertunda FROM mart_cuti_tertunda WHERE kode_unit = 'U1'"));
        EfisiensiMarts.Refresh(c, new EfisiensiOptions { ReferenceTime = new DateTime(2026, 11, 27, 12, 0, 0) });
        Assert.Equal(1, c.Scalar<int>("SELECT count(*) FROM mart_cuti_waktu"));
    }
}
