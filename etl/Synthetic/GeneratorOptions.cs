namespace Kepegawaian.Etl.Synthetic;

/// <summary>What <see cref="SyntheticGenerator"/> writes; the same options (incl. EndDate) give byte-identical files.</summary>
public sealed record GeneratorOptions
{
    public required string OutDir { get; init; }
    public int Employees { get; init; } = 15_000;
    public int Years { get; init; } = 3;
    public int Seed { get; init; } = 42;

    /// <summary>Fraction 0..1 of rows for which a corrupted copy is mixed in (every copy is one spec §3 rejects).</summary>
    public double BadRows { get; init; }

    /// <summary>Last day covered; nothing in the files is dated after it. The CLI defaults to today in <c>Schedule:TimeZone</c>.</summary>
    public DateOnly EndDate { get; init; }

    /// <summary>
    /// Inject the placement signals of issue 15 (<see cref="InjectedEffects.RetirementWaveUnit"/>,
    /// <see cref="InjectedEffects.NoRotationUnits"/>, <see cref="InjectedEffects.UnderstaffedUnits"/>). Off by default: existing seeds stay byte-identical (other
    /// validations depend on them); <c>generate --placement-signals</c> and the placement tests turn it on.
    /// </summary>
    public bool PlacementSignals { get; init; }

    /// <summary>
    /// Source shapes to write instead of the contract's (<see cref="Synthetic.SourceShapes"/>: <c>siasn</c> for the pegawai
    /// snapshots, <c>skm-long</c> for SKM, <c>ecuti</c> for online leave, <c>siasn-api</c> for the mutasi, diklat and kinerja
    /// histories); the other entities stay contract-shaped. Empty (default): all contract files.
    /// </summary>
    public IReadOnlySet<string> SourceShapes { get; init; } = new HashSet<string>();
}

/// <summary>One written inbox file.</summary>
public sealed record GeneratedFile(string Path, string Entity, int Year, long Rows, long BadRows);

/// <summary>Every file written, and how many corrupted rows of each kind (see <see cref="BadRowKind"/>) were mixed in.</summary>
public sealed record GenerationResult(IReadOnlyList<GeneratedFile> Files, IReadOnlyDictionary<string, long> BadRowsByKind)
{
    /// <summary>
    /// The known truth behind the level-4 training effect: per SKM unit, the calendar years in which its IKM is raised by
    /// <see cref="InjectedEffects.IkmRiseAfterTraining"/> (so it also falls back by as much the year after). Units absent: never.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> IkmRaisedYears { get; init; } = new Dictionary<string, IReadOnlyList<int>>();
}

/// <summary>The defects <see cref="GeneratorOptions.BadRows"/> mixes in; each one is a row spec §3 rejects.</summary>
public static class BadRowKind
{
    public const string NipInvalid = "nip_invalid";                 // 17 digits or an impossible birth date
    public const string NipSexMismatch = "nip_sex_mismatch";        // jenis_kelamin disagrees with the NIP's sex digit
    public const string UnitUnknown = "unit_unknown";               // kode_unit not in unit_kerja
    public const string NipUnknown = "nip_unknown";                 // fact about an employee no pegawai file has
    public const string DateImpossible = "date_impossible";         // e.g. 2025-02-30
    public const string SkmValueOutOfRange = "skm_value_out_of_range"; // u1..u9 = 0 or 5
    public const string PredikatInconsistent = "predikat_inconsistent"; // predikat ≠ PermenPANRB 6/2022 matrix: rejected under Etl:PredikatPolicy = Reject, loaded with a warning under the default KeepAndWarn
    public const string DuplicateId = "duplicate_id";               // id repeated within a file
    public const string DateOrder = "date_order";                   // tanggal_mulai > tanggal_selesai
    public const string MissingRequired = "missing_required";       // required cell empty
    public const string JpOutOfRange = "jp_out_of_range";           // jp 0 or 5000
    public const string KeputusanBeforePengajuan = "keputusan_before_pengajuan";
    public const string CodeUnknown = "code_unknown";               // e.g. jenis_cuti "liburan"
    public const string SurveyInFuture = "survey_in_future";        // tanggal_survei after today
    public const string SkpOutOfRange = "skp_out_of_range";         // nilai_skp 150
}
