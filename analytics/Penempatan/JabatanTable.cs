using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>
/// Reading a per-jabatan rule table (the BUP table, the minimum-education table): the shipped copy embedded in the assembly,
/// or the operator's CSV replacing it as a whole; lines <c>jenis_jabatan,jenjang,&lt;value&gt;,dasar</c>.
/// </summary>
internal static class JabatanTable
{
    /// <summary>A table's name in messages, Indonesian and English ("BUP"; "pendidikan minimum" / "minimum-education").</summary>
    public sealed record Title(string Id, string En);

    /// <summary>One data line; <see cref="Error"/> makes a FormatException naming the table, the source and the line.</summary>
    public sealed record Line(string JenisJabatan, string? Jenjang, string Value, string Dasar, Func<string, FormatException> Error);

    /// <summary>The operator's table at <paramref name="path"/> when set (a missing file is a FormatException), else the embedded <paramref name="resource"/>.</summary>
    public static T Load<T>(string? path, string resource, Title title, Func<TextReader, string, T> parse)
    {
        if (path is { Length: > 0 })
        {
            if (!File.Exists(path)) throw new FormatException($"Tabel {title.Id} '{path}' tidak ditemukan / {title.En} table not found.");
            using var file = new StreamReader(path);
            return parse(file, path);
        }
        using var stream = typeof(JabatanTable).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded.");
        using var reader = new StreamReader(stream);
        return parse(reader, resource);
    }

    /// <summary>
    /// The data lines (# comments, blank lines and the header skipped): jenis_jabatan a contract code; jenjang required and one
    /// of <paramref name="jenjangFungsional"/> for fungsional, empty for the others. A bad line stops with its number.
    /// </summary>
    public static IEnumerable<Line> Read(TextReader reader, string source, Title title, string valueColumn, IReadOnlyList<string> jenjangFungsional)
    {
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            text = text.Trim().TrimStart('\uFEFF');
            if (text.Length == 0 || text.StartsWith('#') || text.StartsWith("jenis_jabatan", StringComparison.Ordinal)) continue;
            var f = text.Split(',', 4, StringSplitOptions.TrimEntries);
            var where = $"Tabel {title.Id} {source}, baris {number}: ";
            FormatException Error(string message) => new(where + message);
            if (f.Length < 3) throw Error($"harus 'jenis_jabatan,jenjang,{valueColumn},dasar' / expected jenis_jabatan,jenjang,{valueColumn},dasar.");
            if (!Codes.JenisJabatan.Contains(f[0])) throw Error($"jenis_jabatan '{f[0]}' tidak dikenal ({string.Join(", ", Codes.JenisJabatan)}).");
            string? jenjang = f[1].Length == 0 ? null : f[1];
            if ((f[0] == "fungsional") != (jenjang is not null) || (jenjang is not null && !jenjangFungsional.Contains(jenjang)))
                throw Error($"jenjang '{f[1]}': wajib dan salah satu dari {string.Join(", ", jenjangFungsional)} untuk fungsional, kosong untuk yang lain.");
            yield return new Line(f[0], jenjang, f[2], f.Length > 3 ? f[3] : "", Error);
        }
    }
}
