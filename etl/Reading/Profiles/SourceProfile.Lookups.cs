namespace Kepegawaian.Etl.Reading.Profiles;

internal sealed partial class SourceProfile
{
    /// <summary>Contract column → the warehouse lookup that fills it (<c>lookup</c>), resolved when the file is loaded.</summary>
    public IReadOnlyDictionary<string, ProfileLookup> Lookup { get; private set; } = new Dictionary<string, ProfileLookup>();

    private static Dictionary<string, ProfileLookup> ParseLookups(string name, Dictionary<string, LookupJson>? raw, Action<string, string> provide)
    {
        var result = new Dictionary<string, ProfileLookup>();
        foreach (var (target, l) in raw ?? [])
        {
            var key = $"lookup.{target}";
            provide(target, key);
            if (l.Table is not { } table || !ProfileLookups.Tables.TryGetValue(table, out var spec))
                throw new SourceProfileException(name, $"{key}.table", $"'{l.Table}' bukan tabel pencarian yang dikenal ({string.Join(", ", ProfileLookups.Tables.Keys)}).");
            if (!spec.Gives.Contains(target))
                throw new SourceProfileException(name, $"{key}.table", $"tabel '{table}' mengisi kolom {string.Join(", ", spec.Gives)}, bukan '{target}'.");
            if (l.From is not { } from || from.Length != spec.From || from.Any(string.IsNullOrWhiteSpace))
                throw new SourceProfileException(name, $"{key}.from", $"tabel '{table}' membutuhkan {spec.From} kolom sumber.");
            result[target] = new ProfileLookup(table, from.Select(f => f.Trim()).ToList());
        }
        return result;
    }
}
