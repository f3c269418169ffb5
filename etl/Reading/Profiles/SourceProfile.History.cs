using Kepegawaian.Etl.Validation;
using System.Text.RegularExpressions;

namespace Kepegawaian.Etl.Reading.Profiles;

internal sealed partial class SourceProfileJson
{
    /// <summary>Virtual source columns holding the previous row's values of the same key (a history file, e.g. SIASN rw-jabatan).</summary>
    public PreviousJson? Previous { get; set; }
    /// <summary>Rows that are not contract records (ordered rules over source columns, any match leaves the row out).</summary>
    public DeriveJson? Skip { get; set; }
}

internal sealed class PreviousJson
{
    /// <summary>Source columns naming whose history a row belongs to (e.g. <c>nipBaru</c>).</summary>
    public string[]? Key { get; set; }
    /// <summary>The source column ordering a key's rows; it must be mapped in <c>columns</c> to a contract date column.</summary>
    public string? Order { get; set; }
    /// <summary>Source column → the name of the virtual column holding that column's value on the key's previous row.</summary>
    public Dictionary<string, string>? Columns { get; set; }
}

/// <summary>
/// <c>previous</c> and <c>skip</c>: what a history file (one row per event, per employee) needs to become contract
/// transactions. An API history names each event's new state only (SIASN rw-jabatan: the new unit and jabatan);
/// where the employee came from is the row before it in the same history. <c>previous</c> sorts the file's rows per
/// key by the order column and offers the prior row's values as extra source columns, usable in <c>columns</c>,
/// <c>derive</c>, <c>lookups</c>, <c>crosswalk</c> and <c>skip</c> like any other. <c>skip</c> leaves out rows that
/// record no contract event (e.g. a new jabatan in the same unit at the same level); the file gets one warning with
/// their count, and they are not counted as read.
/// </summary>
internal sealed partial class SourceProfile
{
    internal sealed record Previous(IReadOnlyList<string> Key, string Order, string OrderTarget, IReadOnlyDictionary<string, string> Columns);

    public Previous? PreviousSpec { get; private set; }

    /// <summary>The <c>skip</c> rules: only their <c>match</c> patterns are used.</summary>
    public Derivation? SkipSpec { get; private set; }

    private void ParseHistory(SourceProfileJson raw, IReadOnlyDictionary<string, string> columns)
    {
        if (raw.Previous is { } pv)
        {
            if (PivotSpec is not null) throw new SourceProfileException(Name, "previous", "tidak dapat dipakai bersama 'pivot'.");
            if (pv.Key is not { Length: > 0 } key || key.Any(string.IsNullOrWhiteSpace))
                throw new SourceProfileException(Name, "previous.key", "kolom kunci riwayat (mis. nipBaru) wajib diisi.");
            if (string.IsNullOrWhiteSpace(pv.Order) || !columns.TryGetValue(pv.Order.Trim(), out var orderTarget)
                || Schema.Columns.First(c => c.Name == orderTarget).Kind != ColumnKind.Date)
                throw new SourceProfileException(Name, "previous.order", $"'{pv.Order}' harus kolom sumber yang dipetakan di 'columns' ke kolom tanggal {Entity} (urutan riwayat).");
            if (pv.Columns is not { Count: > 0 })
                throw new SourceProfileException(Name, "previous.columns", "peta kolom sumber → nama kolom baris sebelumnya wajib diisi.");
            var virtuals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (source, name) in pv.Columns)
            {
                var k = $"previous.columns.{source}";
                if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(source))
                    throw new SourceProfileException(Name, k, "kolom sumber dan nama kolom baris sebelumnya wajib diisi.");
                if (virtuals.Values.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase) || pv.Columns.Keys.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase)
                    || key.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase) || name.Trim().Equals(pv.Order.Trim(), StringComparison.OrdinalIgnoreCase))
                    throw new SourceProfileException(Name, k, $"nama '{name}' sudah dipakai kolom lain di 'previous'; pilih nama baru (mis. {source}Sebelumnya).");
                virtuals[source.Trim()] = name.Trim();
            }
            PreviousSpec = new Previous(key.Select(x => x.Trim()).ToList(), pv.Order.Trim(), orderTarget, virtuals);
        }
        if (raw.Skip is { } s)
        {
            if (PivotSpec is not null) throw new SourceProfileException(Name, "skip", "tidak dapat dipakai bersama 'pivot'.");
            if (s.From is not { Length: > 0 } from || from.Any(string.IsNullOrWhiteSpace))
                throw new SourceProfileException(Name, "skip.from", "kolom sumber yang dibaca aturan wajib diisi.");
            if (s.Rules is not { Length: > 0 }) throw new SourceProfileException(Name, "skip.rules", "daftar aturan wajib diisi.");
            var rules = new List<Rule>();
            for (var r = 0; r < s.Rules.Length; r++)
            {
                var rk = $"skip.rules[{r}]";
                if (s.Rules[r] is { Value: not null } or { Source: not null } or { Template: not null })
                    throw new SourceProfileException(Name, rk, "aturan skip hanya berisi 'match' (baris yang cocok dilewati).");
                rules.Add(new Rule(CompileMatch(Name, rk, s.Rules[r].Match, from), null, -1, null, ParseSame(Name, rk, s.Rules[r].Same, from)));
            }
            SkipSpec = new Derivation(from.Select(f => f.Trim()).ToList(), rules);
        }
    }

    /// <summary>A rule's <c>match</c>: one whole-cell pattern per <c>from</c> column, ignoring case.</summary>
    private static Regex[] CompileMatch(string name, string rk, string[]? match, string[] from)
    {
        if (match is null || match.Length != from.Length)
            throw new SourceProfileException(name, $"{rk}.match", $"harus berisi {from.Length} pola, satu per kolom 'from' ({string.Join(", ", from)}).");
        var regexes = new Regex[match.Length];
        for (var m = 0; m < match.Length; m++)
        {
            try { regexes[m] = new Regex($"^(?:{match[m]})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)); }
            catch (ArgumentException ex) { throw new SourceProfileException(name, $"{rk}.match[{m}]", $"pola '{match[m]}' bukan ekspresi reguler yang sah: {ex.Message}"); }
        }
        return regexes;
    }

    /// <summary>A rule's <c>same</c>: two or more of its <c>from</c> columns that must hold equal cells.</summary>
    private static int[]? ParseSame(string name, string rk, string[]? same, string[] from)
    {
        if (same is null) return null;
        var at = same.Select(c => Array.FindIndex(from, f => f.Trim().Equals(c?.Trim(), StringComparison.OrdinalIgnoreCase))).ToArray();
        if (at.Length < 2 || at.Any(i => i < 0) || at.Distinct().Count() != at.Length)
            throw new SourceProfileException(name, $"{rk}.same", $"harus menyebut dua kolom 'from' atau lebih yang berbeda ({string.Join(", ", from)}).");
        return at;
    }

    /// <summary>Whether a row's <c>skip.from</c> cells (cleaned) match one of the skip rules.</summary>
    public static bool Skips(Derivation skip, string[] cells) => skip.Rules.Any(rule => rule.IsMatch(cells));

    /// <summary>Source columns the history keys read (so they are neither warned about as unmapped nor droppable).</summary>
    internal bool ReadsForHistory(string column) =>
        (PreviousSpec is { } p && (p.Key.Contains(column, StringComparer.OrdinalIgnoreCase) || p.Columns.ContainsKey(column) || p.Columns.Values.Contains(column, StringComparer.OrdinalIgnoreCase)))
        || (SkipSpec is { } s && s.From.Contains(column, StringComparer.OrdinalIgnoreCase));
}
