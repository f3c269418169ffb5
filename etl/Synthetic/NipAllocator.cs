namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// Hands out NIPs that are unique by construction with small fixed state (7 MB): a sequence counter per
/// (birth month, TMT month, sex) for PNS and per (birth month, TMT year, sex) for PPPK, whose overflow moves to the
/// next frequency digit. Per birth month, not year: at the national scale (5.6 M) year buckets of 999 filled up. PNS and PPPK never collide: a PNS NIP has a TMT month (0x/1x) where a PPPK NIP has '2'.
/// </summary>
internal sealed class NipAllocator
{
    private const int FirstYear = 1940, YearSpan = 110;
    private readonly ushort[] _pns = new ushort[YearSpan * 12 * YearSpan * 12 * 2];
    private readonly ushort[] _pppk = new ushort[YearSpan * 12 * YearSpan * 2];

    private static int BirthMonth(DateOnly birth) => (birth.Year - FirstYear) * 12 + birth.Month - 1;

    /// <summary>
    /// A NIP for this person. A full bucket (only at millions of employees) moves the TMT a month earlier,
    /// but never before the employee turned 18 (minimum CPNS age, PP 11/2017 ps. 23), else later, so the
    /// NIP stays valid; <paramref name="tmt"/> returns the TMT used.
    /// </summary>
    public string Allocate(DateOnly birth, ref DateOnly tmt, char sex, bool pppk)
    {
        var adult = birth.AddYears(18);
        var earliest = new DateOnly(adult.Year, adult.Month, 1).AddMonths(adult.Day == 1 ? 0 : 1);
        for (var t = tmt; t >= earliest; t = t.AddMonths(-1))
            if (Allocate(t) is { } nip) { tmt = t; return nip; }
        for (var t = tmt.AddMonths(1); ; t = t.AddMonths(1))
            if (Allocate(t) is { } nip) { tmt = t; return nip; }

        string? Allocate(DateOnly t) => pppk ? Pppk(birth, t.Year, sex) : Pns(birth, t, sex);
    }

    /// <summary>PNS/CPNS: birth YYYYMMDD + TMT CPNS YYYYMM + sex + sequence; null when the bucket is full (caller shifts TMT).</summary>
    public string? Pns(DateOnly birth, DateOnly tmt, char sex)
    {
        var i = (BirthMonth(birth) * YearSpan * 12 + (tmt.Year - FirstYear) * 12 + tmt.Month - 1) * 2 + (sex == 'L' ? 0 : 1);
        if (_pns[i] >= 999) return null;
        var seq = ++_pns[i];
        return $"{birth:yyyyMMdd}{tmt:yyyyMM}{(sex == 'L' ? '1' : '2')}{seq:D3}";
    }

    /// <summary>PPPK: birth YYYYMMDD + TMT year + '2' + frequency + sex + sequence (domain.md).</summary>
    public string? Pppk(DateOnly birth, int tmtYear, char sex)
    {
        var i = (BirthMonth(birth) * YearSpan + (tmtYear - FirstYear)) * 2 + (sex == 'L' ? 0 : 1);
        if (_pppk[i] >= 999 * 9) return null;
        var n = _pppk[i]++;
        return $"{birth:yyyyMMdd}{tmtYear:D4}2{1 + n / 999}{(sex == 'L' ? '1' : '2')}{1 + n % 999:D3}";
    }
}
