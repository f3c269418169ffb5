namespace Kepegawaian.Etl;

/// <summary>
/// What the ETL does with a <c>kinerja</c> row whose predikat contradicts the PermenPANRB 6/2022 matrix of
/// hasil kerja × perilaku kerja (<c>Etl:PredikatPolicy</c>, issue 13 item 4). SIASN holds such values: some
/// clients store the better of the two ratings instead of the matrix's predikat.
/// </summary>
public enum PredikatPolicy
{
    /// <summary>
    /// Default: the row is loaded with the source's predikat (and its skor), the matrix's predikat is kept
    /// beside it (<c>fact_kinerja.predikat_matriks</c>), a row warning <c>PREDIKAT_TIDAK_SESUAI</c> naming the
    /// expected value goes to <c>etl_row_warning</c>, and <c>mart_kualitas_data</c> counts the row.
    /// Rejecting would drop real appraisals.
    /// </summary>
    KeepAndWarn,

    /// <summary>The row is rejected <c>PREDIKAT_TIDAK_SESUAI</c> (the behaviour before issue 13).</summary>
    Reject,
}
