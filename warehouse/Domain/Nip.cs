using System.Globalization;

namespace Kepegawaian.Warehouse.Domain;

/// <summary>
/// NIP (Nomor Induk Pegawai), 18 digits (domain.md, "Personnel identifiers").
/// PNS:  birth YYYYMMDD + TMT CPNS YYYYMM + sex (1 male, 2 female) + sequence NNN.
/// PPPK: birth YYYYMMDD + TMT year YYYY + '2' (PPPK marker) + frequency digit + sex + sequence NNN.
/// </summary>
public readonly record struct Nip(string Value, DateOnly TanggalLahir, DateOnly Tmt, char JenisKelamin, bool IsPppk)
{
    public const int Length = 18;

    /// <summary>Parses a NIP; <paramref name="pppk"/> selects the PPPK layout.</summary>
    public static NipParseResult Parse(ReadOnlySpan<char> text, bool pppk)
    {
        if (text.Length != Length) return NipParseResult.Fail(NipError.Length);
        foreach (var c in text)
            if (c is < '0' or > '9') return NipParseResult.Fail(NipError.NotDigits);

        if (!TryDate(text[..8], out var birth)) return NipParseResult.Fail(NipError.BirthDate);

        DateOnly tmt;
        char sexDigit;
        if (pppk)
        {
            var year = int.Parse(text[8..12], CultureInfo.InvariantCulture);
            if (year < 1900 || text[12] != '2') return NipParseResult.Fail(NipError.Tmt);
            tmt = new DateOnly(year, 1, 1);
            sexDigit = text[14];
        }
        else
        {
            var year = int.Parse(text[8..12], CultureInfo.InvariantCulture);
            var month = int.Parse(text[12..14], CultureInfo.InvariantCulture);
            if (year < 1900 || month is < 1 or > 12) return NipParseResult.Fail(NipError.Tmt);
            tmt = new DateOnly(year, month, 1);
            sexDigit = text[14];
        }

        if (sexDigit is not ('1' or '2')) return NipParseResult.Fail(NipError.Sex);
        // Appointed no earlier than age 15: catches swapped or mistyped fields.
        if (tmt < birth.AddYears(15)) return NipParseResult.Fail(NipError.Tmt);
        if (text[15..].SequenceEqual("000")) return NipParseResult.Fail(NipError.Sequence);

        return NipParseResult.Ok(new Nip(text.ToString(), birth, tmt, sexDigit == '1' ? 'L' : 'P', pppk));
    }

    private static bool TryDate(ReadOnlySpan<char> yyyymmdd, out DateOnly date) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year >= 1900;
}

public enum NipError { None, Length, NotDigits, BirthDate, Tmt, Sex, Sequence }

public readonly record struct NipParseResult(Nip Nip, NipError Error)
{
    public bool Success => Error == NipError.None;
    public static NipParseResult Ok(Nip nip) => new(nip, NipError.None);
    public static NipParseResult Fail(NipError error) => new(default, error);
}
