namespace Kepegawaian.Warehouse.Lake;

/// <summary>
/// One table of a lake: its name (the folder) and the SELECT that produces its rows. A result column
/// <c>tahun</c> makes it a Hive partition (<c>&lt;table&gt;/tahun=YYYY/…</c>); without one the table is a single file.
/// </summary>
public sealed record LakeTable(string Name, string Select);
