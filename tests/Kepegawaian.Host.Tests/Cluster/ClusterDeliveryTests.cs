using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Host.Tests.Faults;
using Kepegawaian.Reports.Tests;
using Kepegawaian.Testing;
using Xunit.Abstractions;

namespace Kepegawaian.Host.Tests.Cluster;

/// <summary>
/// Issue 14 §4: two clustered `serve` nodes start and one restarts — each start re-fires the weekly report's catch-up
/// trigger — and every recipient still gets the week's report exactly once, through a real SMTP server on 127.0.0.1.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Category", "Cluster")]
public sealed class ClusterDeliveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private const string WeeklyRunEnded = " targets"; // "Weekly report {week}: {sent} sent, {n} targets"
    private static readonly string[] Recipients = ["kepala@palembang.go.id", "bkpsdm@palembang.go.id"];

    [Fact]
    public async Task Two_nodes_send_the_weekly_report_once_per_recipient()
    {
        await using var pg = await TestPostgres.CreateAsync();
        using var smtp = new TestSmtpServer();
        using var folder = TempFolder.Create("cluster-mail");
        var db = folder.File("wh.duckdb");
        var source = folder.Sub("source");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = source, Employees = 150, Years = 1, Seed = 3, BadRows = 0.02, EndDate = new DateOnly(2026, 10, 31) });
        var load = await HostProcess.RunAsync(folder.Path, Timeout, "etl", "--inbox", source, "--db", db, "--format", "json");
        Assert.True(load.ExitCode == 0, load.Error);

        var settings = new Dictionary<string, string>
        {
            ["Etl__Inbox"] = folder.Sub("inbox"), ["Etl__SettleSeconds"] = "0", ["Etl__Cron"] = "0 0 0 1 1 ? 2099",
            ["Schedule__TimeZone"] = "UTC", ["Reports__OutDir"] = folder.Sub("out"),
            // Monday 00:00: the last complete week is always due, whatever day the test runs, so each start's catch-up sends it.
            ["Delivery__Cron"] = "0 0 0 ? * MON",
            ["Delivery__Recipients__0"] = Recipients[0], ["Delivery__Recipients__1"] = Recipients[1],
            ["Smtp__Host"] = "127.0.0.1", ["Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None", ["Smtp__From"] = "laporan@palembang.go.id", ["Smtp__LocalDomain"] = "localhost",
        };
        using var a = ClusterNode.Start("node-a", folder.Path, db, pg.ConnectionString, settings);
        using var b = ClusterNode.Start("node-b", folder.Path, db, pg.ConnectionString, settings);
        try
        {
            await a.StartedAsync(Timeout);
            await b.StartedAsync(Timeout);
            // Each node's start (re-)fires the catch-up: wait for the first complete delivery, then long enough for
            // any second fire and two failure-detection cycles to have sent a duplicate.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (smtp.Received.Count < Recipients.Length && watch.Elapsed < Timeout) await Task.Delay(500);
            await Task.Delay(TimeSpan.FromSeconds(20));

            // A node restarting re-fires the catch-up for certain: a second weekly run, on either node, must send nothing.
            await a.KillAsync();
            using var again = ClusterNode.Start("node-a", folder.Path, db, pg.ConnectionString, settings);
            await again.StartedAsync(Timeout);
            watch.Restart();
            while (Occurrences(a.Log + b.Log + again.Log, WeeklyRunEnded) < 2)
            {
                Assert.True(watch.Elapsed < Timeout, "the restarted node's catch-up did not run");
                await Task.Delay(500);
            }
            output.WriteLine(string.Join('\n', (a.Log + b.Log + again.Log).Split('\n').Where(l => l.Contains("Weekly report", StringComparison.Ordinal))));

            Assert.All(Recipients, r => Assert.Equal(1, smtp.CountTo(r)));
            Assert.Equal(Recipients.Length, smtp.Received.Count);
        }
        catch
        {
            output.WriteLine($"node a:\n{a.Tail(80)}\nnode b:\n{b.Tail(80)}");
            throw;
        }
    }

    private static int Occurrences(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
