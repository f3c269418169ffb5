using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Kepegawaian.Etl.Reading;

/// <summary>
/// The first sheet of an .xlsx workbook; the first non-empty row is the header. Cells are turned
/// into the same text a CSV export would hold: dates as <c>yyyy-MM-dd</c> (with time when present),
/// numbers in invariant culture.
/// </summary>
internal sealed class XlsxRecordSource : IRecordSource
{
    static XlsxRecordSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly Stream stream;
    private readonly IExcelDataReader reader;
    private string[] values = [];
    private long row;

    private XlsxRecordSource(Stream stream, IExcelDataReader reader)
    {
        this.stream = stream;
        this.reader = reader;
        if (!Read()) throw new UnreadableFileException("Lembar kerja pertama kosong: baris judul (header) tidak ada.");
        Header = values.Take(FieldCount).ToArray();
    }

    public static XlsxRecordSource Open(string path)
    {
        var stream = Loading.InboxFileSystem.OpenRead(path);
        try
        {
            XlsxLimits.Check(stream);
            stream.Position = 0;
            var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            return new XlsxRecordSource(stream, reader);
        }
        catch (Exception ex) when (ex is not UnreadableFileException)
        {
            stream.Dispose();
            throw new UnreadableFileException("Berkas bukan buku kerja .xlsx yang sah: " + ex.Message, ex);
        }
    }

    public IReadOnlyList<string> Header { get; }
    public long LineNumber => row;
    public int FieldCount { get; private set; }
    public string? Malformed => null;
    public bool TooLong => false; // rows over the limit fail the whole workbook in XlsxLimits

    public ReadOnlySpan<char> Field(int index) => (uint)index < (uint)FieldCount ? values[index].AsSpan() : default;

    public RawRow Raw()
    {
        var raw = new RawRowBuilder();
        for (var i = 0; i < FieldCount; i++)
        {
            if (i > 0) raw.Append(',');
            raw.Append(values[i]);
        }
        return raw.Build();
    }

    public bool Read()
    {
        while (reader.Read())
        {
            row++;
            // XlsxLimits has refused any cell right of MaxColumns; a <dimension> claiming more is ignored.
            var n = Math.Min(reader.FieldCount, XlsxLimits.MaxColumns);
            if (values.Length < n) values = new string[n];
            var last = -1;
            for (var i = 0; i < n; i++)
            {
                values[i] = Text(reader.GetValue(i));
                if (values[i].Length > 0) last = i;
            }
            if (last < 0) continue; // blank row
            // Trailing empty cells of a row are formatting, not columns.
            FieldCount = Header is null ? last + 1 : Math.Max(last + 1, Math.Min(n, Header.Count));
            return true;
        }
        return false;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
    }
}
