using System.Data.Common;
using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>mart_kesesuaian: one unit (or the city) × jabatan group (or <c>semua</c>), education against the position's minimum.</summary>
public sealed record KesesuaianRow(DateOnly TanggalAcuan, string Level, string KodeUnit, string? NamaUnit, string Kelompok,
    string? PendidikanMinimum, string? Dasar, long Pegawai, long Kurang, long Sesuai, long TidakDiketahui, double? ShareKurang);

/// <summary>mart_formasi: one unit (or the city) × jenis_jabatan (or <c>semua</c>), headcount by golongan group.</summary>
public sealed record FormasiRow(DateOnly TanggalAcuan, string Level, string KodeUnit, string? NamaUnit, string JenisJabatan,
    long Pegawai, long GolI, long GolII, long GolIII, long GolIV, long Pppk, long GolonganTidakDiketahui)
{
    /// <summary>The golongan columns in the order of <see cref="KomposisiAnalysis.KelompokGolongan"/>.</summary>
    public long[] Golongan => [GolI, GolII, GolIII, GolIV, Pppk, GolonganTidakDiketahui];
}

/// <summary>Both staff-composition marts, computed at one reference date.</summary>
public sealed record KomposisiResult(DateOnly TanggalAcuan, IReadOnlyList<KesesuaianRow> Kesesuaian, IReadOnlyList<FormasiRow> Formasi);

/// <summary>
/// Staff composition (issue 15 items 1 and 4) from the employees in service on the reference date (<c>komposisi.sql</c>: the
/// same people as the retirement and tenure marts): per unit and for the city, the fit of education to the position's
/// minimum per jabatan group (<see cref="PendidikanRules"/>; the group is <see cref="BupRules.Kelompok"/>, so a group's
/// headcount is the retirement table's) and the headcount per jenis_jabatan × golongan group (PNS I–IV, PPPK apart). Counts
/// are stored as they are; <see cref="KomposisiPublik"/> applies the small-cell rule. SELECTs only: runs on a read-only
/// connection (<c>penempatan --per DATE</c>).
/// </summary>
public static class KomposisiAnalysis
{
    public const string LevelUnit = "unit";
    public const string LevelKota = "kota";
    public const string KodeKota = Kepegawaian.Warehouse.Domain.Codes.KodeKota;
    public const string NamaKota = "Kota Palembang";

    /// <summary>The row of all groups of a unit or the city (kelompok / jenis_jabatan).</summary>
    public const string Semua = "semua";

    /// <summary>Golongan groups of mart_formasi, in column order: PNS (and CPNS) by the roman part of golongan/ruang, PPPK apart.</summary>
    public static readonly IReadOnlyList<string> KelompokGolongan = ["I", "II", "III", "IV", "pppk", "tidak_diketahui"];

    /// <summary>Row order of jabatan groups within a unit (<c>semua</c> first; groups not listed follow by name).</summary>
    public static readonly IReadOnlyList<string> UrutanKelompok =
    [
        Semua, "jpt", "administrator", "pengawas", "pelaksana", "fungsional", "fungsional_ahli_utama", "fungsional_ahli_madya", "fungsional_ahli_muda",
        "fungsional_ahli_pertama", "fungsional_keterampilan", "fungsional_guru", "fungsional_tidak_diketahui", BupRules.TidakDiketahui,
    ];

    /// <summary>
    /// The golongan group (index into <see cref="KelompokGolongan"/>): status PPPK → pppk; a PNS code I/a…IV/e → its roman
    /// part (CPNS too); a PPPK code I…XVII without a status → pppk; anything else, or nothing → tidak_diketahui.
    /// </summary>
    public static int GolonganIndex(string? status, string? golongan)
    {
        if (status == "PPPK") return 4;
        if (golongan is not null && Codes.GolonganPns.Contains(golongan)) return golongan[..golongan.IndexOf('/')] switch { "I" => 0, "II" => 1, "III" => 2, _ => 3 };
        if (status is null && golongan is not null && Codes.GolonganPppk.Contains(golongan)) return 4;
        return 5;
    }

    /// <summary>The jenis_jabatan row of mart_formasi: the retirement group for all but fungsional (whose jenjang groups it sums).</summary>
    public static string JenisJabatan(string? jenisJabatan, string? namaJabatan) =>
        jenisJabatan == "fungsional" ? "fungsional" : BupRules.Kelompok(jenisJabatan, namaJabatan);

    /// <summary>N employees alike in everything the marts count them by (komposisi.sql counts them per combination).</summary>
    private sealed record Staf(string Unit, string? NamaUnit, string Kelompok, string Jenis, Kesesuaian Nilai, int Golongan, long N);

    public static KomposisiResult Compute(DuckDBConnection c, DateOnly acuan, PenempatanOptions? options = null, PendidikanRules? rules = null)
    {
        rules ??= PendidikanRules.Load(options);
        var staf = MartReader.Read(c, PenempatanAnalysis.Sql("komposisi"), r =>
        {
            var (jenis, nama) = (r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));
            var kelompok = BupRules.Kelompok(jenis, nama);
            return new Staf(r.GetString(0), r.IsDBNull(6) ? null : r.GetString(6), kelompok, JenisJabatan(jenis, nama), rules.Nilai(kelompok, r.IsDBNull(3) ? null : r.GetString(3)),
                GolonganIndex(r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(4) ? null : r.GetString(4)), r.GetInt64(7));
        }, ("acuan", acuan));

