using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Options;
using Kepegawaian.Reports.Weekly;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kepegawaian.Reports.Delivery;

public sealed record DeliveryResult(string Channel, string Recipient, string Status, string? Error);

/// <summary>What one delivery run did; <see cref="NextRetryAt"/> is when a failed target may be retried.</summary>
public sealed record DeliveryOutcome(Periode Week, IReadOnlyList<DeliveryResult> Results, DateTimeOffset? NextRetryAt, WeeklyReportFiles? Files)
{
    public int Sent => Results.Count(r => r.Status == "sent");
    public bool AnyFailed => Results.Any(r => r.Status is "failed" or "exhausted" or "invalid");

    /// <summary>A recipient's configuration is wrong (a unit dim_unit does not hold): nothing to retry until it is fixed.</summary>
    public bool AnyInvalid => Results.Any(r => r.Status == "invalid");
}

/// <summary>
/// Builds the weekly report and delivers it by e-mail and/or folder through the ledger: what was
/// sent is never sent again, a failure is retried with doubling backoff, a stuck claim is expired.
/// </summary>
public sealed class ReportDeliveryService(
    WeeklyReportBuilder builder, DeliveryLedger ledger, IReportMailer mailer,
    IOptions<DeliveryOptions> delivery, IOptions<SmtpOptions> smtp, TimeProvider clock, ILogger<ReportDeliveryService>? logger = null)
{
    private readonly ILogger log = logger ?? NullLogger<ReportDeliveryService>.Instance;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    /// <summary>Identifies this scheduler in the ledger's <c>claimed_by</c>.</summary>
    public string InstanceId { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public DeliveryOptions Options => delivery.Value;

    /// <summary>
    /// The e-mail recipients (a unit-bound one carries its kode_unit) and the folder; one target per channel × recipient,
    /// the ledger's key (an address listed twice is one delivery; options validation refuses one address bound to two units).
    /// </summary>
    public IReadOnlyList<DeliveryTarget> Targets() =>
        delivery.Value.Recipients.Select((r, i) => (r, i)).Where(x => x.r is not null && !string.IsNullOrWhiteSpace(x.r.Address))
            .Select(x => new DeliveryTarget(DeliveryTarget.Email, x.r.Address.Trim())
            {
                Unit = x.r.IsUnit ? x.r.Unit!.Trim() : null,
                Entry = $"{DeliveryOptions.Section}:Recipients:{x.i.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            })
            .Concat(string.IsNullOrWhiteSpace(delivery.Value.Folder) ? [] : [new DeliveryTarget(DeliveryTarget.Folder, Path.GetFullPath(delivery.Value.Folder))])
            .DistinctBy(t => (t.Channel, t.Recipient)).ToList();

    /// <summary>
    /// Unit-bound recipients whose kode_unit the warehouse does not know (dim_unit), each with a message naming its entry;
    /// empty when every unit exists (or none is configured).
    /// </summary>
    public IReadOnlyList<(DeliveryTarget Target, string Error)> UnknownUnits()
    {
        var bound = Targets().Where(t => t.Unit is not null).ToList();
        if (bound.Count == 0) return [];
        var known = builder.Units().Select(u => u.KodeUnit).ToHashSet(StringComparer.Ordinal);
        return bound.Where(t => !known.Contains(t.Unit!))
            .Select(t => (t, $"{t.Entry} ({t.Recipient}): kode_unit '{t.Unit}' tidak ada di warehouse (dim_unit); periksa {t.Entry}:Unit. / unknown unit, check {t.Entry}:Unit."))
            .ToList();
    }

    public async Task<DeliveryOutcome> DeliverAsync(Periode week, CancellationToken cancellationToken = default)
    {
        var o = delivery.Value;
        var now = Local(clock.GetUtcNow());
        var expired = ledger.ExpireStuck(now, now - o.ClaimTimeout);
        if (expired > 0) log.LogWarning("Delivery ledger: {Count} stuck claim(s) marked failed", expired);

        var results = new List<DeliveryResult>();
        var claimed = new List<DeliveryTarget>();
        DateTime? nextDue = null;
        // A unit the warehouse does not know is a configuration error: reported (naming the entry), not claimed, so it uses
        // no attempt and goes out on the first run after the configuration (or the unit data) is fixed.
        IReadOnlyList<(DeliveryTarget Target, string Error)> unknown = [];
        try { unknown = UnknownUnits(); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The check must not hold up the city recipients: a unit that really is unknown then fails its own section.
            log.LogWarning(ex, "Weekly report {Week}: the recipients' units could not be checked against dim_unit", week);
        }
        foreach (var (t, error) in unknown)
        {
            log.LogError("Weekly report {Week}: {Error}", week, error);
            results.Add(new(t.Channel, t.Recipient, "invalid", error));
        }
        foreach (var target in Targets().Where(t => !unknown.Any(u => u.Target == t)))
        {
            var (result, due) = ledger.TryClaim(week.ToString(), target, InstanceId, now, o.MaxAttempts);
            switch (result)
            {
                case ClaimResult.Claimed: claimed.Add(target); break;
                case ClaimResult.NotDue:
                    nextDue = Min(nextDue, due);
                    results.Add(new(target.Channel, target.Recipient, "waiting", null));
                    break;
                default:
                    results.Add(new(target.Channel, target.Recipient, result switch
                    {
                        ClaimResult.AlreadySent => "already_sent",
                        ClaimResult.Exhausted => "exhausted",
                        _ => "busy",
                    }, null));
                    break;
            }
        }
        if (claimed.Count == 0)
            return new DeliveryOutcome(week, results, ToInstant(nextDue), null);

        WeeklyReportFiles files;
        try
        {
            // One report per week: a retry sends the same files the other recipients got.
            // The unit sections of the claimed unit recipients are built with it, from the same data.
            files = builder.BuildOnce(week, Path.Combine(builder.Options.OutDir, week.ToString()),
                claimed.Select(t => t.Unit).OfType<string>().ToList());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Weekly report {Week} could not be built", week);
            foreach (var t in claimed)
            {
                nextDue = Min(nextDue, Fail(week, t, "build: " + ex.Message, now));
                results.Add(new(t.Channel, t.Recipient, "failed", ex.Message));
            }
            return new DeliveryOutcome(week, results, ToInstant(nextDue), null);
        }

        UnitBriefBuilder? units = null;
        foreach (var target in claimed)
        {
            UnitFiles? unit = null;
            if (target.Unit is { } kode)
            {
                // A unit section that cannot be built fails this recipient only (retried with backoff); the others go out.
                try
                {
                    unit = UnitFiles.Load(files, kode) ?? UnitFiles.Write(files, (units ??= builder.UnitBriefs(week)).Build(kode), ReportText.For(builder.Options.Language));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var error = $"{target.Entry}: unit section {kode}: {ex.Message}";
                    nextDue = Min(nextDue, Fail(week, target, error, Local(clock.GetUtcNow())));
                    results.Add(new(target.Channel, target.Recipient, "failed", error));
                    log.LogWarning(ex, "Weekly report {Week}: the section of unit {Unit} for {Recipient} could not be built", week, kode, target.Recipient);
                    continue;
                }
            }
            try
            {
                // A send that hangs must end before the claim would be considered stuck.
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(o.ClaimTimeout);
                if (target.Channel == DeliveryTarget.Email)
                    await mailer.SendAsync(Message(files, target.Recipient, unit), timeout.Token);
                else
                    CopyToFolder(files, target.Recipient, week);
                ledger.MarkSent(week.ToString(), target, InstanceId, Local(clock.GetUtcNow()));
                results.Add(new(target.Channel, target.Recipient, "sent", null));
                log.LogInformation("Weekly report {Week} delivered to {Channel} {Recipient}", week, target.Channel, target.Recipient);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                nextDue = Min(nextDue, Fail(week, target, ex.Message, Local(clock.GetUtcNow())));
                results.Add(new(target.Channel, target.Recipient, "failed", ex.Message));
                log.LogWarning(ex, "Weekly report {Week} to {Recipient} failed", week, target.Recipient);
            }
        }
        return new DeliveryOutcome(week, results, ToInstant(nextDue), files);
    }

    public IReadOnlyList<LedgerRow> Ledger(Periode week) => ledger.List(week.ToString());

    private DateTime? Fail(Periode week, DeliveryTarget target, string error, DateTime now)
    {
        var attempts = ledger.List(week.ToString()).FirstOrDefault(r => r.Channel == target.Channel && r.Recipient == target.Recipient)?.Attempts ?? 1;
        var next = now + Backoff(attempts);
        ledger.MarkFailed(week.ToString(), target, InstanceId, error, next);
        return attempts >= delivery.Value.MaxAttempts ? null : next;
    }

    /// <summary>RetryBackoff × 2^(attempts−1), capped at 6 hours.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var ticks = delivery.Value.RetryBackoff.Ticks * Math.Pow(2, Math.Max(0, attempts - 1));
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The city report's e-mail; a unit recipient's has the unit section on top of the body and as an HTML attachment.</summary>
    private MimeMessage Message(WeeklyReportFiles files, string recipient, UnitFiles? unit)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = unit?.Subject ?? files.Subject;
        var body = new BodyBuilder
        {
            HtmlBody = File.ReadAllText(unit?.EmailHtml ?? files.EmailHtml),
            TextBody = File.ReadAllText(unit?.SummaryText ?? files.SummaryText),
        };
        body.Attachments.Add(files.Pdf);
        body.Attachments.Add(files.Xlsx);
        if (unit is not null) body.Attachments.Add(unit.Html);
        message.Body = body.ToMessageBody();
        return message;
    }

    private static void CopyToFolder(WeeklyReportFiles files, string folder, Periode week)
    {
        var target = Directory.CreateDirectory(Path.Combine(folder, week.ToString())).FullName;
        foreach (var f in new[] { files.Html, files.Pdf, files.Xlsx })
            File.Copy(f, Path.Combine(target, Path.GetFileName(f)), overwrite: true);
    }

    private static DateTime? Min(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    /// <summary>The zone of the schedule, the report week and the ledger's times: the builder's (<c>Schedule:TimeZone</c>).</summary>
    public TimeZoneInfo Zone => builder.Zone;

    /// <summary>Instant → wall clock in <see cref="Zone"/> (the warehouse's TIMESTAMP convention, V001).</summary>
    public DateTime Local(DateTimeOffset instant) => LocalZone.WallClock(instant, Zone);

    private DateTimeOffset? ToInstant(DateTime? local) => local is { } l ? LocalZone.Instant(l, Zone) : null;
}
