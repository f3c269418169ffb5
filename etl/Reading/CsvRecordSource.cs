using System.Text;

namespace Kepegawaian.Etl.Reading;

/// <summary>
/// RFC 4180 CSV over a sliding char buffer: quoted fields may hold the delimiter, doubled quotes
/// and newlines. The delimiter (<c>,</c> or <c>;</c>) is detected from the header line. Unquoted
/// fields are spans into the buffer; quoted ones are unescaped into a scratch buffer, so a record
/// costs no allocation until its raw text is asked for.
/// </summary>
internal sealed class CsvRecordSource : IRecordSource
{
    private enum Step { Record, NeedMore, End }

    private readonly TextReader reader;
    private char[] buffer = new char[1 << 16];
    private int length;            // valid chars in buffer
    private int position;          // start of the next record
    private bool endOfInput;
    private long nextLine = 1;     // physical line at position
    private char delimiter = ',';

    private (int Start, int Length, bool Scratch)[] fields = new (int, int, bool)[32];
    private int fieldCount;
    private char[] scratch = new char[256];
    private int scratchLength;
    private int recordStart, recordEnd;
    private RawRow? tooLong;       // the current record was over RecordLimits.MaxRecordChars and was skipped

    private CsvRecordSource(TextReader reader)
    {
        this.reader = reader;
        Fill();
        delimiter = DetectDelimiter();
        if (!Read()) throw new UnreadableFileException("Berkas kosong: baris judul (header) tidak ada.");
        if (TooLong)
            throw new UnreadableFileException($"Baris judul (header) lebih dari {RecordLimits.N(RecordLimits.MaxRecordChars)} karakter; bukan CSV yang dapat dibaca.");
        var header = new string[fieldCount];
        for (var i = 0; i < fieldCount; i++) header[i] = Field(i).ToString();
        Header = header;
    }

    public static CsvRecordSource Open(string path)
    {
        // Strict UTF-8: invalid bytes make the file unreadable instead of silently turning into U+FFFD.
        var stream = Loading.InboxFileSystem.OpenRead(path);
        var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        try { return new CsvRecordSource(reader); }
        catch { reader.Dispose(); throw; }
    }

    public static CsvRecordSource FromText(string text) => new(new StringReader(text));

    public char Delimiter => delimiter;
    public IReadOnlyList<string> Header { get; }
    public long LineNumber { get; private set; }
    public int FieldCount => fieldCount;
    public string? Malformed { get; private set; }

    public ReadOnlySpan<char> Field(int index)
    {
        if ((uint)index >= (uint)fieldCount) return default;
        var (start, len, inScratch) = fields[index];
        return (inScratch ? scratch : buffer).AsSpan(start, len);
    }

    public bool TooLong => tooLong is not null;

    public RawRow Raw() => tooLong ?? RawRow.Of(buffer.AsSpan(recordStart, recordEnd - recordStart).TrimEnd("\r\n"));

    public bool Read()
    {
        while (true)
        {
            switch (TryParse())
            {
                case Step.Record:
                    // A blank line, one of only spaces, or one of only delimiters (what a spreadsheet
                    // writes for the emptied rows below the data) is no record.
                    if (AllFieldsBlank()) continue;
                    return true;
                case Step.End:
                    return false;
                default:
                    // Never hold a record over the limit: skip to its end, keeping only what the ledger keeps.
                    if (length - position >= RecordLimits.MaxRecordChars) { SkipTooLong(); return true; }
                    Fill();
                    break;
            }
        }
    }

    private bool AllFieldsBlank()
    {
        for (var i = 0; i < fieldCount; i++)
            if (!Field(i).IsWhiteSpace()) return false;
        return true;
    }

