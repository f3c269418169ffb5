using System.Collections.Concurrent;

namespace Kepegawaian.Analytics.Common;

/// <summary>
/// Threads of the analytics' own for their parallel loops, instead of the .NET thread pool. A refresh keeps every core
/// busy for tens of seconds; on the pool its loop bodies queue ahead of what else the process runs there (under
/// <c>serve</c>: HTTP requests, timers, the inbox watcher), and nested loops hold several pool threads while they wait.
/// Here they queue only behind each other, and the operating system shares the cores with the rest fairly.
/// Which thread runs a loop body never changes a result: every loop here writes to its own slots in index order.
/// </summary>
internal sealed class ComputeThreads : TaskScheduler
{
    /// <summary>One set per process, a thread per core (background threads: they never keep a process alive).</summary>
    public static ComputeThreads Shared { get; } = new(Environment.ProcessorCount);

    private readonly BlockingCollection<Task> queue = new();
    private readonly int threads;
    [ThreadStatic] private static ComputeThreads? owner; // the set the current thread belongs to

    internal ComputeThreads(int threads)
    {
        this.threads = threads;
        for (var i = 0; i < threads; i++)
            new Thread(Work) { IsBackground = true, Name = $"analytics-compute-{i}" }.Start();
    }

    /// <summary>Options that run a <see cref="Parallel"/> loop on these threads.</summary>
    public static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { CancellationToken = cancellationToken, TaskScheduler = Shared };

    public override int MaximumConcurrencyLevel => threads;

    private void Work()
    {
        owner = this;
        foreach (var task in queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }

    protected override void QueueTask(Task task) => queue.Add(task);

    /// <summary>
    /// Only a compute thread runs a task inline. A loop nested in another's body waits for its own queued parts that way
    /// (no deadlock when every thread is busy); a caller from outside blocks until a compute thread has run them.
    /// A task run inline that is still queued is skipped when dequeued (<see cref="TaskScheduler.TryExecuteTask"/> is false).
    /// </summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => owner == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();
}
