using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Common;

/// <summary>
/// The SQL mart models embedded under <c>Sql/marts/</c>. A model may include another as a CTE body by writing
/// <c>{other_model}</c> on its own line; nothing else is substituted.
/// </summary>
internal static partial class MartSql
{
    public static string Read(string model)
    {
        var sql = SqlResources.Read(typeof(MartSql).Assembly, $"marts/{model}.sql");
        return Include().Replace(sql, m => Read(m.Groups[1].Value));
    }

    /// <summary>
    /// Runs the models <c>marts/&lt;prefix&gt;*.sql</c> in file-name order, without preserving insertion order: a model's table
    /// has no row order its readers may rely on (they ORDER BY), and keeping it made DuckDB write the 10 M rows of
    /// mart_kinerja_fitur at 1 M employees on one thread (191 s → 88 s; bench/README.md).
    /// </summary>
    public static void Run(DuckDBConnection connection, string prefix, CancellationToken cancellationToken)
    {
        connection.Execute("SET preserve_insertion_order = false");
        try
        {
            foreach (var name in SqlResources.List(typeof(MartSql).Assembly, "marts").Where(n => n.StartsWith("marts/" + prefix, StringComparison.Ordinal)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                connection.Execute(Read(name["marts/".Length..^".sql".Length]));
            }
        }
        finally
        {
            connection.Execute("RESET preserve_insertion_order");
        }
    }

    [GeneratedRegex(@"^\s*\{([a-z0-9_]+)\}\s*$", RegexOptions.Multiline)]
    private static partial Regex Include();
}
