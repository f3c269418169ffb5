using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Kepegawaian.Service.Output;

/// <summary>
/// The console log format of `serve`: <c>level: category[event] message</c>, one line per entry, with
/// control characters of the message and exception neutralised (a file name with ESC or a newline
/// cannot forge or hide log lines).
/// </summary>
public sealed class SafeConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "kepegawaian";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.Write("] ");
        textWriter.Write(TerminalSafe.Clean(message));
        if (logEntry.Exception is { } ex)
        {
            // Stack traces keep their lines, indented, so no continuation line can pass for an entry.
            textWriter.WriteLine();
            textWriter.Write("      ");
            textWriter.Write(TerminalSafe.Clean(ex.ToString(), keepNewlines: true).ReplaceLineEndings("\n      "));
        }
        textWriter.WriteLine();
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce", LogLevel.Debug => "dbug", LogLevel.Information => "info",
        LogLevel.Warning => "warn", LogLevel.Error => "fail", LogLevel.Critical => "crit", _ => "none",
    };
}
