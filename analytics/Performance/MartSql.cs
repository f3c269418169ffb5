using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Performance;

/// <summary>Runs the embedded mart models <c>marts/&lt;prefix&gt;*.sql</c> in file-name order.</summary>
internal static class MartSql
{
    public static void Run(DuckDBConnection connection, string prefix, CancellationToken cancellationToken)
    {
        var assembly = typeof(MartSql).Assembly;
        foreach (var name in SqlResources.List(assembly, "marts").Where(n => n.StartsWith("marts/" + prefix, StringComparison.Ordinal)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            connection.Execute(SqlResources.Read(assembly, name));
        }
    }

    public static double? NullableDouble(this System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static string? NullableString(this System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
