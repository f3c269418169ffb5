namespace Kepegawaian.Etl.Reading.Profiles;

internal sealed partial class SourceProfileJson
{
    /// <summary>Contract column → a value resolved from warehouse data by source columns (<see cref="ProfileCrosswalks"/>).</summary>
    public Dictionary<string, CrosswalkJson>? Crosswalk { get; set; }
}

internal sealed class CrosswalkJson
{
    /// <summary>One of <see cref="ProfileCrosswalks.Tables"/> (e.g. <c>pns_id</c>).</summary>
    public string? Table { get; set; }
    public string[]? From { get; set; }
}

internal sealed partial class SourceProfile
{
    /// <summary>Contract column → the warehouse crosswalk that fills it (<c>crosswalk</c>), resolved when the file is loaded.</summary>
    public IReadOnlyDictionary<string, ProfileCrosswalk> Crosswalk { get; private set; } = new Dictionary<string, ProfileCrosswalk>();

    private static Dictionary<string, ProfileCrosswalk> ParseCrosswalk(string name, Dictionary<string, CrosswalkJson>? raw, Action<string, string> provide)
    {
        var result = new Dictionary<string, ProfileCrosswalk>();
        foreach (var (target, x) in raw ?? [])
        {
            var key = $"crosswalk.{target}";
            provide(target, key);
            if (x.Table is not { } table || !ProfileCrosswalks.Tables.TryGetValue(table, out var spec))
                throw new SourceProfileException(name, $"{key}.table", $"'{x.Table}' bukan tabel crosswalk yang dikenal ({string.Join(", ", ProfileCrosswalks.Tables.Keys)}).");
            if (!spec.Gives.Contains(target))
                throw new SourceProfileException(name, $"{key}.table", $"tabel '{table}' mengisi kolom {string.Join(", ", spec.Gives)}, bukan '{target}'.");
            if (x.From is not { } from || from.Length != spec.From || from.Any(string.IsNullOrWhiteSpace))
                throw new SourceProfileException(name, $"{key}.from", $"tabel '{table}' membutuhkan {spec.From} kolom sumber.");
            result[target] = new ProfileCrosswalk(table, from.Select(f => f.Trim()).ToList());
        }
        return result;
    }
}
