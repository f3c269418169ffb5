using System.CommandLine;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Service.Cli;

/// <summary>Options shared by several commands (spec §5).</summary>
public static class CommonOptions
{
    public const string DefaultDb = "data/kepegawaian.duckdb";

    public static readonly Option<string> Db = new("--db")
    {
        Description = "Berkas gudang data DuckDB / warehouse file",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Warehouse__Path") ?? DefaultDb,
        Recursive = true,
    };

    /// <summary>The warehouse named by <c>--db</c>, with <c>Warehouse:MemoryLimit</c>, <c>LoadMemoryLimit</c> and <c>BlockAllocatorMemory</c> from the service's configuration.</summary>
    public static WarehouseDatabase Warehouse(ParseResult parse)
    {
        var configured = CliConfiguration.Get<WarehouseOptions>(WarehouseOptions.Section);
        return new WarehouseDatabase(Options.Create(new WarehouseOptions { Path = parse.GetValue(Db)!, MemoryLimit = configured.MemoryLimit, LoadMemoryLimit = configured.LoadMemoryLimit, BlockAllocatorMemory = configured.BlockAllocatorMemory }));
    }

    public static Option<OutputFormat> Format(OutputFormat defaultValue = OutputFormat.Table) => new("--format")
    {
        Description = "Format keluaran: table, json, csv (mesin: ',' dan titik desimal), csv-id (Excel Indonesia: ';', koma desimal, BOM) / output format",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r =>
        {
            var token = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
            if (token.Equals("csv-id", StringComparison.OrdinalIgnoreCase)) return OutputFormat.CsvId;
            if (Enum.TryParse<OutputFormat>(token, ignoreCase: true, out var f) && Enum.IsDefined(f) && !token.All(char.IsDigit)) return f;
            r.AddError($"--format '{token}' tidak dikenal; pilih table, json, csv, csv-id.");
            return defaultValue;
        },
    };
}

/// <summary><see cref="Csv"/>: machine CSV; <see cref="CsvId"/> (<c>csv-id</c>): CSV for Indonesian spreadsheets.</summary>
public enum OutputFormat { Table, Json, Csv, Text, CsvId }
