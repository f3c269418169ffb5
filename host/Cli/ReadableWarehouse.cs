using System.CommandLine;
using System.Globalization;
using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli;

/// <summary>
/// How a read-only command reads the warehouse beside a running `serve` (README "CLI beside serve"):
/// the live file when it is free, else the snapshot `serve` publishes after start-up and every scan and
/// refresh (<see cref="WarehouseSnapshot"/>), announced with one line on stderr so stdout stays parseable.
/// </summary>
public static class ReadableWarehouse
{
    /// <summary>A read-only connection to the live file, or to the newest snapshot while the live file is locked.</summary>
    public static DuckDBConnection Open(ParseResult parse)
    {
        var database = CommonOptions.Warehouse(parse);
        try
        {
            return database.Open(readOnly: true);
        }
        catch (WarehouseLockedException locked)
        {
            return Snapshot(parse, database, locked).Open(readOnly: true);
        }
    }

    /// <summary>The database to read (live, or the snapshot opened read-only), for commands that open connections themselves.</summary>
    public static WarehouseDatabase Resolve(ParseResult parse)
    {
        var database = CommonOptions.Warehouse(parse);
        try
        {
            database.Open(readOnly: true).Dispose();
            return database;
        }
        catch (WarehouseLockedException locked)
        {
            return Snapshot(parse, database, locked);
        }
    }

    private static WarehouseDatabase Snapshot(ParseResult parse, WarehouseDatabase database, WarehouseLockedException locked)
    {
        var snapshot = WarehouseSnapshot.Find(database.Path)
            ?? throw new OperatorException(
                $"Gudang data '{locked.Path}' sedang dipakai proses lain dan belum ada salinan baca ({WarehouseSnapshot.PathFor(database.Path)}); " +
                "'kepegawaian serve' menerbitkannya saat mulai — coba lagi sebentar lagi. / The warehouse is locked and no read-only snapshot exists yet.", locked);
        var zone = CliClock.Zone;
        var at = TimeZoneInfo.ConvertTimeFromUtc(WarehouseSnapshot.TakenAtUtc(snapshot.Path), zone);
        var label = LocalZone.Label(zone);
        parse.InvocationConfiguration.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kepegawaian: gudang data dipakai 'serve'; membaca salinan per {at:yyyy-MM-dd HH:mm:ss} {label} / reading snapshot as of {at:yyyy-MM-dd HH:mm:ss} {label}"));
        return snapshot;
    }
}
