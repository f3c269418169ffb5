using System.Globalization;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Validation;

/// <summary>Span parsers for the value formats of spec §3 (no allocation on the happy path).</summary>
internal static class FieldParsers
{
    /// <summary><c>YYYY-MM-DD</c>, <c>DD/MM/YYYY</c> or <c>DD-MM-YYYY</c>.</summary>
    public static bool TryDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10) return false;
        int y, m, d;
        if (s[4] == '-' && s[7] == '-')
        {
            if (!Digits(s[..4], out y) || !Digits(s.Slice(5, 2), out m) || !Digits(s.Slice(8, 2), out d)) return false;
        }
        else if ((s[2] == '/' && s[5] == '/') || (s[2] == '-' && s[5] == '-'))
        {
            if (!Digits(s[..2], out d) || !Digits(s.Slice(3, 2), out m) || !Digits(s.Slice(6, 4), out y)) return false;
        }
        else return false;
        if (y < 1900 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>
    /// <c>YYYY-MM-DD HH:MM[:SS[.fff]]</c> (a <c>T</c> separator is accepted), wall-clock time in
    /// <paramref name="zone"/> (<c>Schedule:TimeZone</c>) unless an offset (<c>Z</c>, <c>+07:00</c>,
    /// <c>+0700</c>) follows; the result is wall-clock time in <paramref name="zone"/>, as the warehouse stores it.
    /// </summary>
    public static bool TryTimestamp(ReadOnlySpan<char> s, TimeZoneInfo zone, out DateTime value)
    {
        value = default;
        if (s.Length < 16 || (s[10] != ' ' && s[10] != 'T')) return false;
        if (!TryDate(s[..10], out var date)) return false;
        var t = s[11..];
        if (t.Length < 5 || t[2] != ':' || !Digits(t[..2], out var hh) || !Digits(t.Slice(3, 2), out var mi)) return false;
        var sec = 0;
        double fraction = 0;
        t = t[5..];
        if (t.Length >= 3 && t[0] == ':')
        {
            if (!Digits(t.Slice(1, 2), out sec)) return false;
            t = t[3..];
            if (t.Length > 0 && t[0] == '.')
            {
                var n = 1;
                while (n < t.Length && char.IsAsciiDigit(t[n])) n++;
                fraction = double.Parse(t[..n], NumberStyles.Float, CultureInfo.InvariantCulture);
                t = t[n..];
            }
        }
        if (hh > 23 || mi > 59 || sec > 59) return false;
        var local = date.ToDateTime(new TimeOnly(hh, mi, sec)).AddTicks((long)(fraction * TimeSpan.TicksPerSecond));
        t = t.TrimStart(' ');
        if (t.Length == 0) { value = local; return true; }
        if (!TryOffset(t, out var offset)) return false;
        value = LocalZone.WallClock(new DateTimeOffset(local, offset), zone);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> t, out TimeSpan offset)
    {
        offset = default;
        if (t is "Z" or "z") return true;
        if (t[0] is not ('+' or '-')) return false;
        var sign = t[0] == '-' ? -1 : 1;
        t = t[1..];
        int h, m = 0;
        if (t.Length == 2 && Digits(t, out h)) { }
        else if (t.Length == 5 && t[2] == ':' && Digits(t[..2], out h) && Digits(t[3..], out m)) { }
        else if (t.Length == 4 && Digits(t[..2], out h) && Digits(t[2..], out m)) { }
        else return false;
        if (h > 14 || m > 59) return false;
        offset = sign * new TimeSpan(h, m, 0);
        return true;
    }

    public static bool TryInteger(ReadOnlySpan<char> s, out long value) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// A decimal with <c>.</c> or <c>,</c> as the decimal mark. A comma can only reach here from a
    /// <c>;</c>-delimited or quoted CSV field (or XLSX/JSONL text), so it is never a field separator.
    /// </summary>
    public static bool TryDecimal(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        if (s.Length == 0 || s.Length > 64) return false;
        var comma = s.IndexOf(',');
        if (comma < 0) return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        if (s.Contains('.') || s[(comma + 1)..].Contains(',')) return false; // thousands separators are ambiguous
        Span<char> copy = stackalloc char[s.Length];
        s.CopyTo(copy);
        copy[comma] = '.';
        return double.TryParse(copy, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The canonical code equal (ignoring case) to <paramref name="s"/>, or null.</summary>
    public static string? MatchCode(ReadOnlySpan<char> s, IReadOnlyList<string> codes)
    {
        for (var i = 0; i < codes.Count; i++)
            if (s.Equals(codes[i], StringComparison.OrdinalIgnoreCase)) return codes[i];
        return null;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return s.Length > 0;
    }
}
