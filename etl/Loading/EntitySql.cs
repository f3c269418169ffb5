using System.Text.RegularExpressions;
using Kepegawaian.Etl.Validation;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Loading;

/// <summary>
/// The SQL that follows from an entity's columns (<see cref="EntitySchemas"/>): its staging table, natural key,
/// row hash and the column lists of its merge. Generated here, never hand-written in the models, so a column added
/// to the schema is staged, hashed and merged at once: a hand-written hash list that forgot a column would
/// silently turn a correction into "unchanged" (issue 14 §1). The models in <c>etl/Sql</c> keep the entity-specific
/// logic and name these parts by placeholder (<see cref="Render"/>).
/// </summary>
internal static partial class EntitySql
{
    /// <summary>The columns of <c>row_hash</c>, in schema order: every non-key column the schema keeps in the hash.</summary>
    public static IReadOnlyList<string> RowHashColumns(EntitySchema schema) =>
        [.. schema.Columns.Where(c => c.InRowHash && !c.Key).Select(c => c.Name)];

    /// <summary>The SCD2-tracked columns of <c>tracked_hash</c> (pegawai only), in their fixed hash order.</summary>
    public static IReadOnlyList<string> TrackedColumns(EntitySchema schema) =>
        [.. schema.Columns.Where(c => c.TrackedPosition is not null).OrderBy(c => c.TrackedPosition).Select(c => c.Name)];

    /// <summary>
    /// The staging table: <c>line_number</c>, then the schema's columns in order (<see cref="StagingAppender"/> writes them so).
    /// Integers are BIGINT and decimals DOUBLE; the merge casts into the core tables. Codes are staged as an ENUM of their
    /// list (<see cref="StagedCodes"/>), one byte a value, and stay so: the checks compare them with text (DuckDB casts), the
    /// merge writes them into VARCHAR columns, and the row hash hashes their text (<see cref="Render"/>), so it equals the
    /// hash of the stored row. Making them VARCHAR after staging rewrote every code column of every file (≈ 0.2 s a column
    /// per 3 M rows at 1 M employees, bench/README.md session 22).
    /// </summary>
    public static string StagingTable(EntitySchema schema, bool replace = false) =>
        $"CREATE {(replace ? "OR REPLACE TEMP TABLE" : "TEMP TABLE IF NOT EXISTS")} {schema.StagingTable} (line_number BIGINT, "
        + string.Join(", ", schema.Columns.Select(c => $"{c.Name} {SqlType(c)}")) + ");";

    private static string SqlType(ColumnSpec column) => column.Kind switch
    {
        ColumnKind.Text => "VARCHAR",
        ColumnKind.Code => "ENUM(" + string.Join(", ", StagedCodes(column).Select(v => $"'{v.Replace("'", "''")}'")) + ")",
        ColumnKind.Date => "DATE",
        ColumnKind.Timestamp => "TIMESTAMP",
        ColumnKind.Integer => "BIGINT",
        ColumnKind.Decimal => "DOUBLE",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, null),
    };

    /// <summary>The values of a code column's staging ENUM, in list order (an ENUM's values are distinct).</summary>
    public static IReadOnlyList<string> StagedCodes(ColumnSpec column) =>
        [.. (column.Codes ?? throw new InvalidOperationException($"Code column {column.Name} has no codes.")).Distinct(StringComparer.Ordinal)];

    /// <summary>A DATE as DuckDB stores it: days since 1970-01-01.</summary>
    public static int StagedDay(DateOnly date) => date.DayNumber - UnixEpochDay;

    /// <summary>A TIMESTAMP as DuckDB stores it: microseconds since 1970-01-01 00:00, rounded down (as DuckDB.NET converts).</summary>
    public static long StagedMicroseconds(DateTime time) => Math.DivRem(time.Ticks - DateTime.UnixEpoch.Ticks, 10, out var rest) - (rest < 0 ? 1 : 0);

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>
    /// The set-based checks of one staged file, in this order: duplicate key, then every employee reference, then every
    /// unit reference (schema order), then the entity's own checks in <c>staging/&lt;entity&gt;.sql</c> if it has any.
    /// A row is rejected once, by the first check it fails.
    /// </summary>
    public static string StagingChecks(EntitySchema schema)
    {
        string Model(string name, string? column = null) => Render(SqlResources.Read(typeof(EntitySql).Assembly, name), schema, column);
        var own = $"staging/{schema.Entity}.sql";
        return string.Join("\n",
        [
            Model("staging/check_duplicate.sql"),
            .. schema.Columns.Where(c => c.References == Reference.Employee).Select(c => Model("staging/check_employee.sql", c.Name)),
            .. schema.Columns.Where(c => c.References == Reference.Unit).Select(c => Model("staging/check_unit.sql", c.Name)),
            .. SqlResources.List(typeof(EntitySql).Assembly, "staging").Contains(own) ? [Model(own)] : Array.Empty<string>(),
        ]);
    }

