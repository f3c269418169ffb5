using System.Globalization;
using Kepegawaian.Etl.Reading.Profiles;
using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// <c>generate --as siasn-api</c>: the city's histories as saved SIASN API responses, one JSONL file per endpoint for
/// the whole city (rw-jabatan needs each employee's whole history in one file), read by the shipped profiles
/// <c>siasn-rw-jabatan</c>, <c>siasn-rw-golongan</c>, <c>siasn-rw-kursus</c>, <c>siasn-rw-skp22</c> and
/// <c>siasn-rw-kinerjaperiodik</c>. Field names, code tables and date formats come from those profiles. What the API
/// does not carry stays in the contract's files, as paper leave does under <c>--as ecuti</c>: pensiun/berhenti
/// (rw-pemberhentian is not read: no NIP, unpublished codes), trainings that are latsar, e-learning or not passed
/// (SIASN records a course with its certificate; rw-kursus has no latsar or e-learning code). Its rows are never
/// corrupted by <c>--bad-rows</c>. The PNS ID of rw-skp22 is resolved through the SIASN pegawai export, so this shape
/// implies <c>siasn</c>.
/// </summary>
internal sealed class SiasnApiShape
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] JabatanFields =
        ["id", "nipBaru", "jenisJabatan", "unorId", "eselonId", "namaJabatan", "jabatanFungsionalNama", "jabatanFungsionalUmumNama", "tmtJabatan", "nomorSk"];
    private static readonly string[] GolonganFields = ["id", "nipBaru", "golonganId", "tmtGolongan", "jenisKPNama", "skNomor"];
    private static readonly string[] KursusFields =
        ["id", "nipBaru", "jenisKursusId", "namaKursus", "jenisDiklatId", "tanggalKursus", "tanggalSelesaiKursus", "jumlahJam"];
    private static readonly string[] Skp22Fields = ["id", "tahun", "pnsDinilaiId", "hasilKinerjaNilai", "PerilakuKerjaNilai", "kuadranKinerja"];
    private static readonly string[] PeriodikFields = ["id", "tahun", "nip", "periodikId", "bulanMulaiPenilaian", "hasilKinerjaNilai", "perilakuKerjaNilai", "unorId"];

    private readonly SourceProfile jabatan = Checked("siasn-rw-jabatan.json", "mutasi", JabatanFields);
    private readonly SourceProfile golongan = Checked("siasn-rw-golongan.json", "mutasi", GolonganFields);
    private readonly SourceProfile kursus = Checked("siasn-rw-kursus.json", "diklat", KursusFields);
    private readonly SourceProfile skp22 = Checked("siasn-rw-skp22.json", "kinerja", Skp22Fields);
    private readonly SourceProfile periodik = Checked("siasn-rw-kinerjaperiodik.json", "kinerja", PeriodikFields);
    private readonly InboxFile jabatanFile, golonganFile, kursusFile, skp22File, periodikFile;

    public SiasnApiShape(Func<string, string, IReadOnlyList<string>, InboxFile> open)
    {
        jabatanFile = open(FileName("siasn-rw-jabatan"), "mutasi", JabatanFields);
        golonganFile = open(FileName("siasn-rw-golongan"), "mutasi", GolonganFields);
        kursusFile = open(FileName("siasn-rw-kursus"), "diklat", KursusFields);
        skp22File = open(FileName("siasn-rw-skp22"), "kinerja", Skp22Fields);
        periodikFile = open(FileName("siasn-rw-kinerjaperiodik"), "kinerja", PeriodikFields);
        foreach (var (p, f) in new[] { (jabatan, jabatanFile), (golongan, golonganFile), (kursus, kursusFile), (skp22, skp22File), (periodik, periodikFile) })
            if (!p.Matches(Path.GetFileName(f.Path))) throw new InvalidOperationException($"Generated file '{f.Path}' is not claimed by {p.Name}.");
    }

    private static string FileName(string endpoint) => $"{endpoint}_kota.jsonl";

    /// <summary>A shipped profile this writer inverts; every field it reads must be one written here.</summary>
    private static SourceProfile Checked(string name, string entity, string[] fields)
    {
        var p = SourceShapes.Profile(name);
        if (p.Entity != entity) throw new InvalidOperationException($"{name} no longer maps {entity}.");
        var read = p.Columns.Keys.Concat(p.Derive.Values.SelectMany(d => d.From)).Concat(p.Crosswalk.Values.SelectMany(x => x.From))
            .Where(c => p.PreviousSpec is not { } prev || !prev.Columns.Values.Contains(c, StringComparer.OrdinalIgnoreCase));
        foreach (var c in read)
            if (!fields.Contains(c, StringComparer.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{name} reads '{c}', which the generator's SIASN API writer does not write.");
        return p;
    }

    /// <summary>
    /// An employee's mutasi: each placement as a rw-jabatan entry (the first is the history's opening entry, which the
    /// profile skips), pengangkatan and kenaikan pangkat as rw-golongan entries, each with the contract row's id.
    /// Returns the events left for the contract file (pensiun, berhenti).
    /// </summary>
    public List<int> WriteMutasi(Person p, CityModel city)
    {
        var left = new List<int>();
        var first = p.Placements[0];
        WriteJabatan($"JAB-{p.Nip}-00", p.Nip, first, first.Jabatan, first.From, "");
        for (var k = 1; k <= p.Events.Count; k++)
        {
            var e = p.Events[k - 1];
            var id = $"MUT-{p.Nip}-{k:D2}";
            var sk = Sk(e, k);
            switch (e.Jenis)
            {
                case "mutasi" or "promosi":
                    WriteJabatan(id, p.Nip, p.PlacementOn(e.Date) with { Unit = e.UnitTujuan }, e.JabatanBaru ?? "", e.Date, sk);
                    break;
                case "pengangkatan" or "kenaikan_pangkat":
                    golonganFile.WriteJson([id, p.Nip, Source(golongan, "golongan_baru", e.GolonganBaru ?? ""), Date(golongan, "tanggal_efektif", e.Date),
                        e.Jenis == "kenaikan_pangkat" ? "Reguler" : p.Pppk ? "Pengangkatan PPPK" : "Pengangkatan CPNS", sk]);
                    break;
                default:
                    left.Add(k);
                    break;
            }
        }
        return left;

        void WriteJabatan(string id, string nip, Placement pl, string nama, DateOnly tmt, string sk)
        {
            var (jenis, eselon) = pl.JenisJabatan switch
            {
                "jpt" => ("1", "22"),
                "administrator" => ("1", "32"),
                "pengawas" => ("1", "42"),
                "fungsional" => ("2", ""),
                _ => ("4", ""),
            };
            jabatanFile.WriteJson([id, nip, jenis, city.Units[pl.Unit].Kode, eselon, jenis == "1" ? nama : "", jenis == "2" ? nama : "", jenis == "4" ? nama : "",
                Date(jabatan, "tanggal_efektif", tmt), sk]);
        }
    }

    /// <summary>The contract's nomor SK of the k-th event (one definition, shared with the contract writer).</summary>
    public static string Sk(Event e, int k) => $"800.1.{(e.Jenis == "kenaikan_pangkat" ? "3.1" : "2.2")}/{(k * 37 + e.Date.DayOfYear) % 900 + 100}/BKPSDM/{e.Date.Year}";

    /// <summary>A passed course of a jenis rw-kursus codes, written there; false: the contract file keeps it.</summary>
    public bool WriteDiklat(string[] c)
    {
        // id, nip, kode, nama, jenis, mulai, selesai, jp, status, nilai…
        if (c[8] != "lulus" || Source(kursus, "jenis_pelatihan", c[4]) == c[4]) return false;
        kursusFile.WriteJson([c[0], c[1], c[2], c[3], Source(kursus, "jenis_pelatihan", c[4]),
            Date(kursus, "tanggal_mulai", DateOnly.Parse(c[5], Inv)), Date(kursus, "tanggal_selesai", DateOnly.Parse(c[6], Inv)), c[7]]);
        return true;
    }

    /// <summary>An appraisal: yearly to rw-skp22 (by PNS ID, unit from the history), quarterly to rw-kinerjaperiodik.</summary>
    public void WriteKinerja(string[] c)
    {
        // id, nip, periode, hasil, perilaku, predikat, nilai_skp, kode_unit
        var hasil = Source(skp22, "hasil_kerja", c[3]);
        var perilaku = Source(skp22, "perilaku_kerja", c[4]);
        if (c[2].Length == 4)
        {
            skp22File.WriteJson([c[0], c[2], SiasnPegawaiShape.PnsId(c[1]), hasil, perilaku, c[5].Length == 0 ? "" : SiasnLabel(c[5])]);
            return;
        }
        var quarter = int.Parse(c[2].AsSpan(6), Inv);
        periodikFile.WriteJson([c[0], c[2][..4], c[1], "2", ((quarter - 1) * 3 + 1).ToString(Inv), Source(periodik, "hasil_kerja", c[3]), Source(periodik, "perilaku_kerja", c[4]), c[7]]);
    }

    /// <summary>SIASN's predikat labels (sources.md §2): upper case, Kurang without "/Misconduct".</summary>
    private static string SiasnLabel(string predikat) => predikat == Predikat.Kurang ? "KURANG" : predikat.ToUpperInvariant();

    /// <summary>The profile's value table inverted (the first source code for the contract value), else the value itself.</summary>
    private static string Source(SourceProfile p, string column, string value)
    {
        if (p.Values.TryGetValue(column, out var map))
            foreach (var (source, contract) in map)
                if (contract == value) return source;
        return value;
    }

    private static string Date(SourceProfile p, string column, DateOnly d) => d.ToString(p.Dates[column][0], Inv);
}
