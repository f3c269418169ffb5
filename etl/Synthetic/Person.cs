namespace Kepegawaian.Etl.Synthetic;

/// <summary>A period from a date on with one unit and jabatan; a mutasi or promosi starts a new one.</summary>
internal readonly record struct Placement(DateOnly From, int Unit, string JenisJabatan, string Jabatan);

/// <summary>A history event that becomes a mutasi row.</summary>
internal readonly record struct Event(DateOnly Date, string Jenis, int UnitAsal, int UnitTujuan, string? GolonganBaru, string? JabatanBaru);

/// <summary>A training attended.</summary>
internal readonly record struct Training(Course Course, DateOnly Mulai, DateOnly Selesai, int Jp, string Status);

/// <summary>One synthetic employee: identity, career track and history inside the window.</summary>
internal sealed class Person
{
    public required string Nip { get; init; }
    public required string Nama { get; init; }
    public required char Sex { get; init; }
    public required DateOnly Birth { get; init; }
    public required DateOnly Tmt { get; init; }
    /// <summary>"PNS" (incl. CPNS who become PNS one year after TMT) or "PPPK".</summary>
    public required bool Pppk { get; init; }
    public required string Pendidikan { get; init; }
    public required int GolonganEntry { get; init; }
    public required int GolonganCap { get; init; }
    public required int GolonganMin { get; init; }
    public required string FungsionalBase { get; init; }
    public required double Baseline { get; init; }
    public DateOnly ActiveFrom { get; set; }
    /// <summary>Exclusive: first day no longer employed (pensiun/berhenti) or the day after EndDate.</summary>
    public DateOnly ActiveTo { get; set; }
    public List<Placement> Placements { get; } = [];
    public List<Event> Events { get; } = [];
    public List<Training> Trainings { get; } = [];

    public bool ActiveOn(DateOnly d) => ActiveFrom <= d && d < ActiveTo;

    public Placement PlacementOn(DateOnly d)
    {
        var p = Placements[0];
        foreach (var x in Placements)
            if (x.From <= d) p = x;
        return p;
    }

    public string StatusOn(DateOnly d) => Pppk ? "PPPK" : d < Tmt.AddYears(1) ? "CPNS" : "PNS";

    /// <summary>Golongan index (into Codes.GolonganPns) after the kenaikan pangkat reached by <paramref name="d"/>: one step every 4 years (April/October periods).</summary>
    public int GolonganIndexOn(DateOnly d)
    {
        var steps = 0;
        for (var k = 1; ; k++)
        {
            var kp = KpDate(k);
            if (kp > d) break;
            steps++;
        }
        return Math.Max(GolonganMin, Math.Min(GolonganCap, GolonganEntry + steps));
    }

    /// <summary>k-th regular kenaikan pangkat: the first 1 April or 1 October on or after TMT + 4k years.</summary>
    public DateOnly KpDate(int k)
    {
        var t = Tmt.AddYears(4 * k);
        if (t <= new DateOnly(t.Year, 4, 1)) return new DateOnly(t.Year, 4, 1);
        if (t <= new DateOnly(t.Year, 10, 1)) return new DateOnly(t.Year, 10, 1);
        return new DateOnly(t.Year + 1, 4, 1);
    }

    public string GolonganOn(DateOnly d) => Pppk ? PppkGolongan(Pendidikan) : CityModel.GolonganPns[GolonganIndexOn(d)];

    public string JabatanOn(DateOnly d)
    {
        var p = PlacementOn(d);
        return p.JenisJabatan == "fungsional" ? $"{p.Jabatan} {Level(d)}" : p.Jabatan;
    }

    /// <summary>Jenjang of a jabatan fungsional: keahlian by golongan III/IV, keterampilan below.</summary>
    private string Level(DateOnly d)
    {
        if (Pppk) return Pendidikan is "SMA" or "D3" ? "Terampil" : "Ahli Pertama";
        var g = GolonganIndexOn(d);
        return g switch
        {
            < 4 => "Pemula",
            < 6 => "Terampil",
            < 8 => Pendidikan is "SMA" or "D3" ? "Mahir" : "Terampil",
            < 10 => Pendidikan is "SMA" or "D3" ? "Penyelia" : "Ahli Pertama",
            < 12 => Pendidikan is "SMA" or "D3" ? "Penyelia" : "Ahli Muda",
            < 15 => "Ahli Madya",
            _ => "Ahli Utama",
        };
    }

    public static string PppkGolongan(string pendidikan) => pendidikan switch
    {
        "SD" => "I",
        "SMP" => "III",
        "SMA" => "V",
        "D1" or "D2" => "VI",
        "D3" => "VII",
        "D4" or "S1" => "IX",
        "S2" => "X",
        _ => "XI",
    };
}
