using System.Text.Json.Serialization;
using DuckDB.NET.Data;
using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Warehouse;

/// <summary>One mart area: the load it was built from (null: never built, or built before mart_build existed).</summary>
public sealed record MartAreaState(
    [property: JsonPropertyName("area")] string Area,
    [property: JsonPropertyName("built_from_load")] long? BuiltFromLoad,
    [property: JsonPropertyName("built_at")] DateTime? BuiltAt,
    [property: JsonPropertyName("duration_seconds")] double? DurationSeconds,
    [property: JsonPropertyName("stale")] bool Stale);

/// <summary>Whether the marts reflect the last committed load; what reports, dashboards and health ask.</summary>
public sealed record MartFreshnessReport(
    [property: JsonPropertyName("last_load")] long LastLoad,
    [property: JsonPropertyName("areas")] IReadOnlyList<MartAreaState> Areas)
{
    [JsonIgnore]
    public IReadOnlyList<string> StaleAreas => Areas.Where(a => a.Stale).Select(a => a.Area).ToList();

    [JsonIgnore]
    public bool AnyStale => Areas.Any(a => a.Stale);

    /// <summary>The one line a report, the dashboard or health prints when marts lag the facts; null when fresh.</summary>
    public string? Warning => WarningFor(StaleAreas);

    /// <summary><see cref="Warning"/> about the given areas only (what a reader shows): null when none of them is stale.</summary>
    public string? WarningFor(IEnumerable<string> areas)
    {
        var stale = StaleAreas.Where(areas.Contains).ToList();
        return stale.Count == 0 ? null
            : $"Mart analitik {string.Join(", ", stale)} lebih lama dari pemuatan terakhir (angka belum mencakup data terbaru; penyegaran berikutnya memperbaikinya). " +
              $"/ Marts older than the last load: {string.Join(", ", stale)}.";
    }
}

/// <summary>
/// The record of which committed load each mart area was built from (table <c>mart_build</c>, migration V053).
/// "Load" = <c>etl_file.file_id</c> of a committed file: ids only grow, so a lower one is older data.
/// </summary>
public static class MartFreshness
{
    /// <summary>
    /// The mart areas, in the order they must be rebuilt: kinerja_cuti patches kinerja's driver features, diklat reads
    /// kinerja's outcome panel, diklat_ikm updates diklat's impact rows; penempatan reads dimensions, mutasi and the skm/cuti facts, no other mart. The slow
    /// diklat (propensity, matching, bootstrap) comes last so the cheap areas commit first.
    /// </summary>
    public static readonly IReadOnlyList<string> Areas = ["ikm", "efisiensi", "kualitas", "kinerja", "kinerja_cuti", "penempatan", "diklat", "diklat_ikm"];

    // The tables each entity's load writes (etl/Loading/EntitySql.MergeModels): unit_kerja → dim_unit;
    // pegawai → dim_employee (+ hr_pns_id, read by no mart); mutasi → fact_mutasi and dim_employee's SCD2 versions;
    // diklat → fact_diklat (+ dim_training_course, read by no mart); kinerja, cuti, skm → fact_kinerja, fact_cuti, fact_skm.
    private static readonly string[] Unit = ["unit_kerja"];
    private static readonly string[] Employee = ["pegawai", "mutasi"];

    /// <summary>
    /// The entities whose tables mart_kinerja_pegawai (kinerja_01_pegawai.sql: fact_kinerja, dim_employee) reads: the
    /// outcome panel kinerja builds and diklat reads (TrainingData), or rebuilds itself when kinerja did not just do so.
    /// Diklat depends on these, not on everything kinerja reads: a cuti file changes kinerja's driver features
    /// (kinerja_05_fitur) but not the panel, so it must not cost a diklat rebuild.
    /// </summary>
    private static readonly string[] OutcomePanel = ["kinerja", .. Employee];

    /// <summary>diklat_01 (fact_diklat, dim_employee), diklat_02 (dim_unit), the outcome panel mart_kinerja_pegawai (TrainingData).</summary>
    private static readonly string[] Diklat = ["diklat", .. Unit, .. Employee, .. OutcomePanel];

