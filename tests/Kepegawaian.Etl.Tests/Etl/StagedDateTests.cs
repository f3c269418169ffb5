using DuckDB.NET.Data;
using Kepegawaian.Etl.Loading;
using Kepegawaian.Etl.Validation;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Dates are staged as day numbers and typed DATE once the file is staged (EntitySql.StagedDates): every date the validator
/// accepts (1900-01-01 … 9999-12-31) and the epoch's neighbours must come back as the same date, an empty one as NULL;
/// outside a transaction (a file's first part) and inside one on a table created in it (a profile's later part).
/// </summary>
public sealed class StagedDateTests
{
    private static readonly DateOnly?[] Dates =
    [
        null,
        new(1900, 1, 1), new(1900, 2, 28), new(1969, 12, 31), new(1970, 1, 1), new(1970, 1, 2),
        new(2024, 2, 29), new(2026, 11, 20), new(9999, 12, 31),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_staged_day_number_becomes_the_same_date(bool inTransaction)
    {
        var schema = EntitySchemas.Cuti;
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var transaction = inTransaction ? connection.BeginTransaction() : null;
        connection.Execute(EntitySql.StagingTable(schema, replace: true));
        var dates = schema.Columns.Where(c => c.Kind == ColumnKind.Date).Select(c => c.Name).ToList();
        Assert.Equal(["tanggal_mulai", "tanggal_selesai"], dates);
        using (var appender = connection.CreateAppender("temp", "main", schema.StagingTable))
            for (var i = 0; i < Dates.Length; i++)
            {
                var row = appender.CreateRow().AppendValue((long?)i);
                foreach (var c in schema.Columns)
                    if (c.Kind == ColumnKind.Date) row.AppendValue(Dates[i] is { } d ? EntitySql.StagedDay(d) : (int?)null);
                    else row.AppendNullValue();
                row.EndRow();
            }

        connection.Execute(EntitySql.StagedDates(schema));

        var back = connection.Rows($"SELECT tanggal_mulai, tanggal_selesai, typeof(tanggal_mulai) FROM {schema.StagingTable} ORDER BY line_number");
        Assert.Equal(Dates, back.Select(r => AsDate(r[0])));
        Assert.Equal(Dates, back.Select(r => AsDate(r[1])));
        Assert.All(back, r => Assert.Equal("DATE", r[2]));
        transaction?.Commit();
    }

    private static DateOnly? AsDate(object? value) => value switch
    {
        null => null,
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        var other => throw new InvalidCastException(other.GetType().Name),
    };
}
