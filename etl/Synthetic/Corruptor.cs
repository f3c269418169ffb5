using System.Globalization;
using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// Makes corrupted copies of rows for one file. Every copy carries exactly one defect that spec §3 rejects, so
/// the ETL's rejects ledger can be checked against <see cref="GenerationResult.BadRowsByKind"/>. The good row is
/// always written too, so the analytics see the same clean data with or without bad rows. Also writes some
/// valid dates as DD/MM/YYYY (allowed by spec §3, not counted as bad).
/// </summary>
internal sealed class Corruptor(string entity, double fraction, Random random, DateOnly endDate, SortedDictionary<string, long> counts)
{
    private string? _previousId;
    private long _copies;

    public string[]? MaybeCorrupt(string[] row)
    {
        var previous = _previousId;
        if (entity != "pegawai") _previousId = row[0];
        if (random.NextDouble() >= fraction) return null;

        var bad = (string[])row.Clone();
        var kinds = KindsFor(entity);
        var kind = kinds[random.Next(kinds.Length)];
        if (kind == BadRowKind.DuplicateId && (previous is null || previous == row[0])) kind = BadRowKind.MissingRequired;
        if (kind == BadRowKind.KeputusanBeforePengajuan && row[5].Length == 0) kind = BadRowKind.CodeUnknown;

        if (entity != "pegawai")
            bad[0] = kind == BadRowKind.DuplicateId ? previous! : $"{row[0]}-E{++_copies}";
        Apply(kind, bad);
        counts[kind] = counts.GetValueOrDefault(kind) + 1;
        return bad;
    }

