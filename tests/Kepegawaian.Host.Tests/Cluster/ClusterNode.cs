using System.Diagnostics;
using System.Text;
using Kepegawaian.Host.Tests.Faults;

namespace Kepegawaian.Host.Tests.Cluster;

/// <summary>
/// One `kepegawaian serve` node as a real process (<see cref="HostProcess"/>), clustered on a shared PostgreSQL
/// job store, warehouse file and inbox. Quartz logs at Information so the test sees the scheduler start and each job.
/// </summary>
internal sealed class ClusterNode : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ClusterNode(string id, Process process)
    {
        Id = id;
        this.process = process;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Id { get; }

    public bool HasExited => process.HasExited;

    public string Log { get { lock (log) return log.ToString(); } }

    /// <param name="settings">Configuration every node shares (inbox, cron, …) as environment variables.</param>
    public static ClusterNode Start(string id, string workDir, string db, string jobStore, IReadOnlyDictionary<string, string> settings)
    {
        var env = new Dictionary<string, string>(settings)
        {
            ["Quartz__Clustering__ConnectionString"] = jobStore,
            ["Quartz__Clustering__InstanceId"] = id,
            ["Dashboard__Urls"] = "http://127.0.0.1:0",
            ["Logging__LogLevel__Quartz"] = "Information",
        };
        return new ClusterNode(id, HostProcess.Start(workDir, env, "serve", "--db", db));
    }

    /// <summary>Waits until the node's scheduler has joined the cluster.</summary>
    public Task StartedAsync(TimeSpan timeout) => UntilLogAsync($"Scheduler kepegawaian_$_{Id} started", timeout);

    public async Task UntilLogAsync(string text, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!Log.Contains(text, StringComparison.Ordinal))
        {
            if (HasExited) throw new InvalidOperationException($"node {Id} exited ({process.ExitCode}) before logging '{text}':\n{Tail()}");
            if (watch.Elapsed > timeout) throw new TimeoutException($"node {Id} did not log '{text}' within {timeout}:\n{Tail()}");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown, no check-out from the cluster, the warehouse lock dropped by the kernel.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill();
        await process.WaitForExitAsync();
    }

    public string Tail(int lines = 60) => string.Join('\n', Log.Split('\n').TakeLast(lines));

    public void Dispose()
    {
        if (!process.HasExited) process.Kill();
        process.WaitForExit();
        process.Dispose();
    }
}
