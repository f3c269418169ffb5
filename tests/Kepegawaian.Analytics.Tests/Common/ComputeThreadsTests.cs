using System.Collections.Concurrent;
using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Analytics.Tests.Common;

/// <summary>The analytics' parallel loops run on threads of their own, never the thread pool's, nested loops included.</summary>
public sealed class ComputeThreadsTests
{
    [Theory]
    [InlineData(1)] // every part of a nested loop waits on the one thread: finishes only if waiting runs the queued parts inline
    [InlineData(2)]
    [InlineData(3)]
    public void Nested_loops_run_every_index_once_on_compute_threads(int threads)
    {
        var scheduler = new ComputeThreads(threads);
        var options = new ParallelOptions { TaskScheduler = scheduler };
        var runs = new int[20, 50];
        var poolThreads = 0;
        var names = new ConcurrentDictionary<string, bool>();
        Parallel.For(0, 20, options, i =>
        {
            Parallel.For(0, 50, options, j =>
            {
                Interlocked.Increment(ref runs[i, j]);
                if (Thread.CurrentThread.IsThreadPoolThread) Interlocked.Increment(ref poolThreads);
                names.TryAdd(Thread.CurrentThread.Name ?? "", true);
                Thread.SpinWait(2000);
            });
        });
        Assert.All(runs.Cast<int>(), n => Assert.Equal(1, n));
        Assert.Equal(0, poolThreads);
        Assert.All(names.Keys, n => Assert.StartsWith("analytics-compute-", n));
        Assert.InRange(names.Count, 1, threads);
    }

    [Fact]
    public void A_failing_body_surfaces_its_exception_and_a_cancelled_loop_stops()
    {
        var options = ComputeThreads.Options(CancellationToken.None);
        var e = Assert.Throws<AggregateException>(() => Parallel.For(0, 100, options, i => { if (i == 37) throw new InvalidOperationException("body 37"); }));
        Assert.Equal("body 37", Assert.Single(e.InnerExceptions).Message);

        using var cts = new CancellationTokenSource();
        var ran = 0;
        Assert.Throws<OperationCanceledException>(() => Parallel.For(0, 1_000_000, ComputeThreads.Options(cts.Token), i =>
        {
            if (Interlocked.Increment(ref ran) == 10) cts.Cancel();
        }));
        Assert.True(ran < 1_000_000);
    }
}
