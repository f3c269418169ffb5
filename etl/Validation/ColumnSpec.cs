namespace Kepegawaian.Etl.Validation;

internal enum ColumnKind { Text, Code, Date, Timestamp, Integer, Decimal }

/// <summary>What a column must name when given (spec §3.8): an employee already loaded, or a known unit.</summary>
internal enum Reference { Employee, Unit }

/// <summary>
/// One column of an entity (spec §3.1–§3.7). Input columns are read from the file in this order;
/// derived columns are filled by the entity's rules. The staging table has exactly these columns,
/// in this order, after <c>line_number</c>.
/// </summary>
internal sealed record ColumnSpec(string Name, ColumnKind Kind)
{
    /// <summary>The value may not be empty (reason <c>WAJIB_KOSONG</c>).</summary>
    public bool Required { get; init; }

    /// <summary>The column may be missing from the header; otherwise a missing column fails the file.</summary>
    public bool Optional { get; init; }

    /// <summary>Allowed codes (matched case-insensitively, stored as written here).</summary>
    public IReadOnlyList<string>? Codes { get; init; }

    /// <summary>
    /// Longest accepted value, in characters (reason <c>TEKS_TERLALU_PANJANG</c>): no column of §3 is
    /// legitimately longer, and a runaway value (a lost closing quote, a pasted document) must not
    /// reach the warehouse and every report as a 100 000-character name.
    /// </summary>
    public int MaxLength { get; init; } = 500;

    public double? Min { get; init; }
    public double? Max { get; init; }

    /// <summary>Computed by the entity rules, never read from the file.</summary>
    public bool Derived { get; init; }

    /// <summary>Checked set-based in SQL against the warehouse (<c>NIP_TIDAK_DIKENAL</c>, <c>UNIT_TIDAK_DIKENAL</c>).</summary>
    public Reference? References { get; init; }

    /// <summary>The natural key (spec §3.8): one per entity; a row with a known key is unchanged or a correction.</summary>
    public bool Key { get; init; }

    /// <summary>
    /// Part of the row hash that tells "unchanged" from "a correction" (spec §3.8). Every non-key column is,
    /// unless its schema entry says why not; the SQL is generated from this (etl/Loading/EntitySql.cs).
    /// </summary>
    public bool InRowHash { get; init; } = true;

    /// <summary>
    /// An SCD2-tracked column of pegawai (spec §3.2): a change opens a new employee version. The value is the
    /// column's position in <c>dim_employee.tracked_hash</c>, fixed since V001 so stored hashes stay valid.
    /// </summary>
    public int? TrackedPosition { get; init; }

    /// <summary>
    /// Staged and validated, but kept outside the entity's table, in the one named here (pegawai's <c>pns_id</c> lives
    /// only in the HR-only crosswalk <c>hr_pns_id</c>). Not the entity's content, so never in its row hash
    /// (<see cref="InRowHash"/> false); the merges leave it out (<c>{{not_stored}}</c>) and a model of its own
    /// writes it (<c>EntitySql.MergeModels</c>).
    /// </summary>
    public string? StoredIn { get; init; }
}

/// <summary>A parsed value; which member is meaningful depends on the column kind.</summary>
internal struct Cell
{
    public bool Present;
    public string? Text;
    public long Integer;
    public double Number;
    public DateOnly Date;
    public DateTime Timestamp;

    public void Clear() => this = default;
}

/// <summary>Why a row was rejected: reason code, column and an Indonesian message.</summary>
internal readonly record struct Rejection(string Column, string Code, string Message);

/// <summary>The reason codes of the rejects ledger (etl_reject.reason_code).</summary>
internal static class Reason
{
    public const string WajibKosong = "WAJIB_KOSONG";
    public const string FormatTanggal = "FORMAT_TANGGAL";
    public const string FormatWaktu = "FORMAT_WAKTU";
    public const string FormatAngka = "FORMAT_ANGKA";
    public const string FormatPeriode = "FORMAT_PERIODE";
    public const string NipTidakValid = "NIP_TIDAK_VALID";
    public const string NipJenisKelamin = "NIP_JENIS_KELAMIN";
    public const string NipTanggalLahir = "NIP_TANGGAL_LAHIR";
    public const string KodeTidakDikenal = "KODE_TIDAK_DIKENAL";
    public const string RentangNilai = "RENTANG_NILAI";
    public const string TanggalTerbalik = "TANGGAL_TERBALIK";
    public const string WaktuTerbalik = "WAKTU_TERBALIK";
    public const string TanggalMasaDepan = "TANGGAL_MASA_DEPAN";
    public const string PredikatTidakSesuai = "PREDIKAT_TIDAK_SESUAI";
    public const string JumlahKolom = "JUMLAH_KOLOM";
    public const string BarisRusak = "BARIS_RUSAK";
    /// <summary>A CSV record or JSONL line over <c>RecordLimits.MaxRecordChars</c>: skipped without being held whole.</summary>
    public const string BarisTerlaluPanjang = "BARIS_TERLALU_PANJANG";
    public const string TeksTerlaluPanjang = "TEKS_TERLALU_PANJANG";
    /// <summary>A source id missing from its profile's mapping file (<c>lookups</c>, e.g. e-Cuti peg_id → NIP).</summary>
    public const string IdTidakDipetakan = "ID_TIDAK_DIPETAKAN";
    /// <summary>A PNS ID not in <c>hr_pns_id</c> (<c>crosswalk</c>, e.g. SIASN rw-skp22 pnsDinilaiId → NIP).</summary>
    public const string PnsIdTidakDikenal = "PNS_ID_TIDAK_DIKENAL";
    // Set-based checks in SQL (etl/Sql/staging/*.sql, in the order of etl/Loading/EntitySql.StagingChecks):
    public const string UnitTidakDikenal = "UNIT_TIDAK_DIKENAL";
    public const string NipTidakDikenal = "NIP_TIDAK_DIKENAL";
    public const string DuplikatId = "DUPLIKAT_ID";
    public const string SnapshotLama = "SNAPSHOT_LAMA";
}
