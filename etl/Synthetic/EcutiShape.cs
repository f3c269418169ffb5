using System.Globalization;
using Kepegawaian.Etl.Reading.Profiles;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// Online leave requests as the e-Cuti application exports them (tb_mohoncuti), the inverse of <c>ecuti.json</c>: the
/// label table, date formats, lookup columns and mapping-file names come from the profile. The NIP becomes the
/// application's peg_id and the unit the id of its atasan pair (tb_atasan), numbered in order of first use; the two
/// mapping files are written beside the exports. The status becomes the two approval stages and the decision time
/// the audit column <c>updated_at</c>; every well-formed row is read back through the profile's rules while written.
/// <c>jml_hari</c> is written as the application fills it (Carbon diffInDays: calendar days, end excluded); the profile
/// recounts lama_hari from mulai and selesai in working days, and every row is checked to read back as the contract's.
/// What the generator writes that the documented application does not: <c>tgl</c> with its time of day, the labels
/// "Cuti Bersama" and "Izin" and the decision "Perubahan".
/// Reasons, addresses, phones and the mapping file's names carry fake values, to exercise the drop.
/// </summary>
internal sealed class EcutiShape : RowShape
{
    public static readonly IReadOnlyList<string> FakePersonal = ["alasan", "alamat", "telp"];

    private static readonly string[] Columns =
        ["id_mohoncuti", "peg_id", "tgl", "jenis", "alasan", "catatan", "mulai", "selesai", "jml_hari", "alamat", "telp", "atasan_id", "bukti1", "bukti2", "approval", "approval2", "updated_at"];

    private static readonly string[] Reasons =
        ["Menghadiri pernikahan saudara", "Keperluan keluarga di luar kota", "Istirahat sesuai surat dokter", "Mengurus orang tua yang sakit", "Liburan keluarga"];

    private readonly Dictionary<string, int> at = new(StringComparer.OrdinalIgnoreCase);
    private readonly SourceProfile.Lookup nip, unit;
    private readonly Dictionary<string, string> pegId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> atasanId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> back = new(StringComparer.Ordinal); // "peg:<id>" / "atasan:<id>" → NIP / kode_unit

    public EcutiShape() : base(SourceShapes.Profile("ecuti.json"))
    {
        if (Profile.Entity != "cuti") throw new InvalidOperationException("ecuti.json no longer maps cuti.");
        for (var i = 0; i < Columns.Length; i++) at[Columns[i]] = i;
        nip = Profile.Lookups.GetValueOrDefault("nip") ?? throw new InvalidOperationException("ecuti.json no longer looks up nip.");
        unit = Profile.Lookups.GetValueOrDefault("kode_unit") ?? throw new InvalidOperationException("ecuti.json no longer looks up kode_unit.");
        // Every column the profile reads must be one this writer fills (and the other way round for the personal ones).
        var read = Profile.Columns.Keys.Concat(Profile.Derive.Values.SelectMany(d => d.From)).Concat(Profile.Lookups.Values.Select(l => l.From))
            .Concat(Profile.WorkingDays.Values.SelectMany(w => w.From));
        foreach (var c in read)
            if (!at.ContainsKey(c)) throw new InvalidOperationException($"ecuti.json reads '{c}', which the generator's e-Cuti writer does not write.");
        foreach (var p in FakePersonal)
            if (!Profile.Drop.Contains(p)) throw new InvalidOperationException($"ecuti.json no longer drops {p}; the generator would put a fake personal value into the warehouse.");
        if (Profile.Constants.GetValueOrDefault("kanal") != "online") throw new InvalidOperationException("ecuti.json no longer reads every row as kanal online.");
    }

    public override IReadOnlyList<string> Header => Columns;

    public static string FileName(int year) => $"ecuti_{year}.csv";

