using System.Globalization;
using Kepegawaian.Etl;
using Spectre.Console;

namespace Kepegawaian.Service.Cli;

/// <summary>
/// Runs a load with feedback: a progress bar when a person watches a terminal, plain log lines
/// (on the error stream, so stdout stays the summary) when output is redirected or captured.
/// </summary>
public static class EtlProgressDisplay
{
    public static async Task<EtlRunSummary> RunAsync(EtlRunner runner, EtlRequest request, TextWriter output, TextWriter log, CancellationToken ct)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        if (!interactive)
            return await runner.RunAsync(request with { Progress = new Immediate(p => { if (Finished(p)) log.WriteLine(Line(p)); }) }, ct);

        var files = Math.Max(1, Directory.EnumerateFiles(request.Inbox).Count());
        EtlRunSummary? summary = null;
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("ETL", maxValue: files);
            var progress = new Immediate(p =>
            {
                task.Description = Markup.Escape($"{Output.TerminalSafe.Clean(p.File)} {p.RowsRead.ToString("N0", CultureInfo.GetCultureInfo("id-ID"))}");
                if (Finished(p)) task.Increment(1);
            });
            summary = await runner.RunAsync(request with { Progress = progress }, ct);
            task.Value = task.MaxValue;
        });
        return summary!;
    }

    /// <summary>The last event of a file carries its status (loaded, duplicate, failed, …); the others are stages.</summary>
    private static bool Finished(EtlProgress p) => p.Stage is not ("start" or "read" or "staged" or "checked" or "merged");

    /// <summary>One log line, stamped in <c>Schedule:TimeZone</c> like the warehouse's timestamps (the server may run on UTC).</summary>
    private static string Line(EtlProgress p) =>
        string.Create(CultureInfo.InvariantCulture, $"[etl] {CliClock.LocalNow():HH:mm:ss} {Output.TerminalSafe.Clean(p.File)} ({p.Entity ?? "-"}): {p.Stage}, {p.RowsRead} baris dibaca / rows read");

    /// <summary>Reports on the loader's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Immediate(Action<EtlProgress> report) : IProgress<EtlProgress>
    {
        public void Report(EtlProgress value) => report(value);
    }
}