    /// <summary>
    /// The entities (<c>etl_file.entity</c>) whose committed loads can change each area's tables, from every FROM/JOIN of
    /// the area's SQL (analytics/Sql/marts, analytics/Sql/penempatan) and C#. An area is stale only when a load of one of
    /// ITS entities is newer than its build, so a cuti file does not rebuild diklat. A load whose entity is missing or
    /// unknown counts for every area. Whoever makes an area read a new table adds its entity here: a missed one leaves
    /// stale numbers that nothing reports.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Dependencies = new Dictionary<string, IReadOnlySet<string>>
    {
        // ikm_responden (fact_skm, dim_unit) behind every IKM mart; ikm_asosiasi (mart_ikm_asosiasi): unit staff from
        // dim_employee, their 20 JP coverage from fact_diklat and mean performance from fact_kinerja.
        ["ikm"] = Set(["skm", "diklat", "kinerja"], Unit, Employee),
        // efisiensi_cuti/online/tahun_data (fact_cuti; dim_date and the holiday table are not loaded from the inbox).
        ["efisiensi"] = Set(["cuti"]),
        // efisiensi_kualitas (mart_kualitas_data) counts every fact and dimension and etl_reject, so every load touches it.
        ["kualitas"] = Set(Codes.Entities),
        // kinerja_01 (fact_kinerja, dim_employee), kinerja_02 (dim_unit), kinerja_05_fitur (fact_diklat; also fact_cuti,
        // but a cuti load costs only kinerja_cuti's patch of that feature: a full kinerja rebuild takes minutes at 1 M).
        ["kinerja"] = Set(["kinerja", "diklat"], Unit, Employee),
        // fitur_cuti (fact_cuti into mart_kinerja_fitur.cuti_hari_4q) and the drivers re-ranked from that table. It patches
        // the employees whose requests a load after its build wrote (etl_file_id) or superseded (fact_cuti_history), so
        // anything that changes fact_cuti outside the merge (a migration, a manual fix) must bump its version below.
        ["kinerja_cuti"] = Set(["cuti"]),
        // acuan/pegawai/mutasi/komposisi (dim_employee, fact_mutasi, dim_unit), beban (fact_cuti, fact_skm),
        // LayananAnalysis (IkmAnalysis over fact_skm, EfisiensiAnalysis.Waktu over fact_cuti).
        ["penempatan"] = Set(["mutasi", "cuti", "skm"], Unit, Employee),
        // Not skm: fact_skm reaches diklat only through diklat_04_ikm (Kirkpatrick level 4), which diklat_ikm
        // re-runs, so a survey file does not cost a re-estimate of training impact.
        ["diklat"] = Set(Diklat),
        // diklat_04_ikm (fact_skm, fact_diklat, mart_jp_pegawai) and the rows of mart_diklat_dampak it updates.
        ["diklat_ikm"] = Set(Diklat, ["skm"]),
    };

    /// <summary>
    /// Areas that read another area's tables (kinerja_cuti updates kinerja's mart_kinerja_fitur and
    /// mart_kinerja_pendorong; diklat reads kinerja's mart_kinerja_pegawai; diklat_ikm updates diklat's mart_diklat_dampak and reads its mart_jp_pegawai). A load is already covered by
    /// <see cref="Dependencies"/> (the reader lists the panel's entities); what is not is the upstream area being rebuilt
    /// with a new definition or never built, so that staleness propagates to its readers.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Upstream = new Dictionary<string, IReadOnlyList<string>>
    {
        ["kinerja_cuti"] = ["kinerja"],
        ["diklat"] = ["kinerja"],
        ["diklat_ikm"] = ["diklat"],
    };

    /// <summary>
    /// Sub-areas: a part of their parent's tables that a small load updates alone (kinerja_cuti the drivers' leave feature,
    /// diklat_ikm Kirkpatrick level 4). A rebuild of the parent writes them in full from the same facts, so after it they
    /// need no work and are recorded with the parent's load; rebuilding the parent by hand records them too.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PartOf = new Dictionary<string, string>
    {
        ["kinerja_cuti"] = "kinerja",
        ["diklat_ikm"] = "diklat",
    };

