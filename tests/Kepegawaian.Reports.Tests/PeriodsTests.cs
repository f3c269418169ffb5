using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Weekly;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Reports.Tests;

/// <summary>
/// Issue 11.6 "say what a period is": indicative IKM grades (sample below Krejcie–Morgan), the annual grade where only it
/// suffices, and running periods compared like with like. Fixed dates only; expected values worked out by hand.
/// </summary>
public sealed class PeriodsTests : IDisposable
{
    private readonly TempFolder outDir = TempFolder.Create("periods");

    public void Dispose() => outDir.Dispose();

    private static readonly string Note = ReportText.Indonesian.IndicativeNote();

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>The report seed (2026-W47, quarter 2026-Q3) plus two small-sample units and an indicative alert.</summary>
    private static TempWarehouse SeedWithSmallSamples()
    {
        var wh = ReportSeed.Create();
        using var c = wh.Open();
        c.Execute("""
            INSERT INTO mart_ikm (level, kode_unit, nama_unit, jenis_layanan, periode, jenis_periode, periode_mulai, responden,
                nrr_u1, nrr_u2, nrr_u3, nrr_u4, nrr_u5, nrr_u6, nrr_u7, nrr_u8, nrr_u9, ikm, mutu, kinerja, ci_low, ci_high,
                populasi, sampel_minimum, sampel_cukup) VALUES
              -- 70 respondents for 10 000 people (minimum 370), and the year is no better: indicative C.
              ('unit', 'U07', 'Dinas Kecil', NULL, '2026-Q3', 'triwulan', DATE '2026-07-01', 70, 2.8,2.8,2.8,2.8,2.8,2.8,2.8,2.8,2.8, 70.00, 'C', 'Kurang Baik', 68, 72, 10000, 370, false),
              ('unit', 'U07', 'Dinas Kecil', NULL, '2026', 'tahun', DATE '2026-01-01', 200, 2.8,2.8,2.8,2.8,2.8,2.8,2.8,2.8,2.8, 70.00, 'C', 'Kurang Baik', 69, 71, 10000, 370, false),
              -- 70 respondents for 300 people (minimum 169) in the quarter, 250 in the year: the annual B is the grade to use.
              ('unit', 'U08', 'Dinas Besar', NULL, '2026-Q3', 'triwulan', DATE '2026-07-01', 70, 2.5,2.5,2.5,2.5,2.5,2.5,2.5,2.5,2.5, 62.50, 'D', 'Tidak Baik', 60, 65, 300, 169, false),
              ('unit', 'U08', 'Dinas Besar', NULL, '2026', 'tahun', DATE '2026-01-01', 250, 3.2,3.2,3.2,3.2,3.2,3.2,3.2,3.2,3.2, 80.00, 'B', 'Baik', 79, 81, 300, 169, true);
            -- The alerted unit's quarter becomes a small sample too.
            UPDATE mart_ikm SET populasi = 10000, sampel_minimum = 370, sampel_cukup = false WHERE kode_unit = 'U03' AND periode = '2026-Q3';
            """);
        return wh;
    }

