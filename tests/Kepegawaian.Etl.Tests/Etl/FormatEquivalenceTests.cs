using System.Globalization;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>Spec §3: the same data as CSV, XLSX (first sheet) and JSONL gives identical warehouse contents.</summary>
public sealed class FormatEquivalenceTests
{
    private static readonly string[] Tables =
    [
        "SELECT * EXCLUDE (etl_file_id, updated_at) FROM dim_unit",
        "SELECT * EXCLUDE (employee_sk, etl_file_id) FROM dim_employee",
        "SELECT * FROM dim_training_course",
        "SELECT * EXCLUDE (etl_file_id) FROM fact_mutasi",
        "SELECT * EXCLUDE (etl_file_id) FROM fact_diklat",
        "SELECT * EXCLUDE (etl_file_id) FROM fact_kinerja",
        "SELECT * EXCLUDE (etl_file_id) FROM fact_cuti",
        "SELECT * EXCLUDE (etl_file_id) FROM fact_skm",
        // JSONL has no header line: its first record is line 1, one less than in CSV and XLSX.
        "SELECT file_name, line_number + CASE WHEN file_name LIKE '%.jsonl' THEN 1 ELSE 0 END, column_name, reason_code FROM etl_reject",
    ];

    // One bad row so the ledger is compared too.
    private static readonly string Skm = EtlTestBed.SkmCsv + "\nR9,KEL01,KTP-el,2026-05-03,3,3,3,5,3,3,3,3,3,L,51,SMA,PNS,";

    [Fact]
    [Trait("Category", "Scenario")]
    public void Csv_xlsx_and_jsonl_of_the_same_rows_give_the_same_warehouse()
    {
        var csv = Load(bed => { foreach (var (name, text) in Files()) bed.Write(name + ".csv", text); });
        var xlsx = Load(bed => { foreach (var (name, text) in Files()) WriteXlsx(Path.Combine(bed.Inbox, name + ".xlsx"), text); });
        var jsonl = Load(bed => { foreach (var (name, text) in Files()) WriteJsonl(Path.Combine(bed.Inbox, name + ".jsonl"), text); });

        Assert.Equal(csv, xlsx);
        Assert.Equal(csv, jsonl);
        Assert.Contains("RENTANG_NILAI", csv[^1]);
    }

    private static IEnumerable<(string Name, string Text)> Files() =>
        EtlTestBed.AllCsv.Select(kv => (Path.GetFileNameWithoutExtension(kv.Key), kv.Key.StartsWith("skm") ? Skm : kv.Value));

    private static List<string> Load(Action<EtlTestBed> write)
    {
        using var bed = new EtlTestBed();
        write(bed);
        var summary = bed.Run();
        Assert.All(summary.Files, f => Assert.Equal("loaded", f.Status));
        return Tables.Select(sql => string.Join("\n", bed.Rows(sql + " ORDER BY ALL")
                .Select(r => string.Join("|", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))))
                .Select(line => line.Replace(".xlsx", ".csv").Replace(".jsonl", ".csv"))))
            .ToList();
    }

    private static List<Dictionary<string, string>> Parse(string csv)
    {
        var lines = csv.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    /// <summary>Typed cells as a spreadsheet holds them: numbers as numbers, dates as dates, the rest as text.</summary>
    private static void WriteXlsx(string path, string csv)
    {
        var rows = Parse(csv).Select(r => r.ToDictionary(kv => kv.Key, kv => Typed(kv.Key, kv.Value))).ToList();
        MiniExcel.SaveAs(path, rows);
    }

    private static object? Typed(string column, string value)
    {
        if (value.Length == 0) return null;
        if (column is "nip" or "nomor_sk" || column.StartsWith("id_") || column.StartsWith("kode")) return value;
        if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) return x;
        return value;
    }

    private static void WriteJsonl(string path, string csv)
    {
        var sb = new StringBuilder();
        foreach (var row in Parse(csv))
        {
            var obj = row.Where(kv => kv.Value.Length > 0)   // JSON exports omit nulls
                .ToDictionary(kv => kv.Key, kv => Typed(kv.Key, kv.Value) is double x ? (object)x : kv.Value);
            sb.Append(JsonSerializer.Serialize(obj)).Append('\n');
        }
        File.WriteAllText(path, sb.ToString());
    }
}
