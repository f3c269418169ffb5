namespace Kepegawaian.Warehouse.Domain;

/// <summary>The code lists of the input contract (spec §3), in one place.</summary>
public static class Codes
{
    public static readonly IReadOnlyList<string> JenisUnit =
        ["sekretariat", "dinas", "badan", "inspektorat", "satuan", "kecamatan", "kelurahan", "rsud", "lainnya"];

    /// <summary>kode_unit of the city-wide rows of every mart (no unit carries it: unit codes come from the source, KOTA is reserved).</summary>
    public const string KodeKota = "KOTA";

    public static readonly IReadOnlyList<string> StatusKepegawaian = ["PNS", "CPNS", "PPPK"];

    /// <summary>PNS golongan/ruang I/a … IV/e (domain.md); I/e, II/e and III/e do not exist.</summary>
    public static readonly IReadOnlyList<string> GolonganPns =
        ["I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"];

    /// <summary>PPPK golongan I … XVII.</summary>
    public static readonly IReadOnlyList<string> GolonganPppk =
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"];

    public static readonly IReadOnlyList<string> JenisJabatan = ["jpt", "administrator", "pengawas", "pelaksana", "fungsional"];

    public static readonly IReadOnlyList<string> Pendidikan = ["SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"];

    public static readonly IReadOnlyList<string> JenisMutasi = ["pengangkatan", "mutasi", "promosi", "kenaikan_pangkat", "pensiun", "berhenti"];

    public static readonly IReadOnlyList<string> JenisPelatihan = ["latsar", "manajerial", "teknis", "fungsional", "sosial_kultural", "e_learning"];

    public static readonly IReadOnlyList<string> StatusDiklat = ["lulus", "tidak_lulus", "mengundurkan_diri"];

    public static readonly IReadOnlyList<string> Ekspektasi = ["di_atas", "sesuai", "di_bawah"];

    public static readonly IReadOnlyList<string> JenisCuti = ["tahunan", "besar", "sakit", "melahirkan", "alasan_penting", "bersama", "cltn", "izin"];

    public static readonly IReadOnlyList<string> Kanal = ["online", "manual"];

    /// <summary>
    /// The superior's four decisions on the BKN leave form (PerBKN 24/2017: disetujui, perubahan, ditangguhkan, tidak
    /// disetujui = ditolak), diajukan while undecided, and dibatalkan: withdrawn by the applicant or recalled, before or
    /// after a decision (e-Cuti Kemenag leave_status 7/8, issue 13). A dibatalkan request is neither pending nor decided
    /// and no leave day of it is taken (analytics/Sql/marts/README.md).
    /// </summary>
    public static readonly IReadOnlyList<string> StatusCuti = ["diajukan", "disetujui", "ditolak", "ditangguhkan", "perubahan", "dibatalkan"];

    public static readonly IReadOnlyList<string> JenisKelamin = ["L", "P"];

    /// <summary>The seven inbox entities, in the order a run loads them (spec §3.8: unit_kerja, pegawai first).</summary>
    public static readonly IReadOnlyList<string> Entities = ["unit_kerja", "pegawai", "mutasi", "diklat", "kinerja", "cuti", "skm"];
}