    [Fact]
    public void Indicative_grades_are_marked_everywhere_the_annual_grade_is_preferred_and_the_rule_is_said_once()
    {
        using var wh = SeedWithSmallSamples();
        var builder = ReportSeed.Builder(wh);
        var report = builder.Build(ReportSeed.Week);

        // Brief: C/D units by the grade to use. U08's quarter is D* but its year (B, enough respondents) is used: not listed.
        var cd = report.Brief.Actions.Single(g => g.Title.StartsWith("IKM bermutu C/D", StringComparison.Ordinal)).Items;
        Assert.Equal("IKM 70,00, mutu C*", cd.Single(i => i.Unit == "Dinas Kecil").Figure);
        Assert.Equal("IKM 70,00, mutu C*", cd.Single(i => i.Unit.StartsWith("<script>", StringComparison.Ordinal)).Figure);
        Assert.DoesNotContain(cd, i => i.Unit == "Dinas Besar");
        Assert.Equal("IKM 60,00, mutu D", cd.Single(i => i.Unit.Contains("HYPERLINK", StringComparison.Ordinal)).Figure); // no population: unmarked
        Assert.Equal([Note], report.Brief.Notes);

        // Annex: the quarter's grade as printed, then the grade to use and the period it is for.
        var table = report.Sections.Single(s => s.Id == "ikm").Tables.Single(t => t.Name == "ikm_unit");
        object?[] Row(string unit) => table.Rows.Single(r => (string?)r[0] == unit);
        Assert.Equal(new object?[] { "C*", "Kurang Baik", 370L, "tidak", "C*", "Triwulan III 2026" }, Row("Dinas Kecil")[5..]);
        Assert.Equal(new object?[] { "D*", "Tidak Baik", 169L, "tidak", "B", "Tahun 2026 (berjalan)" }, Row("Dinas Besar")[5..]);
        Assert.Equal(new object?[] { "A", "A", "Triwulan III 2026" }, new[] { Row("Dinas Kependudukan")[5], Row("Dinas Kependudukan")[9], Row("Dinas Kependudukan")[10] });
        Assert.Contains("3 di antaranya bermutu indikatif (*)", report.Sections.Single(s => s.Id == "ikm").Paragraphs[0], StringComparison.Ordinal);

        // Alerts: the alerted quarter's grade is indicative, the quarter before (no population) is not.
        var alert = report.Alerts.Rows.Single();
        Assert.Equal(("C*", "B"), (alert[7], alert[8]));

        // Once per output: HTML, e-mail, text summary (the XLSX summary sheet carries the same lines).
        var files = builder.Write(report, outDir.Path);
        Assert.Equal(1, Count(File.ReadAllText(files.Html), "Mutu indikatif"));
        Assert.Equal(1, Count(File.ReadAllText(files.EmailHtml), "Mutu indikatif"));
        Assert.Equal(1, Count(File.ReadAllText(files.SummaryText), "Mutu indikatif"));

        // Dashboard API: the same marks from the same function, and the grade to use.
        var model = new DashboardModel(new ReportDataReader(wh.Database).Read(), ReportText.Indonesian, 5);
        var u08 = model.IkmTable(new DashboardFilter("2026-Q3", "U08", null)).Single();
        Assert.Equal(("D*", true, "B", "Tahun 2026"), (u08["mutu"], u08["indikatif"], u08["mutu_acuan"], u08["periode_mutu_acuan"]));
        var u01 = model.IkmTable(new DashboardFilter("2026-Q3", "U01", null)).Single();
        Assert.Equal(("A", false), (u01["mutu"], u01["indikatif"]));
        var a = model.AlertTable(new DashboardFilter("2026-Q3", "U03", null)).First();
        Assert.Equal(("C*", "B"), (a["mutu"], a["mutu_sebelumnya"]));
    }

    [Fact]
    public void Without_an_indicative_grade_there_is_no_footnote()
    {
        using var wh = ReportSeed.Create();
        Assert.Empty(ReportSeed.Builder(wh).Build(ReportSeed.Week).Brief.Notes);
    }

    [Fact]
    public void The_one_rule_marks_only_a_known_shortfall()
    {
        Assert.Equal(370, IkmScale.KrejcieMorganMinimum(10_000));
        Assert.True(IkmScale.Indicative(false));
        Assert.False(IkmScale.Indicative(true));
        Assert.False(IkmScale.Indicative(null));
        Assert.Equal("B*", IkmScale.MutuLabel("B", false));
        Assert.Equal("B", IkmScale.MutuLabel("B ", true));
    }

