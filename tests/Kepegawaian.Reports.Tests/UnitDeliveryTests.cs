using System.Globalization;
using Kepegawaian.Reports.Delivery;
using Kepegawaian.Reports.Options;
using Kepegawaian.Reports.Weekly;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kepegawaian.Reports.Tests;

/// <summary>
/// Issue 12 item 5: a recipient bound to a unit gets that unit's section (the unit and its descendants) beside the city brief,
/// on the real SMTP server and the seeded warehouse, with the exactly-once ledger per recipient.
/// </summary>
public sealed class UnitDeliveryTests : IDisposable
{
    private const string Kadis = "kadis.dukcapil@palembang.go.id";
    private const string Camat = "camat.ib1@palembang.go.id";
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");
    private readonly DeliveryFixture f = new();

    public UnitDeliveryTests()
    {
        using var c = f.Warehouse.Open();
        // The hierarchy the seed leaves flat: the two kelurahan under their kecamatan (U02), and a UPT under the dinas (U01).
        c.Execute("UPDATE dim_unit SET kode_induk = 'U02' WHERE kode_unit IN ('U05', 'U06')");
        c.Execute("INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, kode_induk, row_hash) VALUES ('U07', 'UPT Dukcapil Seberang Ulu', 'lainnya', 'U01', 7)");
        c.Execute("INSERT INTO mart_jp_unit (kode_unit, tahun, pegawai, patuh, share_patuh) VALUES ('U07', 2026, 12, 6, 0.5)");
        c.Execute("INSERT INTO mart_cuti_tertunda (kode_unit, waktu_acuan, n_jatuh_tempo, n_tertunda, share_tertunda) VALUES ('U07', TIMESTAMP '2026-11-22 20:00:00', 12, 7, 7.0 / 12)");
        // The city row stays the sum of its units (6 + 11 + 2 + 7 pending of 30 + 20 + 10 + 12 due).
        c.Execute("UPDATE mart_cuti_tertunda SET n_jatuh_tempo = 72, n_tertunda = 26 WHERE kode_unit = 'KOTA'");
    }

    public void Dispose() => f.Dispose();

    /// <summary>The subtree of <paramref name="root"/> by a recursive query over dim_unit, and one mart's sums over it.</summary>
    private (long A, long B) SubtreeSums(string root, string sql)
    {
        using var c = f.Warehouse.Open();
        using var cmd = c.Command($"""
            WITH RECURSIVE t(k) AS (SELECT $root UNION ALL SELECT u.kode_unit FROM dim_unit u JOIN t ON u.kode_induk = t.k)
            {sql}
            """, ("root", root));
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        return (r.GetInt64(0), r.GetInt64(1));
    }

    private static string Body(MimeMessage m) => m.HtmlBody ?? "";

