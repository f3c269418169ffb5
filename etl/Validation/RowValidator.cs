using System.Globalization;
using Kepegawaian.Etl.Reading;

namespace Kepegawaian.Etl.Validation;

/// <summary>
/// Binds a file's header to an <see cref="EntitySchema"/> and validates one record at a time into a
/// reused <see cref="Cell"/> row: per-column format, code list and range checks, then the entity rules.
/// </summary>
internal sealed class RowValidator
{
    private readonly EntitySchema schema;
    private readonly RowContext context;
    private readonly int[] position;   // schema column → header position, -1 when absent
    private readonly string?[] previous;   // schema column → the text it held in the last row that had one
    private int boundHeaderCount;
    private int headerCount;
    private readonly bool sparseHeader;

    /// <param name="sparseHeader">JSONL: exports omit null keys, so only columns whose value is required must appear.</param>
    public RowValidator(EntitySchema schema, RowContext context, IReadOnlyList<string> header, bool sparseHeader = false)
    {
        this.sparseHeader = sparseHeader;
        this.schema = schema;
        this.context = context;
        Row = new Cell[schema.Columns.Count];
        previous = new string?[schema.Columns.Count];
        position = new int[schema.Columns.Count];
        Bind(header);
    }

    public Cell[] Row { get; }

    /// <summary>Required columns the header lacks (the whole file fails when any).</summary>
    public List<string> MissingColumns { get; } = [];

    /// <summary>Columns of the entity that appear more than once in the header (the whole file fails when any).</summary>
    public List<string> DuplicateColumns { get; } = [];

    /// <summary>How many header names match a column of the entity; 0 means the header row is missing.</summary>
    public int MatchedColumns { get; private set; }

    /// <summary>Header names that match no column of the entity (ignored, warned about).</summary>
    public List<string> UnknownColumns { get; } = [];
    private readonly HashSet<string> unknownSeen = [];

    private void Bind(IReadOnlyList<string> header)
    {
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        DuplicateColumns.Clear();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            // Two columns of the same name: which one holds the truth is a guess, so refuse the file.
            if (!byName.TryAdd(name, i) && IsKnown(name) && !DuplicateColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
                DuplicateColumns.Add(name.ToLowerInvariant()); // schema names are lower case
        }
        MatchedColumns = byName.Keys.Count(IsKnown);
        MissingColumns.Clear();
        for (var c = 0; c < schema.Columns.Count; c++)
        {
            var col = schema.Columns[c];
            position[c] = !col.Derived && byName.TryGetValue(col.Name, out var p) ? p : -1;
            if (position[c] < 0 && !col.Optional && (col.Required || !sparseHeader)) MissingColumns.Add(col.Name);
        }
        foreach (var h in header.Skip(boundHeaderCount))
        {
            var name = h.Trim();
            if (name.Length > 0 && !IsKnown(name) && unknownSeen.Add(name))
                UnknownColumns.Add(name);
        }
        boundHeaderCount = header.Count;
        headerCount = header.Count;
    }

    private bool IsKnown(string name) => schema.Columns.Any(c => !c.Derived && c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Validates the current record; null when the row is valid and <see cref="Row"/> holds its values.</summary>
    public Rejection? Validate(IRecordSource source, bool strictFieldCount)
    {
        if (source.Header.Count != boundHeaderCount) Bind(source.Header); // JSONL: a key first seen later
        if (source.TooLong)
            return new Rejection("", Reason.BarisTerlaluPanjang, $"Baris tidak dibaca: {source.Malformed}.");
        if (source.Malformed is { } problem)
            return new Rejection("", Reason.BarisRusak, $"Baris tidak dapat dibaca: {problem}.");
        if (source is Reading.Profiles.ProfiledRecordSource { RowMiss: { } miss }) return miss;
        if (strictFieldCount && source.FieldCount != headerCount)
            return new Rejection("", Reason.JumlahKolom, $"Baris berisi {source.FieldCount} kolom, sedangkan judul berisi {headerCount} kolom.");

        var columns = schema.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            ref var cell = ref Row[c];
            cell.Clear();
            var col = columns[c];
            if (col.Derived) continue;
            var text = position[c] < 0 ? default : source.Field(position[c]).Trim();
            if (text.IsEmpty)
            {
                if (col.Required) return new Rejection(col.Name, Reason.WajibKosong, $"Kolom '{col.Name}' wajib diisi tetapi kosong.");
                continue;
            }
            if (text.Length > col.MaxLength)
                return new Rejection(col.Name, Reason.TeksTerlaluPanjang,
                    $"Kolom '{col.Name}': panjang {text.Length} karakter melebihi batas {col.MaxLength} karakter.");
            if (Parse(col, text, ref cell, ref previous[c]) is { } rejection) return rejection;
            cell.Present = true;
        }
        return schema.Rules(Row, context);
    }

    private Rejection? Parse(ColumnSpec col, ReadOnlySpan<char> text, ref Cell cell, ref string? previous)
    {
        switch (col.Kind)
        {
            case ColumnKind.Text:
                // Rows of one employee follow each other and repeat their NIP, unit and period: the previous row's string
                // is reused, not allocated again (fewer GC pauses on both staging threads; StagePipeline).
                cell.Text = previous is not null && text.SequenceEqual(previous) ? previous : previous = text.ToString();
                return null;
            case ColumnKind.Code:
                cell.Text = FieldParsers.MatchCode(text, col.Codes!);
                return cell.Text is null
                    ? new Rejection(col.Name, Reason.KodeTidakDikenal, $"Kolom '{col.Name}': '{text}' bukan kode yang dikenal ({string.Join(", ", col.Codes!)}).")
                    : null;
            case ColumnKind.Date:
                return FieldParsers.TryDate(text, out cell.Date) ? null
                    : new Rejection(col.Name, Reason.FormatTanggal, $"Kolom '{col.Name}': '{text}' bukan tanggal yang sah (YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY).");
            case ColumnKind.Timestamp:
                return FieldParsers.TryTimestamp(text, context.Zone, out cell.Timestamp) ? null
                    : new Rejection(col.Name, Reason.FormatWaktu, $"Kolom '{col.Name}': '{text}' bukan waktu yang sah (YYYY-MM-DD HH:MM[:SS], {context.ZoneLabel} kecuali ada offset).");
            case ColumnKind.Integer:
                if (!FieldParsers.TryInteger(text, out cell.Integer))
                    return new Rejection(col.Name, Reason.FormatAngka, $"Kolom '{col.Name}': '{text}' bukan bilangan bulat.");
                return Range(col, cell.Integer, text);
            case ColumnKind.Decimal:
                if (!FieldParsers.TryDecimal(text, out cell.Number))
                    return new Rejection(col.Name, Reason.FormatAngka, $"Kolom '{col.Name}': '{text}' bukan angka.");
                return Range(col, cell.Number, text);
            default:
                throw new InvalidOperationException(col.Kind.ToString());
        }
    }

    private static Rejection? Range(ColumnSpec col, double value, ReadOnlySpan<char> text)
    {
        if ((col.Min is { } min && value < min) || (col.Max is { } max && value > max))
            return new Rejection(col.Name, Reason.RentangNilai,
                $"Kolom '{col.Name}': nilai '{text}' di luar rentang {Bound(col.Min)}…{Bound(col.Max)}.");
        return null;
    }

    private static string Bound(double? b) => b is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";
}
