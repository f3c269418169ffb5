using System.Text;
using Kepegawaian.Etl.Loading;
using Kepegawaian.Etl.Reading;
using Kepegawaian.Etl.Validation;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Issue 14 §1: staging reads + validates on its own thread and appends on the caller's. Rows cross batch
/// boundaries with their exact line numbers, rejects travel with their raw text, and a failure or cancellation
/// on either side surfaces on the caller with its own type after the reading thread has stopped.
/// </summary>
public sealed class StagePipelineTests
{
    private const string Header = "id_responden,kode_unit,jenis_layanan,tanggal_survei,u1,u2,u3,u4,u5,u6,u7,u8,u9";

    private static string Row(int i, string date = "2026-05-02") => $"R{i},KEL01,KTP-el,{date},4,4,3,4,4,3,4,4,4";

    private static (StagePipeline Pipeline, IRecordSource Source) Open(IRecordSource source)
    {
        var validator = new RowValidator(EntitySchemas.Skm, new RowContext(new DateOnly(2026, 11, 20), TimeZoneInfo.Utc), source.Header);
        return (new StagePipeline(source, validator, strictFieldCount: true), source);
    }

    [Fact]
    public void Rows_and_rejects_keep_their_exact_line_numbers_and_values_across_batches()
    {
        const int rows = 2 * StagePipeline.BatchRows + 123;
        var text = new StringBuilder(Header).Append('\n');
        var expectedRejects = new List<long>();
        for (var i = 0; i < rows; i++)
        {
            // Every 1 000th record has an impossible date; record i is on line i + 2 (the header is line 1).
            var bad = i % 1000 == 7;
            if (bad) expectedRejects.Add(i + 2);
            text.Append(Row(i, bad ? "2026-13-45" : "2026-05-02")).Append('\n');
        }
        var (pipeline, source) = Open(CsvRecordSource.FromText(text.ToString()));
        var staged = new List<(long Line, string Id)>();
        var rejects = new List<StagedReject>();

        var read = pipeline.Run(batch =>
        {
            for (var r = 0; r < batch.Count; r++) staged.Add((batch.Lines[r], batch.Cells[r * batch.Columns].Text!));
            rejects.AddRange(batch.Rejects);
        }, CancellationToken.None);
        source.Dispose();

        Assert.Equal(rows, read);
        var expectedStaged = Enumerable.Range(0, rows).Where(i => i % 1000 != 7).Select(i => ((long)i + 2, $"R{i}")).ToList();
        Assert.Equal(expectedStaged, staged);
        Assert.Equal(expectedRejects, rejects.Select(r => r.LineNumber));
        Assert.All(rejects, r => Assert.Equal((Reason.FormatTanggal, "tanggal_survei"), (r.Rejection.Code, r.Rejection.Column)));
        var first = rejects[0];
        Assert.Equal(Row(7, "2026-13-45"), first.Raw.Prefix);
        Assert.Equal(RawRow.Of(Row(7, "2026-13-45")), first.Raw);
    }

    [Fact]
    public void An_unreadable_byte_mid_file_surfaces_as_the_readers_own_exception()
    {
        // Past the reader's first 64 K-character buffer, so the NUL is met on the reading thread mid-file.
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; text.Length < 200_000; i++) text.Append(Row(i)).Append('\n');
        text.Append("R\0,KEL01\n");
        var (pipeline, source) = Open(CsvRecordSource.FromText(text.ToString()));

        Assert.Throws<UnreadableFileException>(() => pipeline.Run(_ => { }, CancellationToken.None));
        source.Dispose();
    }

    [Fact]
    public void A_failing_append_stops_the_reader_before_Run_returns()
    {
        var source = new WatchedSource(ManyRows(10 * StagePipeline.BatchRows));
        var (pipeline, _) = Open(source);

        var ex = Assert.Throws<InvalidOperationException>(() => pipeline.Run(_ => throw new InvalidOperationException("append failed"), CancellationToken.None));
        source.Dispose();

        Assert.Equal("append failed", ex.Message);
        Assert.False(source.ReadAfterDispose);
        Assert.True(source.Reads < 10 * StagePipeline.BatchRows); // bounded channel: the reader did not run to the end
    }

    [Fact]
    public void Cancellation_stops_both_sides_with_the_callers_token()
    {
        var source = new WatchedSource(ManyRows(10 * StagePipeline.BatchRows));
        var (pipeline, _) = Open(source);
        using var cts = new CancellationTokenSource();
        var batches = 0;

        var ex = Assert.ThrowsAny<OperationCanceledException>(() => pipeline.Run(_ => { batches++; cts.Cancel(); }, cts.Token));
        source.Dispose();

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, batches);
        Assert.False(source.ReadAfterDispose);
    }

    private static CsvRecordSource ManyRows(int rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++) text.Append(Row(i)).Append('\n');
        return CsvRecordSource.FromText(text.ToString());
    }

    /// <summary>Notices a read after the caller disposed the source (the reading thread outliving Run).</summary>
    private sealed class WatchedSource(IRecordSource inner) : IRecordSource
    {
        private volatile bool disposed;
        public bool ReadAfterDispose { get; private set; }
        public int Reads { get; private set; }
        public IReadOnlyList<string> Header => inner.Header;
        public long LineNumber => inner.LineNumber;
        public int FieldCount => inner.FieldCount;
        public string? Malformed => inner.Malformed;
        public bool TooLong => inner.TooLong;
        public ReadOnlySpan<char> Field(int index) => inner.Field(index);
        public RawRow Raw() => inner.Raw();

        public bool Read()
        {
            if (disposed) ReadAfterDispose = true;
            Reads++;
            return inner.Read();
        }

        public void Dispose()
        {
            disposed = true;
            inner.Dispose();
        }
    }
}
