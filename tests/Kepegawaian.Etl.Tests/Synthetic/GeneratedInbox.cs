using System.Text;
using Kepegawaian.Etl.Synthetic;

namespace Kepegawaian.Etl.Tests.Synthetic;

/// <summary>A small generated inbox shared by the tests of one class (generated once; 300 employees, 3 years).</summary>
public sealed class GeneratedInbox : IDisposable
{
    public static readonly DateOnly EndDate = new(2026, 6, 30);

    public GeneratedInbox(double badRows, int employees = 300, int years = 3)
    {
        Dir = Path.Combine(Path.GetTempPath(), "kpg-gen-" + Guid.NewGuid().ToString("N"));
        Options = new GeneratorOptions { OutDir = Dir, Employees = employees, Years = years, Seed = 7, BadRows = badRows, EndDate = EndDate };
        Result = SyntheticGenerator.GenerateAsync(Options).GetAwaiter().GetResult();
    }

    public string Dir { get; }
    public GeneratorOptions Options { get; }
    public GenerationResult Result { get; }

    public IEnumerable<GeneratedFile> Files(string entity) => Result.Files.Where(f => f.Entity == entity);

    /// <summary>Rows of every file of an entity, as column → value maps.</summary>
    public IReadOnlyList<Dictionary<string, string>> Rows(string entity)
    {
        lock (_rows)
        {
            if (!_rows.TryGetValue(entity, out var rows))
                _rows[entity] = rows = Files(entity).SelectMany(f => Csv.Read(f.Path).Rows).ToList();
            return rows;
        }
    }

    private readonly Dictionary<string, List<Dictionary<string, string>>> _rows = [];

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The clean inbox (no bad rows) shared by a test class.</summary>
public sealed class CleanInboxFixture : IDisposable
{
    public GeneratedInbox Inbox { get; } = new(badRows: 0);
    public void Dispose() => Inbox.Dispose();
}

/// <summary>Minimal RFC 4180 reader for the tests (quotes, doubled quotes, commas and newlines inside quotes).</summary>
public static class Csv
{
    public static (string[] Header, List<Dictionary<string, string>> Rows) Read(string path)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        var header = records[0];
        var rows = records.Skip(1).Select(r =>
        {
            Assert.Equal(header.Length, r.Length);
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) d[header[i]] = r[i];
            return d;
        }).ToList();
        return (header, rows);
    }

    private static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else if (c == '\n') { fields.Add(sb.ToString()); sb.Clear(); records.Add([.. fields]); fields.Clear(); }
            else sb.Append(c);
        }
        if (sb.Length > 0 || fields.Count > 0) { fields.Add(sb.ToString()); records.Add([.. fields]); }
        return records;
    }
}