    [Fact]
    public async Task Two_city_recipients_and_one_unit_recipient_get_three_mails_once_and_only_the_unit_one_has_the_unit_section()
    {
        f.Options.Recipients.Add(new DeliveryRecipient { Address = Kadis, Unit = "U01" });
        var job = new WeeklyReportJob(f.Service(), f.Clock);
        var outcome = await job.RunAsync("2026-W47", catchUp: false);
        Assert.Equal(3, outcome!.Sent);
        Assert.Equal(3, f.Smtp.Received.Count);

        // Independently: 20 JP over U01 and U07 (SQL over dim_unit and mart_jp_unit), pending over the same subtree.
        var (pegawai, patuh) = SubtreeSums("U01", "SELECT sum(pegawai)::BIGINT, sum(patuh)::BIGINT FROM mart_jp_unit WHERE tahun = 2026 AND kode_unit IN (SELECT k FROM t)");
        var (due, pending) = SubtreeSums("U01", "SELECT sum(n_jatuh_tempo)::BIGINT, sum(n_tertunda)::BIGINT FROM mart_cuti_tertunda WHERE kode_unit IN (SELECT k FROM t)");
        Assert.Equal((32L, 21L), (pegawai, patuh));   // the seed plus the UPT: a sanity check of the query, not of the code
        var jp = string.Format(Id, "{0:N1} % dari {1:N0} pegawai", 100.0 * patuh / pegawai, pegawai);
        var cuti = string.Format(Id, "{0:N0} pengajuan dari {1:N0} jatuh tempo", pending, due);

        var unitMail = f.Smtp.Received.Single(m => m.To.Mailboxes.Any(x => x.Address == Kadis));
        var html = Body(unitMail);
        // Kept for a person to look at (like the charts): the body as the head of the OPD sees it.
        File.WriteAllText(Path.Combine(ReportSeed.Artifacts("unit-delivery"), "unit-U01.email.html"), html);
        File.WriteAllText(Path.Combine(ReportSeed.Artifacts("unit-delivery"), "unit-U01.txt"), unitMail.TextBody);
        Assert.Contains("Ringkasan unit: Dinas Kependudukan (U01)", html);
        Assert.Contains("UPT Dukcapil Seberang Ulu", html);                // the child is covered
        Assert.Contains(jp, html);
        // Pending: the city brief names U05 (11) and U07 (7) but leaves U01 (6) out (26 − 24 = 2 would give U06), so the
        // subtree's 13 beside the city's 26 and U05's 11 would give U06's 2 too: withheld (finding of the small-cell review).
        Assert.Equal((42L, 13L), (due, pending));
        Assert.DoesNotContain(cuti, html);
        Assert.Contains("tidak ditampilkan (aturan sel kecil)", html);
        Assert.Contains("89,72 (A Sangat Baik)", html);                     // the unit's IKM beside the city's
        Assert.Contains("kota 82,15 (B Baik)", html);
        Assert.Contains("82,15 (B Baik)", html);                            // and the city brief itself
        Assert.True(html.IndexOf("Ringkasan unit", StringComparison.Ordinal) < html.IndexOf("Perlu tindakan minggu ini", StringComparison.Ordinal));
        Assert.Contains(jp, unitMail.TextBody);
        Assert.Contains("Dinas Kependudukan", unitMail.Subject);
        Assert.Contains("2026-W47", unitMail.Subject);
        var names = unitMail.Attachments.OfType<MimePart>().Select(a => a.FileName).ToList();
        Assert.Contains("laporan-mingguan-2026-W47.pdf", names);
        Assert.Contains("ringkasan-unit-U01-2026-W47.html", names);

        foreach (var city in new[] { DeliveryFixture.A, DeliveryFixture.B })
        {
            var mail = f.Smtp.Received.Single(m => m.To.Mailboxes.Any(x => x.Address == city));
            Assert.DoesNotContain("Ringkasan unit", Body(mail));
            Assert.DoesNotContain(jp, Body(mail));
            Assert.Contains("82,15 (B Baik)", Body(mail));
            Assert.DoesNotContain(mail.Attachments.OfType<MimePart>(), a => a.FileName != null && a.FileName.StartsWith("ringkasan-unit", StringComparison.Ordinal));
        }

        // The unit section's "Perlu tindakan" names only units of its subtree: the city's grade-C/D and online lines are elsewhere.
        var section = html[..html.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.DoesNotContain("Kelurahan 10 Ilir", section);
        Assert.Contains("UPT Dukcapil Seberang Ulu</b> — 7 pengajuan tertunda", section);

        // The section is kept beside the week's report (retries send the same).
        Assert.True(File.Exists(Path.Combine(f.Out.Sub("out"), "2026-W47", "unit", "ringkasan-unit-U01-2026-W47.email.html")));

        // The job again (a second trigger, a restart): nothing is sent twice; one ledger row per recipient.
        var again = await new WeeklyReportJob(f.Service(), f.Clock).RunAsync("2026-W47", catchUp: false);
        Assert.Equal(0, again!.Sent);
        Assert.Equal(3, f.Smtp.Received.Count);
        var ledger = f.Service().Ledger(ReportSeed.Week);
        Assert.Equal(3, ledger.Count);
        Assert.All(ledger, r => Assert.Equal("sent", r.Status));
        Assert.Contains(ledger, r => r.Recipient == Kadis);
    }

    [Fact]
    public async Task A_unit_section_that_fails_blocks_no_one_else_and_is_retried_alone()
    {
        f.Options.Recipients.Add(new DeliveryRecipient { Address = Kadis, Unit = "U01" });
        // The week's city report exists already (as the service builds it); a file where the unit folder goes makes the
        // unit section unwritable.
        var outDir = f.Out.Sub("out");
        var weekDir = Path.Combine(outDir, "2026-W47");
        new WeeklyReportBuilder(new Data.ReportDataReader(f.Warehouse.Database), Microsoft.Extensions.Options.Options.Create(new ReportOptions { OutDir = outDir }), f.Clock)
            .BuildOnce(ReportSeed.Week, weekDir);
        File.WriteAllText(Path.Combine(weekDir, "unit"), "not a folder");

        var first = await f.Service().DeliverAsync(ReportSeed.Week);
        Assert.Equal(2, first.Sent);
        var failed = first.Results.Single(r => r.Recipient == Kadis);
        Assert.Equal("failed", failed.Status);
        Assert.Contains("Delivery:Recipients:2", failed.Error);
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.A));
        Assert.Equal(0, f.Smtp.CountTo(Kadis));
        Assert.NotNull(first.NextRetryAt);