    private static HashSet<string> Set(params IEnumerable<string>[] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>
    /// The definition version of each area's tables. Bump an area's number when a release changes its tables'
    /// columns or how a number in them is computed: an area built with a lower version is stale, so the first
    /// `etl`, `serve` start-up or scan after the upgrade rebuilds it (V054; areas built before it count as 0).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> Versions = new Dictionary<string, int>
    {
        ["ikm"] = 1, ["kinerja"] = 1,
        ["kinerja_cuti"] = 1,   // split from kinerja: a warehouse built before has no kinerja_cuti build, so the first refresh patches (nothing, if current)
        ["kualitas"] = 1,   // split from efisiensi (which had it at 4): a warehouse built before has no kualitas build yet, so it is rebuilt
        ["efisiensi"] = 4, // 2: mart_kualitas_data.predikat_tidak_sesuai (V055, Etl:PredikatPolicy); 3: a decided request without a decision time is not pending; 4: a cancelled request (dibatalkan) is neither pending nor timed
        ["diklat"] = 3,   // 2: mart_jp_pegawai.kekurangan_jp (the HR 20 JP list reads it); 3: the propensity fit converges (latsar's diverged) and matching ties no longer follow rounding noise
        ["diklat_ikm"] = 1,
        ["penempatan"] = 5,   // issue 15: mart_pensiun, mart_pensiun_gelombang, mart_masa_kerja, mart_mutasi_tahunan; 2: mart_beban (reads fact_skm, fact_cuti); 3: guru at 60; 4: mart_penempatan_layanan; 5: mart_kesesuaian, mart_formasi
    };

    public static long LastLoad(DuckDBConnection connection) =>
        connection.Scalar<long>(Sql("last_load"));

    /// <summary>
    /// Every area with its state. An area is stale when a committed load of one of its <see cref="Dependencies"/> is
    /// newer than the one it was built from, when it was built with an older definition (<see cref="Versions"/>), when
    /// it was never recorded while loads exist, or when an area it reads (<see cref="Upstream"/>) is stale for one of the
    /// last two reasons. Works on a file not yet migrated to V053/V054 (a read-only reader of an old warehouse): every
    /// area then counts as unrecorded / built with version 0.
    /// </summary>
    public static MartFreshnessReport Check(DuckDBConnection connection)
    {
        var lastLoad = LastLoad(connection);
        var built = new Dictionary<string, (long Load, DateTime At, double Seconds, int Version)>();
        if (connection.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'mart_build'") > 0)
        {
            var versioned = connection.Scalar<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'mart_build' AND column_name = 'versi'") > 0;
            using var cmd = connection.Command(versioned ? Sql("freshness") : "SELECT area, built_from_load, built_at, duration_seconds, 0 AS versi FROM mart_build");
            using var r = cmd.ExecuteReader();
            while (r.Read())
                built[r.GetString(0)] = (r.GetInt64(1), r.GetDateTime(2), r.GetDouble(3), r.IsDBNull(4) ? 0 : Convert.ToInt32(r.GetValue(4), System.Globalization.CultureInfo.InvariantCulture));
        }
        var loads = LastLoadByEntity(connection);
        // A load of an entity no area lists (missing, or a new one) counts for all: better a rebuild too many.
        var unknown = loads.Where(l => !Codes.Entities.Contains(l.Key)).Select(l => l.Value).DefaultIfEmpty(0).Max();
        long LastLoadOf(string area) => Math.Max(unknown, Dependencies[area].Select(e => loads.GetValueOrDefault(e)).DefaultIfEmpty(0).Max());

        // Never built (while loads exist) or built with an older definition: the area's tables are not what this
        // release computes, whatever was loaded, so every area reading them is stale too.
        var outdated = new HashSet<string>();
        foreach (var a in Areas)
            if (built.TryGetValue(a, out var b) ? b.Version < Versions[a] : lastLoad > 0)
                outdated.Add(a);
        foreach (var a in Areas)   // in rebuild order, so an upstream area is decided before its readers
            if (Upstream.TryGetValue(a, out var up) && up.Any(outdated.Contains))
                outdated.Add(a);

        var areas = Areas.Select(a => built.TryGetValue(a, out var b)
                ? new MartAreaState(a, b.Load, b.At, b.Seconds, outdated.Contains(a) || b.Load < LastLoadOf(a))
                : new MartAreaState(a, null, null, null, outdated.Contains(a)))
            .ToList();
        return new MartFreshnessReport(lastLoad, areas);
    }

    /// <summary>
    /// The load <paramref name="area"/> was last built from, if it was built with this release's definition; null when
    /// never built or built with an older one (then an area that patches its tables must start from scratch).
    /// </summary>
    public static long? BuiltFrom(DuckDBConnection connection, string area) =>
        connection.Scalar<long?>("SELECT built_from_load FROM mart_build WHERE area = $area AND versi >= $versi", ("area", area), ("versi", Versions[area]));

    /// <summary>The last committed load of each entity ('' for files recorded without one).</summary>
    public static IReadOnlyDictionary<string, long> LastLoadByEntity(DuckDBConnection connection)
    {
        var loads = new Dictionary<string, long>(StringComparer.Ordinal);
        using var cmd = connection.Command(Sql("last_load_by_entity"));
        using var r = cmd.ExecuteReader();
        while (r.Read()) loads[r.GetString(0)] = r.GetInt64(1);
        return loads;
    }

    /// <summary>
    /// A value that changes whenever a mart area is rebuilt or a load is committed, for readers that keep the
    /// marts in memory (the dashboard); null when the warehouse has no <c>mart_build</c> record to compare.
    /// </summary>
    public static string? Stamp(DuckDBConnection connection) =>
        connection.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('mart_build', 'etl_file')") == 2
            ? connection.Scalar<string>(Sql("stamp"))
            : null;

    /// <summary>Records that <paramref name="area"/> was rebuilt from the facts of load <paramref name="builtFromLoad"/>.</summary>
    public static void Record(DuckDBConnection connection, string area, long builtFromLoad, DateTime builtAt, TimeSpan duration) =>
        connection.Execute(Sql("record_build"), ("area", area), ("load", builtFromLoad), ("at", builtAt), ("seconds", duration.TotalSeconds), ("versi", Versions[area]));

    private static string Sql(string name) => SqlResources.Read(typeof(MartFreshness).Assembly, $"marts/{name}.sql");
}
