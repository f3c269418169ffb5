using System.Diagnostics;
using System.Globalization;
using Kepegawaian.Etl;

namespace Kepegawaian.Bench;

/// <summary>
/// Times each file's load from the ETL's progress reports, which arrive synchronously on the loading
/// thread: start → staged is hash + read + validate + Appender; staged → done is the set-based SQL
/// checks, merge, rejects ledger, commit and the move to processed/.
/// </summary>
public sealed class PhaseClock : IProgress<EtlProgress>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<FileTimes> files = [];

    public void Report(EtlProgress value)
    {
        var now = clock.Elapsed.TotalSeconds;
        switch (value.Stage)
        {
            case "start": files.Add(new FileTimes(value.File) { Start = now }); break;
            case "staged": files[^1].Staged = now; break;
            case "read": break;
            default: files[^1].Done = now; files[^1].Rows = value.RowsRead; break;
        }
    }

    public void Print(TextWriter output)
    {
        output.WriteLine("| file | rows | read+validate+stage s | checks+merge+commit s | total s | rows/s |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var f in files)
        {
            var staged = f.Staged ?? f.Done;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {f.File} | {f.Rows:N0} | {staged - f.Start:0.00} | {f.Done - staged:0.00} | {f.Done - f.Start:0.00} | {f.Rows / Math.Max(f.Done - f.Start, 1e-9):N0} |"));
        }
        var stage = files.Sum(f => (f.Staged ?? f.Done) - f.Start);
        var rest = files.Sum(f => f.Done - (f.Staged ?? f.Done));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| all | {files.Sum(f => f.Rows):N0} | {stage:0.00} | {rest:0.00} | {stage + rest:0.00} | |"));
    }

    private sealed class FileTimes(string file)
    {
        public string File { get; } = file;
        public double Start { get; init; }
        public double? Staged { get; set; }
        public double Done { get; set; }
        public long Rows { get; set; }
    }
}
