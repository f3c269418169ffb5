using System.Text.RegularExpressions;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Ikm;

/// <summary>
/// Reads the IKM/efficiency SQL models embedded under <c>Sql/marts/</c>. A model may include another
/// as a CTE body by writing <c>{other_model}</c> on its own; nothing else is substituted.
/// </summary>
internal static partial class MartSql
{
    public static string Read(string model)
    {
        var sql = SqlResources.Read(typeof(MartSql).Assembly, $"marts/{model}.sql");
        return Include().Replace(sql, m => Read(m.Groups[1].Value));
    }

    [GeneratedRegex(@"^\s*\{([a-z0-9_]+)\}\s*$", RegexOptions.Multiline)]
    private static partial Regex Include();
}
