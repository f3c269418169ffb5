using Kepegawaian.Etl.Validation;

namespace Kepegawaian.Etl.Reading.Profiles;

internal sealed partial class SourceProfileJson
{
    /// <summary>Contract column → a value looked up in a mapping file by a source column (e.g. an application's internal employee id → NIP).</summary>
    public Dictionary<string, LookupJson>? Lookups { get; set; }
}

internal sealed class LookupJson
{
    /// <summary>The source column whose value is looked up (e.g. <c>peg_id</c>).</summary>
    public string? From { get; set; }
    /// <summary>The mapping file's name (CSV), looked for in the inbox, then in <c>Etl:ProfileDir</c>.</summary>
    public string? File { get; set; }
    /// <summary>The mapping file's column holding the source value ...</summary>
    public string? Key { get; set; }
    /// <summary>... and the one holding the contract value.</summary>
    public string? Value { get; set; }
}

/// <summary>
/// Mapping-file lookups (issue 13: "internal employee id → NIP via a mapping file"). The mapping file is reference
/// data kept by the operator: never loaded as an entity, and only its key and value columns are read, so a name
/// column in it (applications export one) never leaves the file.
/// </summary>
internal sealed partial class SourceProfile
{
    internal sealed record Lookup(string Target, string From, string File, string Key, string Value);

    public IReadOnlyDictionary<string, Lookup> Lookups { get; private set; } = new Dictionary<string, Lookup>();

    /// <summary><c>Etl:ProfileDir</c>, the second place a mapping file is looked for (null: the inbox only).</summary>
    public string? LookupDir { get; internal set; }

    private static Dictionary<string, Lookup> ParseLookups(
        string name, Dictionary<string, LookupJson>? raw, Action<string, string> provide,
        IReadOnlyDictionary<string, string> columns, IReadOnlyDictionary<string, Derivation> derive)
    {
        var result = new Dictionary<string, Lookup>();
        foreach (var (target, l) in raw ?? [])
        {
            var key = $"lookups.{target}";
            provide(target, key);
            string Required(string? value, string part, string what) =>
                string.IsNullOrWhiteSpace(value) ? throw new SourceProfileException(name, $"{key}.{part}", $"{what} wajib diisi.") : value.Trim();
            var from = Required(l.From, "from", "kolom sumber yang dicari di berkas pemetaan");
            var file = Required(l.File, "file", "nama berkas pemetaan (CSV)");
            var k = Required(l.Key, "key", "kolom kunci berkas pemetaan");
            var v = Required(l.Value, "value", "kolom nilai berkas pemetaan");
            if (columns.ContainsKey(from) || derive.Values.Any(d => d.From.Contains(from, StringComparer.OrdinalIgnoreCase)))
                throw new SourceProfileException(name, $"{key}.from", $"'{from}' juga dipetakan di 'columns' atau 'derive'; kolom yang dicari dibaca oleh 'lookups' saja.");
            // A bare name: the file is looked for in the inbox and Etl:ProfileDir only, never elsewhere on disk.
            if (file != Path.GetFileName(file) || file.Contains('/') || file.Contains('\\') || file.StartsWith('.') || RecordSources.FormatOf(file) != "csv")
                throw new SourceProfileException(name, $"{key}.file", $"'{file}' harus nama berkas CSV saja (tanpa folder, tidak diawali titik), mis. ecuti-pegawai.csv.");
            if (k.Equals(v, StringComparison.OrdinalIgnoreCase))
                throw new SourceProfileException(name, $"{key}.value", $"kolom nilai '{v}' sama dengan kolom kunci.");
            result[target] = new Lookup(target, from, file, k, v);
        }
        return result;
    }

    /// <summary>Start-up check: a mapping file already in <paramref name="profileDir"/> must carry the key and value columns.</summary>
    internal void CheckLookupFiles(string? profileDir)
    {
        if (string.IsNullOrWhiteSpace(profileDir)) return;
        foreach (var l in Lookups.Values)
        {
            var path = Path.Combine(profileDir, l.File);
            if (!File.Exists(path)) continue; // it may arrive in the inbox with the export
            try { LookupTable.Open(this, l, path); }
            catch (UnreadableFileException ex) { throw new SourceProfileException(Name, ex.Data["key"] as string ?? $"lookups.{l.Target}.file", ex.Message); }
        }
    }

    /// <summary>As for inbox files (README "Operator: bad files and limits"): a symlink or FIFO is never opened.</summary>
    private static bool IsRegularFile(string path)
    {
        try { return File.Exists(path) && Loading.InboxFileSystem.KindOf(path) == Loading.EntryKind.Regular; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>The mapping tables for a file being read from <paramref name="inboxDir"/>.</summary>
    internal Dictionary<string, LookupTable> OpenLookups(string inboxDir)
    {
        var tables = new Dictionary<string, LookupTable>();
        foreach (var l in Lookups.Values)
        {
            var path = new[] { inboxDir, LookupDir }.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => Path.Combine(d!, l.File)).FirstOrDefault(IsRegularFile)
                ?? throw new UnreadableFileException($"Berkas pemetaan '{l.File}' (profil {Name}: lookups.{l.Target}.file) tidak ada di inbox{(LookupDir is null ? "" : " maupun di Etl:ProfileDir")}; tidak ada baris yang dimuat.");
            tables[l.Target] = LookupTable.Open(this, l, path);
        }
        return tables;
    }
}

/// <summary>One mapping file read into memory: source value → contract value.</summary>
internal sealed class LookupTable
{
    /// <summary>A mapping file holds one row per employee or unit; more than this is not a mapping file.</summary>
    public const int MaxRows = 1_000_000;

    private readonly Dictionary<string, string> map;

    private LookupTable(SourceProfile.Lookup lookup, Dictionary<string, string> map) => (Lookup, this.map) = (lookup, map);

    public SourceProfile.Lookup Lookup { get; }

    public bool TryGet(string key, out string value) => map.TryGetValue(key, out value!);

    public static LookupTable Open(SourceProfile profile, SourceProfile.Lookup l, string path)
    {
        using var csv = RecordSources.Open(path, "csv");
        int Find(string column, string part)
        {
            for (var i = 0; i < csv.Header.Count; i++)
                if (csv.Header[i].Trim().Equals(column, StringComparison.OrdinalIgnoreCase)) return i;
            var ex = new UnreadableFileException($"Berkas pemetaan '{l.File}' tidak memuat kolom '{column}' (profil {profile.Name}: lookups.{l.Target}.{part}); kolomnya: {string.Join(", ", csv.Header.Take(10))}.");
            ex.Data["key"] = $"lookups.{l.Target}.{part}";
            throw ex;
        }
        int k = Find(l.Key, "key"), v = Find(l.Value, "value");
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            if (map.Count >= MaxRows)
                throw new UnreadableFileException($"Berkas pemetaan '{l.File}' memuat lebih dari {RecordLimits.N(MaxRows)} baris.");
            var key = profile.Clean(csv.Field(k).ToString());
            var value = profile.Clean(csv.Field(v).ToString());
            if (key.Length == 0) continue;
            // Two answers for one id: which employee a request belongs to would be a guess.
            if (map.TryGetValue(key, out var earlier) && earlier != value)
                throw new UnreadableFileException($"Berkas pemetaan '{l.File}' baris {csv.LineNumber}: {l.Key} '{key}' dipetakan dua kali ('{earlier}' dan '{value}') (profil {profile.Name}: lookups.{l.Target}).");
            map[key] = value;
        }
        return new LookupTable(l, map);
    }
}