    [Theory]
    [InlineData("2026-Q4", "2026-11-30", "2026-11-29", "Triwulan IV 2026 (berjalan, data s.d. 29 November 2026)")]
    [InlineData("2026-Q4", "2026-11-30", "2026-12-01", "Triwulan IV 2026 (berjalan, data s.d. 1 Desember 2026)")]
    [InlineData("2026-Q4", "2026-11-30", null, "Triwulan IV 2026 (berjalan)")]
    [InlineData("2026-Q3", "2026-11-30", "2026-11-29", "Triwulan III 2026")]
    [InlineData("2026", "2026-11-30", "2027-02-01", "Tahun 2026 (berjalan, data s.d. 31 Desember 2026)")]
    public void Running_periods_carry_their_data_through_day(string periode, string reportEnd, string? through, string expected) =>
        Assert.Equal(expected, ReportText.Indonesian.Period(periode, DateOnly.Parse(reportEnd, System.Globalization.CultureInfo.InvariantCulture),
            through is null ? null : DateOnly.Parse(through, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// A real warehouse with survey and training facts; the report for 2026-W48 (23–29 Nov) is built on Monday 30 Nov, when
    /// responses and trainings of 1 Dec are already loaded.
    /// </summary>
    [Fact]
    public void Running_quarter_and_year_are_compared_with_the_same_span_before_and_hold_nothing_after_the_week()
    {
        using var wh = new TempWarehouse();
        using (var c = wh.Open())
        {
            c.Execute("INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, populasi, row_hash) VALUES ('U10', 'Dinas Uji', 'dinas', 10000, 1)");
            // Responses, all nine elements answered alike:
            //   Q3: 10 × 3 on 15 Jul, 10 × 4 on 15 Sep.  Q4: 40 × 4 on 10 Oct, 20 × 3 on 29 Nov, 10 × 1 on 1 Dec (after the week).
            foreach (var (tag, date, score, n) in new[] { ("a", "2026-07-15", 3, 10), ("b", "2026-09-15", 4, 10), ("c", "2026-10-10", 4, 40), ("d", "2026-11-29", 3, 20), ("e", "2026-12-01", 1, 10) })
                c.Execute($"""
                    INSERT INTO fact_skm (id_responden, kode_unit, jenis_layanan, tanggal_survei, u1, u2, u3, u4, u5, u6, u7, u8, u9, row_hash, etl_file_id)
                    SELECT '{tag}' || i, 'U10', 'umum', DATE '{date}', {score}, {score}, {score}, {score}, {score}, {score}, {score}, {score}, {score}, i, 1 FROM range({n}) t(i)
                    """);
            IkmMarts.Refresh(c);
            // 20 employees all along; 20 JP passed: 2025 — 10 on 1 Mar, 1 on 10 Dec (after the span); 2026 — 6 on 1 May, 5 on 1 Dec (after the week).
            c.Execute("""
                INSERT INTO dim_employee (nip, nama, nama_jabatan, kode_unit, valid_from, is_current, tracked_hash, row_hash, source)
                SELECT 'P' || i, 'Pegawai ' || i, 'Pelaksana', 'U10', DATE '2020-01-01', true, i, i, 'pegawai' FROM range(20) t(i);
                INSERT INTO fact_diklat (id_diklat, nip, kode_pelatihan, nama_pelatihan, jenis_pelatihan, tanggal_mulai, tanggal_selesai, jp, status, row_hash, etl_file_id)
                SELECT 'D' || i || '-' || d, 'P' || (CASE WHEN d = DATE '2026-12-01' THEN i + 10 ELSE i END), 'K1', 'Teknis', 'teknis', d, d, 20, 'lulus', i, 1
                FROM (SELECT * FROM range(10) t(i), (VALUES (DATE '2025-03-01')) v(d)
                      UNION ALL SELECT 10, DATE '2025-12-10'
                      UNION ALL SELECT * FROM range(6) t(i), (VALUES (DATE '2026-05-01')) v(d)
                      UNION ALL SELECT * FROM range(5) t(i), (VALUES (DATE '2026-12-01')) v(d));
                -- The mart counts whole years (what the annex shows): 2026 11/20, 2025 11/20.
                CREATE TABLE mart_jp_unit AS SELECT * FROM (VALUES ('U10', 2026, 20, 11, 0.55), ('U10', 2025, 20, 11, 0.55)) v(kode_unit, tahun, pegawai, patuh, share_patuh);
                """);
        }
        var week = Periode.Parse("2026-W48");
        var report = ReportSeed.Builder(wh, clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero))).Build(week);
        var cards = report.Brief.Kpis.ToDictionary(k => k.Title);

        // Q4 to 29 Nov: (40·4 + 20·3)/60 = 3,6667 per element → 91,67 (A). Same 60 days of Q3 (1 Jul–29 Aug): 10 × 3 → 75,00.
        // (The whole-quarter mart would have said 82,14 — 1 Dec included — against 87,50 for the whole of Q3.)
        var ikm = cards["IKM Kota"];
        Assert.Equal(("Triwulan IV 2026 (berjalan, data s.d. 29 November 2026)", "91,67 (A Sangat Baik)", "+16,67 dibanding Triwulan III 2026 s.d. 29 Agustus 2026 (rentang sama)"),
            (ikm.Period, ikm.Value, ikm.Change));

        // 20 JP 1 Jan–29 Nov 2026: 6/20 = 30,0 %; the same 333 days of 2025 (to 29 Nov 2025): 10/20 = 50,0 % → −20,0 points.
        var jp = cards["Pegawai memenuhi 20 JP"];
        Assert.Equal(("Tahun 2026 (berjalan, data s.d. 29 November 2026)", "30,0 %", "-20,0 poin dibanding Tahun 2025 s.d. 29 November 2025 (rentang sama)"),
            (jp.Period, jp.Value, jp.Change));

        // The unit table ends with the week too (the whole-quarter mart holds 70 respondents, 82,14 B): 60 respondents,
        // 220/60 per element → 91,67, A; 60 of a 370 minimum for 10 000 people: indicative, and the year to date (20 + 60) is no better.
        var table = report.Sections.Single(s => s.Id == "ikm").Tables.Single(t => t.Name == "ikm_unit");
        Assert.Equal("IKM per unit, Triwulan IV 2026 (berjalan, data s.d. 29 November 2026) (terendah lebih dulu)", table.Title);
        var row = table.Rows.Single();
        Assert.Equal(new object?[] { "Dinas Uji", 60L, 91.67 }, row[..3].Select(v => v is double d ? Math.Round(d, 2) : v).ToArray());
        Assert.Equal(new object?[] { "A*", "Sangat Baik", 370L, "tidak", "A*", "Triwulan IV 2026 (berjalan, data s.d. 29 November 2026)" }, row[5..]);
        Assert.Equal([Note], report.Brief.Notes);
        // The brief's C/D list reads the same cut rows: 91,67 is an A, so nothing to act on (the mart's 82,14 B would not be either).
        Assert.Empty(report.Brief.Actions.Single(g => g.Title.StartsWith("IKM bermutu C/D", StringComparison.Ordinal)).Items);

        // Weakest element of the running quarter against the same 60 days of Q3 (1 Jul–29 Aug: 10 × 3), not the whole Q3 (3,5):
        // every element is 3,6667 now, so u1 ranks first (ties: lowest number) and its earlier NRR is 3,0.
        var weak = report.Sections.Single(s => s.Id == "ikm").Tables.Single(t => t.Name == "ikm_unsur_lemah").Rows.Single();
        Assert.Equal(("Dinas Uji", 3.6667, 3.0), ((string)weak[0]!, Math.Round((double)weak[2]!, 4), (double)weak[3]!));
    }

    /// <summary>
    /// Leave requests of one unit on both sides of the end of 2026-W48 (Sunday 29 Nov); the report is built on 1 Dec, when all
    /// of them are loaded. Working days: Mon 2 Nov 08:00 → Tue 3 Nov 08:00 = 1; Mon 9 Nov 08:00 → Thu 12 Nov 08:00 = 3.
    /// </summary>
    [Fact]
    public void Leave_month_of_the_report_counts_only_requests_up_to_the_end_of_the_week()
    {
        using var wh = new TempWarehouse();
        using (var c = wh.Open())
        {
            c.Execute("INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, populasi, row_hash) VALUES ('U10', 'Dinas Uji', 'dinas', NULL, 1)");
            foreach (var (tag, kanal, n, from, to) in new[]
            {
                ("a", "online", 3, "2026-11-02 08:00", "2026-11-03 08:00"),   // 1 working day
                ("b", "manual", 4, "2026-11-09 08:00", "2026-11-12 08:00"),   // 3 working days
                ("c", "manual", 1, "2026-11-27 08:00", "2026-12-01 08:00"),   // decided after the week: pending at Mon 30 Nov 00:00, aged 16 h of Friday = 0,67
                ("d", "manual", 5, "2026-11-30 08:00", "2026-11-30 10:00"),   // submitted after the week (2 h each)
                // October, the month compared with: 29 days match 1–29 Nov.
                ("e", "manual", 5, "2026-10-05 08:00", "2026-10-07 08:00"),   // 2 working days, inside 1–29 Oct
                ("f", "manual", 6, "2026-10-30 08:00", "2026-11-06 08:00"),   // submitted 30 Oct, after the same span: 5 working days
            })
                c.Execute($"""
                    INSERT INTO fact_cuti (id_pengajuan, nip, jenis_cuti, kanal, waktu_pengajuan, waktu_keputusan, status, tanggal_mulai, tanggal_selesai, lama_hari, kode_unit, row_hash, etl_file_id)
                    SELECT '{tag}' || i, 'P' || i, 'tahunan', '{kanal}', TIMESTAMP '{from}', TIMESTAMP '{to}', 'disetujui', DATE '2026-12-14', DATE '2026-12-15', 2, 'U10', i, 1 FROM range({n}) t(i)
                    """);
            // One response and one training so every area has a data-through day (the reader needs the four fact tables).
            c.Execute("""
                INSERT INTO fact_skm (id_responden, kode_unit, jenis_layanan, tanggal_survei, u1, u2, u3, u4, u5, u6, u7, u8, u9, row_hash, etl_file_id)
                VALUES ('r1', 'U10', 'umum', DATE '2026-11-02', 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1)
                """);
            Kepegawaian.Analytics.Efficiency.EfisiensiMarts.Refresh(c);
        }
        var report = ReportSeed.Builder(wh, clock: new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero))).Build(Periode.Parse("2026-W48"));

