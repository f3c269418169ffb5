using System.Text;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>One CSV inbox file being written (UTF-8 without BOM, comma, LF); mixes in corrupted copies when asked.</summary>
internal sealed class InboxFile : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Corruptor? _corruptor;
    private readonly StringBuilder _line = new(256);

    public InboxFile(string dir, string fileName, string entity, int year, Corruptor? corruptor)
    {
        Path = System.IO.Path.Combine(dir, fileName);
        Entity = entity;
        Year = year;
        _corruptor = corruptor;
        _writer = new StreamWriter(Path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        WriteLine(InboxSchema.For(entity));
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
            WriteLine(row);
            Rows++;
            return;
        }
        var bad = _corruptor.MaybeCorrupt(row);
        _corruptor.MaybeReformatDates(row);
        WriteLine(row);
        Rows++;
        if (bad is not null)
        {
            WriteLine(bad);
            Rows++;
            BadRows++;
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
