namespace Kepegawaian.Etl.Reading.Profiles;

/// <summary>
/// The source profiles in force: the shipped ones (<c>etl/Profiles/*.json</c>, embedded) plus the operator's
/// own from <c>Etl:ProfileDir</c>; an operator profile with the same file name replaces the shipped one.
/// Every profile is validated when loaded, so a wrong one stops start-up naming its file and key.
/// </summary>
public sealed class SourceProfiles
{
    private const string ResourcePrefix = "profiles/";
    private static readonly Lazy<SourceProfiles> ShippedOnly = new(() => Load(null));

    private SourceProfiles(IReadOnlyList<SourceProfile> all) => All = all;

    internal IReadOnlyList<SourceProfile> All { get; }

    /// <summary>The profile names in force, for messages and <c>health</c>.</summary>
    public IReadOnlyList<string> Names => All.Select(p => p.Name).ToList();

    /// <summary>The shipped profiles alone (what a runner without configuration uses).</summary>
    public static SourceProfiles Shipped => ShippedOnly.Value;

    /// <summary>Shipped profiles plus every <c>*.json</c> in <paramref name="profileDir"/> (none when null or empty).</summary>
    /// <exception cref="SourceProfileException">A profile is invalid.</exception>
    public static SourceProfiles Load(string? profileDir)
    {
        var byName = new Dictionary<string, SourceProfile>(StringComparer.Ordinal);
        var assembly = typeof(SourceProfiles).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var name = resource[ResourcePrefix.Length..];
            byName[name] = SourceProfile.Parse(name, reader.ReadToEnd());
        }
        if (!string.IsNullOrWhiteSpace(profileDir))
        {
            if (!Directory.Exists(profileDir))
                throw new SourceProfileException(Path.GetFullPath(profileDir), "Etl:ProfileDir", "folder profil tidak ada.");
            foreach (var path in Directory.EnumerateFiles(profileDir, "*.json").Order(StringComparer.Ordinal))
                byName[Path.GetFileName(path)] = SourceProfile.Parse(Path.GetFileName(path), File.ReadAllText(path));
        }
        foreach (var p in byName.Values.SelectMany(p => p.Companions.Prepend(p)))
        {
            p.LookupDir = string.IsNullOrWhiteSpace(profileDir) ? null : Path.GetFullPath(profileDir);
            p.CheckLookupFiles(p.LookupDir);
        }
        return new SourceProfiles(byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>A mapping file named by a profile's <c>lookups</c>: reference data left in the inbox, never loaded or moved.</summary>
    internal bool IsLookupFile(string fileName) =>
        All.SelectMany(p => p.Companions.Prepend(p)).Any(p => p.Lookups.Values.Any(l => l.File.Equals(fileName, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The profiles whose file pattern matches <paramref name="fileName"/> (more than one is an ambiguity the caller refuses).</summary>
    internal IReadOnlyList<SourceProfile> Match(string fileName) => All.Where(p => p.Matches(fileName)).ToList();
}
