using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Warehouse;

/// <summary>
/// Opens the warehouse file. A DuckDBConnection is not thread-safe: open one per job or thread.
/// Only one process may hold the file read-write; a second one gets <see cref="WarehouseLockedException"/>.
/// </summary>
public sealed class WarehouseDatabase(IOptions<WarehouseOptions> options)
{
    public WarehouseDatabase(string path) : this(Options.Create(new WarehouseOptions { Path = path })) { }

    public string Path => options.Value.Path;

    /// <summary>Opens read-write, creating the file and applying pending migrations.</summary>
    public DuckDBConnection OpenAndMigrate()
    {
        var connection = Open(readOnly: false);
        try
        {
            Migrator.Migrate(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public DuckDBConnection Open(bool readOnly = false)
    {
        readOnly |= options.Value.ReadOnly;
        var full = System.IO.Path.GetFullPath(Path);
        if (readOnly && !File.Exists(full))
            throw new WarehouseNotFoundException(full);
        if (!readOnly)
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);

        // The builder quotes the path: a folder name with ';' or '=' stays one value.
        var settings = new DuckDBConnectionStringBuilder { DataSource = full };
        if (readOnly) settings["ACCESS_MODE"] = "READ_ONLY";
        if (!string.IsNullOrWhiteSpace(options.Value.MemoryLimit)) settings["memory_limit"] = options.Value.MemoryLimit.Trim();
        var connection = new DuckDBConnection(settings.ConnectionString);
        try
        {
            connection.Open();
            if (!readOnly) KeepBlocks(connection, options.Value.BlockAllocatorMemory);
            return connection;
        }
        catch (Exception ex)
        {
            // Also when opening succeeded and setting up the connection failed: an open connection left behind would hold
            // the file's lock for the life of the process.
            connection.Dispose();
            if (ex is DuckDBException && ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
                throw new WarehouseLockedException(full, ex);
            throw;
        }
    }

    /// <summary>Bounds DuckDB's memory for one ETL run (<see cref="WarehouseOptions.LoadMemoryLimit"/>) until disposed.</summary>
    public LoadMemoryLimit LimitForLoad(DuckDBConnection connection) => LoadMemoryLimit.Apply(connection, options.Value);

    /// <summary>
    /// Set after opening, not in the connection string: there DuckDB 1.5.6 aborts the process on a percentage (it is resolved
    /// before the buffer pool exists). The setting is global to the open database and cannot shrink, so it is set once.
    /// </summary>
    private static void KeepBlocks(DuckDBConnection connection, string? size)
    {
        if (string.IsNullOrWhiteSpace(size) || connection.Scalar<string>("SELECT current_setting('block_allocator_memory')") != "0 bytes") return;
        connection.Execute($"SET GLOBAL block_allocator_memory = '{size.Trim()}'"); // validated by WarehouseOptions' pattern
    }
}

public sealed class WarehouseLockedException(string path, Exception inner) : Exception(
    $"Gudang data '{path}' sedang dipakai proses lain (mis. 'kepegawaian serve'). " +
    $"Hentikan proses itu atau jalankan perintah ini lewat layanan yang berjalan. / The warehouse is locked by another process: {inner.Message}",
    inner)
{
    public string Path { get; } = path;
}

public sealed class WarehouseNotFoundException(string path) : Exception(
    $"Gudang data '{path}' belum ada. Jalankan 'kepegawaian etl --inbox DIR' atau 'kepegawaian demo' dulu. / Warehouse file not found.")
{
    public string Path { get; } = path;
}
