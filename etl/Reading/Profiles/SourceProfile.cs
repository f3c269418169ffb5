using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Kepegawaian.Etl.Validation;

namespace Kepegawaian.Etl.Reading.Profiles;

/// <summary>A profile that cannot be used; names the profile file and the JSON key at fault (issue 13 item 1).</summary>
public sealed class SourceProfileException(string file, string key, string message)
    : Exception($"Profil sumber '{file}', kunci '{key}': {message}")
{
    public string File { get; } = file;
    public string Key { get; } = key;
    /// <summary>The message without the file and key.</summary>
    public string Detail { get; } = message;
}

/// <summary>
/// The JSON shape of a source profile (README "Sumber data"). Unknown keys are an error, so a typo
/// ("colums") fails at start-up instead of silently dropping a mapping.
/// </summary>
internal sealed partial class SourceProfileJson
{
    public string? Description { get; set; }
    public string? Entity { get; set; }
    public string? File { get; set; }
    /// <summary>Source column → contract column. Source columns not named here (or in the pivot) are never read.</summary>
    public Dictionary<string, string>? Columns { get; set; }
    /// <summary>Contract column → (source value → contract value); a value not in the table passes unchanged to validation.</summary>
    public Dictionary<string, Dictionary<string, string>>? Values { get; set; }
    /// <summary>Contract column (date or timestamp) → .NET exact formats tried in order.</summary>
    public Dictionary<string, string[]>? Dates { get; set; }
    /// <summary>Contract column → the same value on every row (e.g. the unit of a single-unit survey application).</summary>
    public Dictionary<string, string>? Constants { get; set; }
    /// <summary>Source columns known and deliberately not read (personal data); others unmapped are warned about by name.</summary>
    public string[]? Drop { get; set; }
    public PivotJson? Pivot { get; set; }
    /// <summary>Cell texts that mean "empty" in this source (e.g. SIASN's literal <c>null</c>), compared ignoring case.</summary>
    public string[]? Nulls { get; set; }
    /// <summary>Characters removed from the start of every cell read (e.g. <c>'</c>, the spreadsheet text guard on NIP/NIK).</summary>
    public string? TrimStart { get; set; }
    /// <summary>Contract column → a value decided by several source columns (ordered rules, first match wins).</summary>
    public Dictionary<string, DeriveJson>? Derive { get; set; }
}

internal sealed class DeriveJson
{
    /// <summary>The source columns the rules look at, in the order of each rule's <c>match</c>.</summary>
    public string[]? From { get; set; }
    public RuleJson[]? Rules { get; set; }
}

internal sealed class RuleJson
{
    /// <summary>One regular expression per <c>from</c> column, matched against the whole cell (ignoring case).</summary>
    public string[]? Match { get; set; }
    /// <summary>The contract value when the rule matches ...</summary>
    public string? Value { get; set; }
    /// <summary>... or the <c>from</c> column whose (cleaned) value is taken, then mapped by <c>values</c> ...</summary>
    public string? Source { get; set; }
    /// <summary>... or text composed from the <c>from</c> columns (<see cref="ProfileTemplate"/>).</summary>
    public string? Template { get; set; }
    /// <summary>Optional: <c>from</c> columns whose cells must also be equal (ignoring case) for the rule to match, e.g. a unit and the previous row's unit.</summary>
    public string[]? Same { get; set; }
}

internal sealed class PivotJson
{
    /// <summary>Source columns whose values identify one record (e.g. the respondent id).</summary>
    public string[]? Key { get; set; }
    public string? Question { get; set; }
    public string? Answer { get; set; }
    /// <summary>Question id (as written in the source) → contract column.</summary>
    public Dictionary<string, string>? Targets { get; set; }
}

