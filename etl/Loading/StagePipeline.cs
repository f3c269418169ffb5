using System.Collections.Concurrent;
using System.Threading.Channels;
using Kepegawaian.Etl.Reading;
using Kepegawaian.Etl.Validation;

namespace Kepegawaian.Etl.Loading;

/// <summary>A row the validator refused, with what the ledger keeps of its text (captured while the record is current).</summary>
internal readonly record struct StagedReject(long LineNumber, Rejection Rejection, RawRow Raw);

/// <summary>
/// Validated rows handed from the reading thread to the connection's thread: the cells of <see cref="Count"/>
/// rows, row-major (<see cref="Columns"/> per row), their line numbers, and the rejects met among them.
/// </summary>
internal sealed class StageBatch(int capacity, int columns)
{
    public int Columns { get; } = columns;
    public Cell[] Cells { get; } = new Cell[capacity * columns];
    public long[] Lines { get; } = new long[capacity];
    public List<StagedReject> Rejects { get; } = [];
    public int Count { get; set; }
    public long RejectChars { get; set; }

    /// <summary>Records read from the file up to and including this batch.</summary>
    public long ReadSoFar { get; set; }

    public bool Full => Count == Lines.Length || RejectChars >= StagePipeline.MaxRejectCharsPerBatch;

    public void Reset()
    {
        Count = 0;
        RejectChars = 0;
        Rejects.Clear();
    }
}

/// <summary>
/// Read + validate on one thread, append on the caller's (the DuckDB connection is not thread-safe), so the
/// C# parsing and validation overlap the Appender: the two halves of staging use both cores (issue 14 §1).
/// A bounded channel keeps at most <see cref="Capacity"/> batches in flight, so memory stays bounded whatever the
/// file's size; a failure or cancellation on either side stops both and surfaces on the caller's thread with its
/// own exception type (an unreadable file still fails only that file).
/// Measured on 1 M cuti rows (2026-12-01): read + validate ≈ 1.3 s CPU, DuckDB.NET's Appender ≈ 2.2 s. The append side
/// is now <see cref="StagingAppender"/> (2026-12-03, about 40 % cheaper, most of what is left DuckDB's own chunk append), so
/// the two halves are close, and on 2 cores a second validating thread would take its core from the append.
/// </summary>
internal sealed class StagePipeline(IRecordSource source, RowValidator validator, bool strictFieldCount)
{
    public const int BatchRows = 8192;
    public const int Capacity = 3;

    /// <summary>Rejected rows keep up to <see cref="RawRow.PrefixChars"/> of text each; a batch of them is cut at ~2 MB.</summary>
    public const int MaxRejectCharsPerBatch = 1 << 20;

    private const int CancelCheckEvery = 16_384;

    /// <summary>Runs the reader and calls <paramref name="consume"/> on this thread for each batch, in file order; returns records read.</summary>
    public long Run(Action<StageBatch> consume, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<StageBatch>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
        var pool = new ConcurrentQueue<StageBatch>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Factory.StartNew(() => Produce(channel.Writer, pool, stop.Token),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        long read = 0;
        try
        {
            var reader = channel.Reader;
            while (reader.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult())
                while (reader.TryRead(out var batch))
                {
                    ct.ThrowIfCancellationRequested();
                    consume(batch);
                    read = batch.ReadSoFar;
                    batch.Reset();
                    pool.Enqueue(batch);
                }
            // The writer completes on success and on failure alike: the producer's own exception (e.g. an
            // UnreadableFileException from a bad byte mid-file) is rethrown here, unwrapped.
            producer.GetAwaiter().GetResult();
            return read;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            ct.ThrowIfCancellationRequested();
            throw;
        }
        finally
        {
            // On any failure here, stop the reader before the caller disposes the source it reads.
            stop.Cancel();
            try { producer.Wait(CancellationToken.None); }
            catch (AggregateException) { }
        }
    }

    private void Produce(ChannelWriter<StageBatch> writer, ConcurrentQueue<StageBatch> pool, CancellationToken ct)
    {
        try
        {
            var row = validator.Row;
            var columns = row.Length;
            StageBatch Rent() => pool.TryDequeue(out var b) ? b : new StageBatch(BatchRows, columns);
            var batch = Rent();
            long read = 0;
            while (source.Read())
            {
                if (++read % CancelCheckEvery == 0) ct.ThrowIfCancellationRequested();
                if (validator.Validate(source, strictFieldCount) is { } r)
                {
                    var raw = source.Raw();
                    batch.Rejects.Add(new StagedReject(source.LineNumber, r, raw));
                    batch.RejectChars += raw.Prefix.Length + r.Message.Length;
                }
                else
                {
                    row.AsSpan().CopyTo(batch.Cells.AsSpan(batch.Count * columns, columns));
                    batch.Lines[batch.Count++] = source.LineNumber;
                }
                if (batch.Full)
                {
                    batch.ReadSoFar = read;
                    Send(writer, batch, ct);
                    batch = Rent();
                }
            }
            batch.ReadSoFar = read;
            Send(writer, batch, ct);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private static void Send(ChannelWriter<StageBatch> writer, StageBatch batch, CancellationToken ct)
    {
        if (!writer.TryWrite(batch)) writer.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
    }
}
