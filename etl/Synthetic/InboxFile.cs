using System.Text;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>One CSV inbox file being written (UTF-8 without BOM, comma, LF); mixes in corrupted copies when asked.</summary>
internal sealed class InboxFile : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Corruptor? _corruptor;
    private readonly StringBuilder _line = new(256);
    private readonly RowShape? _shape;

    private readonly IReadOnlyList<string>? _jsonFields;

    /// <param name="shape">Write the rows in a source's shape (<c>generate --as</c>) instead of the contract's; null: the contract.</param>
    /// <param name="jsonFields">A JSONL file instead (SIASN API histories): one object per row with these field names, an empty cell null.</param>
    public InboxFile(string dir, string fileName, string entity, int year, Corruptor? corruptor, RowShape? shape = null, IReadOnlyList<string>? jsonFields = null)
    {
        _jsonFields = jsonFields;
        Path = System.IO.Path.Combine(dir, fileName);
        Entity = entity;
        Year = year;
        _corruptor = corruptor;
        _shape = shape;
        _writer = new StreamWriter(Path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        if (jsonFields is null) WriteLine(shape?.Header ?? InboxSchema.For(entity));
    }

    /// <summary>One JSONL line: the cells under <c>jsonFields</c>, in order.</summary>
    public void WriteJson(IReadOnlyList<string> cells)
    {
        _line.Clear().Append('{');
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) _line.Append(", ");
            _line.Append(System.Text.Json.JsonSerializer.Serialize(_jsonFields![i])).Append(": ");
            _line.Append(cells[i].Length == 0 ? "null" : System.Text.Json.JsonSerializer.Serialize(cells[i]));
        }
        _writer.WriteLine(_line.Append('}'));
        Rows++;
    }

    public string Path { get; }
    public string Entity { get; }
    public int Year { get; }
    public long Rows { get; private set; }
    public long BadRows { get; private set; }

    /// <summary>Writes a well-formed row; then, with probability BadRows, a corrupted copy of it.</summary>
    public void Write(string[] row)
    {
        if (_corruptor is null)
        {
            Emit(row, good: true);
            return;
        }
        var bad = _corruptor.MaybeCorrupt(row);
        _corruptor.MaybeReformatDates(row);
        // A date reformatted on purpose is no longer the contract value, so the source writer does not check it.
        Emit(row, good: _shape is null);
        if (bad is not null)
        {
            Emit(bad, good: false);
            BadRows++;
        }
    }

    private void Emit(string[] row, bool good)
    {
        if (_shape is null)
        {
            WriteLine(row);
            Rows++;
            return;
        }
        foreach (var shaped in _shape.Rows(row, verify: good))
        {
            WriteLine(shaped);
            Rows++;
        }
    }

    public GeneratedFile Result() => new(Path, Entity, Year, Rows, BadRows);

    private void WriteLine(IReadOnlyList<string> cells)
    {
        _line.Clear();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) _line.Append(',');
            AppendCell(_line, cells[i]);
        }
        _writer.WriteLine(_line);
    }

    /// <summary>RFC 4180 quoting. Formula-like text (=cmd) is written raw on purpose: the inbox carries what citizens typed.</summary>
    private static void AppendCell(StringBuilder sb, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            sb.Append(value);
            return;
        }
        sb.Append('"');
        foreach (var c in value)
        {
            if (c == '"') sb.Append('"');
            sb.Append(c);
        }
        sb.Append('"');
    }

    public void Dispose() => _writer.Dispose();
}
