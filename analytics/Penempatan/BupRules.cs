using System.Globalization;
using System.Text.RegularExpressions;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>One row of the BUP table: a jenis_jabatan (and, for fungsional, a jenjang) and its retirement age.</summary>
public sealed record BupRule(string JenisJabatan, string? Jenjang, int Bup, string Dasar)
{
    /// <summary>The jabatan group this row describes (<see cref="BupRules.Kelompok"/>).</summary>
    public string Kelompok => Jenjang is null ? JenisJabatan : $"{JenisJabatan}_{Jenjang}";
}

/// <summary>
/// Batas usia pensiun (BUP) and TMT pensiun — the one place these rules live. The ages come from one table,
/// <c>Data/batas_usia_pensiun.csv</c> (PP 11/2017 Pasal 239 ayat (2): 58 for pejabat administrasi and fungsional ahli
/// pertama, ahli muda and keterampilan; 60 for pimpinan tinggi and fungsional ahli madya; 65 for fungsional ahli utama),
/// replaced as a whole by the operator's <see cref="PenempatanOptions.BupTable"/>. A fungsional's jenjang is read from
/// nama_jabatan (<see cref="Jenjang"/>); where it cannot be read the group is <see cref="TidakDiketahui"/> and has no BUP:
/// it is counted, never guessed.
/// </summary>
public sealed partial class BupRules
{
    /// <summary>Group of a fungsional whose jenjang nama_jabatan does not say, and of an employee without jenis_jabatan.</summary>
    public const string TidakDiketahui = "tidak_diketahui";

    /// <summary>The jenjang of jabatan fungsional (domain.md: keahlian Ahli Pertama/Muda/Madya/Utama; keterampilan Pemula/Terampil/Mahir/Penyelia).</summary>
    public static readonly IReadOnlyList<string> JenjangFungsional = ["ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama", "keterampilan", "guru"];

    private readonly Dictionary<string, BupRule> _byKelompok;

    public BupRules(IEnumerable<BupRule> rules)
    {
        Rules = rules.ToList();
        _byKelompok = new Dictionary<string, BupRule>(StringComparer.Ordinal);
        foreach (var r in Rules)
            if (!_byKelompok.TryAdd(r.Kelompok, r))
                throw new FormatException($"Tabel BUP: kelompok '{r.Kelompok}' muncul dua kali / BUP table lists '{r.Kelompok}' twice.");
    }

    public IReadOnlyList<BupRule> Rules { get; }

    private static readonly JabatanTable.Title Title = new("BUP", "BUP");

    /// <summary>The shipped table, or the operator's (<see cref="PenempatanOptions.BupTable"/>) when set.</summary>
    public static BupRules Load(PenempatanOptions? options = null) => JabatanTable.Load(options?.BupTable, "batas_usia_pensiun.csv", Title, Parse);

    public static BupRules Shipped() => Load();

    /// <summary>Reads <c>jenis_jabatan,jenjang,bup,dasar</c> lines (# comments and the header skipped); a bad line stops with its number.</summary>
    public static BupRules Parse(TextReader reader, string source) =>
        new(JabatanTable.Read(reader, source, Title, "bup", JenjangFungsional).Select(l =>
            int.TryParse(l.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var bup) && bup is >= 40 and <= 75
                ? new BupRule(l.JenisJabatan, l.Jenjang, bup, l.Dasar)
                : throw l.Error($"bup '{l.Value}' bukan usia 40…75 / not an age 40…75.")));

    [GeneratedRegex(@"^\s*guru\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GuruPattern();

    [GeneratedRegex(@"\bahli\s+(pertama|muda|madya|utama)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AhliPattern();

    [GeneratedRegex(@"\b(pemula|terampil|mahir|penyelia)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeterampilanPattern();

    /// <summary>
    /// The jenjang a fungsional's nama_jabatan names ("Analis Kebijakan Ahli Madya" → ahli_madya, "Perawat Penyelia" →
    /// keterampilan, "Guru Ahli Pertama" → guru); null when it names none ("Guru Kelas") or more than one ("Ahli Muda/Ahli Madya"): unreadable, never guessed.
    /// </summary>
    public static string? Jenjang(string? namaJabatan)
    {
        if (string.IsNullOrWhiteSpace(namaJabatan)) return null;
        // Guru retire at 60 whatever their jenjang (UU 14/2005 Pasal 30 ayat (4); PP 11/2017 Pasal 240): a group of its own.
        if (GuruPattern().IsMatch(namaJabatan)) return "guru";
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in AhliPattern().Matches(namaJabatan)) found.Add("ahli_" + m.Groups[1].Value.ToLowerInvariant());
        if (KeterampilanPattern().IsMatch(namaJabatan)) found.Add("keterampilan");
        return found.Count == 1 ? found.Single() : null;
    }

    /// <summary>
    /// The jabatan group: jenis_jabatan for jpt, administrator, pengawas, pelaksana; <c>fungsional_&lt;jenjang&gt;</c> for a
    /// fungsional whose jenjang is readable, else <c>fungsional_tidak_diketahui</c>; <see cref="TidakDiketahui"/> without jenis_jabatan.
    /// </summary>
    public static string Kelompok(string? jenisJabatan, string? namaJabatan) => jenisJabatan switch
    {
        null or "" => TidakDiketahui,
        "fungsional" => "fungsional_" + (Jenjang(namaJabatan) ?? TidakDiketahui),
        _ => jenisJabatan,
    };

    /// <summary>The BUP of a jabatan group; null when the table has none for it (jenjang unreadable, unknown jenis).</summary>
    public int? Bup(string kelompok) => _byKelompok.TryGetValue(kelompok, out var r) ? r.Bup : null;

    /// <summary>The regulation a group's BUP comes from ("" when the table gives none).</summary>
    public string Dasar(string kelompok) => _byKelompok.TryGetValue(kelompok, out var r) ? r.Dasar : "";

    /// <summary>
    /// TMT pensiun: the first day of the month after the month in which the employee reaches <paramref name="bup"/>
    /// (the rule of issue 15 and BKN practice: "pensiun TMT tanggal 1 bulan berikutnya"). Only the birth month counts, so
    /// born 1 or 31 March 1968 with BUP 58 both retire on 1 April 2026, and 29 February 1968 on 1 March 2026.
    /// </summary>
    public static DateOnly TmtPensiun(DateOnly tanggalLahir, int bup) =>
        new DateOnly(tanggalLahir.Year + bup, tanggalLahir.Month, 1).AddMonths(1);

    /// <summary>TMT pensiun of an employee in <paramref name="kelompok"/>; null when the group has no BUP or the birth date is unknown.</summary>
    public DateOnly? TmtPensiun(DateOnly? tanggalLahir, string kelompok) =>
        tanggalLahir is { } lahir && Bup(kelompok) is { } bup ? TmtPensiun(lahir, bup) : null;

    /// <summary>Readable group name for outputs ("pengawas", "fungsional ahli madya", "fungsional (jenjang tidak diketahui)").</summary>
    public static string NamaKelompok(string kelompok) => kelompok switch
    {
        TidakDiketahui => "jabatan tidak diketahui",
        "fungsional_tidak_diketahui" => "fungsional (jenjang tidak diketahui)",
        "jpt" => "pimpinan tinggi",
        _ => kelompok.Replace('_', ' '),
    };
}
