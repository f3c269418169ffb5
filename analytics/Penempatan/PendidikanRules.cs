using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>One row of the minimum-education table: a jenis_jabatan (and, for fungsional, a jenjang) and its minimum pendidikan code.</summary>
public sealed record PendidikanRule(string JenisJabatan, string? Jenjang, string Minimum, string Dasar)
{
    /// <summary>The key this row answers: jenis_jabatan, or <c>fungsional_&lt;jenjang&gt;</c> ("fungsional_ahli", "fungsional_ahli_utama").</summary>
    public string Kunci => Jenjang is null ? JenisJabatan : $"{JenisJabatan}_{Jenjang}";
}

/// <summary>Fit of one employee's education to the minimum of the position held (mart_kesesuaian).</summary>
public enum Kesesuaian
{
    /// <summary>pendidikan at or above the minimum.</summary>
    Sesuai,
    /// <summary>pendidikan below the minimum: under-qualified.</summary>
    Kurang,
    /// <summary>pendidikan empty or not a contract code, a fungsional whose jenjang nama_jabatan does not say, no jenis_jabatan, or a group the table has no row for: not judged, never counted as under-qualified.</summary>
    TidakDiketahui,
}

/// <summary>
/// The minimum education per jabatan group (issue 15 item 4) — the one place this rule lives. From one table,
/// <c>Data/pendidikan_minimum.csv</c> (PP 11/2017 Pasal 107, 54, 55; PermenPANRB 1/2023 and the JF regulations;
/// UU 14/2005 Pasal 9 for guru; PermenPANRB 41/2018 for pelaksana, SLTA as the floor), replaced as a whole by the operator's
/// <see cref="PenempatanOptions.PendidikanTable"/> exactly like the BUP table. The jabatan group is <see cref="BupRules.Kelompok"/>
/// (the same jenjang reading as the retirement marts): fungsional ahli pertama…utama take the <c>ahli</c> row unless the table
/// has one for their own jenjang. Pendidikan codes are ordered SD &lt; SMP &lt; SMA &lt; D1 &lt; D2 &lt; D3 &lt; D4 = S1 &lt; S2 &lt; S3
/// (D-IV and S-1 are the same KKNI level 6: "sarjana atau diploma IV").
/// </summary>
public sealed class PendidikanRules
{
    /// <summary>Jenjang a fungsional row may name: the families (ahli, keterampilan, guru) and, to override ahli, one ahli jenjang.</summary>
    public static readonly IReadOnlyList<string> JenjangFungsional = ["ahli", "keterampilan", "guru", "ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama"];

    /// <summary>Rank of each contract code (spec §3.2); D4 and S1 share a rank.</summary>
    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        ["SD"] = 1, ["SMP"] = 2, ["SMA"] = 3, ["D1"] = 4, ["D2"] = 5, ["D3"] = 6, ["D4"] = 7, ["S1"] = 7, ["S2"] = 8, ["S3"] = 9,
    };

    private readonly Dictionary<string, PendidikanRule> _byKunci;

    public PendidikanRules(IEnumerable<PendidikanRule> rules)
    {
        Rules = rules.ToList();
        _byKunci = new Dictionary<string, PendidikanRule>(StringComparer.Ordinal);
        foreach (var r in Rules)
            if (!_byKunci.TryAdd(r.Kunci, r))
                throw new FormatException($"Tabel pendidikan minimum: '{r.Kunci}' muncul dua kali / minimum-education table lists '{r.Kunci}' twice.");
    }

    public IReadOnlyList<PendidikanRule> Rules { get; }

    private static readonly JabatanTable.Title Title = new("pendidikan minimum", "minimum-education");

    /// <summary>The shipped table, or the operator's (<see cref="PenempatanOptions.PendidikanTable"/>) when set.</summary>
    public static PendidikanRules Load(PenempatanOptions? options = null) => JabatanTable.Load(options?.PendidikanTable, "pendidikan_minimum.csv", Title, Parse);

    public static PendidikanRules Shipped() => Load();

    /// <summary>Reads <c>jenis_jabatan,jenjang,pendidikan_minimum,dasar</c> lines (# comments and the header skipped); a bad line stops with its number.</summary>
    public static PendidikanRules Parse(TextReader reader, string source) =>
        new(JabatanTable.Read(reader, source, Title, "pendidikan_minimum", JenjangFungsional).Select(l => Ranks.ContainsKey(l.Value)
            ? new PendidikanRule(l.JenisJabatan, l.Jenjang, l.Value, l.Dasar)
            : throw l.Error($"pendidikan_minimum '{l.Value}' bukan kode pendidikan ({string.Join(", ", Codes.Pendidikan)}).")));

    /// <summary>The rank of a pendidikan code (SD 1 … D4 = S1 7 … S3 9); null when empty or not a contract code.</summary>
    public static int? Peringkat(string? pendidikan) =>
        pendidikan is null ? null : Ranks.TryGetValue(pendidikan.Trim().ToUpperInvariant(), out var r) ? r : null;

    /// <summary>
    /// The table row for a jabatan group (<see cref="BupRules.Kelompok"/>): its own row, else for fungsional_ahli_&lt;x&gt; the
    /// <c>ahli</c> row; null for fungsional_tidak_diketahui, tidak_diketahui and any group the table does not list.
    /// </summary>
    public PendidikanRule? Rule(string kelompok)
    {
        if (_byKunci.TryGetValue(kelompok, out var r)) return r;
        const string ahli = "fungsional_ahli_";
        return kelompok.StartsWith(ahli, StringComparison.Ordinal) && _byKunci.TryGetValue("fungsional_ahli", out var a) ? a : null;
    }

    /// <summary>The fit of <paramref name="pendidikan"/> to the minimum of <paramref name="kelompok"/>; unknown on either side is <see cref="Kesesuaian.TidakDiketahui"/>.</summary>
    public Kesesuaian Nilai(string kelompok, string? pendidikan) =>
        Rule(kelompok) is not { } rule || Peringkat(pendidikan) is not { } p ? Kesesuaian.TidakDiketahui
        : p >= Ranks[rule.Minimum] ? Kesesuaian.Sesuai : Kesesuaian.Kurang;

    /// <summary>A code as the regulations write it: S1 and D4 "S-1/D-IV", D3 "D-III", SMA "SLTA", S2 "S-2" …</summary>
    public static string Label(string code) => code switch
    {
        "S1" or "D4" => "S-1/D-IV",
        "D1" => "D-I",
        "D2" => "D-II",
        "D3" => "D-III",
        "SMA" => "SLTA",
        "SMP" => "SLTP",
        "S2" => "S-2",
        "S3" => "S-3",
        _ => code,
    };
}
