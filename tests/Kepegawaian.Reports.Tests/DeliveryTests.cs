using Kepegawaian.Reports.Delivery;
using Kepegawaian.Warehouse;
using MimeKit;

namespace Kepegawaian.Reports.Tests;

public sealed class DeliveryTests : IDisposable
{
    private readonly DeliveryFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task Each_recipient_gets_one_email_with_the_summary_and_the_pdf_and_xlsx()
    {
        var outcome = await f.Service().DeliverAsync(ReportSeed.Week);
        Assert.Equal(2, outcome.Sent);
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.A));
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.B));
        var mail = f.Smtp.Received.First();
        Assert.Contains("2026-W47", mail.Subject);
        Assert.Contains("82,15 (B Baik)", mail.HtmlBody);              // the executive brief is the body
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
        var names = mail.Attachments.OfType<MimePart>().Select(a => a.FileName).ToList();
        Assert.Contains("laporan-mingguan-2026-W47.pdf", names);
        Assert.Contains("laporan-mingguan-2026-W47.xlsx", names);

        // Running again (a second trigger, `report deliver` by hand) sends nothing more.
        var again = await f.Service().DeliverAsync(ReportSeed.Week);
        Assert.Equal(0, again.Sent);
        Assert.All(again.Results, r => Assert.Equal("already_sent", r.Status));
        Assert.Equal(2, f.Smtp.Received.Count);
    }

    [Fact]
    public async Task A_refused_recipient_is_retried_after_the_backoff_and_only_it_is_resent()
    {
        f.Smtp.Refuse[DeliveryFixture.B] = true;
        var first = await f.Service().DeliverAsync(ReportSeed.Week);
        Assert.Equal(1, first.Sent);
        Assert.Equal("failed", first.Results.Single(r => r.Recipient == DeliveryFixture.B).Status);
        // First retry 5 minutes later (RetryBackoff × 2^0).
        Assert.Equal(f.Clock.GetUtcNow().AddMinutes(5), first.NextRetryAt);
        var row = f.Service().Ledger(ReportSeed.Week).Single(r => r.Recipient == DeliveryFixture.B);
        Assert.Equal(("failed", 1), (row.Status, row.Attempts));
        Assert.NotNull(row.LastError);

        f.Smtp.Refuse.Clear();
        f.Clock.Advance(TimeSpan.FromMinutes(2));
        var early = await f.Service().DeliverAsync(ReportSeed.Week); // before the backoff: nothing goes
        Assert.Equal(0, early.Sent);
        Assert.Equal(0, f.Smtp.CountTo(DeliveryFixture.B));

        f.Clock.Advance(TimeSpan.FromMinutes(3));
        var retry = await f.Service().DeliverAsync(ReportSeed.Week);
        Assert.Equal(1, retry.Sent);
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.A));
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.B));
        var sent = f.Service().Ledger(ReportSeed.Week).Single(r => r.Recipient == DeliveryFixture.B);
        Assert.Equal(("sent", 2), (sent.Status, sent.Attempts));
        // The retry carries the very report A received, not a rebuilt one.
        Assert.Equal(Pdf(DeliveryFixture.A), Pdf(DeliveryFixture.B));
    }

    private byte[] Pdf(string to)
    {
        var part = f.Smtp.Received.Single(m => m.To.Mailboxes.Any(x => x.Address == to)).Attachments.OfType<MimePart>().Single(a => a.FileName?.EndsWith(".pdf", StringComparison.Ordinal) == true);
        using var ms = new MemoryStream();
        part.Content!.DecodeTo(ms);
        return ms.ToArray();
    }

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        var s = f.Service();
        Assert.Equal(TimeSpan.FromMinutes(5), s.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(20), s.Backoff(3));
        Assert.Equal(TimeSpan.FromHours(6), s.Backoff(20));
    }

    [Fact]
    public async Task A_claim_stuck_past_the_timeout_is_marked_failed_and_then_delivered()
    {
        // WIB = UTC+7: the ledger's wall clock under the default Schedule:TimeZone.
        var nowWib = DateTime.SpecifyKind(f.Clock.GetUtcNow().UtcDateTime.AddHours(7), DateTimeKind.Unspecified);
        using (var c = f.Warehouse.Open())
        {
            c.Execute("INSERT INTO report_delivery (report_week, channel, recipient, status, attempts, claimed_by, claimed_at) VALUES ('2026-W47', 'email', $r, 'working', 1, 'dead-host', $t)",
                ("r", DeliveryFixture.A), ("t", nowWib.AddMinutes(-30)));
            c.Execute("INSERT INTO report_delivery (report_week, channel, recipient, status, attempts, claimed_by, claimed_at) VALUES ('2026-W47', 'email', $r, 'working', 1, 'live-host', $t)",
                ("r", DeliveryFixture.B), ("t", nowWib.AddMinutes(-2)));
        }
        var outcome = await f.Service().DeliverAsync(ReportSeed.Week);
        // A: the 30-minute-old claim exceeded the 10-minute timeout → failed → retried now.
        Assert.Equal("sent", outcome.Results.Single(r => r.Recipient == DeliveryFixture.A).Status);
        // B: a fresh claim by another scheduler is left alone.
        Assert.Equal("busy", outcome.Results.Single(r => r.Recipient == DeliveryFixture.B).Status);
        Assert.Equal(0, f.Smtp.CountTo(DeliveryFixture.B));
        var a = f.Service().Ledger(ReportSeed.Week).Single(r => r.Recipient == DeliveryFixture.A);
        Assert.Equal(("sent", 2), (a.Status, a.Attempts));
    }

    [Fact]
    public async Task Folder_channel_copies_the_report_once()
    {
        var folder = f.Out.Sub("archive");
        f.Options.Recipients.Clear();
        f.Options.Folder = folder;
        var outcome = await f.Service().DeliverAsync(ReportSeed.Week);
        Assert.Equal(1, outcome.Sent);
        Assert.True(File.Exists(Path.Combine(folder, "2026-W47", "laporan-mingguan-2026-W47.pdf")));
        Assert.Equal("already_sent", (await f.Service().DeliverAsync(ReportSeed.Week)).Results.Single().Status);
    }

    [Fact]
    public async Task Concurrent_runs_on_one_warehouse_send_each_email_once()
    {
        var runs = Enumerable.Range(0, 4).Select(i => Task.Run(() => f.Service($"scheduler-{i}").DeliverAsync(ReportSeed.Week))).ToArray();
        var outcomes = await Task.WhenAll(runs);
        Assert.Equal(2, outcomes.Sum(o => o.Sent));
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.A));
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.B));
    }

    [Fact]
    public async Task Exactly_one_of_many_concurrent_claimers_wins_each_delivery()
    {
        var ledger = new DeliveryLedger(f.Warehouse.Database);
        var target = new DeliveryTarget(DeliveryTarget.Email, DeliveryFixture.A);
        var now = new DateTime(2026, 11, 23, 7, 0, 0);
        for (var w = 1; w <= 10; w++)
        {
            var week = $"2026-W{w:00}";
            var claims = Enumerable.Range(0, 6).Select(i => Task.Run(() => ledger.TryClaim(week, target, $"scheduler-{i}", now, 5).Result)).ToArray();
            var results = await Task.WhenAll(claims);
            Assert.Equal(1, results.Count(r => r == ClaimResult.Claimed));
            Assert.All(results.Where(r => r != ClaimResult.Claimed), r => Assert.Equal(ClaimResult.Busy, r));
            Assert.Equal("working", Assert.Single(ledger.List(week)).Status);
        }
    }
}
