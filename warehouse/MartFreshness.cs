using System.Text.Json.Serialization;
using DuckDB.NET.Data;

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
    public string? Warning => AnyStale
        ? $"Mart analitik {string.Join(", ", StaleAreas)} lebih lama dari pemuatan terakhir (angka belum mencakup data terbaru; penyegaran berikutnya memperbaikinya). " +
          $"/ Marts older than the last load: {string.Join(", ", StaleAreas)}."
        : null;
}

/// <summary>
/// The record of which committed load each mart area was built from (table <c>mart_build</c>, migration V053).
/// "Load" = <c>etl_file.file_id</c> of a committed file: ids only grow, so a lower one is older data.
/// </summary>
public static class MartFreshness
{
    /// <summary>The mart areas, in the order they must be rebuilt (diklat reads kinerja's outcome panel; penempatan reads dimensions, mutasi and the skm/cuti facts, no other mart).</summary>
    public static readonly IReadOnlyList<string> Areas = ["ikm", "efisiensi", "kinerja", "diklat", "penempatan"];

    /// <summary>
    /// The definition version of each area's tables. Bump an area's number when a release changes its tables'
    /// columns or how a number in them is computed: an area built with a lower version is stale, so the first
    /// `etl`, `serve` start-up or scan after the upgrade rebuilds it (V054; areas built before it count as 0).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> Versions = new Dictionary<string, int>
    {
        ["ikm"] = 1, ["kinerja"] = 1,
        ["efisiensi"] = 4, // 2: mart_kualitas_data.predikat_tidak_sesuai (V055, Etl:PredikatPolicy); 3: a decided request without a decision time is not pending; 4: a cancelled request (dibatalkan) is neither pending nor timed
        ["diklat"] = 2,   // 2: mart_jp_pegawai.kekurangan_jp (the HR 20 JP list reads it)
        ["penempatan"] = 5,   // issue 15: mart_pensiun, mart_pensiun_gelombang, mart_masa_kerja, mart_mutasi_tahunan; 2: mart_beban (reads fact_skm, fact_cuti); 3: guru at 60; 4: mart_penempatan_layanan; 5: mart_kesesuaian, mart_formasi
    };

    public static long LastLoad(DuckDBConnection connection) =>
        connection.Scalar<long>(Sql("last_load"));

    /// <summary>
    /// Every area with its state. An area is stale when a committed load is newer than the one it was built
    /// from, when it was built with an older definition (<see cref="Versions"/>), or when it was never recorded
    /// while loads exist. Works on a file not yet migrated to V053/V054 (a read-only reader of an old
    /// warehouse): every area then counts as unrecorded / built with version 0.
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
        var areas = Areas.Select(a => built.TryGetValue(a, out var b)
                ? new MartAreaState(a, b.Load, b.At, b.Seconds, b.Load < lastLoad || b.Version < Versions[a])
                : new MartAreaState(a, null, null, null, lastLoad > 0))
            .ToList();
        return new MartFreshnessReport(lastLoad, areas);
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
