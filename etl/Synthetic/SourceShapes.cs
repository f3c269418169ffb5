using Kepegawaian.Etl.Reading.Profiles;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// The source shapes <c>generate --as</c> can write (issue 13 item 5). Each is the inverse of a shipped source profile
/// (<c>etl/Profiles/*.json</c>): header names, code tables, date formats and the file-name pattern are read from that
/// profile, so the generator and the reader share one description of the source.
/// </summary>
public static class SourceShapes
{
    /// <summary>SIASN "Export Data ASN" for the pegawai snapshots (<c>siasn-pegawai.json</c>).</summary>
    public const string Siasn = "siasn";

    /// <summary>SKM application, one row per answer, one file per unit and year (<c>skm-long.json</c>).</summary>
    public const string SkmLong = "skm-long";

    /// <summary>e-Cuti export of the online requests, one file per year, plus its two mapping files (<c>ecuti.json</c>).</summary>
    public const string Ecuti = "ecuti";

    /// <summary>
    /// SIASN API histories (rw-jabatan, rw-golongan, rw-kursus, rw-skp22, rw-kinerjaperiodik) as JSONL, one file per endpoint
    /// (<see cref="SiasnApiShape"/>). Implies <see cref="Siasn"/>: rw-skp22 names employees by the PNS ID of the SIASN export.
    /// </summary>
    public const string SiasnApi = "siasn-api";

    public static readonly IReadOnlyList<string> Supported = [Siasn, SkmLong, Ecuti, SiasnApi];

    /// <summary>Parses <c>siasn,skm-long,ecuti</c>; an unknown or unsupported shape throws <see cref="ArgumentException"/> with a bilingual message.</summary>
    public static IReadOnlySet<string> Parse(IEnumerable<string> values)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var shape = value.ToLowerInvariant();
            if (!Supported.Contains(shape))
                throw new ArgumentException($"--as '{value}' tidak dikenal; pilihan: {string.Join(", ", Supported)}. / unknown source shape; choose from {string.Join(", ", Supported)}.");
            result.Add(shape);
            if (shape == SiasnApi) result.Add(Siasn);
        }
        return result;
    }

    internal static SourceProfile Profile(string name) =>
        SourceProfiles.Shipped.All.SingleOrDefault(p => p.Name == name)
        ?? throw new InvalidOperationException($"Shipped source profile '{name}' is missing.");
}
