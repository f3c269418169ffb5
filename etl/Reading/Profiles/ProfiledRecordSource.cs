using System.Text;
using Kepegawaian.Etl.Validation;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Reading.Profiles;

/// <summary>
/// A source file seen through its profile: the header is the contract columns the profile provides, each
/// field is the mapped source value (date formats, value tables, constants, pivot). Source columns the
/// profile does not map are never copied out of the reader — not into fields, not into the raw text of a
/// rejected row (rebuilt from the mapped source columns only), so personal data the source carries (NIK,
/// phone, address, a respondent's name) cannot reach staging, the rejects ledger or a log (issue 13 item 3).
/// </summary>
internal sealed class ProfiledRecordSource : IRecordSource
{
    /// <summary>A long-form file is pivoted in memory: at most this many answer rows (a city's SKM year is far below).</summary>
    public const int MaxPivotRows = 2_000_000;

    private readonly IRecordSource inner;
    private readonly SourceProfile profile;
    private readonly bool strictFieldCount;
    private readonly string?[] constant;   // per target: constant or file-name value, else null
    private int[] sourceIndex = [];        // per target: inner header position, -1 absent (wide / group columns)
    private int[]?[] deriveIndex = [];     // per derived target: inner header position of each 'from' column, -1 absent
    private SourceProfile.Derivation?[] derivation = [];
    private readonly LookupTable?[] lookupOf;  // per target: its mapping table (lookups), else null
    private int[] lookupIndex = [];        // per target: inner header position of the looked-up column, -1 absent
    private readonly ProfileCrosswalks crosswalks;
    private ProfileCrosswalk?[] crosswalkOf = [];
    private int[]?[] crosswalkIndex = [];  // per crosswalk target: inner header position of each 'from' column
    private readonly WorkingCalendar calendar;
    private ProfileWorkingDays?[] workingDaysOf = [];
    private int[]?[] workingDaysIndex = [];  // per workingDays target: inner header position of start and end
    private int boundHeaderCount = -1;
    private readonly int distinctKey;      // target index of the entity's key under 'distinct', else -1
    private int questionIndex = -1, answerIndex = -1;
    private int[] keyIndex = [];
    private int[] skipIndex = [];          // inner header position of each skip.from column, -1 absent

    private string[] current;
    private string raw = "";
    private List<Record>? pivoted;
    private int next;

    private sealed record Record(long Line, string[] Values, string Raw, string? Malformed, bool TooLong);

