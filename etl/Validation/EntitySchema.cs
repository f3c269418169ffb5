using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Validation;

/// <summary>
/// The declarative contract of one inbox entity: its columns (spec §3.x) plus the cross-column
/// rules that need several values of a row. Set-based rules (known unit/employee, duplicate ids)
/// are SQL in <c>Sql/staging/&lt;entity&gt;.sql</c>; the staging table, row hash and merge SQL are generated from
/// the columns (<c>Loading/EntitySql.cs</c>).
/// </summary>
internal sealed class EntitySchema
{
    public delegate Rejection? RowRule(Cell[] row, RowContext context);

    public EntitySchema(string entity, IReadOnlyList<ColumnSpec> columns, Func<EntitySchema, RowRule> rules)
    {
        Entity = entity;
        Columns = columns;
        Key = columns.Single(c => c.Key);
        Rules = rules(this);
    }

    public string Entity { get; }
    public IReadOnlyList<ColumnSpec> Columns { get; }
    public ColumnSpec Key { get; }
    public RowRule Rules { get; }
    public string StagingTable => "stg_" + Entity;

    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == name) return i;
        throw new ArgumentException($"Kolom '{name}' tidak ada dalam skema {Entity}.", nameof(name));
    }
}

/// <summary>
/// Values a rule needs beyond the row itself: today and the zone (<c>Schedule:TimeZone</c>) that timestamps
/// without an offset are in and that timestamps with one are converted to, and what a predikat that contradicts
/// the PermenPANRB 6/2022 matrix does (<c>Etl:PredikatPolicy</c>).
/// </summary>
internal sealed record RowContext(DateOnly Today, TimeZoneInfo Zone, PredikatPolicy PredikatPolicy = PredikatPolicy.KeepAndWarn)
{
    /// <summary>WIB, WITA, WIT or the zone id, for messages.</summary>
    public string ZoneLabel { get; } = LocalZone.Label(Zone);
}
