using System.IO.Compression;
using System.Xml;

namespace Kepegawaian.Etl.Reading;

/// <summary>
/// Checks an .xlsx package before ExcelDataReader reads it (issue 10 item 2). ExcelDataReader holds every
/// shared string and one whole row in memory and gives every row as many cells as the right-most used
/// column (one cell in XFD: 16 384 per row), so the limits are enforced first, streaming, with memory
/// bounded by one buffer: decompressed part sizes (the declared size, then bytes counted while
/// inflating, as the declared size can lie), text between two tags, used columns, rows, text per row
/// and per shared string. A file over any limit fails as a whole, naming the limit.
/// </summary>
internal static class XlsxLimits
{
    public const int MaxColumns = 1_000;
    public const int MaxRows = 1_048_576;                // Excel's own sheet limit
    public const long MaxSheetBytes = 512L << 20;        // one worksheet part, decompressed
    public const long MaxSharedStringsBytes = 64L << 20; // xl/sharedStrings.xml, decompressed
    public const long MaxOtherPartBytes = 32L << 20;     // workbook, styles, relationships …
    public const int MaxStringChars = 32_767;            // Excel's own cell limit
    public const int MaxRowChars = RecordLimits.MaxRecordChars;
    public const int MaxTextRunBytes = 2 << 20;          // between two XML tags: bounds what XmlReader buffers
    public const int MaxEntries = 10_000;

    public static void Check(Stream stream)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException ex) { throw new UnreadableFileException("Berkas bukan buku kerja .xlsx yang sah: " + ex.Message, ex); }
        using (zip)
        {
            if (zip.Entries.Count > MaxEntries)
                throw Limit($"berisi {RecordLimits.N(zip.Entries.Count)} bagian (batas {RecordLimits.N(MaxEntries)})");
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName;
                if (!name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                    continue; // images and other binary parts are never read
                var sheet = name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase);
                var shared = name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                var limit = sheet ? MaxSheetBytes : shared ? MaxSharedStringsBytes : MaxOtherPartBytes;
                if (entry.Length > limit)
                    throw Limit($"bagian '{name}' berukuran {Mib(entry.Length)} setelah dibuka (batas {Mib(limit)})");
                using var part = new BoundedPartStream(entry.Open(), name, limit);
                if (sheet) CheckSheet(part, name);
                else if (shared) CheckSharedStrings(part);
                else part.CopyTo(Stream.Null);
            }
        }
    }

    private static void CheckSheet(Stream part, string name)
    {
        using var xml = XmlReader.Create(part, Settings);
        long rows = 0, rowChars = 0, rowNumber = 0;
        var column = 0;
        var chunk = new char[8192];
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row")
            {
                rows++;
                rowChars = 0;
                column = 0;
                rowNumber = long.TryParse(xml.GetAttribute("r"), out var r) ? r : rowNumber + 1;
                if (rows > MaxRows || rowNumber > MaxRows)
                    throw Limit($"lembar '{name}' berisi lebih dari {RecordLimits.N(MaxRows)} baris");
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c")
            {
                var reference = xml.GetAttribute("r");
                column = reference is null ? column + 1 : ColumnOf(reference);
                if (column > MaxColumns)
                    throw Limit($"sel {reference ?? $"kolom ke-{column}"} di lembar '{name}' berada di luar {RecordLimits.N(MaxColumns)} kolom pertama (kolom {ColumnName(MaxColumns)}); hapus isi atau format sel di kanan tabel");
            }
            else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                rowChars += Count(xml, chunk);
                if (rowChars > MaxRowChars)
                    throw Limit($"baris {rowNumber} di lembar '{name}' berisi lebih dari {RecordLimits.N(MaxRowChars)} karakter");
            }
        }
    }

    private static void CheckSharedStrings(Stream part)
    {
        using var xml = XmlReader.Create(part, Settings);
        long index = -1, chars = 0;
        var chunk = new char[8192];
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si") { index++; chars = 0; }
            else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                chars += Count(xml, chunk);
                if (chars > MaxStringChars)
                    throw Limit($"teks bersama ke-{RecordLimits.N(index + 1)} berisi lebih dari {RecordLimits.N(MaxStringChars)} karakter (batas sel Excel)");
            }
        }
    }

    /// <summary>The length of the current text node, read in chunks rather than as one string.</summary>
    private static long Count(XmlReader xml, char[] chunk)
    {
        if (!xml.CanReadValueChunk) return xml.Value.Length;
        long n = 0;
        int read;
        while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0) n += read;
        return n;
    }

    /// <summary>1-based column of a cell reference such as <c>XFD12</c>.</summary>
    public static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
            else break;
            if (column > 1 << 20) break;
        }
        return column;
    }

    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true,
        CloseInput = false,
    };

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024.0):N1} MiB";

    private static UnreadableFileException Limit(string what) =>
        new($"Buku kerja melampaui batas: {what}. Simpan ulang hanya tabel datanya (atau ekspor sebagai CSV).");

    /// <summary>
    /// A decompressing stream that fails once more than <c>limit</c> bytes come out (a zip bomb's
    /// declared size can lie) or when one run of text between two tags exceeds <see cref="MaxTextRunBytes"/>.
    /// </summary>
    private sealed class BoundedPartStream(Stream inner, string name, long limit) : Stream
    {
        private long total;
        private long run;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n;
            try { n = inner.Read(buffer); }
            catch (InvalidDataException ex) { throw new UnreadableFileException($"Bagian '{name}' rusak: {ex.Message}", ex); }
            total += n;
            if (total > limit) throw Limit($"bagian '{name}' lebih dari {Mib(limit)} setelah dibuka");
            var span = buffer[..n];
            while (!span.IsEmpty)
            {
                var tag = span.IndexOfAny((byte)'<', (byte)'>');
                if (tag < 0) { run += span.Length; break; }
                if (run + tag > MaxTextRunBytes) throw Limit($"bagian '{name}' memuat satu teks lebih dari {Mib(MaxTextRunBytes)}");
                run = 0;
                span = span[(tag + 1)..];
            }
            if (run > MaxTextRunBytes) throw Limit($"bagian '{name}' memuat satu teks lebih dari {Mib(MaxTextRunBytes)}");
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => total; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
