using System.Globalization;
using Kepegawaian.Etl.Loading;
using Kepegawaian.Etl.Validation;
using Kepegawaian.Testing;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Spec §3.8: a row with a known key whose content differs is a correction. Driven by the schema, so a column added to
/// <see cref="EntitySchemas"/> is covered at once: correcting it alone must not be classified "unchanged" (issue 14 §1).
/// </summary>
public sealed class RowHashCoverageTests
{
    public static TheoryData<string> Entities => [.. EntitySchemas.All.Select(s => s.Entity)];

    // Deliberately not a correction: a later snapshot of the same state is unchanged (spec §3.2).
    private static readonly HashSet<(string, string)> Unchanged = [("pegawai", "tanggal_data")];

    // Cannot be corrected alone: the NIP (the key) fixes them, a different value is rejected (NIP_JENIS_KELAMIN, NIP_TANGGAL_LAHIR).
    private static readonly HashSet<(string, string)> FixedByKey = [("pegawai", "jenis_kelamin"), ("pegawai", "tanggal_lahir")];

    private static readonly string[] Units = ["KEC01", "KEL01", "DINKES"];

    [Theory]
    [MemberData(nameof(Entities))]
    public void Correcting_any_one_column_alone_is_a_correction(string entity)
    {
        var schema = EntitySchemas.For(entity);
        var (header, template) = FirstRow(entity);
        // A column kept outside the entity's table (StoredIn, e.g. pegawai.pns_id) is not the entity's content.
        var targets = schema.Columns.Where(c => !c.Key && !c.Derived && c.StoredIn is null && !FixedByKey.Contains((entity, c.Name))).ToList();
        Assert.All(targets, c => Assert.Contains(c.Name, header)); // the test bed's file has every input column

        // One row per target column, each with its own key, plus an untouched control row: file A loads them,
        // file B corrects each row in its one column only.
        var keyAt = Array.IndexOf(header, schema.Key.Name);
        var rows = targets.Select((c, i) => (Column: c, Key: KeyFor(entity, template[keyAt], i + 1))).ToList();
        var control = KeyFor(entity, template[keyAt], 0);
        string Row(string key, ColumnSpec? altered)
        {
            var fields = (string[])template.Clone();
            fields[keyAt] = key;
            if (altered is not null)
            {
                var at = Array.IndexOf(header, altered.Name);
                fields[at] = Alter(entity, altered, fields[at]);
            }
            return string.Join(",", fields);
        }

        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Run();
        bed.Write($"{entity}_a.csv", string.Join("\n", [string.Join(",", header), Row(control, null), .. rows.Select(r => Row(r.Key, null))]));
        var a = bed.Run().Files.Single();
        Assert.Equal((rows.Count + 1L, rows.Count + 1L, 0L), (a.RowsRead, a.RowsLoaded, a.RowsRejected));

        var (table, filter) = Target(entity);
        string? Stored(string key, string column) =>
            bed.Scalar<string>($"SELECT CAST({StoredAs(entity, column)} AS VARCHAR) FROM {table} WHERE {schema.Key.Name} = '{key}'{filter}");
        var before = rows.ToDictionary(r => r.Key, r => Stored(r.Key, r.Column.Name));

        bed.Write($"{entity}_b.csv", string.Join("\n", [string.Join(",", header), Row(control, null), .. rows.Select(r => Row(r.Key, r.Column))]));
        var b = bed.Run().Files.Single();
        var fileB = bed.Scalar<long>($"SELECT file_id FROM etl_file WHERE file_name = '{entity}_b.csv'");

        Assert.Empty(bed.Rejects($"{entity}_b.csv"));
        var changed = rows.Where(r => !Unchanged.Contains((entity, r.Column.Name))).ToList();
        Assert.Equal((rows.Count + 1L, (long)changed.Count, rows.Count + 1L - changed.Count), (b.RowsRead, b.RowsLoaded, b.RowsUnchanged));
        foreach (var r in rows)
        {
            var isChanged = changed.Contains(r);
            var written = bed.Scalar<long>($"SELECT etl_file_id FROM {table} WHERE {schema.Key.Name} = '{r.Key}'{filter}") == fileB;
            var stored = Stored(r.Key, r.Column.Name);
            Assert.True(isChanged == written && isChanged == (stored != before[r.Key]),
                $"{entity}.{r.Column.Name}: expected {(isChanged ? "a correction" : "unchanged")}, stored '{before[r.Key]}' → '{stored}', written by file B: {written}.");
        }

        if (!table.StartsWith("fact_", StringComparison.Ordinal)) return;
        // Every correction keeps the superseded version, once, naming file B.
        var history = bed.Rows($"SELECT {schema.Key.Name}, superseded_by_file FROM {table}_history ORDER BY 1")
            .Select(h => ((string)h[0]!, (long)h[1]!)).ToList();
        Assert.Equal(changed.Select(r => (r.Key, fileB)).OrderBy(h => h.Key, StringComparer.Ordinal), history);
    }

