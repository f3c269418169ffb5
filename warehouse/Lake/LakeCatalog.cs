using DuckDB.NET.Data;

namespace Kepegawaian.Warehouse.Lake;

/// <summary>
/// Which tables and columns each lake carries. The policy lake is an allow-list (a new table stays out until
/// someone decides it is safe); the HR export is every fact, dimension and mart as stored.
/// </summary>
public static class LakeCatalog
{
    /// <summary>
    /// Columns that identify a person or carry free text about one (spec: personal data is dropped at read time;
    /// names and NIP only in HR-only views; <c>pns_id</c> lives only in <c>hr_pns_id</c>). No policy table may
    /// have one: <see cref="ParquetLake"/> refuses to publish it, so a mart that grows such a column fails loudly.
    /// </summary>
    public static readonly IReadOnlySet<string> PersonalColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "nip", "nama", "pns_id", "tanggal_lahir", "nomor_sk", "id_responden", "saran",
        "nik", "telp", "nomor_hp", "email", "alamat", "npwp", "bpjs", "agama", "status_perkawinan",
    };

    /// <summary>
    /// The policy lake. Only tables whose every row already describes no employee or is suppressed at build:
    /// the units, the training catalogue, the survey answers (citizens, without their profile, id or free text: the
    /// profile is published only through the suppressed <c>mart_ikm_profil</c>), the IKM marts and the holiday
    /// coverage. The employee marts (kinerja, diklat, cuti, penempatan, kualitas data, <c>mart_ikm_asosiasi</c>) store
    /// raw counts down to one employee — the small-cell rule is applied by their readers (analytics/Sql/marts/README.md),
    /// so they go to the HR export only until a publish-time suppression exists. Employee facts likewise.
    /// </summary>
    public static IReadOnlyList<LakeTable> Policy { get; } =
    [
        new("dim_unit", "SELECT kode_unit, nama_unit, jenis_unit, kode_induk, populasi FROM dim_unit"),
        new("dim_training_course", "SELECT kode_pelatihan, nama_pelatihan, jenis_pelatihan FROM dim_training_course"),
        new("fact_skm", "SELECT kode_unit, jenis_layanan, tanggal_survei, u1, u2, u3, u4, u5, u6, u7, u8, u9, year(tanggal_survei) AS tahun FROM fact_skm"),
        new("mart_ikm", "SELECT * FROM mart_ikm"),
        new("mart_ikm_tren", "SELECT * FROM mart_ikm_tren"),
        new("mart_ikm_alert", "SELECT * FROM mart_ikm_alert"),
        new("mart_ikm_unsur_lemah", "SELECT * FROM mart_ikm_unsur_lemah"),
        new("mart_ikm_profil", "SELECT * FROM mart_ikm_profil"),
        new("mart_ikm_korelasi", "SELECT * FROM mart_ikm_korelasi"),
        new("mart_libur_cakupan", "SELECT * FROM mart_libur_cakupan"),
    ];

    // The year a fact row belongs to, for its tahun partition.
    private static readonly Dictionary<string, string> FactYear = new(StringComparer.Ordinal)
    {
        ["fact_skm"] = "tanggal_survei",
        ["fact_cuti"] = "tanggal_mulai",
        ["fact_kinerja"] = "periode_mulai",
        ["fact_diklat"] = "tanggal_mulai",
        ["fact_mutasi"] = "tanggal_efektif",
    };

    // Load bookkeeping, not content.
    private static readonly string[] Bookkeeping = ["row_hash", "tracked_hash", "etl_file_id"];

    /// <summary>
    /// The HR-only export: every dim_/fact_/mart_ table as stored (names and NIP included), without load bookkeeping.
    /// Not: the calendar (dim_date), correction history, the ETL/delivery ledgers, mart_build, and hr_pns_id (read by no export).
    /// </summary>
    public static IReadOnlyList<LakeTable> Hr(DuckDBConnection connection)
    {
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var cmd = connection.Command(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = 'main' ORDER BY table_name, ordinal_position"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                if (!columns.TryGetValue(r.GetString(0), out var list)) columns[r.GetString(0)] = list = [];
                list.Add(r.GetString(1));
            }
        return columns
            .Where(t => (t.Key.StartsWith("dim_", StringComparison.Ordinal) || t.Key.StartsWith("fact_", StringComparison.Ordinal) || t.Key.StartsWith("mart_", StringComparison.Ordinal))
                && t.Key is not ("dim_date" or "mart_build") && !t.Key.EndsWith("_history", StringComparison.Ordinal))
            .Select(t =>
            {
                var kept = t.Value.Where(c => !Bookkeeping.Contains(c)).Select(Quote).ToList();
                if (FactYear.TryGetValue(t.Key, out var date) && !t.Value.Contains("tahun")) kept.Add($"year({date}) AS tahun");
                return new LakeTable(t.Key, $"SELECT {string.Join(", ", kept)} FROM {Quote(t.Key)}");
            })
            .ToList();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