        File.Delete(Path.Combine(weekDir, "unit"));
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await f.Service().DeliverAsync(ReportSeed.Week);
        Assert.Equal(1, retry.Sent);
        Assert.Equal(1, f.Smtp.CountTo(Kadis));
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.A));
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.B));
        Assert.Contains("Ringkasan unit: Dinas Kependudukan", Body(f.Smtp.Received.Single(m => m.To.Mailboxes.Any(x => x.Address == Kadis))));
    }

    [Fact]
    public async Task A_unit_the_warehouse_does_not_know_is_named_and_not_claimed_while_the_others_go_out()
    {
        f.Options.Recipients.Add(new DeliveryRecipient { Address = Kadis, Unit = "X99" });
        var outcome = await f.Service().DeliverAsync(ReportSeed.Week);
        Assert.Equal(2, outcome.Sent);
        var bad = outcome.Results.Single(r => r.Recipient == Kadis);
        Assert.Equal("invalid", bad.Status);
        Assert.Contains("Delivery:Recipients:2", bad.Error);
        Assert.Contains("'X99'", bad.Error);
        Assert.True(outcome.AnyFailed);
        Assert.True(outcome.AnyInvalid);
        Assert.DoesNotContain(f.Service().Ledger(ReportSeed.Week), r => r.Recipient == Kadis);   // no attempt used up
        Assert.Equal(0, f.Smtp.CountTo(Kadis));
    }

    [Fact]
    public async Task Serve_start_up_logs_each_unknown_unit_naming_its_entry()
    {
        f.Options.Recipients.Add(new DeliveryRecipient { Address = Kadis, Unit = "U01" });
        f.Options.Recipients.Add(new DeliveryRecipient { Address = Camat, Unit = "KEC-XX" });
        var log = new Lines<DeliveryUnitCheck>();
        await new DeliveryUnitCheck(f.Service(), log).StartAsync(CancellationToken.None);
        var line = Assert.Single(log.Items);
        Assert.Contains("Delivery:Recipients:3", line);
        Assert.Contains("'KEC-XX'", line);
    }

    private sealed class Lines<T> : Microsoft.Extensions.Logging.ILogger<T>
    {
        public List<string> Items { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Items.Add(formatter(state, exception));
    }

    [Fact]
    public void A_subtree_total_that_would_reveal_a_small_unit_by_subtraction_is_withheld()
    {
        // Kecamatan U02 with its kelurahan U05 (11 pending) and U06 (2 pending). The city brief names U05 with 11 (≥ 5) and
        // not U06; printing the subtree's 13 would give U06's 2 as 13 − 11. So the section withholds it (and does not
        // print "<5" either: 13 is not small).
        var units = ReportSeed.Builder(f.Warehouse).UnitBriefs(ReportSeed.Week);
        var kecamatan = units.Build("U02");
        var t = ReportText.For("id");
        var pendingKec = kecamatan.Figures.Single(x => x.Title.StartsWith("Cuti tertunda", StringComparison.Ordinal));
        Assert.Equal("tidak ditampilkan (aturan sel kecil)", pendingKec.Value);
        Assert.DoesNotContain("13", string.Join("\n", kecamatan.Lines(t)).Replace("2026", "", StringComparison.Ordinal));
        // 20 JP of the kecamatan: U02's own 4 employees are hidden in the annex, so 52 employees beside U05's 40 and U06's 8 would give them away.
        Assert.Equal("tidak ditampilkan (aturan sel kecil)", kecamatan.Figures.Single(x => x.Title.Contains("20 JP", StringComparison.Ordinal)).Value);
        Assert.Equal(["Kecamatan Ilir Barat I", "Kelurahan 2 Ilir", "Kelurahan 10 Ilir"], kecamatan.Members);
        // Its "Perlu tindakan": the grade-D kelurahan are its own; U06's 2 pending requests are not named.
        Assert.Contains(kecamatan.Actions.SelectMany(g => g.Items), i => i.Unit == "Kelurahan 10 Ilir");
        Assert.DoesNotContain(kecamatan.Actions.SelectMany(g => g.Items), i => i.Unit == "Dinas Kependudukan");
        Assert.DoesNotContain(kecamatan.Actions.SelectMany(g => g.Items), i => i.Figure.Contains("2 pengajuan tertunda", StringComparison.Ordinal));

        // The dinas U01 + UPT U07 (6 + 7): the city brief names only U05 and U07 (it leaves U01 out, as 26 − 11 − 7 − 6 = 2),
        // so 13 beside 26 and 11 would give U06's 2 as 26 − 13 − 11: withheld as well.
        var dinas = units.Build("U01");
        Assert.Equal("tidak ditampilkan (aturan sel kecil)", dinas.Figures.Single(x => x.Title.StartsWith("Cuti tertunda", StringComparison.Ordinal)).Value);
        Assert.Throws<UnitNotFoundException>(() => units.Build("X99"));
    }

    [Fact]
    public void The_unit_section_encodes_unit_names_names_its_alert_and_follows_the_report_language()
    {
        var brief = ReportSeed.Builder(f.Warehouse, "en").UnitBriefs(ReportSeed.Week).Build("U03");
        var html = brief.Html(ReportText.For("en"));
        Assert.Contains("Unit summary: &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co (U03)", html);
        Assert.DoesNotContain("<script>", html);
        // U03 carries the city's one confirmed alert (2026-Q3: 78.00 → 70.00, grade B → C).
        var alert = brief.Figures.Single(x => x.Title == "IKM alert");
        Assert.Contains("IKM 70.00, down 2.10 points per quarter over 6 quarters (previous quarter 78.00)", alert.Value);
        Assert.Contains("Needs action in this unit", html);
    }

    [Theory]
    // city total, (unit, count, known)…, subtree → publishable
    [InlineData(26, "U05:11:1,U06:2:0,U01:6:1,U07:7:1", "U05,U06", false)]   // 13 − 11 = 2
    [InlineData(26, "U05:11:1,U06:2:0,U01:6:1,U07:7:1", "U01,U07", true)]    // nothing unknown inside
    [InlineData(26, "U05:11:1,U06:2:0,U01:6:1,U07:7:1", "U06", false)]       // small itself
    [InlineData(30, "A:3:0,B:3:0,C:24:1", "A,B", true)]                      // 6 unknown inside, 0 unknown outside
    [InlineData(33, "A:3:0,B:3:0,C:24:1,D:3:0", "A,B", false)]               // … but then D's 3 = 33 − 24 − 6
    [InlineData(10, "A:0:0,B:10:1", "A", true)]                              // 0 describes nobody
    [InlineData(20, "A:6:0,B:10:1,C:4:0", "A", false)]                       // A's 6 would split 10 = 20 − 10 into 6 and C's 4
    [InlineData(19, "A:6:0,B:10:1", "A", false)]                             // the city 3 above its units: a small unassigned 3 outside
    [InlineData(24, "A:6:0,B:10:1,C:4:0", "A", true)]                        // C's 4 and an unassigned 4: 8 outside
    public void Subtree_disclosure_rule(long city, string rows, string subtree, bool expected)
    {
        var perUnit = rows.Split(',').Select(r => r.Split(':')).Select(p => (p[0], long.Parse(p[1], CultureInfo.InvariantCulture), p[2] == "1"));
        Assert.Equal(expected, SubtreeDisclosure.Publishable(5, city, perUnit, subtree.Split(',').ToHashSet()));
    }

    [Fact]
    public void Recipients_bind_from_plain_strings_and_unit_objects_and_bad_entries_are_named()
    {
        var ok = Bind(("Delivery:Recipients:0", "a@palembang.go.id"), ("Delivery:Recipients:1:Address", Kadis), ("Delivery:Recipients:1:Unit", "U01"));
        Assert.Equal(2, ok.Recipients.Count);
        Assert.Equal(("a@palembang.go.id", false), (ok.Recipients[0].Address, ok.Recipients[0].IsUnit));
        Assert.Equal((Kadis, "U01"), (ok.Recipients[1].Address, ok.Recipients[1].Unit));

        var ex = Assert.Throws<OptionsValidationException>(() => Bind(("Delivery:Recipients:0", "a@palembang.go.id"),
            ("Delivery:Recipients:1:Address", "not an address"), ("Delivery:Recipients:1:Unit", "U01"),
            ("Delivery:Recipients:2:Address", Camat), ("Delivery:Recipients:2:Unit", "U 02; DROP"),
            ("Delivery:Recipients:3:Address", Camat), ("Delivery:Recipients:3:Unit", "U05")));
        Assert.Contains("Delivery:Recipients:1 is not a valid e-mail address", ex.Message);
        Assert.Contains("Delivery:Recipients:2:Unit 'U 02; DROP' is not a kode_unit", ex.Message);
        Assert.Contains("Delivery:Recipients:3 repeats", ex.Message);
        Assert.DoesNotContain("Delivery:Recipients:0", ex.Message);
    }

    private DeliveryOptions Bind(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
            .Append(new("Warehouse:Path", f.Warehouse.Path)));
        builder.AddReports();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
    }
}
