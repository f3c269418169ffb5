using DuckDB.NET.Data;
using Kepegawaian.Etl.Loading;
using Kepegawaian.Etl.Validation;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// StagingAppender writes DuckDB's vectors by their C layout: every kind of value must come back from the staging table as
/// the value the validator produced — the edges of each type, NULLs, strings on both sides of the 12-byte inline limit and
/// with multi-byte characters, every code of a list (staged as an ENUM, read as its text) — across
/// several chunks (a NULL in one chunk must not carry into the next), outside a transaction and inside one.
/// </summary>
public sealed class StagingAppenderTests
{
    private static readonly ColumnSpec[] Columns =
    [
        new("id", ColumnKind.Text) { Key = true },
        new("kode", ColumnKind.Code) { Codes = ["tahunan", "besar", "Sangat Baik", "di_atas", "L", "tahunan"] },
        new("tanggal", ColumnKind.Date),
        new("waktu", ColumnKind.Timestamp),
        new("jumlah", ColumnKind.Integer),
        new("nilai", ColumnKind.Decimal),
    ];

    private static readonly EntitySchema Schema = new("uji_appender", Columns, _ => static (_, _) => null);

    private static readonly string?[] Texts =
    [
        "", "a", "KEL-KERTAPAT", "KEL-KERTAPATI", "197008211999062001", "Pelayanan Prima – ñ", "ééééé€€", "😀😀😀",
        "x😀", new string('q', 4000), "baris\nbaru \"kutip\" 'satu'", "\0nol", null,
    ];

    private static readonly DateOnly?[] Dates =
    [
        new(1900, 1, 1), new(1969, 12, 31), new(1970, 1, 1), new(1970, 1, 2), new(2024, 2, 29), new(9999, 12, 31),
        DateOnly.MinValue, null,
    ];

    private static readonly DateTime?[] Times =
    [
        new DateTime(1970, 1, 1), new DateTime(1969, 12, 31, 23, 59, 59).AddTicks(9_999_999),
        new DateTime(2025, 7, 23, 12, 20, 59).AddTicks(1_234_567), DateTime.MinValue, DateTime.MaxValue,
        new DateTime(1900, 1, 1, 0, 0, 0).AddTicks(-1), null,
    ];

    private static readonly long?[] Integers = [0, 1, -1, long.MinValue + 1, long.MaxValue, null];
    private static readonly double?[] Numbers = [0.1, -0.0, 1e300, -123.456, double.Epsilon, null];

    [Theory]
    [InlineData(false, 10)]
    [InlineData(true, 10)]
    [InlineData(false, 5_000)]
    public void Every_value_comes_back_as_validated(bool inTransaction, int count)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var transaction = inTransaction ? connection.BeginTransaction() : null;
        connection.Execute(EntitySql.StagingTable(Schema, replace: true));
        var codes = EntitySql.StagedCodes(Columns[1]);
        Assert.Equal(["tahunan", "besar", "Sangat Baik", "di_atas", "L"], codes);

        var rows = Enumerable.Range(0, count).Select(i => Row(i, codes)).ToList();
        using (var appender = new StagingAppender(connection, Schema))
        {
            // Batches of uneven sizes, so chunk and batch edges fall in different places.
            foreach (var part in rows.Chunk(777))
            {
                var batch = new StageBatch(part.Length, Columns.Length);
                foreach (var (line, cells) in part)
                {
                    cells.CopyTo(batch.Cells.AsSpan(batch.Count * Columns.Length));
                    batch.Lines[batch.Count++] = line;
                }
                appender.Append(batch);
            }
            appender.Close();
        }

