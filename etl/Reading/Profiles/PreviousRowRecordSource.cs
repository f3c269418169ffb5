namespace Kepegawaian.Etl.Reading.Profiles;

/// <summary>
/// A profile's <c>previous</c> (<see cref="SourceProfile.Previous"/>): the whole source file read into memory, rows
/// given back in file order with extra columns holding, per key, the values of the row before in order-column order
/// (ties keep file order). A row whose order date does not read is outside the chain: validation rejects it naming
/// the date column, and the next row's previous is the one before it. Bounded like a pivot.
/// </summary>
internal sealed class PreviousRowRecordSource : IRecordSource
{
    private readonly IRecordSource inner;
    private readonly List<string> header;
    private readonly List<Row> rows = [];
    private int next = -1;

    private sealed record Row(long Line, string[] Fields, string? Malformed, bool TooLong, int FieldCount, bool InChain = false);

    private PreviousRowRecordSource(IRecordSource inner, SourceProfile profile)
    {
        this.inner = inner;
        var spec = profile.PreviousSpec!;
        while (inner.Read())
        {
            if (rows.Count >= ProfiledRecordSource.MaxPivotRows)
                throw new UnreadableFileException($"Berkas riwayat (profil {profile.Name}: previous) memuat lebih dari {RecordLimits.N(ProfiledRecordSource.MaxPivotRows)} baris; bagi menjadi beberapa berkas.");
            var fields = new string[inner.Header.Count];
            for (var i = 0; i < fields.Length; i++) fields[i] = inner.Field(i).ToString();
            rows.Add(new Row(inner.LineNumber, fields, inner.Malformed, inner.TooLong, inner.FieldCount));
        }
        header = [.. inner.Header];
        foreach (var name in spec.Columns.Values)
            if (header.Any(h => h.Trim().Equals(name, StringComparison.OrdinalIgnoreCase)))
                throw new UnreadableFileException($"Kolom '{name}' (profil {profile.Name}: previous.columns) sudah ada di berkas sumber; pilih nama lain di profil.");
        int Find(string column) => header.FindIndex(h => h.Trim().Equals(column, StringComparison.OrdinalIgnoreCase));
        var keyAt = spec.Key.Select(Find).ToArray();
        var orderAt = Find(spec.Order);
        var sourceAt = spec.Columns.Keys.Select(Find).ToArray();
        var width = header.Count;
        header.AddRange(spec.Columns.Values);
        var orderTarget = IndexOf(profile.Targets, spec.OrderTarget);

        string Cell(Row r, int i) => i < 0 || i >= r.Fields.Length ? "" : profile.Clean(r.Fields[i]);
        var chain = new List<(string Key, string Date, int Index)>();
        for (var n = 0; n < rows.Count; n++)
        {
            var r = rows[n];
            var date = r.Malformed is null && !r.TooLong ? profile.Transform(orderTarget, Cell(r, orderAt)) : "";
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out _)) continue;
            chain.Add((string.Join('\u001f', keyAt.Select(k => Cell(r, k))), date, n));
        }
        var extra = new string[rows.Count][];
        var ordered = chain.OrderBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Date, StringComparer.Ordinal).ThenBy(c => c.Index).ToList();
        for (var n = 0; n < ordered.Count; n++)
        {
            var prior = n > 0 && ordered[n - 1].Key == ordered[n].Key ? rows[ordered[n - 1].Index] : null;
            extra[ordered[n].Index] = sourceAt.Select(i => prior is null ? "" : Cell(prior, i)).ToArray();
        }
        for (var n = 0; n < rows.Count; n++)
        {
            var r = rows[n];
            var fields = new string[header.Count];
            Array.Fill(fields, "");
            Array.Copy(r.Fields, fields, Math.Min(r.Fields.Length, width));
            if (extra[n] is { } e) Array.Copy(e, 0, fields, width, e.Length);
            // A CSV row's field count still compares with the file's own header (the extra columns count as present).
            rows[n] = r with { Fields = fields, FieldCount = r.FieldCount == width ? header.Count : r.FieldCount, InChain = extra[n] is not null };
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }

    public static IRecordSource Wrap(IRecordSource inner, SourceProfile profile) => new PreviousRowRecordSource(inner, profile);

    public IReadOnlyList<string> Header => header;
    public long LineNumber => rows[next].Line;
    public int FieldCount => rows[next].FieldCount;
    public string? Malformed => rows[next].Malformed;
    public bool TooLong => rows[next].TooLong;

    public bool Read() => ++next < rows.Count;

    /// <summary>The current row's order date reads, so its previous-row columns are known (empty: the first of its key).</summary>
    public bool InChain => rows[next].InChain;

    public ReadOnlySpan<char> Field(int index) => (uint)index < (uint)rows[next].Fields.Length ? rows[next].Fields[index] : default;

    /// <summary>Never used for a profiled row (ProfiledRecordSource rebuilds the raw text from the columns it reads).</summary>
    public RawRow Raw() => RawRow.Of("");

    public void Dispose() => inner.Dispose();
}
