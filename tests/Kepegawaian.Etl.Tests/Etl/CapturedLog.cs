using System.Text;
using Microsoft.Extensions.Logging;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>Collects every log line (message and exception) a component writes, for scans of what reached the log.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines) Lines.Add(formatter(state, exception) + (exception is null ? "" : "\n" + exception));
    }
}

/// <summary>Byte-level search of a file's content (e.g. the warehouse) for a value that must not be there.</summary>
internal static class Bytes
{
    public static bool Contain(byte[] haystack, string value) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0;
}
