namespace Kepegawaian.Warehouse;

/// <summary>
/// One warehouse writer at a time within this process: the inbox scan and the mart refresh under `serve`
/// take turns instead of a scan committing loads under a refresh that has already read the last load (or a
/// refresh reading facts half-way through a scan). Quartz's DisallowConcurrentExecution only keeps a job from
/// overlapping itself. A writer that finds the gate taken waits (its trigger is not lost) until it is free or
/// the job is cancelled. Other processes are kept out by DuckDB's file lock, not by this gate.
/// </summary>
public sealed class WarehouseWriteGate
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Lock state = new();
    private string? holder;
    private readonly List<string> waiting = [];

    /// <summary>The writer inside (e.g. "etl-inbox-scan"), or null.</summary>
    public string? Holder { get { lock (state) return holder; } }

    /// <summary>The writers waiting for their turn, oldest first.</summary>
    public IReadOnlyList<string> Waiting { get { lock (state) return [.. waiting]; } }

    /// <summary>Waits for the turn of <paramref name="writer"/>; dispose the result to hand it on.</summary>
    public async ValueTask<IDisposable> EnterAsync(string writer, CancellationToken cancellationToken)
    {
        lock (state) waiting.Add(writer);
        try
        {
            await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (state) waiting.Remove(writer);
        }
        lock (state) holder = writer;
        return new Turn(this);
    }

    private sealed class Turn(WarehouseWriteGate gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) != 0) return;
            lock (gate.state) gate.holder = null;
            gate.turn.Release();
        }
    }
}
