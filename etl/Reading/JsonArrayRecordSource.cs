using System.Text;
using System.Text.Json;

namespace Kepegawaian.Etl.Reading;

/// <summary>
/// A JSON document holding an array of objects: the array itself, or an API response that wraps it in
/// <c>data</c> (BKN SIASN's <c>pns/rw-*/{nip}</c>: <c>{"code":1,"data":[…]}</c>, sources.md §2). One
/// object is one record; its line number is the line where the object starts. Nested objects are read
/// as dotted field paths (<c>unor.id</c>), so a profile can name them; an array value is kept as its
/// JSON text (never read unless a profile maps it). The header is the union of every object's paths.
/// </summary>
internal sealed class JsonArrayRecordSource : IRecordSource
{
    /// <summary>A per-NIP history is a few KB; a document this large is not one and is refused whole.</summary>
    public const int MaxBytes = 64 << 20;

    private readonly byte[] bytes;
    private readonly List<(int Start, int Length, long Line)> elements;
    private readonly List<string> header = [];
    private readonly Dictionary<string, int> index = new(StringComparer.OrdinalIgnoreCase);
    private string[] values = [];
    private int next;
    private string raw = "";

    private JsonArrayRecordSource(byte[] bytes)
    {
        this.bytes = bytes;
        elements = Elements(bytes);
        // Header first (union of paths), so validation binds every column before the first row.
        foreach (var (start, length, _) in elements)
        {
            try
            {
                using var doc = JsonDocument.Parse(bytes.AsMemory(start, length));
                if (doc.RootElement.ValueKind == JsonValueKind.Object) Flatten(doc.RootElement, "", (path, _) => Column(path));
            }
            catch (JsonException) { } // reported on the row itself
        }
    }

    public static JsonArrayRecordSource Open(string path)
    {
        byte[] bytes;
        using (var stream = Loading.InboxFileSystem.OpenRead(path))
        {
            if (stream.CanSeek && stream.Length > MaxBytes)
                throw new UnreadableFileException($"Berkas JSON lebih dari {RecordLimits.N(MaxBytes)} bita; satu berkas memuat riwayat satu NIP (atau gunakan JSONL).");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }
        if (bytes.AsSpan().StartsWith("\uFEFF"u8)) bytes = bytes[3..]; // a BOM is allowed, as for CSV
        try { _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes); }
        catch (DecoderFallbackException ex) { throw new UnreadableFileException("Berkas bukan teks UTF-8 yang sah.", ex); }
        return new JsonArrayRecordSource(bytes);
    }

    public IReadOnlyList<string> Header => header;
    public long LineNumber { get; private set; }
    public int FieldCount => header.Count;
    public string? Malformed { get; private set; }
    public bool TooLong { get; private set; }

    public ReadOnlySpan<char> Field(int i) => (uint)i < (uint)values.Length ? values[i].AsSpan() : default;

    public RawRow Raw() => RawRow.Of(raw);

    public bool Read()
    {
        if (next >= elements.Count) return false;
        var (start, length, line) = elements[next++];
        LineNumber = line;
        Malformed = null;
        TooLong = length > RecordLimits.MaxRecordChars;
        values = new string[header.Count];
        Array.Fill(values, "");
        if (TooLong)
        {
            (raw, Malformed) = ("", $"objek lebih dari {RecordLimits.N(RecordLimits.MaxRecordChars)} karakter; tidak dibaca");
            return true;
        }
        raw = Encoding.UTF8.GetString(bytes, start, length);
        try
        {
            using var doc = JsonDocument.Parse(bytes.AsMemory(start, length));
            if (doc.RootElement.ValueKind != JsonValueKind.Object) { Malformed = "elemen larik bukan objek JSON"; return true; }
            var seen = new HashSet<int>();
            Flatten(doc.RootElement, "", (path, value) =>
            {
                var i = Column(path);
                // The same key twice: which value is meant is a guess (JSON leaves it undefined).
                if (!seen.Add(i)) Malformed ??= $"kunci '{path}' muncul dua kali";
                if (i >= values.Length) Array.Resize(ref values, header.Count);
                values[i] = value;
            });
        }
        catch (JsonException ex) { Malformed = "objek bukan JSON yang sah: " + ex.Message.Split('.')[0]; }
        return true;
    }

    private int Column(string name)
    {
        if (index.TryGetValue(name, out var i)) return i;
        header.Add(name);
        index[name] = header.Count - 1;
        return header.Count - 1;
    }

    /// <summary>Calls <paramref name="emit"/> with (dotted path, text) for every scalar or array of an object.</summary>
    internal static void Flatten(JsonElement obj, string prefix, Action<string, string> emit)
    {
        foreach (var p in obj.EnumerateObject())
        {
            var path = prefix + p.Name;
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.Object: Flatten(p.Value, path + ".", emit); break;
                case JsonValueKind.String: emit(path, p.Value.GetString() ?? ""); break;
                case JsonValueKind.Null or JsonValueKind.Undefined: emit(path, ""); break;
                case JsonValueKind.True: emit(path, "true"); break;
                case JsonValueKind.False: emit(path, "false"); break;
                default: emit(path, p.Value.GetRawText()); break; // numbers keep their literal text; arrays their JSON
            }
        }
    }

    /// <summary>The byte span and start line of every element of the record array (the root, or the root's <c>data</c>).</summary>
    private static List<(int, int, long)> Elements(byte[] bytes)
    {
        var result = new List<(int, int, long)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read()) throw new UnreadableFileException("Berkas JSON kosong.");
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                // An API response: find its "data" array among the top-level keys.
                var found = false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isData = reader.ValueTextEquals("data");
                    reader.Read();
                    if (isData && reader.TokenType == JsonTokenType.StartArray) { found = true; break; }
                    if (isData && reader.TokenType == JsonTokenType.Null) return result; // no history for this NIP
                    reader.Skip();
                }
                if (!found) throw new UnreadableFileException("Berkas JSON bukan larik objek dan tidak memuat larik 'data' (respons API SIASN); tidak ada baris yang dimuat.");
            }
            else if (reader.TokenType != JsonTokenType.StartArray)
                throw new UnreadableFileException("Berkas JSON bukan larik objek (atau respons API dengan 'data'); tidak ada baris yang dimuat.");

            var line = 1L;
            var counted = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                line += bytes.AsSpan(counted, start - counted).Count((byte)'\n');
                counted = start;
                reader.Skip();
                result.Add((start, (int)reader.BytesConsumed - start, line));
            }
        }
        catch (JsonException ex)
        {
            throw new UnreadableFileException($"Berkas bukan JSON yang sah (baris {ex.LineNumber + 1}): {ex.Message.Split('.')[0]}.", ex);
        }
        return result;
    }

    public void Dispose() { }
}