    private Step TryParse()
    {
        var i = position;
        var line = nextLine;
        fieldCount = 0;
        scratchLength = 0;
        Malformed = null;
        tooLong = null;
        if (i >= length) return endOfInput ? Step.End : Step.NeedMore;
        var start = i;
        var buf = buffer;
        while (true)
        {
            if (i >= length && !endOfInput) return Step.NeedMore;
            if (i < length && buf[i] == '"')
            {
                i++;
                var s = scratchLength;
                while (true)
                {
                    if (i >= length)
                    {
                        if (!endOfInput) return Step.NeedMore;
                        Malformed = "tanda kutip (\") tidak ditutup";
                        break;
                    }
                    var c = buf[i];
                    if (c == '"')
                    {
                        if (i + 1 >= length && !endOfInput) return Step.NeedMore;
                        if (i + 1 < length && buf[i + 1] == '"') { AppendScratch('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (c == '\n') line++;
                    AppendScratch(c);
                    i++;
                }
                // Lenient: text between a closing quote and the delimiter is kept.
                while (i < length && buf[i] != delimiter && buf[i] != '\n' && buf[i] != '\r') AppendScratch(buf[i++]);
                if (i >= length && !endOfInput) return Step.NeedMore;
                AddField(s, scratchLength - s, true);
            }
            else
            {
                var s = i;
                var hit = buf.AsSpan(i, length - i).IndexOfAny(delimiter, '\n', '\r');
                if (hit < 0)
                {
                    if (!endOfInput) return Step.NeedMore;
                    i = length;
                }
                else i += hit;
                AddField(s, i - s, false);
            }

            if (i >= length) { recordEnd = i; break; }
            var d = buf[i];
            if (d == delimiter) { i++; continue; }
            recordEnd = i;
            if (d == '\r')
            {
                if (i + 1 >= length && !endOfInput) return Step.NeedMore;
                i++;
                if (i < length && buf[i] == '\n') i++;
            }
            else i++;
            line++;
            break;
        }
        recordStart = start;
        LineNumber = nextLine;
        nextLine = line;
        position = i;
        return Step.Record;
    }

    private enum Skip { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    /// <summary>
    /// Consumes the record starting at <see cref="position"/> up to its terminator, with the same quoting
    /// rules as <see cref="TryParse"/>, one buffer at a time: memory stays at one buffer whatever its length.
    /// </summary>
    private void SkipTooLong()
    {
        var raw = new RawRowBuilder();
        var line = nextLine;
        var state = Skip.FieldStart;
        var start = position;
        var ended = false;
        while (!ended)
        {
            var i = start;
            for (; i < length && !ended; i++)
            {
                var c = buffer[i];
                if (c == '\n' && state == Skip.Quoted) { line++; continue; }
                switch (state)
                {
                    case Skip.Quoted:
                        if (c == '"') state = Skip.QuoteInQuoted;
                        break;
                    default:
                        if (c == '\n' || c == '\r') { ended = true; i--; }
                        else if (c == delimiter) state = Skip.FieldStart;
                        else if (c == '"' && state is Skip.FieldStart or Skip.QuoteInQuoted) state = Skip.Quoted;
                        else state = Skip.Unquoted;
                        break;
                }
            }
            raw.Append(buffer.AsSpan(start, i - start));
            if (ended)
            {
                // i is on the terminator: \n, \r or \r\n (possibly split across two buffers).
                var cr = buffer[i] == '\r';
                position = i + 1;
                if (cr)
                {
                    if (position >= length && !endOfInput) Fill();
                    if (position < length && buffer[position] == '\n') position++;
                }
                line++;
                break;
            }
            position = length;
            if (endOfInput) break;
            Fill();
            start = position;
            if (length == 0 && endOfInput) break;
        }
        tooLong = raw.Build();
        fieldCount = 0;
        LineNumber = nextLine;
        nextLine = line;
        Malformed = $"baris lebih dari {RecordLimits.N(RecordLimits.MaxRecordChars)} karakter ({RecordLimits.N(raw.Chars)}); tidak dibaca";
    }

    private void AddField(int start, int len, bool inScratch)
    {
        if (fieldCount == fields.Length) Array.Resize(ref fields, fields.Length * 2);
        fields[fieldCount++] = (start, len, inScratch);
    }

    private void AppendScratch(char c)
    {
        if (scratchLength == scratch.Length) Array.Resize(ref scratch, scratch.Length * 2);
        scratch[scratchLength++] = c;
    }

    private void Fill()
    {
        if (endOfInput) return;
        if (position > 0)
        {
            Array.Copy(buffer, position, buffer, 0, length - position);
            length -= position;
            position = 0;
        }
        if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        int read;
        try { read = reader.Read(buffer, length, buffer.Length - length); }
        catch (DecoderFallbackException ex)
        {
            throw new UnreadableFileException("Berkas bukan teks UTF-8 yang sah (encoding salah atau berkas biner).", ex);
        }
        if (read == 0) { endOfInput = true; return; }
        if (buffer.AsSpan(length, read).Contains('\0'))
            throw new UnreadableFileException("Berkas berisi karakter NUL: berkas biner atau teks UTF-16 tanpa BOM, bukan CSV UTF-8. Simpan ulang sebagai CSV UTF-8.");
        length += read;
    }

    /// <summary>The header decides: more semicolons than commas outside quotes means <c>;</c>.</summary>
    private char DetectDelimiter()
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    public void Dispose() => reader.Dispose();
}
