using System.Globalization;

namespace Kepegawaian.Reports.Weekly;

/// <summary>
/// A table cell hidden by <see cref="Kepegawaian.Analytics.Common.SmallCells"/>: HTML/PDF print
/// <c>&lt;5</c>, XLSX leaves a blank numeric cell with a footnote, the machine CSV an empty field.
/// </summary>
public sealed record SuppressedCell(int MinCellSize)
{
    public override string ToString() => $"<{MinCellSize.ToString(CultureInfo.InvariantCulture)}";
}
