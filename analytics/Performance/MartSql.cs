using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Performance;

/// <summary>
/// Runs the embedded mart models <c>marts/&lt;prefix&gt;*.sql</c> in file-name order (includes expanded as
/// <see cref="Ikm.MartSql.Read"/> does), without preserving insertion order:
/// a model's table has no row order its readers may rely on (they ORDER BY), and keeping it made DuckDB write
/// the 10 M rows of mart_kinerja_fitur at 1 M employees on one thread (191 s → 88 s; bench/README.md).
/// </summary>
internal static class MartSql
{
    public static void Run(DuckDBConnection connection, string prefix, CancellationToken cancellationToken)
    {
        var assembly = typeof(MartSql).Assembly;
        connection.Execute("SET preserve_insertion_order = false");
        try
        {
            foreach (var name in SqlResources.List(assembly, "marts").Where(n => n.StartsWith("marts/" + prefix, StringComparison.Ordinal)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                connection.Execute(Ikm.MartSql.Read(name["marts/".Length..^".sql".Length]));
            }
        }
        finally
        {
            connection.Execute("RESET preserve_insertion_order");
        }
    }

    public static double? NullableDouble(this System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static string? NullableString(this System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
