using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Xunit.Abstractions;

namespace Kepegawaian.Host.Tests.Cluster;

/// <summary>
/// Issue 14 §4: two `serve` nodes on one PostgreSQL job store share one schedule. Two unclustered nodes would each
/// fire every cron slot; clustered, each slot's inbox scan runs on exactly one of them.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Category", "Cluster")]
public sealed class ClusterScheduleTests(ITestOutputHelper output)
{
    /// <summary>
    /// The clock the two nodes schedule by. They are real `serve` processes, so theirs is the system clock (shifted alike
    /// under tests/run.sh's KEP_TEST_CLOCK); the test watches their cron slots on the same one, read as a TimeProvider.
    /// </summary>
    private static readonly TimeProvider NodesClock = TimeProvider.System;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Slot = TimeSpan.FromSeconds(10);
    private const int SlotsWatched = 4;

    [Fact]
    public async Task Each_cron_slot_scans_the_inbox_once_across_two_nodes()
    {
        await using var pg = await TestPostgres.CreateAsync();
        using var folder = TempFolder.Create("cluster-scan");
        var db = folder.File("wh.duckdb");
        var settings = new Dictionary<string, string>
        {
            ["Etl__Inbox"] = folder.Sub("inbox"), ["Etl__SettleSeconds"] = "0", ["Etl__Cron"] = "0/10 * * * * ?", ["Etl__Watch"] = "false",
            ["Schedule__TimeZone"] = "UTC", ["Reports__OutDir"] = folder.Sub("out"),
        };

        using var a = ClusterNode.Start("node-a", folder.Path, db, pg.ConnectionString, settings);
        await a.StartedAsync(StartTimeout);
        using var b = ClusterNode.Start("node-b", folder.Path, db, pg.ConnectionString, settings);
        try
        {
            await b.StartedAsync(StartTimeout);
            // Both nodes up: watch whole slots that begin a slot after now. Each node's start-up scan is a one-shot trigger in
            // the shared store, fired by whichever node acquires it next — on a loaded machine seconds after "started", so
            // a slot starting right away could count node b's start-up scan as a second run.
            var from = NextSlot(NodesClock.GetUtcNow().UtcDateTime + Slot);
            var until = from + SlotsWatched * Slot;
            await Task.Delay(until - NodesClock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(3), NodesClock);
            Assert.False(a.HasExited, "node a stopped:\n" + a.Tail());
            Assert.False(b.HasExited, "node b stopped:\n" + b.Tail());
            await a.KillAsync();
            await b.KillAsync();

            using var warehouse = new WarehouseDatabase(db).Open(readOnly: true);
            var starts = new List<DateTime>();
            using (var cmd = warehouse.Command("SELECT started_at FROM etl_run WHERE started_at >= $from AND started_at < $until ORDER BY 1",
                ("from", from), ("until", until)))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) starts.Add(r.GetDateTime(0));
            output.WriteLine($"slots {from:HH:mm:ss}–{until:HH:mm:ss}: runs at {string.Join(", ", starts.Select(s => s.ToString("HH:mm:ss.fff")))}");

            // One run per slot, begun within the slot's first half (a 0-row scan takes milliseconds).
            var expected = Enumerable.Range(0, SlotsWatched).Select(i => from + i * Slot).ToList();
            Assert.Equal(expected, starts.Select(SlotOf).ToList());
            Assert.All(starts, s => Assert.True(s - SlotOf(s) < Slot / 2, $"run at {s:HH:mm:ss.fff} started late in its slot"));
        }
        catch
        {
            output.WriteLine($"node a:\n{a.Tail()}\nnode b:\n{b.Tail()}");
            throw;
        }
    }

    /// <summary>The first slot boundary at or after <paramref name="t"/>.</summary>
    private static DateTime NextSlot(DateTime t) => SlotOf(t) == t ? t : SlotOf(t) + Slot;

    /// <summary>The slot <paramref name="t"/> falls in (wall clock in UTC, as Schedule:TimeZone is here).</summary>
    private static DateTime SlotOf(DateTime t) => new(t.Ticks / Slot.Ticks * Slot.Ticks, DateTimeKind.Unspecified);
}
