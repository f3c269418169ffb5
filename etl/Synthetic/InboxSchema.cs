namespace Kepegawaian.Etl.Synthetic;

/// <summary>The exact column order written for each entity of spec §3 (unit_kerja adds the optional populasi).</summary>
public static class InboxSchema
{
    public static readonly IReadOnlyList<string> UnitKerja = ["kode_unit", "nama_unit", "jenis_unit", "kode_induk", "populasi"];

    public static readonly IReadOnlyList<string> Pegawai =
        ["nip", "nama", "jenis_kelamin", "tanggal_lahir", "status_kepegawaian", "golongan", "jenis_jabatan", "nama_jabatan", "kode_unit", "pendidikan", "tanggal_data"];

    public static readonly IReadOnlyList<string> Mutasi =
        ["id_mutasi", "nip", "jenis_mutasi", "tanggal_efektif", "kode_unit_asal", "kode_unit_tujuan", "golongan_baru", "jabatan_baru", "nomor_sk"];

    public static readonly IReadOnlyList<string> Diklat =
        ["id_diklat", "nip", "kode_pelatihan", "nama_pelatihan", "jenis_pelatihan", "tanggal_mulai", "tanggal_selesai", "jp", "status", "nilai_reaksi", "nilai_pre_test", "nilai_post_test"];

    public static readonly IReadOnlyList<string> Kinerja =
        ["id_penilaian", "nip", "periode", "hasil_kerja", "perilaku_kerja", "predikat", "nilai_skp", "kode_unit"];

    public static readonly IReadOnlyList<string> Cuti =
        ["id_pengajuan", "nip", "jenis_cuti", "kanal", "waktu_pengajuan", "waktu_keputusan", "status", "tanggal_mulai", "tanggal_selesai", "lama_hari", "kode_unit"];

    public static readonly IReadOnlyList<string> Skm =
        ["id_responden", "kode_unit", "jenis_layanan", "tanggal_survei", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "jenis_kelamin", "usia", "pendidikan", "pekerjaan", "saran"];

    public static IReadOnlyList<string> For(string entity) => entity switch
    {
        "unit_kerja" => UnitKerja,
        "pegawai" => Pegawai,
        "mutasi" => Mutasi,
        "diklat" => Diklat,
        "kinerja" => Kinerja,
        "cuti" => Cuti,
        "skm" => Skm,
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, null),
    };
}