    /// <summary>
    /// The warehouse table of an entity holds exactly the schema's columns (plus bookkeeping; minus those kept
    /// elsewhere, <see cref="ColumnSpec.StoredIn"/>, which the row hash leaves out), and every stored column
    /// is in the row hash unless it is derived from hashed ones: a column added to the warehouse but not to the
    /// schema, or stored but left out of the hash, fails here.
    /// </summary>
    [Theory]
    [MemberData(nameof(Entities))]
    public void The_row_hash_covers_every_stored_column_of_the_warehouse_table(string entity)
    {
        var schema = EntitySchemas.For(entity);
        var (table, _) = Target(entity);
        using var warehouse = new TempWarehouse();
        using var connection = warehouse.Open();
        var stored = connection.Rows($"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position")
            .Select(r => (string)r[0]!).Except(Bookkeeping(table)).ToList();
        var contract = schema.Columns.Where(c => c.StoredIn is null).Select(c => c.Name).Where(c => StoredAs(entity, c) == c).ToList();
        Assert.Equal(contract.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));

        var hashed = EntitySql.RowHashColumns(schema);
        Assert.DoesNotContain(schema.Key.Name, hashed);
        Assert.All(schema.Columns.Where(c => c.StoredIn is not null), c => Assert.DoesNotContain(c.Name, hashed));
        var unhashed = stored.Where(c => c != schema.Key.Name && !hashed.Contains(c)).ToList();
        Assert.All(unhashed, c => Assert.True(schema.Columns.Single(s => s.Name == c).Derived, $"{table}.{c} is stored but not in the row hash."));
    }

    /// <summary>
    /// The row hash is computed over staged rows whose codes are an ENUM, but must be the hash of the values the warehouse
    /// keeps (VARCHAR): only then does a file re-read by a later version of the service, or loaded into a warehouse an
    /// earlier version wrote, classify its rows as unchanged. Recomputed here from the stored columns of every loaded row.
    /// </summary>
    [Theory]
    [MemberData(nameof(Entities))]
    public void The_stored_row_hash_is_the_hash_of_the_stored_values(string entity)
    {
        var schema = EntitySchemas.For(entity);
        var (table, _) = Target(entity);
        using var bed = new EtlTestBed();
        foreach (var (name, csv) in EtlTestBed.AllCsv) bed.Write(name, csv);
        bed.Run();

        Assert.True(bed.Scalar<long>($"SELECT count(*) FROM {table}") > 0, $"{table} is empty: nothing checked.");
        Assert.Equal(0L, bed.Scalar<long>($"SELECT count(*) FROM {table} WHERE row_hash <> {EntitySql.Render("{{row_hash}}", schema)}"));
        if (entity == "pegawai")
            Assert.Equal(0L, bed.Scalar<long>($"SELECT count(*) FROM {table} WHERE tracked_hash <> {EntitySql.Render("{{tracked_hash}}", schema)}"));
    }

    // pegawai.tanggal_data is stored as the version's valid_from.
    private static string StoredAs(string entity, string column) => (entity, column) == ("pegawai", "tanggal_data") ? "valid_from" : column;

    private static string[] Bookkeeping(string table) => table switch
    {
        "dim_unit" => ["row_hash", "etl_file_id", "updated_at"],
        "dim_employee" => ["employee_sk", "valid_from", "valid_to", "is_current", "tracked_hash", "row_hash", "source", "etl_file_id"],
        _ => ["row_hash", "etl_file_id"],
    };

    private static (string Table, string Filter) Target(string entity) => entity switch
    {
        "unit_kerja" => ("dim_unit", ""),
        "pegawai" => ("dim_employee", " AND is_current"),
        _ => ($"fact_{entity}", ""),
    };

    private static (string[] Header, string[] Row) FirstRow(string entity)
    {
        var csv = EtlTestBed.AllCsv.Single(f => f.Key.StartsWith(entity + "_", StringComparison.Ordinal)).Value;
        var lines = csv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (lines[0].Split(','), lines[1].Split(','));
    }

    /// <summary>A distinct valid key: another sequence number of the same NIP for pegawai, a suffix otherwise.</summary>
    private static string KeyFor(string entity, string baseKey, int i) =>
        entity == "pegawai" ? baseKey[..15] + (100 + i).ToString("000", CultureInfo.InvariantCulture) : $"{baseKey}_{i}";

    /// <summary>A different value that passes every check, chosen from the column's kind and limits.</summary>
    private static string Alter(string entity, ColumnSpec column, string value)
    {
        // References must point at a known employee or unit; kinerja's periode and predikat have their own formats.
        if (column.Name == "nip") return value == EtlTestBed.NipSiti ? EtlTestBed.NipAhmad : EtlTestBed.NipSiti;
        if (column.Name.StartsWith("kode_unit", StringComparison.Ordinal) || column.Name == "kode_induk")
            return Units.First(u => u != value);
        if ((entity, column.Name) == ("kinerja", "periode")) return "2026-Q2";
        if ((entity, column.Name) == ("kinerja", "predikat")) return "Baik";
        var inv = CultureInfo.InvariantCulture;
        switch (column.Kind)
        {
            case ColumnKind.Code:
                var codes = column.Codes!.ToList();
                var at = codes.FindIndex(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
                return codes[(at + 1) % codes.Count];
            case ColumnKind.Integer or ColumnKind.Decimal:
                if (value.Length == 0) return (column.Min ?? 1).ToString(inv);
                var n = double.Parse(value, inv);
                return (n + 1 > (column.Max ?? double.MaxValue) ? n - 1 : n + 1).ToString(inv);
            case ColumnKind.Date:
                return DateOnly.Parse(value, inv).AddDays(1).ToString("yyyy-MM-dd", inv);
            case ColumnKind.Timestamp:
                return DateTime.Parse(value, inv).AddHours(1).ToString("yyyy-MM-dd HH:mm:ss", inv);
            default:
                return value.Length == 0 ? "X" : value + " X";
        }
    }
}
