using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Etl.Reading.Profiles;

internal sealed partial class SourceProfileJson
{
    /// <summary>
    /// Contract entity → a profile for a second entity read from the SAME file (e.g. unit_kerja from the UNOR columns of
    /// the SIASN export): no <c>file</c> of its own, loaded before this profile's rows in the same transaction.
    /// </summary>
    public Dictionary<string, SourceProfileJson>? Also { get; set; }
    /// <summary>One record per key (the entity's natural key), the first: one row per unit from an export with one row per employee.</summary>
    public bool? Distinct { get; set; }
    /// <summary>unit_kerja only: a unit the warehouse already holds is left as it is (counted unchanged), never overwritten.</summary>
    public bool? KeepKnown { get; set; }
}

internal sealed partial class SourceProfile
{
    /// <summary>The profiles of <c>also</c>: other entities read from the same file, loaded first (their entity loads earlier, Codes.Entities).</summary>
    public IReadOnlyList<SourceProfile> Companions { get; private set; } = [];

    /// <summary>Read through another profile's <c>also</c>: selects no file itself, and its unmapped columns are that profile's business.</summary>
    public bool IsCompanion { get; private set; }

    /// <summary><c>distinct</c>: a record whose key an earlier record had is not read (the first one stands for the key).</summary>
    public bool Distinct { get; private set; }

    /// <summary><c>keepKnown</c>: a row whose unit the warehouse holds already is counted unchanged and not merged.</summary>
    public bool KeepKnown { get; private set; }

    private static void ParseOptions(string name, SourceProfileJson raw, SourceProfile profile)
    {
        profile.Distinct = raw.Distinct ?? false;
        profile.KeepKnown = raw.KeepKnown ?? false;
        // The unit dimension has no history: overwriting a richer row (jenis_unit, kode_induk, populasi from the contract
        // file) with a source that lacks those columns would lose them. Facts and employees keep corrections as history.
        if (profile.KeepKnown && profile.Entity != "unit_kerja")
            throw new SourceProfileException(name, "keepKnown", $"hanya untuk entitas unit_kerja, bukan {profile.Entity}.");
        if (profile.Distinct && profile.PivotSpec is not null)
            throw new SourceProfileException(name, "distinct", "tidak dapat dipakai bersama 'pivot'.");
        if (profile.Distinct && !profile.Targets.Contains(profile.Schema.Key.Name))
            throw new SourceProfileException(name, "distinct", $"kunci {profile.Entity} '{profile.Schema.Key.Name}' tidak diisi profil ini.");
    }

    /// <summary>
    /// The <c>also</c> profiles of <paramref name="parent"/>. Each inherits what describes the FILE rather than the entity:
    /// <c>nulls</c>, <c>trimStart</c> and, for a contract column it maps too, the parent's value table (so the operator's
    /// UNOR id → kode_unit table is written once and serves pegawai.kode_unit and unit_kerja.kode_unit alike).
    /// A fault is reported with the key path from the parent file (<c>also.unit_kerja.columns.…</c>).
    /// </summary>
    private static List<SourceProfile> ParseCompanions(string name, SourceProfileJson raw, SourceProfile parent)
    {
        var result = new List<SourceProfile>();
        foreach (var (entity, sub) in raw.Also ?? [])
        {
            var key = $"also.{entity}";
            if (sub.Also is not null) throw new SourceProfileException(name, $"{key}.also", "profil 'also' tidak boleh bertingkat.");
            if (sub.File is not null) throw new SourceProfileException(name, $"{key}.file", "profil 'also' membaca berkas profil induknya; hapus 'file'.");
            if (sub.Entity is not null && sub.Entity != entity)
                throw new SourceProfileException(name, $"{key}.entity", $"'{sub.Entity}' berbeda dari kunci '{entity}'; hapus 'entity' atau samakan.");
            var order = Codes.Entities.ToList();
            if (!order.Contains(entity)) throw new SourceProfileException(name, key, $"'{entity}' bukan entitas kontrak ({string.Join(", ", order)}).");
            // Rows of the parent may reference the companion's rows (pegawai.kode_unit → unit_kerja), so it loads first,
            // and only an entity that a run loads earlier can: the order is spec §3.8's.
            if (order.IndexOf(entity) >= order.IndexOf(parent.Entity))
                throw new SourceProfileException(name, key, $"{entity} dimuat setelah {parent.Entity} (urutan {string.Join(", ", order)}); 'also' hanya untuk entitas yang dimuat lebih dulu.");
            sub.Entity = entity;
            sub.File = raw.File;
            sub.Nulls ??= raw.Nulls;
            sub.TrimStart ??= raw.TrimStart;
            var maps = (sub.Columns?.Values ?? Enumerable.Empty<string>()).Concat(sub.Derive?.Keys ?? Enumerable.Empty<string>())
                .Concat(sub.Lookups?.Keys ?? Enumerable.Empty<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var (target, table) in raw.Values ?? [])
                if (maps.Contains(target) && !(sub.Values?.ContainsKey(target) ?? false))
                    (sub.Values ??= [])[target] = table;
            SourceProfile companion;
            try { companion = Build(name, sub, companion: true); }
            catch (SourceProfileException ex) when (ex.File == name)
            {
                throw new SourceProfileException(name, $"{key}.{ex.Key}", ex.Detail);
            }
            result.Add(companion);
        }
        return result;
    }
}
