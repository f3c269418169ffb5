using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kepegawaian.Etl.Reading.Profiles;

/// <summary>
/// A <c>derive</c> rule's <c>template</c>: text with <c>{column}</c> placeholders naming the rule's <c>from</c>
/// columns, e.g. SIASN's kinerja period <c>{tahun}-Q{bulanMulaiPenilaian:Q}</c>. Formats: <c>00</c> (a number,
/// two digits) and <c>Q</c> (a month 1–12 as its quarter 1–4). A cell that is not a number where the format
/// needs one is written as is, so validation rejects the composed value naming the source columns.
/// </summary>
internal sealed partial class ProfileTemplate
{
    public static readonly string[] Formats = ["", "00", "Q"];

    private readonly List<(string Literal, int From, string Format)> parts;

    private ProfileTemplate(List<(string, int, string)> parts) => this.parts = parts;

    [GeneratedRegex(@"\{([^{}:]+)(?::([^{}]*))?\}")]
    private static partial Regex Placeholder();

    /// <summary>Compiles <paramref name="text"/>; a placeholder naming no <c>from</c> column or an unknown format is an error message.</summary>
    public static ProfileTemplate Parse(string text, IReadOnlyList<string> from, out string? error)
    {
        error = null;
        var parts = new List<(string, int, string)>();
        var at = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            var column = m.Groups[1].Value.Trim();
            var format = m.Groups[2].Value;
            var index = -1;
            for (var i = 0; i < from.Count; i++) if (from[i].Equals(column, StringComparison.OrdinalIgnoreCase)) index = i;
            if (index < 0) error ??= $"'{{{column}}}' bukan salah satu kolom 'from' ({string.Join(", ", from)}).";
            if (!Formats.Contains(format)) error ??= $"format '{format}' tidak dikenal (yang dikenal: 00, Q).";
            parts.Add((text[at..m.Index], index, format));
            at = m.Index + m.Length;
        }
        var tail = text[at..];
        if (parts.Count == 0) error ??= "templat tanpa {kolom}; untuk nilai tetap pakai 'value'.";
        if (parts.Any(p => p.Item1.Contains('{') || p.Item1.Contains('}')) || tail.Contains('{') || tail.Contains('}'))
            error ??= $"kurung kurawal tidak berpasangan di '{text}'.";
        parts.Add((tail, -1, ""));
        return new ProfileTemplate(parts);
    }

    public string Render(string[] cells)
    {
        var text = new StringBuilder();
        foreach (var (literal, from, format) in parts)
        {
            text.Append(literal);
            if (from < 0) continue;
            var cell = cells[from];
            var number = int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var n);
            text.Append(format switch
            {
                "00" when number => n.ToString("00", CultureInfo.InvariantCulture),
                "Q" when number && n is >= 1 and <= 12 => ((n - 1) / 3 + 1).ToString(CultureInfo.InvariantCulture),
                _ => cell,
            });
        }
        return text.ToString();
    }
}
