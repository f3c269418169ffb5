using System.Text;

namespace Kepegawaian.Etl.Reading;

/// <summary>
/// <see cref="TextReader.ReadLine"/> with a ceiling: a line over <see cref="RecordLimits.MaxRecordChars"/>
/// is consumed in buffer-sized chunks and returned only as its <see cref="RawRow"/> (prefix, length,
/// SHA-256), so one 200 MB line never sits in memory. Terminators as ReadLine: \n, \r, \r\n.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader) : IDisposable
{
    private readonly char[] buffer = new char[1 << 16];
    private readonly StringBuilder line = new();
    private int position, length;
    private bool endOfInput;

    /// <summary>False at the end of input; otherwise either <paramref name="text"/> or <paramref name="tooLong"/> is set.</summary>
    public bool Next(out string? text, out RawRow? tooLong)
    {
        line.Clear();
        RawRowBuilder? big = null;
        var any = false;
        while (true)
        {
            if (position == length && !Fill())
            {
                if (!any) { text = null; tooLong = null; return false; }
                break;
            }
            any = true;
            var span = buffer.AsSpan(position, length - position);
            var end = span.IndexOfAny('\n', '\r');
            var chunk = end < 0 ? span : span[..end];
            if (chunk.Contains('\0')) throw new UnreadableFileException("Berkas berisi data biner (karakter NUL), bukan JSONL.");
            if (big is null && line.Length + chunk.Length > RecordLimits.MaxRecordChars)
            {
                big = new RawRowBuilder();
                foreach (var part in line.GetChunks()) big.Append(part.Span);
                line.Clear();
            }
            if (big is null) line.Append(chunk); else big.Append(chunk);
            if (end < 0) { position = length; continue; }
            position += end + 1;
            if (span[end] == '\r' && (position < length || Fill()) && buffer[position] == '\n') position++;
            break;
        }
        if (big is not null) { text = null; tooLong = big.Build(); }
        else { text = line.ToString(); tooLong = null; }
        return true;
    }

    private bool Fill()
    {
        if (endOfInput) return false;
        position = 0;
        length = reader.Read(buffer, 0, buffer.Length);
        if (length == 0) { endOfInput = true; return false; }
        return true;
    }

    public void Dispose() => reader.Dispose();
}
