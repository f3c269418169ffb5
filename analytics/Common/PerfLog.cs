namespace Kepegawaian.Analytics;
internal static class PerfLog
{
    private static readonly System.Diagnostics.Stopwatch Sw = System.Diagnostics.Stopwatch.StartNew();
    private static TimeSpan _last; private static TimeSpan _lastCpu;
    public static void Mark(string what)
    {
        if (Environment.GetEnvironmentVariable("PERF_LOG") is null) return;
        var p = System.Diagnostics.Process.GetCurrentProcess(); var cpu = p.TotalProcessorTime;
        Console.Error.WriteLine($"  [perf] {what,-28} wall {(Sw.Elapsed - _last).TotalSeconds:0.00} cpu {(cpu - _lastCpu).TotalSeconds:0.00}");
        _last = Sw.Elapsed; _lastCpu = cpu;
    }
}
