using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Kepegawaian.Warehouse;

/// <summary>
/// DuckDB's memory limit for the span of one ETL run (<see cref="WarehouseOptions.LoadMemoryLimit"/>): set on the open
/// database when the operator set no <see cref="WarehouseOptions.MemoryLimit"/> and it is below DuckDB's default (80 % of
/// RAM); disposing resets DuckDB's default. The limit is global to the database, so it holds only while nothing else of
/// this process writes (serve's <see cref="WarehouseWriteGate"/>).
/// </summary>
public sealed partial class LoadMemoryLimit : IDisposable
{
    private readonly DuckDBConnection? connection;

    private LoadMemoryLimit(DuckDBConnection? connection, string? applied) => (this.connection, Applied) = (connection, applied);

    /// <summary>The limit set for the run, as DuckDB reports it (e.g. "3.7 GiB"); null when none was set.</summary>
    public string? Applied { get; }

    public static LoadMemoryLimit Apply(DuckDBConnection connection, WarehouseOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.MemoryLimit) || Bytes(options.LoadMemoryLimit) is not { } wanted)
            return new(null, null);
        if (Bytes(connection.Scalar<string>("SELECT current_setting('memory_limit')")) is { } current && current <= wanted)
            return new(null, null);
        try
        {
            // Validated by WarehouseOptions' pattern (digits and a unit), so it can be spliced into the statement.
            connection.Execute($"SET GLOBAL memory_limit = '{options.LoadMemoryLimit!.Trim()}'");
        }
        catch (DuckDBException ex)
        {
            // DuckDB refuses a limit below what it cannot evict now, yet keeps it as the setting (DuckDB 1.5.6): without the
            // reset the whole process ran on under the refused limit. The load runs under the default, as before.
            connection.Execute("RESET GLOBAL memory_limit");
            return new(null, null) { Refused = ex.Message };
        }
        return new(connection, connection.Scalar<string>("SELECT current_setting('memory_limit')"));
    }

    /// <summary>Why DuckDB refused the limit (the run goes on under its default); null when it was not refused.</summary>
    public string? Refused { get; private init; }

    public void Dispose()
    {
        if (connection is null) return;
        try
        {
            connection.Execute("RESET GLOBAL memory_limit");
        }
        catch (DuckDBException)
        {
            // The database is broken; it closes with the connection, and the next open starts at DuckDB's default.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>A size as DuckDB writes and reads it ("4GB" = 4·10^9, "18.8 GiB" = 18.8·2^30 bytes); null when it is none.</summary>
    internal static double? Bytes(string? size)
    {
        var m = SizePattern().Match(size?.Trim() ?? "");
        if (!m.Success) return null;
        var unit = m.Groups[2].Value.ToUpperInvariant();
        var power = "BKMGTP".IndexOf(unit[0]); // "BYTES" → B → 0
        var scale = Math.Pow(unit.Contains('I') ? 1024 : 1000, power);
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * scale;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(bytes|[KMGTP]i?B)$", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();
}
