namespace Kepegawaian.Warehouse.Domain;

/// <summary>Rating of hasil kerja or perilaku kerja against expectation (PermenPANRB 6/2022).</summary>
public enum Ekspektasi { DiBawah, Sesuai, DiAtas }

/// <summary>
/// Predikat kinerja from the PermenPANRB 6/2022 matrix (domain.md) and its ordinal score for trends
/// (spec §4: Sangat Baik 5, Baik 4, Butuh Perbaikan 3, Kurang/Misconduct 2, Sangat Kurang 1).
/// </summary>
public static class Predikat
{
    public const string SangatBaik = "Sangat Baik";
    public const string Baik = "Baik";
    public const string ButuhPerbaikan = "Butuh Perbaikan";
    public const string Kurang = "Kurang/Misconduct";
    public const string SangatKurang = "Sangat Kurang";

    /// <summary>All predikat, best first.</summary>
    public static IReadOnlyList<string> All { get; } = [SangatBaik, Baik, ButuhPerbaikan, Kurang, SangatKurang];

    //                         perilaku: di bawah      sesuai          di atas
    private static readonly string[,] Matrix =
    {
        /* hasil di bawah */ { SangatKurang, ButuhPerbaikan, ButuhPerbaikan },
        /* hasil sesuai   */ { Kurang,       Baik,           Baik },
        /* hasil di atas  */ { Kurang,       Baik,           SangatBaik },
    };

    public static string From(Ekspektasi hasilKerja, Ekspektasi perilakuKerja) =>
        Matrix[(int)hasilKerja, (int)perilakuKerja];

    public static int Score(string predikat) => predikat switch
    {
        SangatBaik => 5,
        Baik => 4,
        ButuhPerbaikan => 3,
        Kurang => 2,
        SangatKurang => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(predikat), predikat, "Predikat tidak dikenal."),
    };

    /// <summary>Parses the input codes <c>di_atas</c>, <c>sesuai</c>, <c>di_bawah</c>.</summary>
    public static bool TryParseEkspektasi(ReadOnlySpan<char> code, out Ekspektasi value)
    {
        value = default;
        if (code.Equals("di_atas", StringComparison.OrdinalIgnoreCase)) { value = Ekspektasi.DiAtas; return true; }
        if (code.Equals("sesuai", StringComparison.OrdinalIgnoreCase)) { value = Ekspektasi.Sesuai; return true; }
        if (code.Equals("di_bawah", StringComparison.OrdinalIgnoreCase)) { value = Ekspektasi.DiBawah; return true; }
        return false;
    }

    /// <summary>Normalises a predikat as written in exports ("sangat baik", "Kurang", "misconduct", …).</summary>
    public static string? Normalize(ReadOnlySpan<char> text)
    {
        var t = text.Trim().ToString().Replace('_', ' ').ToLowerInvariant();
        return t switch
        {
            "sangat baik" => SangatBaik,
            "baik" => Baik,
            "butuh perbaikan" => ButuhPerbaikan,
            "kurang" or "misconduct" or "kurang/misconduct" or "kurang / misconduct" => Kurang,
            "sangat kurang" => SangatKurang,
            _ => null,
        };
    }
}