    public override IEnumerable<string[]> Rows(string[] c, bool verify)
    {
        var row = new string[Columns.Length];
        Array.Fill(row, "");
        var id = c[0];
        Set(row, "id_mohoncuti", id);
        Set(row, "peg_id", Id(pegId, "peg:", c[1]));
        Set(row, "tgl", c[4]);                       // contract text is already the profile's first format
        Set(row, "jenis", ToSource("jenis_cuti", c[2], id));
        Set(row, "mulai", ToSource("tanggal_mulai", c[7], id));
        Set(row, "selesai", ToSource("tanggal_selesai", c[8], id));
        Set(row, "jml_hari", CalendarDays(c[7], c[8]));
        Set(row, "atasan_id", Id(atasanId, "atasan:", c[10]));
        var h = Fnv("cuti:" + id);
        var (approval, approval2) = c[6] switch
        {
            "diajukan" => (h % 2 == 0 ? "Menunggu" : "Y", "Menunggu"), // with the atasan langsung, or already past it
            "disetujui" => ("Y", "Y"),
            "perubahan" => ("Y", "Perubahan"),
            "ditangguhkan" => ("Y", "Ditangguhkan"),
            "ditolak" => h % 2 == 0 ? ("N", "Menunggu") : ("Y", "N"),
            var other => (other, ""),
        };
        Set(row, "approval", approval);
        Set(row, "approval2", approval2);
        Set(row, "updated_at", c[5]);

        // Fake personal data (never to be read): deterministic from the request id, not from the generator's random streams.
        Set(row, "alasan", Reasons[h % (uint)Reasons.Length] + " " + Digits("#", "alasan:" + id, 6));
        Set(row, "alamat", $"Jl. Cuti Palsu No. {h % 500 + 1} RT {Digits("", "rt:" + id, 2)}, Palembang");
        Set(row, "telp", FakePhone(id));

        if (verify) Verify(row, c);
        yield return row;
    }

    /// <summary>
    /// e-cutikukar's jml_hari: Carbon diffInDays(mulai, selesai), calendar days with the end excluded (a one-day leave is 0);
    /// Carbon's diffInDays is absolute by default. Empty when a (defect-injected) date does not read.
    /// </summary>
    public static string CalendarDays(string mulai, string selesai) =>
        DateOnly.TryParseExact(mulai, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
        && DateOnly.TryParseExact(selesai, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)
            ? Math.Abs(b.DayNumber - a.DayNumber).ToString(CultureInfo.InvariantCulture)
            : "";

    public static string FakePhone(string idPengajuan) => Digits("0815", "hp:" + idPengajuan, 8);

    public static string FakeName(string nip) => "Pegawai Palsu " + Digits("", "nama:" + nip, 6);

    /// <summary>Writes the two mapping files beside the exports (peg_id → NIP with a fake name; id_atasan → kode_unit).</summary>
    public void WriteMappings(string dir)
    {
        Write(Path.Combine(dir, nip.File), [nip.Key, nip.Value, "nama"], pegId.Select(kv => new[] { kv.Value, kv.Key, FakeName(kv.Key) }));
        Write(Path.Combine(dir, unit.File), [unit.Key, "bagian", unit.Value], atasanId.Select(kv => new[] { kv.Value, "Bagian umum " + kv.Key, kv.Key }));
    }

    private static void Write(string path, string[] header, IEnumerable<string[]> rows)
    {
        using var w = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        w.WriteLine(string.Join(',', header));
        foreach (var r in rows) w.WriteLine(string.Join(',', r.Select(v => v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v)));
    }

    /// <summary>The application's own id for a NIP or a unit: 1, 2, … in order of first use.</summary>
    private string Id(Dictionary<string, string> ids, string kind, string value)
    {
        if (!ids.TryGetValue(value, out var id))
        {
            ids[value] = id = (ids.Count + 1).ToString(Inv);
            back[kind + id] = value;
        }
        return id;
    }

    private void Set(string[] row, string column, string value) => row[at[column]] = value;

    private void Verify(string[] row, string[] c)
    {
        foreach (var (source, contract) in Profile.Columns)
            Expect(contract, Read(contract, row[at[source]]), c[IndexOf(InboxSchema.Cuti, contract)]);
        Expect("nip", back["peg:" + row[at[nip.From]]], c[1]);
        Expect("kode_unit", back["atasan:" + row[at[unit.From]]], c[10]);
        Expect("kanal", "online", c[3]);
        foreach (var (target, w) in Profile.WorkingDays)
            Expect(target, w.Count(WorkCalendar.Leave, w.From.Select(f => Profile.Clean(row[at[f]])).ToArray(), Profile.Name, out _) ?? "(ditolak)",
                c[IndexOf(InboxSchema.Cuti, target)]);
        foreach (var (target, d) in Profile.Derive)
        {
            var value = SourceProfile.Decide(d, d.From.Select(f => Profile.Clean(row[at[f]])).ToArray());
            Expect(target, Read(target, value), c[IndexOf(InboxSchema.Cuti, target)]);
        }
    }
}