        // To the end of the week: 8 requests (3 × 1, 4 × 3, one pending at 0,67). Kaplan–Meier: the pending one passes its
        // weight to the 7 still open (8/7 each), so the three 1-day requests weigh 3,43 < 4 = half of 8: median 3,0 days.
        // (The month as loaded — 13 requests, five of 2 hours — has median 1,0: the 7th of 0,08×5, 1×3, 2, 3×4.)
        var card = report.Brief.Kpis.Single(k => k.Title == "Median proses cuti (hari kerja)");
        Assert.Equal("November 2026 (berjalan, data s.d. 29 November 2026)", card.Period);
        Assert.Equal("online – · manual 3,0", card.Value);      // online: 3 requests, under 5, not shown
        // Against October 1–29, aged to 30 Oct 00:00 like November to 30 Nov: the five 2-day requests only (the whole of
        // October, with the six 5-day requests of 30 Oct, would read 5,0 — the 6th of 2×5, 5×6).
        Assert.Equal("semua 3,0 (<5 masih diproses, belum stabil); Oktober s.d. 29 Oktober 2026 (rentang sama): 2,0 (online – · manual 2,0)", card.Change);

        // Online share to the end of the week: 3 of 8 = 37,5 % (as loaded: 3 of 13 = 23,1 %), against 1–29 October: 0 of 5.
        var online = report.Brief.Kpis.Single(k => k.Title == "Pengajuan cuti online");
        Assert.Equal(("November 2026 (berjalan, data s.d. 29 November 2026)", "37,5 % (target 50 %)", "+37,5 poin dibanding Oktober 2026 s.d. 29 Oktober 2026 (rentang sama)"),
            (online.Period, online.Value, online.Change));

        // The annex: the unit's 5 manual requests to the end of the week, median 3,0 (the count itself is hidden with the
        // 3 online ones, else 8 − 5 would give them away).
        var table = report.Sections.Single(s => s.Id == "cuti").Tables.Single(t => t.Name == "cuti_waktu");
        Assert.Equal("Waktu proses cuti per unit, November 2026 (berjalan, data s.d. 29 November 2026)", table.Title);
        var manual = table.Rows.Single(r => (string?)r[1] == "manual");
        Assert.Equal("<5", manual[2]?.ToString());
        Assert.Equal(3.0, (double)manual[4]!, 9);
    }
}
