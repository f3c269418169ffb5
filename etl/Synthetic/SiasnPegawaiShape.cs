using Kepegawaian.Etl.Reading.Profiles;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// A pegawai snapshot as BKN SIASN "Export Data ASN" (CSV), the inverse of <c>siasn-pegawai.json</c>: mapped columns,
/// code tables (M/F, GOL AKHIR ID, TINGKAT PENDIDIKAN ID), the date format and the leading apostrophe on long digit
/// strings come from the profile. The profile's <c>derive</c> rules are regular expressions, which cannot be inverted
/// in general; the cells chosen for them are written here and every well-formed row is read back through the
/// profile's rules (<see cref="SourceProfile.Decide"/>), so a writer that drifts from the profile fails at once.
/// Personal columns the profile drops (NIK, NOMOR HP, EMAIL, ALAMAT) carry fake values, to exercise the drop.
/// </summary>
internal sealed class SiasnPegawaiShape : RowShape
{
    /// <summary>Personal columns written with fake values; each must be in the profile's <c>drop</c> list.</summary>
    public static readonly IReadOnlyList<string> FakePersonal = ["NIK", "NOMOR HP", "EMAIL", "ALAMAT"];

    private readonly string[] header;
    private readonly (int Contract, string Column)[] mapped;   // contract index → header index = position in mapped
    private readonly Dictionary<string, int> at;
    private readonly string guard;
    private readonly SourceProfile? unitProfile;     // also.unit_kerja, if the profile reads units from the export
    private readonly string unitNameColumn = "";
    private static readonly Dictionary<string, Unit> UnitByKode = Palembang.Units.ToDictionary(u => u.Kode, StringComparer.Ordinal);

