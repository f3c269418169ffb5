using System.Diagnostics;
using System.Globalization;
using Kepegawaian.Etl;

namespace Kepegawaian.Bench;

/// <summary>
/// Times each file's load from the ETL's progress reports, which arrive synchronously on the loading
/// thread: start → staged is hash + read + validate (C#) + Appender into staging; staged → checked the
/// set-based SQL checks; checked → merged the merge into the core tables; merged → done the rejects
/// ledger, audit row, commit and the move to processed/.
/// </summary>
public sealed class PhaseClock : IProgress<EtlProgress>
{
    private static readonly string[] Stages = ["staged", "checked", "merged"];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<FileTimes> files = [];

    public void Report(EtlProgress value)
    {
        var now = clock.Elapsed.TotalSeconds;
        switch (value.Stage)
        {
            case "start": files.Add(new FileTimes(value.File, now)); break;
            case "read": break;
            case var stage when Array.IndexOf(Stages, stage) is var i and >= 0: files[^1].Marks[i] = now; break;
            default: files[^1].Done = now; files[^1].Rows = value.RowsRead; break;
        }
    }

    public void Print(TextWriter output)
    {
        output.WriteLine("| file | rows | read+validate+stage s | SQL checks s | merge s | ledger+commit+move s | total s | rows/s |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var sums = new double[4];
        foreach (var f in files)
        {
            var parts = f.Parts();
            for (var i = 0; i < 4; i++) sums[i] += parts[i];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {f.File} | {f.Rows:N0} | {parts[0]:0.00} | {parts[1]:0.00} | {parts[2]:0.00} | {parts[3]:0.00} | {f.Done - f.Start:0.00} | {f.Rows / Math.Max(f.Done - f.Start, 1e-9):N0} |"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| all | {files.Sum(f => f.Rows):N0} | {sums[0]:0.00} | {sums[1]:0.00} | {sums[2]:0.00} | {sums[3]:0.00} | {sums.Sum():0.00} | |"));
    }

    private sealed class FileTimes(string file, double start)
    {
        public string File { get; } = file;
        public double Start { get; } = start;
        public double?[] Marks { get; } = new double?[3];
        public double Done { get; set; }
        public long Rows { get; set; }

        /// <summary>Durations of the four parts; a file that stopped early (duplicate, failed) puts the rest in the last part reached.</summary>
        public double[] Parts()
        {
            var parts = new double[4];
            var previous = Start;
            for (var i = 0; i < 3; i++)
            {
                if (Marks[i] is not { } mark) continue;
                parts[i] = mark - previous;
                previous = mark;
            }
            parts[3] = Done - previous;
            return parts;
        }
    }
}
