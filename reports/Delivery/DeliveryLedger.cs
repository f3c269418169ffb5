using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Reports.Delivery;

public enum ClaimResult { Claimed, AlreadySent, Busy, NotDue, Exhausted }

/// <summary>
/// One delivery: channel and recipient are the ledger key (one row per week × channel × recipient). <see cref="Unit"/>: the
/// kode_unit an e-mail recipient is bound to (its section goes beside the city brief); <see cref="Entry"/>: the configuration
/// key it came from (<c>Delivery:Recipients:2</c>), named in error messages.
/// </summary>
public sealed record DeliveryTarget(string Channel, string Recipient)
{
    public const string Email = "email";
    public const string Folder = "folder";

    public string? Unit { get; init; }
    public string? Entry { get; init; }
}

public sealed record LedgerRow(
    string ReportWeek, string Channel, string Recipient, string Status, int Attempts, string? LastError,
    string? ClaimedBy, DateTime? ClaimedAt, DateTime? NextAttemptAt, DateTime? SentAt);

/// <summary>
/// The delivery ledger (table <c>report_delivery</c>, migration V040): at most one successful send
/// per report week × channel × recipient. Times are wall clock in <c>Schedule:TimeZone</c> like the rest of the warehouse.
/// Each operation opens its own connection (DuckDB connections are not thread-safe).
/// </summary>
public sealed class DeliveryLedger(WarehouseDatabase database)
{
    private static string Sql(string name) => SqlResources.Read(typeof(DeliveryLedger).Assembly, $"delivery/{name}.sql");

    /// <summary>
    /// Tries to take the delivery for this scheduler. The claim is a committed INSERT under the
    /// primary key (or a guarded UPDATE of a failed row); a concurrent claimer gets a constraint or
    /// write-write conflict from DuckDB and sees <see cref="ClaimResult.Busy"/>.
    /// </summary>
    public (ClaimResult Result, DateTime? NextAttemptAt) TryClaim(string week, DeliveryTarget target, string owner, DateTime now, int maxAttempts)
    {
        using var c = database.Open();
        try
        {
            using var tx = c.BeginTransaction();
            var key = Key(week, target);
            string? status = null;
            int attempts = 0;
            DateTime? next = null;
            using (var cmd = c.Command(Sql("select"), key))
            using (var r = cmd.ExecuteReader())
                if (r.Read())
                {
                    status = r.GetString(0);
                    attempts = r.GetInt32(1);
                    next = r.IsDBNull(3) ? null : r.GetDateTime(3);
                }

            switch (status)
            {
                case null:
                    c.Execute(Sql("insert_claim"), [.. key, ("owner", owner), ("now", now)]);
                    break;
                case "sent":
                    return (ClaimResult.AlreadySent, null);
                case "working":
                    return (ClaimResult.Busy, null);
                case "failed" when attempts >= maxAttempts:
                    return (ClaimResult.Exhausted, null);
                case "failed" when next is { } due && due > now:
                    return (ClaimResult.NotDue, due);
                default:
                    if (c.Execute(Sql("reclaim"), [.. key, ("owner", owner), ("now", now), ("attempts", attempts)]) != 1)
                        return (ClaimResult.Busy, null);
                    break;
            }
            tx.Commit();
            return (ClaimResult.Claimed, null);
        }
        catch (DuckDBException)
        {
            // Duplicate key or a write-write conflict: another scheduler claimed it first.
            return (ClaimResult.Busy, null);
        }
    }

    public void MarkSent(string week, DeliveryTarget target, string owner, DateTime now)
    {
        using var c = database.Open();
        c.Execute(Sql("mark_sent"), [.. Key(week, target), ("owner", owner), ("now", now)]);
    }

    public void MarkFailed(string week, DeliveryTarget target, string owner, string error, DateTime nextAttempt)
    {
        using var c = database.Open();
        c.Execute(Sql("mark_failed"), [.. Key(week, target), ("owner", owner), ("error", Truncate(error, 2000)), ("next", nextAttempt)]);
    }

    /// <summary>Marks claims older than <paramref name="cutoff"/> failed; returns how many.</summary>
    public int ExpireStuck(DateTime now, DateTime cutoff)
    {
        using var c = database.Open();
        try
        {
            return c.Execute(Sql("expire_stuck"), ("now", now), ("cutoff", cutoff));
        }
        catch (DuckDBException)
        {
            return 0; // a concurrent scheduler is expiring the same rows
        }
    }

    public IReadOnlyList<LedgerRow> List(string week)
    {
        using var c = database.Open();
        using var cmd = c.Command(Sql("list"), ("week", week));
        using var r = cmd.ExecuteReader();
        var rows = new List<LedgerRow>();
        while (r.Read())
            rows.Add(new LedgerRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : r.GetDateTime(7), r.IsDBNull(8) ? null : r.GetDateTime(8), r.IsDBNull(9) ? null : r.GetDateTime(9)));
        return rows;
    }

    private static (string, object?)[] Key(string week, DeliveryTarget t) =>
        [("week", week), ("channel", t.Channel), ("recipient", t.Recipient)];

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
