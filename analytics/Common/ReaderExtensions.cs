using System.Data.Common;
using System.Globalization;

namespace Kepegawaian.Analytics.Common;

internal static class ReaderExtensions
{
    public static double? NullableDouble(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    public static string? NullableString(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