    private static string[] KindsFor(string entity) => entity switch
    {
        "pegawai" => [BadRowKind.NipInvalid, BadRowKind.NipSexMismatch, BadRowKind.UnitUnknown, BadRowKind.DateImpossible, BadRowKind.MissingRequired, BadRowKind.CodeUnknown],
        "mutasi" => [BadRowKind.NipUnknown, BadRowKind.UnitUnknown, BadRowKind.DateImpossible, BadRowKind.DuplicateId, BadRowKind.MissingRequired, BadRowKind.CodeUnknown],
        "diklat" => [BadRowKind.NipUnknown, BadRowKind.DateImpossible, BadRowKind.DuplicateId, BadRowKind.DateOrder, BadRowKind.MissingRequired, BadRowKind.JpOutOfRange, BadRowKind.CodeUnknown],
        "kinerja" => [BadRowKind.NipUnknown, BadRowKind.UnitUnknown, BadRowKind.PredikatInconsistent, BadRowKind.SkpOutOfRange, BadRowKind.DuplicateId, BadRowKind.MissingRequired, BadRowKind.CodeUnknown],
        "cuti" => [BadRowKind.NipUnknown, BadRowKind.UnitUnknown, BadRowKind.DateImpossible, BadRowKind.DuplicateId, BadRowKind.DateOrder, BadRowKind.MissingRequired, BadRowKind.KeputusanBeforePengajuan, BadRowKind.CodeUnknown],
        "skm" => [BadRowKind.UnitUnknown, BadRowKind.SkmValueOutOfRange, BadRowKind.SurveyInFuture, BadRowKind.DateImpossible, BadRowKind.DuplicateId, BadRowKind.MissingRequired],
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, null),
    };

    private void Apply(string kind, string[] r)
    {
        switch (entity, kind)
        {
            case ("pegawai", BadRowKind.NipInvalid):
                // Either 17 digits or birth month 13.
                r[0] = random.Next(2) == 0 ? r[0][..17] : r[0][..4] + "13" + r[0][6..];
                break;
            case ("pegawai", BadRowKind.NipSexMismatch): r[2] = r[2] == "L" ? "P" : "L"; break;
            case ("pegawai", BadRowKind.UnitUnknown): r[8] = UnknownUnit(); break;
            case ("pegawai", BadRowKind.DateImpossible): r[3] = r[3][..4] + "-02-30"; break;
            case ("pegawai", BadRowKind.MissingRequired): r[1] = ""; break;
            case ("pegawai", BadRowKind.CodeUnknown): r[4] = "HONORER"; break;

            case (_, BadRowKind.NipUnknown): r[1] = UnknownNip(); break;
            case (_, BadRowKind.DuplicateId): break; // the id was replaced by the previous row's id

            case ("mutasi", BadRowKind.UnitUnknown): r[5] = UnknownUnit(); break;
            case ("mutasi", BadRowKind.DateImpossible): r[3] = Impossible(r[3]); break;
            case ("mutasi", BadRowKind.MissingRequired): r[3] = ""; break;
            case ("mutasi", BadRowKind.CodeUnknown): r[2] = "rotasi"; break;

            case ("diklat", BadRowKind.DateImpossible): r[6] = Impossible(r[6]); break;
            case ("diklat", BadRowKind.DateOrder): (r[5], r[6]) = Reverse(r[5], r[6]); break;
            case ("diklat", BadRowKind.MissingRequired): r[2] = ""; break;
            case ("diklat", BadRowKind.JpOutOfRange): r[7] = random.Next(2) == 0 ? "0" : "5000"; break;
            case ("diklat", BadRowKind.CodeUnknown): r[4] = "outbound"; break;

            case ("kinerja", BadRowKind.UnitUnknown): r[7] = UnknownUnit(); break;
            case ("kinerja", BadRowKind.PredikatInconsistent): r[5] = WrongPredikat(r[3], r[4]); break;
            case ("kinerja", BadRowKind.SkpOutOfRange): r[6] = "150"; break;
            case ("kinerja", BadRowKind.MissingRequired): r[2] = ""; break;
            case ("kinerja", BadRowKind.CodeUnknown): r[3] = "luar_biasa"; break;

            case ("cuti", BadRowKind.UnitUnknown): r[10] = UnknownUnit(); break;
            case ("cuti", BadRowKind.DateImpossible): r[7] = Impossible(r[7]); break;
            case ("cuti", BadRowKind.DateOrder): (r[7], r[8]) = Reverse(r[7], r[8]); break;
            case ("cuti", BadRowKind.MissingRequired): r[4] = ""; break;
            case ("cuti", BadRowKind.KeputusanBeforePengajuan):
                r[5] = DateTime.ParseExact(r[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).AddHours(-26)
                    .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                break;
            case ("cuti", BadRowKind.CodeUnknown): r[2] = "liburan"; break;

            case ("skm", BadRowKind.UnitUnknown): r[1] = UnknownUnit(); break;
            case ("skm", BadRowKind.SkmValueOutOfRange): r[4 + random.Next(9)] = random.Next(2) == 0 ? "0" : "5"; break;
            // Ten years ahead: still in the future whenever the file is loaded.
            case ("skm", BadRowKind.SurveyInFuture): r[3] = Iso(endDate.AddYears(10).AddDays(random.Next(60))); break;
            case ("skm", BadRowKind.DateImpossible): r[3] = Impossible(r[3]); break;
            case ("skm", BadRowKind.MissingRequired): r[2] = ""; break;
            default: throw new InvalidOperationException($"no corruption {kind} for {entity}");
        }
    }

    /// <summary>With the same probability as corruption, writes the row's dates as DD/MM/YYYY (valid, spec §3).</summary>
    public void MaybeReformatDates(string[] row)
    {
        if (random.NextDouble() >= fraction) return;
        int[] columns = entity switch
        {
            "mutasi" => [3],
            "diklat" => [5, 6],
            "cuti" => [7, 8],
            "skm" => [3],
            _ => [],
        };
        foreach (var c in columns)
            if (row[c].Length == 10 && row[c][4] == '-')
                row[c] = $"{row[c][8..10]}/{row[c][5..7]}/{row[c][..4]}";
    }

    private string UnknownUnit() => "UNIT-" + (char)('A' + random.Next(26)) + random.Next(100, 999).ToString(CultureInfo.InvariantCulture);

    /// <summary>A well-formed PNS NIP born 1940–1945: the generator never makes anyone that old.</summary>
    private string UnknownNip()
    {
        var birth = new DateOnly(1940 + random.Next(6), 1 + random.Next(12), 1 + random.Next(28));
        return $"{birth:yyyyMMdd}1970011{1 + random.Next(999):D3}";
    }

    private static string Impossible(string isoDate) => isoDate.Length >= 4 ? isoDate[..4] + "-02-30" : "2025-02-30";

    private static (string Mulai, string Selesai) Reverse(string mulai, string selesai)
    {
        if (mulai != selesai) return (selesai, mulai);
        var d = DateOnly.ParseExact(mulai, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (Iso(d.AddDays(3)), selesai);
    }

    private string WrongPredikat(string hasil, string perilaku)
    {
        Predikat.TryParseEkspektasi(hasil, out var h);
        Predikat.TryParseEkspektasi(perilaku, out var p);
        var right = Predikat.From(h, p);
        var wrong = Predikat.All.Where(x => x != right).ToArray();
        return wrong[random.Next(wrong.Length)];
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