        var back = connection.Rows($"SELECT line_number, id, kode::VARCHAR, tanggal, waktu, jumlah, nilai, typeof(kode) FROM {Schema.StagingTable} ORDER BY line_number");
        Assert.Equal(count, back.Count);
        for (var i = 0; i < count; i++)
        {
            var (line, cells) = rows[i];
            var r = back[i];
            Assert.Equal(line, r[0]);
            Assert.Equal(cells[0].Present ? cells[0].Text : null, r[1]);
            Assert.Equal(cells[1].Present ? cells[1].Text : null, r[2]);
            Assert.Equal(cells[2].Present ? cells[2].Date : null, AsDate(r[3]));
            Assert.Equal(cells[3].Present ? Microsecond(cells[3].Timestamp) : null, r[4]);
            Assert.Equal(cells[4].Present ? cells[4].Integer : null, r[5]);
            Assert.Equal(cells[5].Present ? cells[5].Number : null, r[6]);
            Assert.StartsWith("ENUM(", (string)r[7]!, StringComparison.Ordinal);
        }
        transaction?.Commit();
    }

    [Fact]
    public void A_code_outside_the_list_fails_rather_than_staging_another()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute(EntitySql.StagingTable(Schema, replace: true));
        using var appender = new StagingAppender(connection, Schema);
        var batch = new StageBatch(1, Columns.Length);
        batch.Cells[1] = new Cell { Present = true, Text = "TAHUNAN" };
        batch.Lines[batch.Count++] = 1;
        var ex = Assert.Throws<InvalidOperationException>(() => appender.Append(batch));
        Assert.Contains("TAHUNAN", ex.Message);
    }

    [Fact]
    public void A_staging_table_of_other_types_is_refused_before_anything_is_written()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute($"CREATE TEMP TABLE {Schema.StagingTable} (line_number BIGINT, id VARCHAR, kode VARCHAR, tanggal DATE, waktu TIMESTAMP, jumlah BIGINT, nilai DOUBLE)");
        var ex = Assert.Throws<InvalidOperationException>(() => new StagingAppender(connection, Schema));
        Assert.Contains("kode", ex.Message);
    }

    /// <summary>A code is written as its index in the list: an ENUM listing the codes in another order would stage each as another.</summary>
    [Fact]
    public void A_staging_enum_whose_codes_differ_from_the_list_is_refused()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute($"CREATE TEMP TABLE {Schema.StagingTable} (line_number BIGINT, id VARCHAR, kode ENUM('besar', 'tahunan', 'Sangat Baik', 'di_atas', 'L'), tanggal DATE, waktu TIMESTAMP, jumlah BIGINT, nilai DOUBLE)");
        var ex = Assert.Throws<InvalidOperationException>(() => new StagingAppender(connection, Schema));
        Assert.Contains("kode lists (besar, tahunan", ex.Message);
    }

    private static (long Line, Cell[] Cells) Row(int i, IReadOnlyList<string> codes)
    {
        static Cell Maybe<T>(T? value, Func<T, Cell> cell) where T : struct => value is { } v ? cell(v) : default;
        var text = Texts[i % Texts.Length];
        var cells = new[]
        {
            text is null ? default : new Cell { Present = true, Text = text },
            i % 7 == 6 ? default : new Cell { Present = true, Text = codes[i % codes.Count] },
            Maybe(Dates[i % Dates.Length], d => new Cell { Present = true, Date = d }),
            Maybe(Times[i % Times.Length], t => new Cell { Present = true, Timestamp = t }),
            Maybe(Integers[i % Integers.Length], n => new Cell { Present = true, Integer = n }),
            Maybe(Numbers[i % Numbers.Length], n => new Cell { Present = true, Number = n }),
        };
        // Only the first chunk (2 048 rows) has NULL ids beyond the list's: validity must not leak into the next chunk.
        if (i < 2048 && i % 5 == 0) cells[0] = default;
        return (1_000_000_000L + 3L * i, cells);
    }

    /// <summary>DuckDB keeps microseconds: the validated time rounded down to one.</summary>
    private static DateTime Microsecond(DateTime t) => new(t.Ticks - (((t.Ticks % 10) + 10) % 10), t.Kind);

    private static DateOnly? AsDate(object? value) => value switch
    {
        null => null,
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        var other => throw new InvalidCastException(other.GetType().Name),
    };
}