        // Every employee counts in its unit's group and "semua" row, and in the city's.
        IEnumerable<(string Unit, string Group)> Scopes(string unit, string group) => [(unit, group), (unit, Semua), (KodeKota, group), (KodeKota, Semua)];
        var kes = new Dictionary<(string Unit, string Group), long[]>();
        var gol = new Dictionary<(string Unit, string Group), long[]>();
        foreach (var s in staf)
        {
            foreach (var key in Scopes(s.Unit, s.Kelompok))
                (kes.TryGetValue(key, out var k) ? k : kes[key] = new long[3])[(int)s.Nilai] += s.N;   // sesuai, kurang, tidak diketahui
            foreach (var key in Scopes(s.Unit, s.Jenis))
                (gol.TryGetValue(key, out var g) ? g : gol[key] = new long[6])[s.Golongan] += s.N;
        }

        string Level(string unit) => unit == KodeKota ? LevelKota : LevelUnit;
        var names = staf.GroupBy(s => s.Unit).ToDictionary(g => g.Key, g => g.First().NamaUnit, StringComparer.Ordinal);
        string? Nama(string unit) => unit == KodeKota ? NamaKota : names[unit];
        var kesesuaian = Ordered(kes.Keys, k => k.Unit, k => k.Group).Select(key =>
        {
            var (n, rule) = (kes[key], key.Group == Semua ? null : rules.Rule(key.Group));
            long sesuai = n[0], kurang = n[1];
            return new KesesuaianRow(acuan, Level(key.Unit), key.Unit, Nama(key.Unit), key.Group, rule?.Minimum, rule?.Dasar, n.Sum(), kurang, sesuai, n[2],
                kurang + sesuai > 0 ? (double)kurang / (kurang + sesuai) : null);
        }).ToList();
        var formasi = Ordered(gol.Keys, k => k.Unit, k => k.Group).Select(key =>
        {
            var g = gol[key];
            return new FormasiRow(acuan, Level(key.Unit), key.Unit, Nama(key.Unit), key.Group, g.Sum(), g[0], g[1], g[2], g[3], g[4], g[5]);
        }).ToList();
        return new KomposisiResult(acuan, kesesuaian, formasi);
    }

    /// <summary>The city first, then units by kode; within each, <see cref="UrutanKelompok"/>.</summary>
    private static IEnumerable<T> Ordered<T>(IEnumerable<T> rows, Func<T, string> unit, Func<T, string> group) =>
        rows.OrderBy(r => unit(r) != KodeKota).ThenBy(unit, StringComparer.Ordinal).ThenBy(r => Urutan(group(r))).ThenBy(group, StringComparer.Ordinal);

    /// <summary>The place of a jabatan group or jenis_jabatan in <see cref="UrutanKelompok"/> (unlisted ones last).</summary>
    public static int Urutan(string group)
    {
        for (var i = 0; i < UrutanKelompok.Count; i++) if (UrutanKelompok[i] == group) return i;
        return UrutanKelompok.Count;
    }

    /// <summary>Replaces mart_kesesuaian and mart_formasi (inside the caller's transaction; schema penempatan_10_komposisi_schema.sql).</summary>
    public static void Write(DuckDBConnection connection, KomposisiResult result)
    {
        MartWriter.Replace(connection, "mart_kesesuaian", result.Kesesuaian, x => [
            x.TanggalAcuan, x.Level, x.KodeUnit, x.NamaUnit, x.Kelompok, x.PendidikanMinimum, x.Dasar, x.Pegawai, x.Kurang, x.Sesuai, x.TidakDiketahui, x.ShareKurang]);
        MartWriter.Replace(connection, "mart_formasi", result.Formasi, x => [
            x.TanggalAcuan, x.Level, x.KodeUnit, x.NamaUnit, x.JenisJabatan, x.Pegawai, x.GolI, x.GolII, x.GolIII, x.GolIV, x.Pppk, x.GolonganTidakDiketahui]);
    }

    /// <summary>Both marts as stored (a read-only connection is enough); null before the first refresh that built them.</summary>
    public static KomposisiResult? Read(DuckDBConnection c)
    {
        if (!MartReader.TableExists(c, "mart_kesesuaian") || !MartReader.TableExists(c, "mart_formasi")) return null;
        var kesesuaian = MartReader.Read(c, """
            SELECT tanggal_acuan, level, kode_unit, nama_unit, kelompok, pendidikan_minimum, dasar, pegawai, kurang, sesuai, tidak_diketahui, share_kurang
            FROM mart_kesesuaian
            """, r => new KesesuaianRow(Date(r, 0), r.GetString(1), r.GetString(2), r.NullableString(3), r.GetString(4), r.NullableString(5),
                r.NullableString(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.NullableDouble(11)));
        var formasi = MartReader.Read(c, """
            SELECT tanggal_acuan, level, kode_unit, nama_unit, jenis_jabatan, pegawai, gol_i, gol_ii, gol_iii, gol_iv, pppk, golongan_tidak_diketahui
            FROM mart_formasi
            """, r => new FormasiRow(Date(r, 0), r.GetString(1), r.GetString(2), r.NullableString(3), r.GetString(4), r.GetInt64(5),
                r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11)));
        var acuan = kesesuaian.Count > 0 ? kesesuaian[0].TanggalAcuan : formasi.Count > 0 ? formasi[0].TanggalAcuan : default;
        return new KomposisiResult(acuan, Ordered(kesesuaian, r => r.KodeUnit, r => r.Kelompok).ToList(), Ordered(formasi, r => r.KodeUnit, r => r.JenisJabatan).ToList());
    }

    private static DateOnly Date(DbDataReader r, int i) => r.GetValue(i) switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        var v => throw new InvalidCastException($"Not a date: {v.GetType()}"),
    };
}
