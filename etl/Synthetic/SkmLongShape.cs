namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// SKM responses as a single-unit application exports them in long form (one row per answer), the inverse of
/// <c>skm-long.json</c>: the mapped columns, the answer pivot (<c>id_pertanyaan</c> → u1…u9), the value table
/// (<c>Laki-laki</c>/<c>Perempuan</c>) and the date format come from the profile; the unit is in the file name.
/// An unanswered element has no row. Respondents' names, phones and NIKs (dropped by the profile) carry fake values.
/// The profile maps no <c>saran</c> column, so the free-text suggestion is not written: it cannot round-trip.
/// </summary>
internal sealed class SkmLongShape : RowShape
{
    public static readonly IReadOnlyList<string> FakePersonal = ["namaresponden", "nohp", "nik"];

    private readonly string[] header;
    private readonly (int Contract, string Column)[] mapped;
    private readonly (string Question, int Contract, string Column)[] answers;
    private readonly int question, answer, rowId;
    private readonly int[] personal;
    private long next;

    public SkmLongShape() : base(SourceShapes.Profile("skm-long.json"))
    {
        if (Profile.Entity != "skm" || Profile.PivotSpec is not { } pivot)
            throw new InvalidOperationException("skm-long.json no longer pivots skm answers.");
        var columns = new List<string>();
        if (Profile.Drop.Contains("id")) columns.Add("id"); // the application's row id, known and not read
        rowId = columns.Count - 1;
        var map = new List<(int, string)>();
        foreach (var (source, contract) in Profile.Columns)
        {
            columns.Add(source);
            map.Add((IndexOf(InboxSchema.Skm, contract), contract));
        }
        mapped = [.. map];
        question = columns.Count;
        columns.Add(pivot.Question);
        answer = columns.Count;
        columns.Add(pivot.Answer);
        answers = pivot.Targets.Select(t => (t.Key, IndexOf(InboxSchema.Skm, t.Value), t.Value)).ToArray();
        personal = new int[FakePersonal.Count];
        for (var i = 0; i < FakePersonal.Count; i++)
        {
            if (!Profile.Drop.Contains(FakePersonal[i])) throw new InvalidOperationException($"skm-long.json no longer drops {FakePersonal[i]}; the generator would put a fake personal value into the warehouse.");
            personal[i] = columns.Count;
            columns.Add(FakePersonal[i]);
        }
        header = [.. columns];
    }

    public override IReadOnlyList<string> Header => header;

    public static string FileName(string kodeUnit, int year) => $"skm-long_{kodeUnit}_{year}.csv";

    public override IEnumerable<string[]> Rows(string[] c, bool verify)
    {
        var id = c[0];
        var common = new string[header.Length];
        Array.Fill(common, "");
        for (var i = 0; i < mapped.Length; i++)
        {
            var (index, column) = mapped[i];
            if (index < 0) continue;
            common[i + rowId + 1] = ToSource(column, c[index], id);
            if (verify) Expect(column, Read(column, common[i + rowId + 1]), c[index]);
        }
        common[personal[0]] = FakeName(id);
        common[personal[1]] = FakePhone(id);
        common[personal[2]] = FakeNik(id);
        foreach (var (q, index, _) in answers)
        {
            if (c[index].Length == 0) continue;
            var row = (string[])common.Clone();
            if (rowId >= 0) row[rowId] = (++next).ToString(Inv);
            row[question] = q;
            row[answer] = c[index];
            yield return row;
        }
    }

    public static string FakeNik(string idResponden) => Digits("1671", "nik:" + idResponden, 12);

    public static string FakePhone(string idResponden) => Digits("0813", "hp:" + idResponden, 8);

    public static string FakeName(string idResponden) => "Responden Palsu " + Digits("", "nama:" + idResponden, 5);
}
