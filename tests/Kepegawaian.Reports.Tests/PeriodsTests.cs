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

        // The unit table reads the mart (every response loaded) and says so: 70 respondents, 230/70 per element → 82,14, B;
        // 70 of a 370 minimum for 10 000 people: indicative, and the year (90) is no better.
        var table = report.Sections.Single(s => s.Id == "ikm").Tables.Single(t => t.Name == "ikm_unit");
        Assert.Equal("IKM per unit, Triwulan IV 2026 (berjalan, data s.d. 1 Desember 2026) (terendah lebih dulu)", table.Title);
        var row = table.Rows.Single();
        Assert.Equal(new object?[] { "Dinas Uji", 70L, 82.14 }, row[..3].Select(v => v is double d ? Math.Round(d, 2) : v).ToArray());
        Assert.Equal(new object?[] { "B*", "Baik", 370L, "tidak", "B*", "Triwulan IV 2026 (berjalan, data s.d. 1 Desember 2026)" }, row[5..]);
        Assert.Equal([Note], report.Brief.Notes);
    }
}