    private ProfiledRecordSource(IRecordSource inner, SourceProfile profile, string fileName, string format, string inboxDir, ProfileCrosswalks? crosswalks, WorkingCalendar? calendar)
    {
        this.inner = inner;
        this.calendar = calendar ?? WorkingCalendar.Load();
        this.crosswalks = crosswalks ?? ProfileCrosswalks.Empty;
        this.profile = profile;
        strictFieldCount = format == "csv";
        Header = profile.Targets;
        current = new string[Header.Count];
        constant = new string?[Header.Count];
        var match = profile.Pattern.Match(fileName);
        for (var t = 0; t < Header.Count; t++)
        {
            var target = Header[t];
            if (profile.Constants.TryGetValue(target, out var c)) constant[t] = c;
            else if (profile.FromFileName.Contains(target)) constant[t] = match.Groups[target].Value;
        }
        distinctKey = profile.Distinct ? IndexOfTarget(profile.Schema.Key.Name) : -1;
        lookupOf = new LookupTable?[Header.Count];
        foreach (var (target, table) in profile.OpenLookups(inboxDir)) lookupOf[IndexOfTarget(target)] = table;
        Bind();
        Unmapped = inner.Header.Select(h => h.Trim())
            .Where(h => h.Length > 0 && !IsRead(h) && !profile.Drop.Contains(h) && !DroppedParent(h)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (format is "jsonl" or "json") return; // JSON omits null keys: a column may appear on a later line (or on none)
        foreach (var (source, target) in profile.Columns)
            if (!inner.Header.Any(h => h.Trim().Equals(source, StringComparison.OrdinalIgnoreCase))
                && profile.Schema.Columns.First(c => c.Name == target) is { Optional: false })
                throw new UnreadableFileException($"Kolom sumber '{source}' (profil {profile.Name}: columns.{source} → {target}) tidak ada di baris judul; tidak ada baris yang dimuat.");
        foreach (var (target, d) in profile.Derive)
            if (!d.From.Any(f => inner.Header.Any(h => h.Trim().Equals(f, StringComparison.OrdinalIgnoreCase)))
                && profile.Schema.Columns.First(c => c.Name == target) is { Optional: false })
                throw new UnreadableFileException($"Tidak satu pun kolom sumber {string.Join(", ", d.From.Select(f => $"'{f}'"))} (profil {profile.Name}: derive.{target}) ada di baris judul; tidak ada baris yang dimuat.");
        foreach (var l in profile.Lookups.Values)
            if (!inner.Header.Any(h => h.Trim().Equals(l.From, StringComparison.OrdinalIgnoreCase))
                && profile.Schema.Columns.First(c => c.Name == l.Target) is { Optional: false })
                throw new UnreadableFileException($"Kolom sumber '{l.From}' (profil {profile.Name}: lookups.{l.Target}.from) tidak ada di baris judul; tidak ada baris yang dimuat.");
        foreach (var w in profile.WorkingDays.Values)
            foreach (var f in w.From)
                if (!inner.Header.Any(h => h.Trim().Equals(f, StringComparison.OrdinalIgnoreCase)))
                    throw new UnreadableFileException($"Kolom sumber '{f}' (profil {profile.Name}: workingDays.{w.Target}) tidak ada di baris judul; tidak ada baris yang dimuat.");
        if (profile.PivotSpec is { } p)
            foreach (var col in new[] { p.Question, p.Answer })
                if (!inner.Header.Any(h => h.Trim().Equals(col, StringComparison.OrdinalIgnoreCase)))
                    throw new UnreadableFileException($"Kolom sumber '{col}' (profil {profile.Name}: pivot) tidak ada di baris judul; tidak ada baris yang dimuat.");
    }

    /// <param name="crosswalks">The warehouse data the profile's <c>crosswalk</c> keys read (none needed when it has none).</param>
    /// <param name="calendar">The working days its <c>workingDays</c> keys count (default: the shipped holidays only).</param>
    public static IRecordSource Open(string path, string format, SourceProfile profile, ProfileCrosswalks? crosswalks = null, WorkingCalendar? calendar = null)
    {
        // Through a profile, JSONL lines may nest (SIASN's document 'path'): read as dotted field paths.
        IRecordSource inner = format == "jsonl" ? JsonlRecordSource.Open(path, nested: true) : RecordSources.Open(path, format);
        try
        {
            if (profile.PreviousSpec is not null) inner = PreviousRowRecordSource.Wrap(inner, profile);
            return new ProfiledRecordSource(inner, profile, Path.GetFileName(path), format, Path.GetDirectoryName(Path.GetFullPath(path))!, crosswalks, calendar);
        }
        catch { inner.Dispose(); throw; }
    }

    /// <summary>Source columns neither mapped nor listed under <c>drop</c>: not read, warned about by name (never by value).</summary>
    public IReadOnlyList<string> Unmapped { get; }

    public IReadOnlyList<string> Header { get; }
    public long LineNumber { get; private set; }
    public int FieldCount => Header.Count;
    public string? Malformed { get; private set; }
    public bool TooLong { get; private set; }

    /// <summary>
    /// The current row's first value that neither its mapping file (<c>lookups</c>: ID_TIDAK_DIPETAKAN) nor the
    /// warehouse (<c>crosswalk</c>: PNS_ID_TIDAK_DIKENAL, NIP_TIDAK_DIKENAL) resolves; RowValidator rejects the row with it.
    /// </summary>
    public Rejection? RowMiss { get; private set; }

    public ReadOnlySpan<char> Field(int index) => (uint)index < (uint)current.Length ? current[index] : default;

    public RawRow Raw() => RawRow.Of(raw);

    /// <summary>A nested JSON field (<c>path.874.dok_uri</c>) is dropped with its top-level key (<c>path</c>).</summary>
    private bool DroppedParent(string column) => column.IndexOf('.') is > 0 and var dot && profile.Drop.Contains(column[..dot]);

    private bool IsRead(string sourceColumn) =>
        profile.Columns.ContainsKey(sourceColumn)
        || profile.Derive.Values.Any(d => d.From.Contains(sourceColumn, StringComparer.OrdinalIgnoreCase))
        || profile.Lookups.Values.Any(l => l.From.Equals(sourceColumn, StringComparison.OrdinalIgnoreCase))
        || profile.Crosswalk.Values.Any(x => x.From.Contains(sourceColumn, StringComparer.OrdinalIgnoreCase))
        || profile.ReadsForHistory(sourceColumn)
        || profile.ReadsForWorkingDays(sourceColumn)
        || (profile.PivotSpec is { } p && (p.Question.Equals(sourceColumn, StringComparison.OrdinalIgnoreCase) || p.Answer.Equals(sourceColumn, StringComparison.OrdinalIgnoreCase)));

    private void Bind()
    {
        if (inner.Header.Count == boundHeaderCount) return;
        boundHeaderCount = inner.Header.Count;
        int Find(string name)
        {
            for (var i = 0; i < inner.Header.Count; i++)
                if (inner.Header[i].AsSpan().Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }
        sourceIndex = new int[Header.Count];
        for (var t = 0; t < Header.Count; t++) sourceIndex[t] = -1;
        foreach (var (source, target) in profile.Columns)
            sourceIndex[IndexOfTarget(target)] = Find(source);
        deriveIndex = new int[]?[Header.Count];
        derivation = new SourceProfile.Derivation?[Header.Count];
        foreach (var (target, d) in profile.Derive)
        {
            var t = IndexOfTarget(target);
            derivation[t] = d;
            deriveIndex[t] = d.From.Select(Find).ToArray();
        }
        lookupIndex = new int[Header.Count];
        for (var t = 0; t < Header.Count; t++) lookupIndex[t] = lookupOf[t] is { } table ? Find(table.Lookup.From) : -1;
        crosswalkIndex = new int[]?[Header.Count];
        crosswalkOf = new ProfileCrosswalk?[Header.Count];
        foreach (var (target, x) in profile.Crosswalk)
        {
            var t = IndexOfTarget(target);
            crosswalkOf[t] = x;
            crosswalkIndex[t] = x.From.Select(Find).ToArray();
        }
        workingDaysIndex = new int[]?[Header.Count];
        workingDaysOf = new ProfileWorkingDays?[Header.Count];
        foreach (var (target, w) in profile.WorkingDays)
        {
            var t = IndexOfTarget(target);
            workingDaysOf[t] = w;
            workingDaysIndex[t] = w.From.Select(Find).ToArray();
        }
        if (profile.SkipSpec is { } skipSpec) skipIndex = skipSpec.From.Select(Find).ToArray();
        if (profile.PivotSpec is { } p)
        {
            questionIndex = Find(p.Question);
            answerIndex = Find(p.Answer);
            keyIndex = p.Key.Select(Find).ToArray();
        }
    }

    private int IndexOfTarget(string target)
    {
        for (var t = 0; t < Header.Count; t++) if (Header[t] == target) return t;
        throw new InvalidOperationException(target);
    }

    public bool Read() => profile.PivotSpec is null ? ReadWide() : ReadPivoted();

    /// <summary>Rows left out by the profile's <c>skip</c> rules (not counted as read; the file gets one warning).</summary>
    public long Skipped { get; private set; }

    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    /// <summary>
    /// The next record; with <c>distinct</c> the next whose key (the entity's natural key, e.g. kode_unit) no earlier
    /// record had: an export with one row per employee yields one record per unit, the first row's. A row that is
    /// unreadable, has an unmapped id or an empty key is passed on, so validation rejects it as usual.
    /// </summary>
    private bool ReadWide()
    {
        while (ReadWideOnce())
        {
            if (!profile.Distinct || Malformed is not null || RowMiss is not null) return true;
            var key = current[distinctKey];
            if (key.Length == 0 || seen.Add(key)) return true;
        }
        return false;
    }

    private bool ReadWideOnce()
    {
        if (!inner.Read()) return false;
        Bind();
        // A row outside the history chain (its order date unreadable) is never skipped: validation rejects it naming the date.
        while (profile.SkipSpec is { } skip && inner.Malformed is null && !inner.TooLong && inner is not PreviousRowRecordSource { InChain: false }
               && SourceProfile.Skips(skip, skipIndex.Select(i => i < 0 ? "" : profile.Clean(inner.Field(i).ToString())).ToArray()))
        {
            Skipped++;
            if (!inner.Read()) return false;
            Bind();
        }
        LineNumber = inner.LineNumber;
        RowMiss = null;
        var problem = Problem();
        if (problem is not null)
        {
            (Malformed, TooLong, raw) = (problem, inner.TooLong, Unreadable);
            Array.Fill(current, "");
            return true;
        }
        (Malformed, TooLong) = (null, false);
        var text = new StringBuilder();
        for (var t = 0; t < Header.Count; t++)
            current[t] = Value(t, text);
        raw = text.ToString();
        return true;
    }

    /// <summary>The raw text kept for an unreadable row: the source line itself may hold columns the profile drops.</summary>
    private const string Unreadable = "(baris sumber tidak dapat dibaca; teks aslinya tidak disimpan karena dapat memuat kolom yang dibuang profil)";

    private string? Problem()
    {
        if (inner.TooLong || inner.Malformed is not null) return inner.Malformed ?? "baris rusak";
        // The contract-shaped check (JUMLAH_KOLOM) compares with the file's own header, which validation no longer sees.
        if (strictFieldCount && inner.FieldCount != inner.Header.Count)
            return $"baris berisi {inner.FieldCount} kolom, sedangkan judul berkas sumber berisi {inner.Header.Count} kolom";
        return null;
    }

    /// <summary>Target <paramref name="t"/> of the current source row; appends <c>source=value</c> to the rebuilt raw text.</summary>
    private string Value(int t, StringBuilder rawText)
    {
        if (constant[t] is { } c) return c;
        if (derivation[t] is { } d)
        {
            var from = deriveIndex[t]!;
            var cells = new string[from.Length];
            for (var k = 0; k < from.Length; k++) cells[k] = from[k] < 0 ? "" : Cell(from[k], rawText);
            return profile.Transform(t, SourceProfile.Decide(d, cells));
        }
        if (lookupOf[t] is { } table)
        {
            var id = lookupIndex[t] < 0 ? "" : Cell(lookupIndex[t], rawText);
            if (id.Length == 0) return "";
            if (table.TryGet(id, out var found)) return profile.Transform(t, found);
            RowMiss ??= new Rejection(Header[t], Reason.IdTidakDipetakan, $"Kolom '{table.Lookup.From}': '{id}' tidak ada di kolom {table.Lookup.Key} berkas pemetaan '{table.Lookup.File}' (profil {profile.Name}: lookups.{table.Lookup.Target}); tambahkan id itu ke berkas pemetaan; barisnya dimuat dengan ekspor berikutnya yang memuatnya.");
            return "";
        }
        if (crosswalkOf[t] is { } x)
        {
            var from = crosswalkIndex[t]!;
            var cells = new string[from.Length];
            for (var k = 0; k < from.Length; k++) cells[k] = from[k] < 0 ? "" : Cell(from[k], rawText);
            var found = crosswalks.Resolve(x, cells, out var miss);
            RowMiss ??= miss;
            return found ?? "";
        }
        if (workingDaysOf[t] is { } w)
        {
            var from = workingDaysIndex[t]!;
            var cells = new string[from.Length];
            for (var k = 0; k < from.Length; k++) cells[k] = from[k] < 0 ? "" : Cell(from[k], rawText);
            var days = w.Count(calendar, cells, profile.Name, out var miss);
            RowMiss ??= miss;
            return days ?? "";
        }
        var i = sourceIndex[t];
        if (i < 0) return "";
        return profile.Transform(t, Cell(i, rawText));
    }

    /// <summary>Source cell <paramref name="i"/> cleaned by the profile (trimStart, nulls); appends <c>source=value</c> to the raw text.</summary>
    private string Cell(int i, StringBuilder rawText)
    {
        var value = profile.Clean(inner.Field(i).ToString());
        if (rawText.Length > 0) rawText.Append("; ");
        rawText.Append(inner.Header[i].Trim()).Append('=').Append(value);
        return value;
    }

    private bool ReadPivoted()
    {
        pivoted ??= Pivot();
        if (next >= pivoted.Count) return false;
        var r = pivoted[next++];
        // A pivoted record's mapping-file misses are in its Malformed text (crosswalk and pivot exclude each other).
        (LineNumber, Malformed, TooLong, raw, RowMiss) = (r.Line, r.Malformed, r.TooLong, r.Raw, null);
        current = r.Values;
        return true;
    }

    /// <summary>
    /// Long → wide: the answer rows of one key (wherever they are in the file) become one record at the line
    /// of its first row. A question id outside <c>pivot.targets</c>, one answered twice differently, or
    /// group columns that differ between a key's rows make the record unreadable (rejected, BARIS_RUSAK).
    /// </summary>
    private sealed class Group(int record)
    {
        public int Record { get; } = record;
        public StringBuilder Raw { get; } = new();
        public List<string>? Problems { get; set; }
        public void Problem(string p) => (Problems ??= []).Add(p);
    }

    private List<Record> Pivot()
    {
        var spec = profile.PivotSpec!;
        var records = new List<Record>();
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var targetOfQuestion = spec.Targets.ToDictionary(kv => kv.Key, kv => IndexOfTarget(kv.Value), StringComparer.OrdinalIgnoreCase);
        var isAnswer = new bool[Header.Count];
        foreach (var t in targetOfQuestion.Values) isAnswer[t] = true;
        var rowRaw = new StringBuilder();
        long rows = 0;
        while (inner.Read())
        {
            if (++rows > MaxPivotRows)
                throw new UnreadableFileException($"Berkas berbentuk panjang (profil {profile.Name}) memuat lebih dari {RecordLimits.N(MaxPivotRows)} baris jawaban; bagi menjadi beberapa berkas.");
            Bind();
            if (Problem() is { } problem)
            {
                records.Add(new Record(inner.LineNumber, [.. Enumerable.Repeat("", Header.Count)], Unreadable, problem, inner.TooLong));
                continue;
            }
            var key = string.Join('\u001f', keyIndex.Select(k => k < 0 ? "" : inner.Field(k).Trim().ToString()));
            rowRaw.Clear();
            var values = new string?[Header.Count];
            RowMiss = null;
            for (var t = 0; t < Header.Count; t++) values[t] = isAnswer[t] ? null : Value(t, rowRaw);
            var question = questionIndex < 0 ? "" : inner.Field(questionIndex).Trim().ToString();
            var answer = answerIndex < 0 ? "" : profile.Clean(inner.Field(answerIndex).ToString());

            if (!groups.TryGetValue(key, out var g))
            {
                g = new Group(records.Count);
                groups[key] = g;
                records.Add(new Record(inner.LineNumber, values!, "", null, false));
                g.Raw.Append(rowRaw); // the record's columns once; each answer row adds only its question and answer
            }
            else
            {
                var first = records[g.Record].Values;
                for (var t = 0; t < Header.Count; t++)
                    if (!isAnswer[t] && first[t] != values[t])
                        g.Problem($"kolom '{profile.SourceOf(Header[t])}' berbeda antarbaris kunci yang sama (baris {records[g.Record].Line} dan {inner.LineNumber})");
            }
            if (RowMiss is { } miss) g.Problem(miss.Message);
            if (g.Raw.Length < RawRow.PrefixChars)
                g.Raw.Append("; ").Append(spec.Question).Append('=').Append(question).Append(' ').Append(spec.Answer).Append('=').Append(answer);
            if (!targetOfQuestion.TryGetValue(question, out var target))
                g.Problem($"{spec.Question} '{question}' (baris {inner.LineNumber}) tidak ada di pivot.targets profil {profile.Name}");
            else
            {
                var cells = records[g.Record].Values;
                var mapped = profile.Transform(target, answer);
                if (cells[target] is { } earlier && earlier != mapped)
                    g.Problem($"{spec.Question} '{question}' dijawab dua kali dengan nilai berbeda (baris {inner.LineNumber})");
                cells[target] = mapped;
            }
        }
        foreach (var g in groups.Values)
        {
            var r = records[g.Record];
            for (var t = 0; t < Header.Count; t++) r.Values[t] ??= ""; // a question nobody answered: empty, as in a wide file
            records[g.Record] = r with { Raw = g.Raw.ToString(), Malformed = g.Problems is { } p ? string.Join("; ", p.Take(3)) : null };
        }
        return records;
    }

    public void Dispose() => inner.Dispose();
}
