using System.Globalization;
using System.Text;

namespace Kepegawaian.Service.Output;

/// <summary>
/// Neutralises text from data (unit names, file names, messages quoting them) before it reaches a
/// terminal or a log: ESC/OSC/BEL and other C0/C1 controls could move the cursor, retitle the window or
/// hide lines, and bidirectional overrides (U+202A–202E, U+2066–2069) can make a name read backwards.
/// Each such character is shown as a visible escape, e.g. <c>\x1b</c> or <c>\u202e</c>.
/// </summary>
public static class TerminalSafe
{
    /// <summary>Neutralises every control character; <paramref name="keepNewlines"/> keeps line breaks (the writer's own).</summary>
    public static string Clean(string? text, bool keepNewlines = false)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var i = 0;
        while (i < text.Length && !Unsafe(text[i], keepNewlines)) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!Unsafe(c, keepNewlines)) sb.Append(c);
            else if (c < 0x100) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static bool Unsafe(char c, bool keepNewlines) => c switch
    {
        '\n' or '\r' => !keepNewlines,
        '\t' => false,
        < ' ' or '\x7f' => true,
        >= '\x80' and <= '\x9f' => true,
        >= '\u202a' and <= '\u202e' => true,
        >= '\u2066' and <= '\u2069' => true,
        '\u200e' or '\u200f' or '\u061c' => true,
        _ => false,
    };
}

/// <summary>A writer that neutralises control characters in everything written through it; line breaks pass.</summary>
public sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;
    public override void Write(char value) => inner.Write(TerminalSafe.Clean(value.ToString(), keepNewlines: true));
    public override void Write(string? value) => inner.Write(TerminalSafe.Clean(value, keepNewlines: true));
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
    public override void WriteLine(string? value) { Write(value); inner.WriteLine(); }
    public override void WriteLine() => inner.WriteLine();
    public override Task WriteAsync(string? value) => inner.WriteAsync(TerminalSafe.Clean(value, keepNewlines: true));
    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(TerminalSafe.Clean(value, keepNewlines: true));
    public override void Flush() => inner.Flush();
    public override Task FlushAsync() => inner.FlushAsync();
}
