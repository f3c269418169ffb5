using System.Text;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Content;
using Kepegawaian.Reports.Data;

namespace Kepegawaian.Reports.Weekly;

/// <summary>One figure of a unit section: what, for which period, the unit's value, and the city's beside it.</summary>
public sealed record UnitFigure(string Title, string Period, string Value, string City);

/// <summary>
/// The section a recipient bound to a unit (<c>Delivery:Recipients:i:Unit</c>) gets beside the city brief: the unit and its
/// descendants (<see cref="Members"/>), their figures against the city's, and "Perlu tindakan" restricted to them.
/// </summary>
public sealed record UnitBrief(string KodeUnit, string NamaUnit, IReadOnlyList<string> Members, IReadOnlyList<UnitFigure> Figures,
    IReadOnlyList<ActionGroup> Actions, IReadOnlyList<string> Notes)
{
    public const int MembersShown = 20;

    public string Heading(ReportText t) => t.T($"Ringkasan unit: {NamaUnit} ({KodeUnit})", $"Unit summary: {NamaUnit} ({KodeUnit})");

    private string Scope(ReportText t)
    {
        if (Members.Count <= 1) return t.T("Hanya unit ini (tanpa unit di bawahnya).", "This unit only (no units below it).");
        var names = Members.Take(MembersShown).ToList();
        var more = Members.Count - names.Count;
        return t.T($"Mencakup {Members.Count} unit: {string.Join(", ", names)}{(more > 0 ? $" dan {more} lainnya" : "")}.",
            $"Covers {Members.Count} units: {string.Join(", ", names)}{(more > 0 ? $" and {more} more" : "")}.");
    }

    /// <summary>Plain-text lines (the e-mail's text part, before the city brief's lines).</summary>
    public IReadOnlyList<string> Lines(ReportText t)
    {
        var lines = new List<string> { Heading(t), Scope(t) };
        lines.AddRange(Figures.Select(f => $"{f.Title} ({f.Period}): {f.Value}" + (f.City.Length > 0 ? $"; {f.City}." : ".")));
        lines.Add(t.T("Perlu tindakan di unit ini:", "Needs action in this unit:"));
        foreach (var g in Actions)
        {
            if (g.Items.Count == 0) lines.Add($"- {g.Title}: {g.Empty}");
            foreach (var a in g.Items) lines.Add($"- {g.Title}: {a.Unit} — {a.Figure}");
            if (g.More > 0) lines.Add($"- {g.Title}: " + t.T($"dan {g.More} unit lain", $"and {g.More} more units"));
        }
        lines.AddRange(Notes);
        return lines;
    }

    /// <summary>The section as an HTML fragment (every text encoded), placed at the top of the e-mail body.</summary>
    public string Html(ReportText t)
    {
        static string E(string? s) => HtmlReportRenderer.E(s);
        var sb = new StringBuilder();
        sb.Append($"<section class=\"unit\" id=\"unit-{E(KodeUnit)}\" style=\"border:2px solid #1f4e79;padding:8px 12px;margin-bottom:16px\">");
        sb.Append($"<h1>{E(Heading(t))}</h1><p class=\"muted\">{E(Scope(t))}</p>");
        sb.Append($"<table><thead><tr><th>{E(t.T("Ukuran", "Measure"))}</th><th>{E(t.T("Periode", "Period"))}</th><th>{E(t.T("Unit", "Unit"))}</th><th>{E(t.T("Kota", "City"))}</th></tr></thead><tbody>");
        foreach (var f in Figures)
            sb.Append($"<tr><td>{E(f.Title)}</td><td>{E(f.Period)}</td><td><b>{E(f.Value)}</b></td><td>{E(f.City)}</td></tr>");
        sb.Append("</tbody></table>");
        sb.Append($"<h2>{E(t.T("Perlu tindakan di unit ini", "Needs action in this unit"))}</h2><div class=\"act\">");
        foreach (var g in Actions)
        {
            sb.Append($"<h3>{E(g.Title)}</h3><ul>");
            if (g.Items.Count == 0) sb.Append($"<li class=\"muted\">{E(g.Empty)}</li>");
            foreach (var a in g.Items) sb.Append($"<li><b>{E(a.Unit)}</b> — {E(a.Figure)}</li>");
            if (g.More > 0) sb.Append($"<li class=\"muted\">{E(t.T($"dan {g.More} unit lain", $"and {g.More} more units"))}</li>");
            sb.Append("</ul>");
        }
        sb.Append("</div>");
        foreach (var n in Notes) sb.Append($"<p class=\"muted note\">{E(n)}</p>");
        sb.Append("</section>");
        return sb.ToString();
    }

    /// <summary>The section alone as a small HTML document (the e-mail's extra attachment).</summary>
    public string Document(ReportText t, string title) =>
        $"<!DOCTYPE html><html lang=\"{t.Code}\"><head><meta charset=\"utf-8\"><title>{HtmlReportRenderer.E(title)}</title>"
        + "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60em;margin:1em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}.muted{color:#666}</style>"
        + $"</head><body>{Html(t)}</body></html>";
}

