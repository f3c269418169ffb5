using System.CommandLine;

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

    public static Option<OutputFormat> Format(OutputFormat defaultValue = OutputFormat.Table) => new("--format")
    {
        Description = "Format keluaran: table, json, csv / output format",
        DefaultValueFactory = _ => defaultValue,
    };
}

public enum OutputFormat { Table, Json, Csv, Text }
