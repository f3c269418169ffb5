namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// Hands out NIPs that are unique by construction with small fixed state: a sequence counter per
/// (birth year, TMT month, sex) for PNS and per (birth year, TMT year, sex) for PPPK, whose overflow moves to the
/// next frequency digit. PNS and PPPK never collide: a PNS NIP has a TMT month (0x/1x) where a PPPK NIP has '2'.
/// </summary>
internal sealed class NipAllocator
{
    private const int FirstYear = 1940, YearSpan = 110;
    private readonly ushort[] _pns = new ushort[YearSpan * YearSpan * 12 * 2];
    private readonly ushort[] _pppk = new ushort[YearSpan * YearSpan * 2];

    /// <summary>PNS/CPNS: birth YYYYMMDD + TMT CPNS YYYYMM + sex + sequence; null when the bucket is full (caller shifts TMT).</summary>
    public string? Pns(DateOnly birth, DateOnly tmt, char sex)
    {
        var i = ((birth.Year - FirstYear) * YearSpan * 12 + (tmt.Year - FirstYear) * 12 + tmt.Month - 1) * 2 + (sex == 'L' ? 0 : 1);
        if (_pns[i] >= 999) return null;
        var seq = ++_pns[i];
        return $"{birth:yyyyMMdd}{tmt:yyyyMM}{(sex == 'L' ? '1' : '2')}{seq:D3}";
    }

    /// <summary>PPPK: birth YYYYMMDD + TMT year + '2' + frequency + sex + sequence (domain.md).</summary>
    public string? Pppk(DateOnly birth, int tmtYear, char sex)
    {
        var i = ((birth.Year - FirstYear) * YearSpan + (tmtYear - FirstYear)) * 2 + (sex == 'L' ? 0 : 1);
        if (_pppk[i] >= 999 * 9) return null;
        var n = _pppk[i]++;
        return $"{birth:yyyyMMdd}{tmtYear:D4}2{1 + n / 999}{(sex == 'L' ? '1' : '2')}{1 + n % 999:D3}";
    }
}