/// <summary>A recipient's unit is not in the warehouse's <c>dim_unit</c>.</summary>
public sealed class UnitNotFoundException(string message) : Exception(message);

/// <summary>The unit hierarchy of <c>dim_unit</c> (<c>kode_induk</c>).</summary>
public static class UnitTree
{
    /// <summary><paramref name="root"/> and every unit below it (any depth; a cycle in the data stops at units already seen).</summary>
    public static IReadOnlySet<string> Subtree(IEnumerable<UnitNode> units, string root)
    {
        var children = units.Where(u => u.KodeInduk is not null).ToLookup(u => u.KodeInduk!, u => u.KodeUnit, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { root };
        var queue = new Queue<string>([root]);
        while (queue.TryDequeue(out var k))
            foreach (var c in children[k])
                if (seen.Add(c)) queue.Enqueue(c);
        return seen;
    }
}

/// <summary>
/// Whether a unit section may print the total <c>T</c> of one count family (employees, requests, respondents) over a subtree
/// beside the city's outputs (spec §4 "Small cells": no figure of 1..MinCellSize−1, also not by subtraction).
/// <para>
/// A reader has the city total and some unit figures from the city outputs (brief, annex, dashboard, CLI) — which ones exactly
/// differs per output, so the rule does not depend on it beyond one assumption: no output prints a small count itself. With
/// <c>T</c> the reader can form <c>T − (units inside they know)</c> and <c>city − T − (units outside they know)</c>. The first
/// always contains every small unit inside (<c>s_in</c>, the sum of the inside counts of 1..MinCellSize−1), plus possibly
/// larger ones; the second every small unit outside (<c>s_out</c>; a city total above the sum of its units counts as one
/// more unit outside). So if <c>s_in</c> and <c>s_out</c> are each 0 or at least MinCellSize, every difference the reader
/// can form is too, whatever they know. Example: kecamatan U02 with kelurahan U05 (11 pending requests, named by the city
/// brief) and U06 (2, not named): <c>T</c> = 13 and 13 − 11 = 2, so it is withheld (s_in = 2).
/// </para>
/// <para>
/// One exception: when every non-zero unit inside is <c>Known</c> — surely printed by a city output already (the caller
/// says which, e.g. an annex row that is not suppressed) — <c>T</c> is a sum of published figures and tells nothing new.
/// A total of 1..MinCellSize−1 is never printed; 0 is (it describes nobody).
/// </para>
/// <para>
/// Not covered: two unit recipients bound to nested units (a kecamatan and one of its kelurahan) each get a total that
/// passes this check, but their difference is not checked against each other.
/// </para>
/// </summary>
public static class SubtreeDisclosure
{
    public static bool Publishable(int minCell, long cityTotal, IEnumerable<(string Unit, long Count, bool Known)> perUnit, IReadOnlySet<string> subtree)
    {
        var rows = perUnit.ToList();
        var inside = rows.Where(r => subtree.Contains(r.Unit)).ToList();
        var total = inside.Sum(r => r.Count);
        if (total == 0) return true;
        if (total < minCell) return false;
        if (inside.All(r => r.Count == 0 || r.Known)) return true;
        var smallInside = inside.Where(r => SmallCells.IsSmall(r.Count, minCell)).Sum(r => r.Count);
        var unassigned = cityTotal - rows.Sum(r => r.Count);
        var smallOutside = rows.Where(r => !subtree.Contains(r.Unit) && SmallCells.IsSmall(r.Count, minCell)).Sum(r => r.Count)
            + (SmallCells.IsSmall(unassigned, minCell) ? unassigned : 0);
        return !SmallCells.IsSmall(smallInside, minCell) && !SmallCells.IsSmall(smallOutside, minCell);
    }
}

/// <summary>
/// Builds <see cref="UnitBrief"/>s for one report week from the same <see cref="ReportData"/> as the city report: the figures
/// come from the mart rows and the <see cref="WeeklyContent"/> helpers, the "Perlu tindakan" lines from the city's
/// <see cref="ExecutiveBriefBuilder"/> with a unit filter — no metric is computed a second way; subtree totals are sums of
/// unit counts (and shares over their sums, as <see cref="PageFigures.OnlineShare"/> pools the city's).
/// </summary>
public sealed class UnitBriefBuilder(ReportData data, IReadOnlyList<UnitNode> units, Periode week, ReportText text, int minCell, BriefTargets targets,
    DateTime generatedLocal, string zoneLabel)
{
    private readonly WeeklyContent city = new(data, week, text, minCell, targets.OnlineShareTarget);

    // City-wide, the same for every unit section of the week: computed once.
    private readonly Lazy<IReadOnlySet<string>> pendingNamed = new(() => ExecutiveBriefBuilder.PendingBesideCity(data, minCell)
        .Take(ExecutiveBriefBuilder.PerGroup).Select(r => r.KodeUnit).ToHashSet(StringComparer.Ordinal));
    private IReadOnlyDictionary<string, RowSuppression>? jpCells;

    public IReadOnlyList<UnitNode> Units => units;

    /// <summary>The section for <paramref name="kodeUnit"/>; <see cref="UnitNotFoundException"/> when dim_unit does not hold it.</summary>
    public UnitBrief Build(string kodeUnit)
    {
        var head = units.FirstOrDefault(u => u.KodeUnit == kodeUnit)
            ?? throw new UnitNotFoundException($"kode_unit '{kodeUnit}' tidak ada di warehouse (dim_unit) / unknown unit '{kodeUnit}'");
        var subtree = UnitTree.Subtree(units, kodeUnit);
        var members = units.Where(u => subtree.Contains(u.KodeUnit)).OrderBy(u => u.KodeUnit != kodeUnit).ThenBy(u => u.NamaUnit, NaturalOrder.Instance)
            .Select(u => u.NamaUnit).ToList();
        var figures = new List<UnitFigure>();
        figures.AddRange(Ikm(head, subtree));
        figures.Add(Alert(subtree));
        figures.Add(Pending(subtree));
        if (Online(subtree) is { } online) figures.Add(online);
        if (Jp(subtree) is { } jp) figures.Add(jp);

        // "Perlu tindakan" of the subtree: the city brief's own lines (its periods, its rules: units under MinCellSize are not
        // named), filtered to the subtree.
        var actions = new ExecutiveBriefBuilder(city, data, week, text, minCell, targets, [], null, generatedLocal, zoneLabel) { UnitFilter = subtree.Contains }
            .Build().Actions;
        var notes = new List<string>
        {
            text.T($"Angka yang mencakup kurang dari {minCell} pegawai, pengajuan atau responden ditulis {ReportText.Suppressed(minCell)}; total yang dapat dipakai untuk menghitung angka kecil semacam itu dari angka kota tidak ditampilkan.",
                $"Figures covering fewer than {minCell} employees, requests or respondents read {ReportText.Suppressed(minCell)}; a total that would let one derive such a figure from the city's is not shown."),
        };
        return new UnitBrief(head.KodeUnit, head.NamaUnit, members, figures, actions, notes);
    }

    private string Hidden(long total) => SmallCells.IsSmall(total, minCell)
        ? ReportText.Suppressed(minCell)
        : text.T("tidak ditampilkan (aturan sel kecil)", "not shown (small-cell rule)");

    // ------------------------------------------------------------------ IKM, weakest element
    private IEnumerable<UnitFigure> Ikm(UnitNode head, IReadOnlySet<string> subtree)
    {
        var latest = city.LatestIkmPeriod(city.IkmRows("unit"));
        var title = text.T("IKM dan mutu", "IKM and grade");
        if (latest is null)
        {
            yield return new UnitFigure(title, "–", text.T("belum ada hasil IKM", "no IKM results yet"), "");
            yield break;
        }
        var label = city.Label(latest, "ikm");
        var kota = data.Ikm.FirstOrDefault(r => r.Level == "kota" && r.Periode == latest && r.JenisLayanan is null);
        var kotaText = kota is null ? "" : text.T($"kota {text.N(kota.Ikm)} ({kota.Mutu.Trim()} {kota.Kinerja})", $"city {text.N(kota.Ikm)} ({kota.Mutu.Trim()} {kota.Kinerja})");
        var row = data.Ikm.FirstOrDefault(r => r.Level == "unit" && r.KodeUnit == head.KodeUnit && r.Periode == latest && r.JenisLayanan is null);
        string Grade(IkmRow r)
        {
            var g = city.PreferredGrade(r);
            return $"{text.N(g.Ikm)} ({PageFigures.Mutu(g)} {g.Kinerja})" + (g.Periode != r.Periode ? $", {city.Label(g.Periode, "ikm")}" : "");
        }
        if (row is null)
            yield return new UnitFigure(title, label, text.T("belum ada responden", "no respondents yet"), kotaText);
        else if (row.Responden < minCell)
            yield return new UnitFigure(title, label, text.T($"{ReportText.Suppressed(minCell)} responden", $"{ReportText.Suppressed(minCell)} respondents"), kotaText);
        else
            yield return new UnitFigure(title, label, Grade(row) + text.T($", {text.Int(row.Responden)} responden", $", {text.Int(row.Responden)} respondents"),
                kota is null ? "" : kotaText + text.T($"; selisih {text.Signed(row.Ikm - kota.Ikm)}", $"; difference {text.Signed(row.Ikm - kota.Ikm)}"));

        // The units below: their own rows (as the city annex prints them), and the pooled area (level kecamatan) when the
        // subtree is a kecamatan and its respondent total passes the disclosure check.
        var below = data.Ikm.Where(r => r.Level == "unit" && r.Periode == latest && r.JenisLayanan is null && r.KodeUnit != head.KodeUnit && subtree.Contains(r.KodeUnit))
            .OrderBy(r => r.NamaUnit, NaturalOrder.Instance).ToList();
        if (below.Count > 0)
            yield return new UnitFigure(text.T("IKM unit di bawahnya", "IKM of the units below"), label,
                string.Join("; ", below.Select(r => r.Responden < minCell ? $"{r.NamaUnit} {ReportText.Suppressed(minCell)}" : $"{r.NamaUnit} {Grade(r)}")), "");
        var pooled = data.Ikm.FirstOrDefault(r => r.Level == "kecamatan" && r.KodeUnit == head.KodeUnit && r.Periode == latest && r.JenisLayanan is null);
        if (pooled is not null && below.Count > 0 && kota is not null)
        {
            // The annex prints every unit's respondents; counting only those of at least MinCellSize as known is stricter.
            var perUnit = data.Ikm.Where(r => r.Level == "unit" && r.Periode == latest && r.JenisLayanan is null).Select(r => (r.KodeUnit, r.Responden, r.Responden >= minCell));
            yield return new UnitFigure(pooled.NamaUnit, label,
                SubtreeDisclosure.Publishable(minCell, kota.Responden, perUnit, subtree) ? Grade(pooled) : Hidden(pooled.Responden), kotaText);
        }

        if (row is { } r0 && r0.Responden >= minCell)
        {
            var weak = data.UnsurLemah.FirstOrDefault(u => u.KodeUnit == head.KodeUnit && u.Periode == latest && u.Peringkat == 1);
            var k = weak is not null && int.TryParse(weak.Unsur.TrimStart('u'), out var n) ? n - 1
                : Enumerable.Range(0, 9).Where(i => r0.Nrr[i] is not null).OrderBy(i => r0.Nrr[i]).Cast<int?>().FirstOrDefault() ?? -1;
            if (k is >= 0 and < 9 && (weak?.Nrr ?? r0.Nrr[k]) is { } nrr)
                yield return new UnitFigure(text.T("Unsur terlemah", "Weakest element"), label,
                    $"{text.T(PageFigures.Unsur[k].Id, PageFigures.Unsur[k].En)} (NRR {text.N(nrr)})",
                    kota?.Nrr[k] is { } c ? text.T($"kota NRR {text.N(c)}", $"city NRR {text.N(c)}") : "");
        }
    }

    private UnitFigure Alert(IReadOnlySet<string> subtree)
    {
        // The city's latest alerts (same quarter as the city brief), those of the subtree.
        var alerts = city.Alerts().Where(a => subtree.Contains(a.KodeUnit)).ToList();
        return new UnitFigure(text.T("Peringatan IKM", "IKM alert"), alerts.Count > 0 ? city.Label(alerts[0].Periode, "ikm") : "–",
            alerts.Count == 0 ? text.T("tidak ada", "none")
                : string.Join("; ", alerts.Select(a => $"{a.NamaUnit}: {ExecutiveBriefBuilder.AlertFigure(text, a)}, {a.Alasan}")),
            text.T($"{city.Alerts().Count} unit dengan peringatan di kota", $"{city.Alerts().Count} units with an alert in the city"));
    }

    // ------------------------------------------------------------------ leave
    private UnitFigure Pending(IReadOnlySet<string> subtree)
    {
        var days = text.N(targets.PendingAfterWorkingDays, targets.PendingAfterWorkingDays % 1 == 0 ? 0 : 1);
        var title = text.T($"Cuti tertunda > {days} hari kerja", $"Leave pending > {days} working days");
        var kota = data.CutiTertunda.FirstOrDefault(r => r.KodeUnit == Kepegawaian.Warehouse.Domain.Codes.KodeKota);
        var rows = data.CutiTertunda.Where(r => r.KodeUnit != Kepegawaian.Warehouse.Domain.Codes.KodeKota).ToList();
        if (kota is null && rows.Count == 0) return new UnitFigure(title, "–", text.T("belum ada data", "no data yet"), "");
        var period = kota is null ? "–" : text.T($"per {text.Date(DateOnly.FromDateTime(kota.WaktuAcuan))}", $"as of {text.Date(DateOnly.FromDateTime(kota.WaktuAcuan))}");
        var cityPending = kota?.NTertunda ?? rows.Sum(r => r.NTertunda);
        var cityDue = kota?.NJatuhTempo ?? rows.Sum(r => r.NJatuhTempo);
        var pending = rows.Where(r => subtree.Contains(r.KodeUnit)).Sum(r => r.NTertunda);
        var due = rows.Where(r => subtree.Contains(r.KodeUnit)).Sum(r => r.NJatuhTempo);
        // Surely published: the units the city brief names with their pending and due counts — taken from the brief's own
        // choice (it may leave a unit out to protect the rest), never recomputed. Fewer known units only makes the check stricter.
        var named = pendingNamed.Value;
        var showPending = SubtreeDisclosure.Publishable(minCell, cityPending, rows.Select(r => (r.KodeUnit, r.NTertunda, named.Contains(r.KodeUnit))), subtree);
        var showDue = showPending && SubtreeDisclosure.Publishable(minCell, cityDue, rows.Select(r => (r.KodeUnit, r.NJatuhTempo, named.Contains(r.KodeUnit))), subtree);
        var value = !showPending ? Hidden(pending)
            : showDue && due > 0 ? text.T($"{text.Int(pending)} pengajuan dari {text.Int(due)} jatuh tempo", $"{text.Int(pending)} of {text.Int(due)} requests due")
            : text.T($"{text.Int(pending)} pengajuan", $"{text.Int(pending)} requests");
        var cityText = cityPending < minCell ? text.T($"kota {ReportText.Suppressed(minCell)}", $"city {ReportText.Suppressed(minCell)}")
            : text.T($"kota {text.Int(cityPending)} pengajuan", $"city {text.Int(cityPending)} requests");
        return new UnitFigure(title, period, value, cityText);
    }

    private UnitFigure? Online(IReadOnlySet<string> subtree)
    {
        var rows = PageFigures.PreferKind(data.CutiOnline.Where(o => Periode.TryParse(o.Periode, out var p) && p.Start < week.End), o => o.Periode, PeriodeKind.Bulan).ToList();
        var month = rows.Select(o => o.Periode).Distinct().OrderBy(p => Periode.TryParse(p, out var x) ? x.Start : DateOnly.MinValue).LastOrDefault();
        if (month is null) return null;
        var inMonth = rows.Where(o => o.Periode == month).ToList();
        var inside = inMonth.Where(o => subtree.Contains(o.KodeUnit)).ToList();
        var title = text.T("Pengajuan cuti online", "Leave requested online");
        var cityShare = city.OnlineShare(inMonth);
        var cityText = (cityShare is { } cs ? text.T($"kota {text.Pct(cs)}", $"city {text.Pct(cs)}") : text.T($"kota {ReportText.Suppressed(minCell)}", $"city {ReportText.Suppressed(minCell)}"))
            + text.T($"; target {text.Pct(targets.OnlineShareTarget, 0)}", $"; target {text.Pct(targets.OnlineShareTarget, 0)}");
        if (inside.Count == 0) return new UnitFigure(title, city.Label(month, "cuti"), text.T("tidak ada pengajuan", "no requests"), cityText);
        // A share with its request count gives the online and the manual count: all three families must pass.
        static long OnlineCount(CutiOnlineRow o) => (long)Math.Round(o.ShareOnline * o.N);
        // Surely published: the units the city brief names below the online target, with share and request count.
        var named = inMonth.Where(o => o.N >= minCell && o.ShareOnline < targets.OnlineShareTarget).OrderBy(o => o.ShareOnline)
            .ThenBy(o => data.UnitName(o.KodeUnit), NaturalOrder.Instance).Take(ExecutiveBriefBuilder.PerGroup).Select(o => o.KodeUnit).ToHashSet(StringComparer.Ordinal);
        bool Pass(Func<CutiOnlineRow, long> count) =>
            SubtreeDisclosure.Publishable(minCell, inMonth.Sum(count), inMonth.Select(o => (o.KodeUnit, count(o), named.Contains(o.KodeUnit))), subtree);
        var n = inside.Sum(o => o.N);
        var share = city.OnlineShare(inside);
        var value = share is { } s && Pass(o => o.N) && Pass(OnlineCount) && Pass(o => o.N - OnlineCount(o))
            ? text.T($"{text.Pct(s)} dari {text.Int(n)} pengajuan", $"{text.Pct(s)} of {text.Int(n)} requests")
            : Hidden(n);
        return new UnitFigure(title, city.Label(month, "cuti"), value, cityText);
    }

    // ------------------------------------------------------------------ 20 JP
    private UnitFigure? Jp(IReadOnlySet<string> subtree)
    {
        var year = city.JpYear();
        if (year == 0) return null;
        var all = data.JpUnit.Where(j => j.Tahun == year).ToList();
        var inside = all.Where(j => subtree.Contains(j.KodeUnit)).ToList();
        var title = text.T("Pegawai memenuhi 20 JP", "Employees meeting 20 JP");
        var cityText = PageFigures.JpShare(all, minCell) is { } cityShare ? text.T($"kota {text.Pct(cityShare)}", $"city {text.Pct(cityShare)}") : "";
        var label = city.Label(WeeklyContent.YearCode(year), "diklat");
        if (inside.Count == 0) return new UnitFigure(title, label, text.T("belum ada data", "no data yet"), cityText);
        // The annex prints a unit's employees unless hidden, its compliant count (and share) unless its split is hidden (JpCells).
        var cells = jpCells ??= PageFigures.JpCells(all, minCell);
        bool Pass(Func<JpUnitRow, long> count, Func<JpUnitRow, bool> known) =>
            SubtreeDisclosure.Publishable(minCell, all.Sum(count), all.Select(j => (j.KodeUnit, count(j), known(j))), subtree);
        var pegawai = inside.Sum(j => j.Pegawai);
        var patuh = inside.Sum(j => j.Patuh);
        var value = pegawai >= minCell
            && Pass(j => j.Pegawai, j => !cells[j.KodeUnit].Total)
            && Pass(j => j.Patuh, j => !cells[j.KodeUnit].Total && !cells[j.KodeUnit].Part(0))
            && Pass(j => j.Pegawai - j.Patuh, j => !cells[j.KodeUnit].Total && !cells[j.KodeUnit].Part(0))
            ? text.T($"{text.Pct((double)patuh / pegawai)} dari {text.Int(pegawai)} pegawai", $"{text.Pct((double)patuh / pegawai)} of {text.Int(pegawai)} employees")
            : Hidden(pegawai);
        return new UnitFigure(title, label, value, cityText);
    }
}
