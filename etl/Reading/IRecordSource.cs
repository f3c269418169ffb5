namespace Kepegawaian.Etl.Reading;

/// <summary>
/// A format-agnostic stream of records (CSV, XLSX, JSONL). Field spans are valid until the next
/// <see cref="Read"/>; <see cref="Raw"/> allocates and is meant for rejected rows only.
/// </summary>
internal interface IRecordSource : IDisposable
{
    /// <summary>Column names as written (not yet trimmed or case-folded).</summary>
    IReadOnlyList<string> Header { get; }

    bool Read();

    /// <summary>Physical line (CSV, JSONL) or sheet row (XLSX) where the current record starts; header = 1.</summary>
    long LineNumber { get; }

    int FieldCount { get; }

    /// <summary>The field at a header position; empty when the record has fewer fields.</summary>
    ReadOnlySpan<char> Field(int index);

    /// <summary>A structural problem of the current record (e.g. an unclosed quote), or null.</summary>
    string? Malformed { get; }

    /// <summary>The record was longer than <see cref="RecordLimits.MaxRecordChars"/>: skipped unread, <see cref="Raw"/> is bounded.</summary>
    bool TooLong { get; }

    /// <summary>The record's raw text for the rejects ledger: a bounded prefix, full length and SHA-256.</summary>
    RawRow Raw();
}

/// <summary>Documented limits on one record of any format (README "Operator: bad files and limits").</summary>
internal static class RecordLimits
{
    /// <summary>A CSV record or JSONL line longer than this (1 MiB of characters) is rejected without being held whole.</summary>
    public const int MaxRecordChars = 1 << 20;

    private static readonly System.Globalization.CultureInfo Id = System.Globalization.CultureInfo.GetCultureInfo("id-ID");

    /// <summary>A count as Indonesian messages write it (1.048.576).</summary>
    public static string N(long n) => n.ToString("N0", Id);
}

/// <summary>The file cannot be read as a whole (binary, wrong encoding, no header).</summary>
internal sealed class UnreadableFileException(string message, Exception? inner = null) : Exception(message, inner);

internal static class RecordSources
{
    public static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".xlsx" => "xlsx",
        ".jsonl" => "jsonl",
        ".json" => "json",
        _ => null,
    };

    public static IRecordSource Open(string path, string format) => format switch
    {
        "csv" => CsvRecordSource.Open(path),
        "xlsx" => XlsxRecordSource.Open(path),
        "jsonl" => JsonlRecordSource.Open(path),
        "json" => JsonArrayRecordSource.Open(path),
        _ => throw new UnreadableFileException($"Format berkas '{Path.GetExtension(path)}' tidak didukung (csv, xlsx, jsonl, json)."),
    };
}
