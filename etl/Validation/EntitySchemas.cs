using Kepegawaian.Warehouse.Domain;
using static Kepegawaian.Etl.Validation.ColumnKind;

namespace Kepegawaian.Etl.Validation;

/// <summary>The seven entities of spec §3.1–§3.7, in load order (<see cref="Codes.Entities"/>).</summary>
internal static class EntitySchemas
{
    private static ColumnSpec Req(string name, ColumnKind kind = Text) => new(name, kind) { Required = true };
    private static ColumnSpec Opt(string name, ColumnKind kind = Text) => new(name, kind) { Optional = true };
    private static ColumnSpec Code(string name, IReadOnlyList<string> codes, bool required = true) =>
        new(name, ColumnKind.Code) { Codes = codes, Required = required };
    private static ColumnSpec Key(string name) => new(name, Text) { Required = true, Key = true };
    // A derived column is a function of the row's other columns, so hashing those is enough; this also keeps the
    // row_hash of every stored row as it was computed before the hash lists were generated.
    private static ColumnSpec Derived(string name, ColumnKind kind) => new(name, kind) { Derived = true, Optional = true, InRowHash = false };
    private static ColumnSpec Nip() => Req("nip") with { References = Reference.Employee };
    private static ColumnSpec Unit(string name = "kode_unit", bool required = true) =>
        new(name, Text) { Required = required, References = Reference.Unit };
    private static ColumnSpec Tracked(ColumnSpec column, int position) => column with { TrackedPosition = position };

    public static readonly EntitySchema UnitKerja = new("unit_kerja",
    [
        Key("kode_unit"), Req("nama_unit"), Code("jenis_unit", Codes.JenisUnit),
        Opt("kode_induk"),
        Opt("populasi", Integer) with { Min = 0 },
    ], _ => static (_, _) => null);

    public static readonly EntitySchema Pegawai = new("pegawai",
    [
        Key("nip"), Req("nama"),
        Code("jenis_kelamin", Codes.JenisKelamin, required: false) with { Optional = true },
        new ColumnSpec("tanggal_lahir", Date) { Optional = true },
        Code("status_kepegawaian", Codes.StatusKepegawaian),
        Tracked(Code("golongan", [.. Codes.GolonganPns, .. Codes.GolonganPppk]), 1),
        Tracked(Code("jenis_jabatan", Codes.JenisJabatan), 2),
        Tracked(Req("nama_jabatan"), 3), Tracked(Unit(), 0),
        Code("pendidikan", Codes.Pendidikan, required: false) with { Optional = true },
        // The snapshot date is when, not what: a later snapshot of the same state is unchanged (spec §3.2).
        Req("tanggal_data", Date) with { InRowHash = false },
        // In dim_employee.row_hash since V001: a function of the key, so it never decides "unchanged", and
        // dropping it would change every stored hash.
        Derived("tmt_cpns", Date) with { InRowHash = true },
        // Project extension (issue 13): SIASN's PNS ID, kept only in the HR-only crosswalk hr_pns_id, because
        // rw-skp22 names the employee by it alone. Not part of dim_employee or its row hash.
        Opt("pns_id") with { MaxLength = 64, InRowHash = false, StoredIn = "hr_pns_id" },
    ], EntityRules.Pegawai);

    public static readonly EntitySchema Mutasi = new("mutasi",
    [
        Key("id_mutasi"), Nip(), Code("jenis_mutasi", Codes.JenisMutasi), Req("tanggal_efektif", Date),
        Unit("kode_unit_asal", required: false), Unit("kode_unit_tujuan", required: false),
        Opt("golongan_baru"), Opt("jabatan_baru"), Opt("nomor_sk"),
    ], EntityRules.Mutasi);

    public static readonly EntitySchema Diklat = new("diklat",
    [
        Key("id_diklat"), Nip(), Req("kode_pelatihan"), Req("nama_pelatihan"),
        Code("jenis_pelatihan", Codes.JenisPelatihan),
        Req("tanggal_mulai", Date), Req("tanggal_selesai", Date),
        Req("jp", Integer) with { Min = 1, Max = 1000 },
        Code("status", Codes.StatusDiklat),
        Opt("nilai_reaksi", ColumnKind.Decimal) with { Min = 1, Max = 5 },       // Kirkpatrick level 1
        Opt("nilai_pre_test", ColumnKind.Decimal) with { Min = 0, Max = 100 },   // Kirkpatrick level 2
        Opt("nilai_post_test", ColumnKind.Decimal) with { Min = 0, Max = 100 },
    ], EntityRules.Diklat);

    public static readonly EntitySchema Kinerja = new("kinerja",
    [
        Key("id_penilaian"), Nip(), Req("periode"),
        Code("hasil_kerja", Codes.Ekspektasi), Code("perilaku_kerja", Codes.Ekspektasi),
        Opt("predikat"),
        Opt("nilai_skp", ColumnKind.Decimal) with { Min = 0, Max = 120 },        // PP 30/2019 caps realisation at 120
        Unit(),
        Derived("jenis_periode", Text), Derived("periode_mulai", Date), Derived("periode_selesai", Date),
        Derived("skor_predikat", Integer),
        Derived("predikat_matriks", Text),   // the matrix's predikat; differs from predikat only under KeepAndWarn
    ], EntityRules.Kinerja);

    public static readonly EntitySchema Cuti = new("cuti",
    [
        Key("id_pengajuan"), Nip(), Code("jenis_cuti", Codes.JenisCuti), Code("kanal", Codes.Kanal),
        Req("waktu_pengajuan", Timestamp), Opt("waktu_keputusan", Timestamp),
        Code("status", Codes.StatusCuti),
        Req("tanggal_mulai", Date), Req("tanggal_selesai", Date),
        Req("lama_hari", Integer) with { Min = 1 },
        Unit(),
    ], EntityRules.Cuti);

    public static readonly EntitySchema Skm = new("skm",
    [
        Key("id_responden"), Unit(), Req("jenis_layanan"), Req("tanggal_survei", Date),
        // PermenPANRB 14/2017: nine elements on a 1–4 scale; an empty answer is not counted.
        .. Enumerable.Range(1, 9).Select(i => new ColumnSpec($"u{i}", Integer) { Min = 1, Max = 4 }),
        Code("jenis_kelamin", Codes.JenisKelamin, required: false) with { Optional = true },
        Opt("usia", Integer) with { Min = 0, Max = 120 },
        Opt("pendidikan"), Opt("pekerjaan"), Opt("saran") with { MaxLength = 4000 }, // free text: a long complaint is fine
    ], EntityRules.Skm);

    public static IReadOnlyList<EntitySchema> All { get; } = [UnitKerja, Pegawai, Mutasi, Diklat, Kinerja, Cuti, Skm];

    public static EntitySchema For(string entity) => All.First(s => s.Entity == entity);
}
