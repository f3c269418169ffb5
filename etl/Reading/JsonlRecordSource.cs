using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kepegawaian.Etl.Reading;

/// <summary>
/// JSON Lines: one object per line, line number = file line. The header is the keys of the first
/// object; a key first seen later is added as a column (and warned about if unknown). A missing key
/// is an empty cell; numbers keep their literal text.
/// </summary>
internal sealed class JsonlRecordSource : IRecordSource
{
    private readonly BoundedLineReader reader;
    private readonly List<string> header = [];
    private readonly Dictionary<string, int> index = new(StringComparer.OrdinalIgnoreCase);
    private string[] values = [];
    private readonly HashSet<int> seen = [];
    private string line = "";
    private long lineNumber;
    private string? pending;
    private long pendingLine;
    private RawRow? tooLong;
    private RawRow? nextTooLong;

    /// <summary>Read through a source profile: nested objects become dotted paths (as <see cref="JsonArrayRecordSource"/>), arrays their JSON text.</summary>
    private readonly bool nested;

    private JsonlRecordSource(TextReader reader, bool nested = false)
    {
        this.nested = nested;
        this.reader = new BoundedLineReader(reader);
        // Peek the first object for the header, then replay it as the first record.
        while (NextLine() is { } first)
        {
            if (nextTooLong is not null)
                throw new UnreadableFileException($"Baris {lineNumber} lebih dari {RecordLimits.N(RecordLimits.MaxRecordChars)} karakter; judul kolom tidak dapat dibaca.");
            if (first.Length == 0) continue;
            try { ParseKeys(first); }
            catch (JsonException ex) { throw new UnreadableFileException($"Baris {lineNumber} bukan objek JSON: {ex.Message}", ex); }
            pending = first;
            pendingLine = lineNumber;
            return;
        }
        throw new UnreadableFileException("Berkas JSONL kosong.");
    }

    public static JsonlRecordSource Open(string path, bool nested = false)
    {
        var reader = new StreamReader(Loading.InboxFileSystem.OpenRead(path), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try { return new JsonlRecordSource(reader, nested); }
        catch (DecoderFallbackException ex) { reader.Dispose(); throw new UnreadableFileException("Berkas bukan teks UTF-8 yang sah.", ex); }
        catch { reader.Dispose(); throw; }
    }

    public IReadOnlyList<string> Header => header;
    public long LineNumber { get; private set; }
    public int FieldCount => header.Count;
    public string? Malformed { get; private set; }

    public ReadOnlySpan<char> Field(int i) => (uint)i < (uint)values.Length ? values[i].AsSpan() : default;

    public bool TooLong => tooLong is not null;

    public RawRow Raw() => tooLong ?? RawRow.Of(line);

    public bool Read()
    {
        while (true)
        {
            string? text;
            if (pending is not null) { text = pending; LineNumber = pendingLine; pending = null; }
            else
            {
                try { text = NextLine(); }
                catch (DecoderFallbackException ex) { throw new UnreadableFileException("Berkas bukan teks UTF-8 yang sah.", ex); }
                LineNumber = lineNumber;
            }
            if (text is null) return false;
            if (nextTooLong is { } big)
            {
                (tooLong, line, Malformed) = (big, "", $"baris lebih dari {RecordLimits.N(RecordLimits.MaxRecordChars)} karakter; tidak dibaca");
                nextTooLong = null;
                return true;
            }
            tooLong = null;
            if (text.Trim().Length == 0) continue;
            line = text;
            Parse(text);
            return true;
        }
    }

    /// <summary>The next line; for a line over the limit "" with <see cref="nextTooLong"/> set; null at the end.</summary>
    private string? NextLine()
    {
        if (!reader.Next(out var text, out var big)) return null;
        lineNumber++;
        nextTooLong = big;
        return text ?? "";
    }

    private void ParseKeys(string text)
    {
        using var doc = JsonDocument.Parse(text);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("bukan objek");
        if (nested) JsonArrayRecordSource.Flatten(doc.RootElement, "", (path, _) => Column(path));
        else foreach (var p in doc.RootElement.EnumerateObject()) Column(p.Name);
    }

    private int Column(string name)
    {
        if (index.TryGetValue(name.Trim(), out var i)) return i;
        header.Add(name);
        index[name.Trim()] = header.Count - 1;
        return header.Count - 1;
    }

    private void Parse(string text)
    {
        Malformed = null;
        if (values.Length < header.Count) values = new string[header.Count];
        Array.Fill(values, "");
        seen.Clear();
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) { Malformed = "baris bukan objek JSON"; return; }
            if (nested) { ParseNested(doc.RootElement); return; }
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    // A nested value has no column to go to; storing its JSON text as a name would hide the error.
                    Malformed = $"kunci '{p.Name}' berisi {(p.Value.ValueKind == JsonValueKind.Object ? "objek" : "larik")} JSON, bukan satu nilai";
                    return;
                }
                var i = Column(p.Name);
                // The same key twice: which value is meant is a guess (JSON leaves it undefined).
                if (!seen.Add(i)) { Malformed = $"kunci '{p.Name}' muncul dua kali"; return; }
                if (i >= values.Length) { Array.Resize(ref values, header.Count); values[i] = ""; }
                values[i] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString() ?? "",
                    JsonValueKind.Null or JsonValueKind.Undefined => "",
                    JsonValueKind.Number => p.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => p.Value.GetRawText(),
                };
            }
        }
        catch (JsonException ex)
        {
            Malformed = "baris bukan JSON yang sah: " + ex.Message.Split('.')[0].ToString(CultureInfo.InvariantCulture);
        }
    }

    private void ParseNested(JsonElement root) =>
        JsonArrayRecordSource.Flatten(root, "", (path, value) =>
        {
            var i = Column(path);
            if (!seen.Add(i)) Malformed ??= $"kunci '{path}' muncul dua kali";
            if (i >= values.Length) Array.Resize(ref values, header.Count);
            values[i] = value;
        });

    public void Dispose() => reader.Dispose();
}
