using Kepegawaian.Analytics.Penempatan;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>
/// Reads the published staff-composition rows as a reader would (layout knowledge only, not the code's rule): every shown
/// count, plus the headcounts the retirement and tenure tables publish, is known; the sums the tables publish are equations —
/// a row's pegawai = its parts, a unit's or the city's "semua" = its groups, formasi's fungsional = the fungsional jenjang
/// groups, the city = its units, one headcount in two tables = itself. Solving them repeatedly (a line with one unknown gives
/// it), it lists every count of 1–4 shown or derived, every set of hidden cells of one line whose derived sum is 1–4, and every
/// headcount two tables publish differently.
/// </summary>
internal static class KomposisiLeaks
{
    public static List<string> Find(IReadOnlyList<KesesuaianPublikRow> kes, IReadOnlyList<FormasiPublikRow> gol, PenempatanResult? penempatan, int min = 5)
    {
        var leaks = new List<string>();
        bool Small(long v) => v > 0 && v < min;
        var value = new Dictionary<string, long?>(StringComparer.Ordinal);
        var lines = new List<(string Total, List<string> Parts)>();
        string Key(string table, string unit, string group, string col) => $"{table}|{unit}|{group}|{col}";
        void Known(string key, long? v)
        {
            if (!value.TryGetValue(key, out var old) || old is null) value[key] = v;
            else if (v is not null && v != old) leaks.Add($"{key}: published as {old} and as {v}");
        }
        var rows = new List<(string Table, string Unit, string Group, (string Col, long? V)[] Cells)>();
        rows.AddRange(kes.Select(r => ("kes", r.KodeUnit, r.Kelompok, new[] { ("pegawai", r.Pegawai), ("kurang", r.Kurang), ("sesuai", r.Sesuai), ("tidak", r.TidakDiketahui) })));
        rows.AddRange(gol.Select(r => ("gol", r.KodeUnit, r.JenisJabatan, new[]
        {
            ("pegawai", r.Pegawai), ("I", r.GolI), ("II", r.GolII), ("III", r.GolIII), ("IV", r.GolIV), ("pppk", r.Pppk), ("tdk", r.GolonganTidakDiketahui),
        })));
        foreach (var (table, unit, group, cells) in rows)
        {
            foreach (var (col, v) in cells) Known(Key(table, unit, group, col), v);
            lines.Add((Key(table, unit, group, "pegawai"), cells.Skip(1).Select(c => Key(table, unit, group, c.Col)).ToList()));
        }
        foreach (var g in rows.GroupBy(r => (r.Table, r.Unit)))
            foreach (var (col, _) in g.First().Cells)
                lines.Add((Key(g.Key.Table, g.Key.Unit, KomposisiAnalysis.Semua, col),
                    g.Where(r => r.Group != KomposisiAnalysis.Semua).Select(r => Key(g.Key.Table, g.Key.Unit, r.Group, col)).ToList()));
        foreach (var g in rows.Where(r => r.Unit == KomposisiAnalysis.KodeKota))
            foreach (var (col, _) in g.Cells)
                lines.Add((Key(g.Table, g.Unit, g.Group, col),
                    rows.Where(r => r.Table == g.Table && r.Group == g.Group && r.Unit != KomposisiAnalysis.KodeKota).Select(r => Key(r.Table, r.Unit, r.Group, col)).ToList()));
        foreach (var f in rows.Where(r => r.Table == "gol"))
        {
            if (f.Group == "fungsional")
                lines.Add((Key("gol", f.Unit, f.Group, "pegawai"), rows.Where(r => r.Table == "kes" && r.Unit == f.Unit && r.Group.StartsWith("fungsional_", StringComparison.Ordinal))
                    .Select(r => Key("kes", r.Unit, r.Group, "pegawai")).ToList()));
            else if (rows.Any(r => r.Table == "kes" && r.Unit == f.Unit && r.Group == f.Group))
                lines.Add((Key("gol", f.Unit, f.Group, "pegawai"), [Key("kes", f.Unit, f.Group, "pegawai")]));
        }
        if (penempatan is not null)
        {
            foreach (var p in PenempatanPublik.Pensiun(penempatan, min)) Known(Key("kes", p.KodeUnit, p.Kelompok, "pegawai"), p.Pegawai);
            foreach (var m in PenempatanPublik.MasaKerja(penempatan, min)) Known(Key("kes", m.KodeUnit, KomposisiAnalysis.Semua, "pegawai"), m.Pegawai);
        }
        foreach (var (key, v) in value)
            if (v is { } n && Small(n)) leaks.Add($"{key} = {n} shown");

        var derived = new HashSet<string>(StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (total, parts) in lines.Where(l => l.Parts.Count > 0))
            {
                var unknown = parts.Prepend(total).Where(k => value.GetValueOrDefault(k) is null).Distinct().ToList();
                if (unknown.Count != 1) continue;
                var u = unknown[0];
                var v = u == total ? parts.Sum(p => value[p]!.Value) : value[total]!.Value - parts.Where(p => p != u).Sum(p => value[p]!.Value);
                value[u] = v;
                derived.Add(u);
                changed = true;
                if (Small(v)) leaks.Add($"{u} = {v} derived");
            }
        }
        foreach (var (total, parts) in lines)
            if (value.GetValueOrDefault(total) is { } t && parts.Count(p => value.GetValueOrDefault(p) is null) > 1
                && t - parts.Sum(p => value.GetValueOrDefault(p) ?? 0) is var rest && Small(rest))
                leaks.Add($"{total}: hidden parts add up to {rest}");
        return leaks;
    }
}