    public SiasnPegawaiShape() : base(SourceShapes.Profile("siasn-pegawai.json"))
    {
        if (Profile.Entity != "pegawai") throw new InvalidOperationException("siasn-pegawai.json no longer maps pegawai.");
        var columns = new List<string>();
        var map = new List<(int, string)>();
        foreach (var (source, contract) in Profile.Columns)
        {
            columns.Add(source);
            map.Add((IndexOf(InboxSchema.Pegawai, contract), contract));
        }
        mapped = [.. map];
        foreach (var d in Profile.Derive.Values)
            foreach (var f in d.From)
                if (IndexOf(columns, f) < 0) columns.Add(f);
        // The unit_kerja read from the same export ("also"): its source columns (UNOR NAMA), each unit's name written.
        unitProfile = Profile.Companions.SingleOrDefault(c => c.Entity == "unit_kerja");
        if (unitProfile is not null)
        {
            foreach (var source in unitProfile.Columns.Keys.Concat(unitProfile.Derive.Values.SelectMany(d => d.From)))
                if (IndexOf(columns, source) < 0) columns.Add(source);
            unitNameColumn = unitProfile.SourceOf("nama_unit");
            if (IndexOf(columns, unitNameColumn) < 0)
                throw new InvalidOperationException($"siasn-pegawai.json reads nama_unit from '{unitNameColumn}', which is not one source column; update the generator's SIASN writer.");
        }
        foreach (var p in FakePersonal)
        {
            if (!Profile.Drop.Contains(p)) throw new InvalidOperationException($"siasn-pegawai.json no longer drops {p}; the generator would put a fake personal value into the warehouse.");
            columns.Add(p);
        }
        header = [.. columns];
        at = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++) at[header[i]] = i;
        guard = Profile.TrimStartChars.Count > 0 ? Profile.TrimStartChars[0].ToString() : "";
        foreach (var needed in new[] { "KEDUDUKAN HUKUM ID", "STATUS CPNS PNS", "GOL AKHIR ID", "GOL AKHIR NAMA", "JENIS JABATAN ID", "ESELON ID" })
            if (!at.ContainsKey(needed)) throw new InvalidOperationException($"siasn-pegawai.json no longer reads {needed}; update the generator's SIASN writer.");
    }

    public override IReadOnlyList<string> Header => header;

    public static string FileName(DateOnly tanggalData) => $"siasn-pegawai_{OutputFiles.Iso(tanggalData)}.csv";

    public override IEnumerable<string[]> Rows(string[] c, bool verify)
    {
        var nip = c[0];
        var row = new string[header.Length];
        Array.Fill(row, "");
        for (var i = 0; i < mapped.Length; i++)
        {
            var (index, column) = mapped[i];
            // pns_id is not a contract column the generator writes: SIASN's PNS ID, synthetic and derived from the NIP.
            var value = index < 0 ? (column == "pns_id" ? PnsId(nip) : "") : ToSource(column, c[index], nip);
            row[i] = IsLongDigits(value) ? guard + value : value;
        }

        string status = c[4], golongan = c[5], jabatan = c[6];
        var pppk = status == "PPPK";
        Set(row, "KEDUDUKAN HUKUM ID", pppk ? "71" : "01");           // 01 aktif; 71 PPPK
        Set(row, "STATUS CPNS PNS", status switch { "CPNS" => "C", "PNS" => "P", _ => "" });
        Set(row, "GOL AKHIR ID", pppk ? "" : ToSource("golongan", golongan, nip));
        Set(row, "GOL AKHIR NAMA", golongan);
        var (jenis, eselon) = jabatan switch
        {
            "jpt" => ("1", "21"),
            "administrator" => ("1", "31"),
            "pengawas" => ("1", "41"),
            "fungsional" => ("2", ""),
            "pelaksana" => ("4", ""),
            _ => (jabatan, ""),
        };
        Set(row, "JENIS JABATAN ID", jenis);
        Set(row, "ESELON ID", eselon);

        // UNOR NAMA: the unit's name (a corrupted, unknown code gets none, so the unit is not invented from it).
        var kode = c[IndexOf(InboxSchema.Pegawai, "kode_unit")];
        var unit = UnitByKode.GetValueOrDefault(kode);
        if (unitProfile is not null) Set(row, unitNameColumn, unit?.Nama ?? "");

        // Fake personal data (never to be read): deterministic from the NIP, not from the generator's random streams.
        var h = Fnv("nik:" + nip);
        Set(row, "NIK", guard + FakeNik(nip));
        Set(row, "NOMOR HP", FakePhone(nip));
        Set(row, "EMAIL", "asn" + Digits("", "mail:" + nip, 6) + "@contoh-palsu.id");
        Set(row, "ALAMAT", string.Create(Inv, $"Jl. Palsu No. {h % 300 + 1}, Palembang"));

        if (verify)
        {
            Verify(row, c);
            if (unitProfile is not null && unit is not null) VerifyUnit(row, unit);
        }
        yield return row;
    }

    /// <summary>A synthetic PNS ID (SIASN writes a 32-hex id), derived from the NIP so every shape agrees on it.</summary>
    public static string PnsId(string nip) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("pns:" + nip)), 0, 16);

    /// <summary>A 16-digit fake NIK (1671 = Kota Palembang) derived from the NIP.</summary>
    public static string FakeNik(string nip) => Digits("1671", "nik:" + nip, 12);

    public static string FakePhone(string nip) => Digits("0812", "hp:" + nip, 8);

    private void Set(string[] row, string column, string value) => row[at[column]] = value;

    private static bool IsLongDigits(string s) => s.Length >= 15 && s.All(char.IsAsciiDigit);

    /// <summary>The unit read back through also.unit_kerja's rules equals the city's unit (code, name, jenis).</summary>
    private void VerifyUnit(string[] row, Unit unit)
    {
        foreach (var (source, target) in unitProfile!.Columns)
            if (target == "kode_unit") Expect("UNOR → kode_unit", Profile.Clean(row[at[source]]), unit.Kode);
        foreach (var (target, d) in unitProfile.Derive)
        {
            var value = SourceProfile.Decide(d, d.From.Select(f => Profile.Clean(row[at[f]])).ToArray());
            Expect($"UNOR → {target}", value, target switch { "nama_unit" => unit.Nama, "jenis_unit" => unit.Jenis, _ => value });
        }
    }

    private void Verify(string[] row, string[] c)
    {
        for (var i = 0; i < mapped.Length; i++)
            if (mapped[i].Contract >= 0)
                Expect(mapped[i].Column, Read(mapped[i].Column, row[i]), c[mapped[i].Contract]);
        foreach (var (target, d) in Profile.Derive)
        {
            var cells = d.From.Select(f => Profile.Clean(row[at[f]])).ToArray();
            var value = SourceProfile.Decide(d, cells);
            if (Profile.Values.TryGetValue(target, out var map) && map.TryGetValue(value, out var mappedValue)) value = mappedValue;
            Expect(target, value, c[IndexOf(InboxSchema.Pegawai, target)]);
        }
    }
}