/// <summary>
/// A validated source profile: maps the columns and codes of one source system's export onto a contract
/// entity (<see cref="EntitySchemas"/>, the one description of the columns) before validation runs.
/// </summary>
internal sealed partial class SourceProfile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private SourceProfile(string name, EntitySchema schema, Regex pattern)
    {
        Name = name;
        Schema = schema;
        Pattern = pattern;
    }

    /// <summary>The profile's file name (e.g. <c>skm-wide.json</c>), as messages name it.</summary>
    public string Name { get; }
    public EntitySchema Schema { get; }
    public string Entity => Schema.Entity;
    public Regex Pattern { get; }

    /// <summary>Source column → contract column (case-insensitive source names).</summary>
    public IReadOnlyDictionary<string, string> Columns { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values { get; private set; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();
    public IReadOnlyDictionary<string, string[]> Dates { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyDictionary<string, string> Constants { get; private set; } = new Dictionary<string, string>();
    /// <summary>Contract columns filled from named groups of <see cref="Pattern"/>.</summary>
    public IReadOnlyList<string> FromFileName { get; private set; } = [];
    public IReadOnlySet<string> Drop { get; private set; } = new HashSet<string>();
    public Pivot? PivotSpec { get; private set; }

    /// <summary>A contract column decided by ordered rules over several source columns (<c>derive</c>).</summary>
    internal sealed record Derivation(IReadOnlyList<string> From, IReadOnlyList<Rule> Rules);
    internal sealed record Rule(Regex[] Match, string? Value, int Source, ProfileTemplate? Template = null, int[]? Same = null)
    {
        public bool IsMatch(string[] cells)
        {
            for (var i = 0; i < Match.Length; i++) if (!Match[i].IsMatch(cells[i])) return false;
            return Same is null || Same.All(s => cells[s].Equals(cells[Same[0]], StringComparison.OrdinalIgnoreCase));
        }
    }

    public IReadOnlyDictionary<string, Derivation> Derive { get; private set; } = new Dictionary<string, Derivation>();
    private HashSet<string> nulls = new(StringComparer.OrdinalIgnoreCase);
    private char[] trimStart = [];

    /// <summary>The <c>trimStart</c> characters (the generator writes the first one before long digit strings, as the source does).</summary>
    public IReadOnlyList<char> TrimStartChars => trimStart;

    /// <summary>A source cell as the profile reads it: surrounding spaces and <c>trimStart</c> characters off, a null token empty.</summary>
    public string Clean(string value)
    {
        value = value.Trim();
        if (trimStart.Length > 0) value = value.TrimStart(trimStart);
        return nulls.Contains(value) ? "" : value;
    }

    /// <summary>
    /// The value of a derived column from its source cells (cleaned): the first rule whose every pattern matches.
    /// No rule matching passes the cells on joined with " + ", so validation rejects them naming the source columns.
    /// </summary>
    public static string Decide(Derivation d, string[] cells)
    {
        foreach (var rule in d.Rules)
        {
            if (rule.IsMatch(cells)) return rule.Template?.Render(cells) ?? rule.Value ?? cells[rule.Source];
        }
        return cells.All(c => c.Length == 0) ? "" : string.Join(" + ", cells);
    }

    internal sealed record Pivot(IReadOnlyList<string> Key, string Question, string Answer, IReadOnlyDictionary<string, string> Targets);

    /// <summary>The contract columns this profile provides, in schema order: the header validation sees.</summary>
    public IReadOnlyList<string> Targets { get; private set; } = [];

    // Per target index, so the per-cell transform does no lookups by name.
    private string[]?[] formatOf = [];
    private bool[] isDate = [];
    private IReadOnlyDictionary<string, string>?[] mapOf = [];

    public bool Matches(string fileName) => Pattern.IsMatch(fileName);

    /// <summary>Where a contract column comes from, for the rejects ledger and messages: the SOURCE column.</summary>
    public string SourceOf(string target)
    {
        foreach (var (source, t) in Columns) if (t == target) return source;
        if (PivotSpec is { } p)
            foreach (var (q, t) in p.Targets) if (t == target) return $"{p.Answer} ({p.Question}={q})";
        if (Derive.TryGetValue(target, out var d)) return string.Join(" + ", d.From);
        if (Lookups.TryGetValue(target, out var l)) return l.From;
        if (Crosswalk.TryGetValue(target, out var x)) return string.Join(" + ", x.From);
        if (WorkingDays.TryGetValue(target, out var w)) return string.Join(" + ", w.From);
        if (Constants.ContainsKey(target)) return $"{Name}:constants.{target}";
        if (FromFileName.Contains(target)) return $"nama berkas ({target})";
        return target;
    }

    public static SourceProfile Parse(string name, string json)
    {
        SourceProfileJson? raw;
        try { raw = JsonSerializer.Deserialize<SourceProfileJson>(json, Json); }
        catch (JsonException ex)
        {
            throw new SourceProfileException(name, ex.Path ?? "$", $"JSON tidak sah atau kunci tidak dikenal ({ex.Message.Split(". ")[0]}). Kunci yang dikenal: description, entity, file, columns, values, dates, constants, drop, pivot, nulls, trimStart, derive, previous, skip, lookups, crosswalk, workingDays, also, distinct, keepKnown.");
        }
        if (raw is null) throw new SourceProfileException(name, "$", "berkas kosong.");
        var profile = Build(name, raw, companion: false);
        profile.Companions = ParseCompanions(name, raw, profile);
        return profile;
    }

    private static SourceProfile Build(string name, SourceProfileJson raw, bool companion)
    {

        var schema = EntitySchemas.All.FirstOrDefault(s => s.Entity == raw.Entity)
            ?? throw new SourceProfileException(name, "entity", $"'{raw.Entity}' bukan entitas kontrak ({string.Join(", ", EntitySchemas.All.Select(s => s.Entity))}).");
        if (string.IsNullOrWhiteSpace(raw.File)) throw new SourceProfileException(name, "file", "pola nama berkas wajib diisi (ekspresi reguler).");
        Regex pattern;
        try { pattern = new Regex(raw.File, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)); }
        catch (ArgumentException ex) { throw new SourceProfileException(name, "file", $"pola '{raw.File}' bukan ekspresi reguler yang sah: {ex.Message}"); }

        var profile = new SourceProfile(name, schema, pattern);
        var provided = new Dictionary<string, string>(); // target → the key that provides it
        void Provide(string target, string key)
        {
            var col = schema.Columns.FirstOrDefault(c => c.Name == target);
            if (col is null || col.Derived)
                throw new SourceProfileException(name, key, $"'{target}' bukan kolom {schema.Entity} ({string.Join(", ", schema.Columns.Where(c => !c.Derived).Select(c => c.Name))}).");
            if (!provided.TryAdd(target, key))
                throw new SourceProfileException(name, key, $"kolom {schema.Entity} '{target}' sudah diisi oleh '{provided[target]}'; satu kolom kontrak, satu sumber.");
        }

        profile.IsCompanion = companion;
        // A companion reads its parent's file; the parent's named groups fill the parent's columns, not its own.
        var fromName = companion ? [] : pattern.GetGroupNames().Where(g => !int.TryParse(g, out _)).ToList();
        foreach (var g in fromName) Provide(g, "file");
        profile.FromFileName = fromName;

        var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (source, target) in raw.Columns ?? [])
        {
            Provide(target, $"columns.{source}");
            if (!columns.TryAdd(source.Trim(), target))
                throw new SourceProfileException(name, $"columns.{source}", "kolom sumber disebut dua kali (nama kolom dibandingkan tanpa membedakan huruf besar/kecil).");
        }
        profile.Columns = columns;

        foreach (var (target, value) in raw.Constants ?? [])
        {
            Provide(target, $"constants.{target}");
            if (string.IsNullOrWhiteSpace(value)) throw new SourceProfileException(name, $"constants.{target}", "nilai tetap kosong; hapus kuncinya bila kolom tidak diisi.");
        }
        profile.Constants = raw.Constants ?? [];

        var derive = new Dictionary<string, Derivation>();
        foreach (var (target, d) in raw.Derive ?? [])
        {
            var key = $"derive.{target}";
            Provide(target, key);
            if (d.From is not { Length: > 0 } from || from.Any(string.IsNullOrWhiteSpace))
                throw new SourceProfileException(name, $"{key}.from", "kolom sumber yang dibaca aturan wajib diisi.");
            foreach (var f in from)
                if (columns.ContainsKey(f.Trim()))
                    throw new SourceProfileException(name, $"{key}.from", $"'{f}' juga dipetakan di 'columns'; kolom yang diturunkan dibaca oleh 'derive' saja.");
            if (d.Rules is not { Length: > 0 }) throw new SourceProfileException(name, $"{key}.rules", "daftar aturan wajib diisi.");
            var rules = new List<Rule>();
            for (var r = 0; r < d.Rules.Length; r++)
            {
                var rule = d.Rules[r];
                var rk = $"{key}.rules[{r}]";
                var regexes = CompileMatch(name, rk, rule.Match, from);
                var source = -1;
                if (new[] { rule.Value, rule.Source, rule.Template }.Count(x => x is not null) != 1)
                    throw new SourceProfileException(name, rk, "isi tepat satu dari 'value' (nilai kontrak), 'source' (kolom 'from' yang nilainya diambil) atau 'template' (teks dengan {kolom}).");
                ProfileTemplate? template = null;
                if (rule.Template is { } tt)
                {
                    template = ProfileTemplate.Parse(tt, from.Select(f => f.Trim()).ToList(), out var problem);
                    if (problem is not null) throw new SourceProfileException(name, $"{rk}.template", problem);
                }
                if (rule.Source is { } src && (source = Array.FindIndex(from, f => f.Trim().Equals(src.Trim(), StringComparison.OrdinalIgnoreCase))) < 0)
                    throw new SourceProfileException(name, $"{rk}.source", $"'{src}' bukan salah satu kolom 'from' ({string.Join(", ", from)}).");
                if (rule.Value is { } v && schema.Columns.First(c => c.Name == target).Codes is { } codes && FieldParsers.MatchCode(v, codes) is null)
                    throw new SourceProfileException(name, $"{rk}.value", $"'{v}' bukan kode {target} ({string.Join(", ", codes)}).");
                rules.Add(new Rule(regexes, rule.Value, source, template, ParseSame(name, rk, rule.Same, from)));
            }
            derive[target] = new Derivation(from.Select(f => f.Trim()).ToList(), rules);
        }
        profile.Derive = derive;
        profile.Lookups = ParseLookups(name, raw.Lookups, Provide, columns, derive);
        profile.Crosswalk = ParseCrosswalk(name, raw.Crosswalk, Provide);
        profile.WorkingDays = ParseWorkingDays(name, raw, schema, Provide, columns);
        profile.nulls = new HashSet<string>((raw.Nulls ?? []).Select(n => n.Trim()), StringComparer.OrdinalIgnoreCase);
        if (profile.nulls.Contains("")) throw new SourceProfileException(name, "nulls", "token kosong tidak perlu disebut (sel kosong selalu kosong).");
        profile.trimStart = (raw.TrimStart ?? "").ToCharArray();

        if (raw.Pivot is { } pv)
        {
            if (pv.Key is not { Length: > 0 }) throw new SourceProfileException(name, "pivot.key", "kolom kunci (mis. id responden) wajib diisi.");
            foreach (var k in pv.Key)
                if (!columns.ContainsKey(k)) throw new SourceProfileException(name, "pivot.key", $"kolom kunci '{k}' harus dipetakan di 'columns' (mis. ke id_responden).");
            if (string.IsNullOrWhiteSpace(pv.Question)) throw new SourceProfileException(name, "pivot.question", "kolom id pertanyaan wajib diisi.");
            if (string.IsNullOrWhiteSpace(pv.Answer)) throw new SourceProfileException(name, "pivot.answer", "kolom jawaban wajib diisi.");
            foreach (var (key, col) in new[] { ("pivot.question", pv.Question), ("pivot.answer", pv.Answer) })
                if (columns.ContainsKey(col)) throw new SourceProfileException(name, key, $"'{col}' juga dipetakan di 'columns'; kolom pivot dibaca oleh pivot saja.");
            if (pv.Targets is not { Count: > 0 }) throw new SourceProfileException(name, "pivot.targets", "peta id pertanyaan → kolom wajib diisi.");
            var targets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (q, target) in pv.Targets)
            {
                Provide(target, $"pivot.targets.{q}");
                targets[q.Trim()] = target;
            }
            profile.PivotSpec = new Pivot(pv.Key, pv.Question.Trim(), pv.Answer.Trim(), targets);
        }

        profile.ParseHistory(raw, columns);
        if (profile.PivotSpec is not null && profile.Crosswalk.Count > 0)
            throw new SourceProfileException(name, "crosswalk", "tidak dapat dipakai bersama 'pivot' (satu rekaman pivot dibentuk dari banyak baris).");
        // Validation needs every contract column a contract file must carry (Optional = false).
        var missing = schema.Columns.Where(c => !c.Derived && !c.Optional && !provided.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw new SourceProfileException(name, "columns", $"kolom wajib {schema.Entity} tidak dipetakan: {string.Join(", ", missing)} (petakan di 'columns', isi di 'constants', 'derive', 'workingDays', 'pivot.targets' atau grup bernama di 'file').");

        var values = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var (target, map) in raw.Values ?? [])
        {
            if (!provided.ContainsKey(target))
                throw new SourceProfileException(name, $"values.{target}", $"'{target}' bukan kolom {schema.Entity} yang diisi profil ini.");
            var col = schema.Columns.First(c => c.Name == target);
            foreach (var (from, to) in map)
                if (col.Codes is { } codes && FieldParsers.MatchCode(to, codes) is null)
                    throw new SourceProfileException(name, $"values.{target}.{from}", $"'{to}' bukan kode {target} ({string.Join(", ", codes)}).");
            var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (from, to) in map)
                if (!table.TryAdd(from.Trim(), to))
                    throw new SourceProfileException(name, $"values.{target}.{from}", "nilai sumber disebut dua kali (huruf besar/kecil tidak dibedakan).");
            values[target] = table;
        }
        profile.Values = values;

        // Not this year: a format without a year would read back with the current one.
        var sample = new DateTime(2001, 11, 23, 13, 45, 30);
        foreach (var (target, formats) in raw.Dates ?? [])
        {
            if (!provided.ContainsKey(target) || schema.Columns.First(c => c.Name == target).Kind is not (ColumnKind.Date or ColumnKind.Timestamp))
                throw new SourceProfileException(name, $"dates.{target}", $"'{target}' bukan kolom tanggal/waktu {schema.Entity} yang diisi profil ini.");
            for (var i = 0; i < formats.Length; i++)
            {
                // A format that cannot read back what it writes (e.g. 'dd-MM-yyy', 'tanggal') is a typo, not a format.
                var ok = false;
                try { ok = DateTime.TryParseExact(sample.ToString(formats[i], CultureInfo.InvariantCulture), formats[i], CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back.Date == sample.Date; }
                catch (FormatException) { }
                if (!ok) throw new SourceProfileException(name, $"dates.{target}[{i}]", $"'{formats[i]}' bukan format tanggal .NET yang dapat dibaca (contoh: dd-MM-yyyy, yyyy-MM-dd HH:mm:ss).");
            }
        }
        profile.Dates = raw.Dates ?? [];

        var drop = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (raw.Drop?.Length ?? 0); i++)
        {
            var d = raw.Drop![i].Trim();
            if (columns.ContainsKey(d) || derive.Values.Any(x => x.From.Contains(d, StringComparer.OrdinalIgnoreCase)) || profile.Lookups.Values.Any(l => l.From.Equals(d, StringComparison.OrdinalIgnoreCase)) || profile.Crosswalk.Values.Any(x => x.From.Contains(d, StringComparer.OrdinalIgnoreCase)) || profile.ReadsForHistory(d) || profile.ReadsForWorkingDays(d) || (profile.PivotSpec is { } p && (p.Question.Equals(d, StringComparison.OrdinalIgnoreCase) || p.Answer.Equals(d, StringComparison.OrdinalIgnoreCase))))
                throw new SourceProfileException(name, $"drop[{i}]", $"'{d}' dibuang sekaligus dipetakan; pilih salah satu.");
            drop.Add(d);
        }
        profile.Drop = drop;
        profile.Targets = schema.Columns.Where(c => provided.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        profile.formatOf = profile.Targets.Select(t => profile.Dates.GetValueOrDefault(t)).ToArray();
        profile.isDate = profile.Targets.Select(t => schema.Columns.First(c => c.Name == t).Kind == ColumnKind.Date).ToArray();
        profile.mapOf = profile.Targets.Select(t => profile.Values.GetValueOrDefault(t)).ToArray();
        ParseOptions(name, raw, profile);
        return profile;
    }

    /// <summary>A source value as the contract reads it: date formats first, then the value table.</summary>
    public string Transform(int targetIndex, string value)
    {
        if (value.Length == 0) return value;
        if (formatOf[targetIndex] is { } formats)
        {
            if (DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                value = isDate[targetIndex] ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            // Not in a listed format: passed on as written, so validation rejects it naming the source column.
        }
        if (mapOf[targetIndex] is { } map && map.TryGetValue(value, out var mapped)) value = mapped;
        return value;
    }
}