    /// <summary>
    /// The models that merge one staged file, in order, each with the schema it is rendered for: facts share one
    /// shape (<c>core/merge_fact.sql</c>), the two dimensions have their own; diklat also feeds the course dimension,
    /// mutasi opens employee versions (SCD2), whose hashes are pegawai's, and pegawai keeps the PNS ID crosswalk
    /// (<c>hr_pns_id</c>, read by the SIASN API profiles' <c>crosswalk</c>).
    /// </summary>
    public static IReadOnlyList<(string Model, EntitySchema Schema)> MergeModels(EntitySchema schema) => schema.Entity switch
    {
        "unit_kerja" => [("core/merge_unit_kerja.sql", schema)],
        "pegawai" => [("core/merge_pegawai.sql", schema), ("core/crosswalk_pns_id.sql", schema)],
        "diklat" => [("core/merge_fact.sql", schema), ("core/diklat_course.sql", schema)],
        "mutasi" => [("core/merge_fact.sql", schema), ("core/scd_mutasi.sql", EntitySchemas.Pegawai)],
        _ => [("core/merge_fact.sql", schema)],
    };

    /// <summary>
    /// Fills a model's placeholders for one entity: <c>{{entity}}</c>, <c>{{staging}}</c>, <c>{{key}}</c>,
    /// <c>{{row_hash}}</c>, <c>{{tracked_hash}}</c> (both optionally <c>:alias</c>-qualified) and
    /// <c>{{set_row_columns:alias}}</c> (<c>col = alias.col</c> for every row-hash column, for an UPDATE),
    /// <c>{{not_stored}}</c> (<c>, col</c> for every column kept outside the entity's table, <see cref="ColumnSpec.StoredIn"/>,
    /// for an <c>EXCLUDE</c> list) and <c>{{column}}</c> for a model applied to one column.
    /// </summary>
    public static string Render(string template, EntitySchema schema, string? column = null)
    {
        return Placeholder().Replace(template, m =>
        {
            var alias = m.Groups["alias"].Success ? m.Groups["alias"].Value + "." : "";
            return m.Groups["name"].Value switch
            {
                "entity" => schema.Entity,
                "staging" => schema.StagingTable,
                "key" => alias + schema.Key.Name,
                "row_hash" => Hash(RowHashColumns(schema), schema, alias),
                "tracked_hash" => Hash(NonEmpty(TrackedColumns(schema), schema, "tracked"), schema, alias),
                "column" => alias + (column ?? throw new InvalidOperationException("{{column}} needs a column.")),
                "set_row_columns" => string.Join(", ", RowHashColumns(schema).Select(c => $"{c} = {alias}{c}")),
                "not_stored" => string.Concat(schema.Columns.Where(c => c.StoredIn is not null).Select(c => $", {alias}{c.Name}")),
                var other => throw new InvalidOperationException($"Unknown placeholder {{{{{other}}}}} in a model of {schema.Entity}."),
            };
        });
    }

    private static string Hash(IEnumerable<string> columns, EntitySchema schema, string alias) =>
        "hash(" + string.Join(", ", columns.Select(c => alias + c + AsText(schema, c))) + ")";

    // Staged codes are an ENUM (StagingTable): hashed as their text, as the core tables hold them.
    private static string AsText(EntitySchema schema, string column) =>
        schema.Columns[schema.IndexOf(column)].Kind == ColumnKind.Code ? "::VARCHAR" : "";

    private static IReadOnlyList<string> NonEmpty(IReadOnlyList<string> columns, EntitySchema schema, string what) =>
        columns.Count > 0 ? columns : throw new InvalidOperationException($"{schema.Entity} has no {what} columns.");

    [GeneratedRegex(@"\{\{(?<name>[a-z_]+)(:(?<alias>[a-z_]+))?\}\}")]
    private static partial Regex Placeholder();
}
