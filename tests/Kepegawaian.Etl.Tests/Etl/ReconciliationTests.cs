namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>Spec §3.8 "nothing is lost": rows read = loaded + unchanged + rejected, per file, in the summary and the audit.</summary>
public sealed class ReconciliationTests
{
    [Fact]
    public void Every_file_reconciles_and_the_audit_and_ledger_agree_with_the_summary()
    {
        using var bed = new EtlTestBed();
        foreach (var (name, text) in EtlTestBed.AllCsv) bed.Write(name, text);
        bed.Run();
        // A second delivery: some rows repeated (unchanged), some corrected, some new, some bad.
        bed.Write("kinerja_2026-b.csv", EtlTestBed.KinerjaHeader + """

            K1,196711101992031001,2026-Q1,di_atas,di_atas,Sangat Baik,110,KEC01
            K2,198502142010012002,2026-03,sesuai,di_bawah,,70,DINKES
            K3,200012312024211001,2026-03,sesuai,sesuai,,,DINKES
            K4,200012312024211001,2026-03,sesuai,sesuai,Sangat Baik,,DINKES
            K5,111,2026-03,sesuai,sesuai,,,DINKES
            K3,200012312024211001,2026-03,sesuai,sesuai,,,DINKES
            """);
        bed.Write("skm_2026-b.csv", EtlTestBed.SkmHeader + """

            R1,KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,,4,P,34,S1,Wiraswasta,Antrian lama
            R3,KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,7,4,P,34,S1,Wiraswasta,
            R4,KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,4,4,P,34,S1,Wiraswasta,
            """);

        // Reject: the PREDIKAT_TIDAK_SESUAI row (K4) is one of the rejects counted here (Etl:PredikatPolicy).
        var summary = bed.Run(new EtlRequest(bed.Inbox) { PredikatPolicy = PredikatPolicy.Reject });

        var kinerja = summary.Files.Single(f => f.File == "kinerja_2026-b.csv");
        Assert.Equal((6L, 2L, 1L, 3L), (kinerja.RowsRead, kinerja.RowsLoaded, kinerja.RowsUnchanged, kinerja.RowsRejected));
        var skm = summary.Files.Single(f => f.File == "skm_2026-b.csv");
        Assert.Equal((3L, 1L, 1L, 1L), (skm.RowsRead, skm.RowsLoaded, skm.RowsUnchanged, skm.RowsRejected));
        Assert.Equal(summary.RowsRead, summary.RowsLoaded + summary.RowsUnchanged + summary.RowsRejected);

        foreach (var r in bed.Rows("""
            SELECT f.file_name, f.rows_read, f.rows_loaded, f.rows_unchanged, f.rows_rejected,
                   (SELECT count(*) FROM etl_reject j WHERE j.file_id = f.file_id)
            FROM etl_file f
            """))
        {
            Assert.Equal((long)r[1]!, (long)r[2]! + (long)r[3]! + (long)r[4]!);
            Assert.Equal((long)r[4]!, (long)r[5]!);
        }
        Assert.Equal(
            [(5L, "predikat", "PREDIKAT_TIDAK_SESUAI"), (6L, "nip", "NIP_TIDAK_DIKENAL"), (7L, "id_penilaian", "DUPLIKAT_ID")],
            bed.Rejects("kinerja_2026-b.csv"));
    }
}
