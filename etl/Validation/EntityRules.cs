using System.Globalization;
using Kepegawaian.Warehouse.Domain;
using static Kepegawaian.Etl.Validation.EntitySchema;

namespace Kepegawaian.Etl.Validation;

/// <summary>Cross-column rules per entity (spec §3.2–§3.7); each returns the first problem or null.</summary>
internal static class EntityRules
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Ts(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static RowRule Pegawai(EntitySchema s)
    {
        int nip = s.IndexOf("nip"), jk = s.IndexOf("jenis_kelamin"), lahir = s.IndexOf("tanggal_lahir"),
            status = s.IndexOf("status_kepegawaian"), gol = s.IndexOf("golongan"), tmt = s.IndexOf("tmt_cpns");
        return (row, _) =>
        {
            var pppk = row[status].Text == "PPPK";
            var parsed = Nip.Parse(row[nip].Text, pppk);
            if (!parsed.Success)
                return new Rejection("nip", Reason.NipTidakValid, $"Kolom 'nip': '{row[nip].Text}' bukan NIP {(pppk ? "PPPK" : "PNS/CPNS")} yang sah ({NipProblem(parsed.Error)}).");
            var n = parsed.Nip;
            if (row[jk].Present && row[jk].Text![0] != n.JenisKelamin)
                return new Rejection("jenis_kelamin", Reason.NipJenisKelamin, $"Kolom 'jenis_kelamin': '{row[jk].Text}' tidak sesuai dengan digit jenis kelamin NIP {n.Value} ({n.JenisKelamin}).");
            if (row[lahir].Present && row[lahir].Date != n.TanggalLahir)
                return new Rejection("tanggal_lahir", Reason.NipTanggalLahir, $"Kolom 'tanggal_lahir': '{Iso(row[lahir].Date)}' tidak sesuai dengan tanggal lahir dalam NIP {n.Value} ({Iso(n.TanggalLahir)}).");
            var golongan = pppk ? Codes.GolonganPppk : Codes.GolonganPns;
            if (!golongan.Contains(row[gol].Text!))
                return new Rejection("golongan", Reason.KodeTidakDikenal, $"Kolom 'golongan': '{row[gol].Text}' tidak berlaku untuk {row[status].Text} ({(pppk ? "I…XVII" : "I/a…IV/e")}).");
            // Absent values come from the NIP itself.
            row[jk] = new Cell { Present = true, Text = n.JenisKelamin == 'L' ? "L" : "P" };
            row[lahir] = new Cell { Present = true, Date = n.TanggalLahir };
            row[tmt] = new Cell { Present = true, Date = n.Tmt };
            return null;
        };
    }

    private static string NipProblem(NipError e) => e switch
    {
        NipError.Length => "harus 18 digit",
        NipError.NotDigits => "hanya boleh angka",
        NipError.BirthDate => "8 digit pertama bukan tanggal lahir yang sah",
        NipError.Tmt => "bagian TMT tidak sah",
        NipError.Sex => "digit jenis kelamin harus 1 atau 2",
        NipError.Sequence => "nomor urut 000",
        _ => e.ToString(),
    };

    public static RowRule Mutasi(EntitySchema s)
    {
        int jenis = s.IndexOf("jenis_mutasi"), asal = s.IndexOf("kode_unit_asal"), tujuan = s.IndexOf("kode_unit_tujuan");
        return (row, _) =>
        {
            var j = row[jenis].Text;
            // A new appointment has no previous unit; leaving the service has no next one.
            if (!row[asal].Present && j != "pengangkatan")
                return new Rejection("kode_unit_asal", Reason.WajibKosong, $"Kolom 'kode_unit_asal' wajib diisi untuk jenis_mutasi '{j}'.");
            if (!row[tujuan].Present && j is not ("pensiun" or "berhenti"))
                return new Rejection("kode_unit_tujuan", Reason.WajibKosong, $"Kolom 'kode_unit_tujuan' wajib diisi untuk jenis_mutasi '{j}'.");
            return null;
        };
    }

    public static RowRule Diklat(EntitySchema s)
    {
        int mulai = s.IndexOf("tanggal_mulai"), selesai = s.IndexOf("tanggal_selesai");
        return (row, _) => row[mulai].Date > row[selesai].Date
            ? new Rejection("tanggal_selesai", Reason.TanggalTerbalik, $"Kolom 'tanggal_selesai': '{Iso(row[selesai].Date)}' lebih awal dari tanggal_mulai '{Iso(row[mulai].Date)}'.")
            : null;
    }

    public static RowRule Kinerja(EntitySchema s)
    {
        int periode = s.IndexOf("periode"), hasil = s.IndexOf("hasil_kerja"), perilaku = s.IndexOf("perilaku_kerja"),
            predikat = s.IndexOf("predikat"), jenis = s.IndexOf("jenis_periode"), mulai = s.IndexOf("periode_mulai"),
            selesai = s.IndexOf("periode_selesai"), skor = s.IndexOf("skor_predikat"), matriks = s.IndexOf("predikat_matriks");
        return (row, context) =>
        {
            if (!TryPeriode(row[periode].Text!, out var jp, out var from, out var to))
                return new Rejection("periode", Reason.FormatPeriode, $"Kolom 'periode': '{row[periode].Text}' bukan periode YYYY-MM, YYYY-Qn atau YYYY.");
            Predikat.TryParseEkspektasi(row[hasil].Text, out var h);
            Predikat.TryParseEkspektasi(row[perilaku].Text, out var p);
            var expected = Predikat.From(h, p); // PermenPANRB 6/2022 matrix
            var kept = expected;
            if (row[predikat].Present)
            {
                var given = Predikat.Normalize(row[predikat].Text);
                if (given is null)
                    return new Rejection("predikat", Reason.KodeTidakDikenal, $"Kolom 'predikat': '{row[predikat].Text}' bukan predikat kinerja yang dikenal.");
                if (given != expected && context.PredikatPolicy == PredikatPolicy.Reject)
                    return new Rejection("predikat", Reason.PredikatTidakSesuai, $"Kolom 'predikat': '{row[predikat].Text}' tidak sesuai matriks PermenPANRB 6/2022 untuk hasil_kerja '{row[hasil].Text}' × perilaku_kerja '{row[perilaku].Text}' (seharusnya '{expected}').");
                // KeepAndWarn: the source's predikat stays; staging/kinerja.sql warns where it differs from predikat_matriks.
                kept = given;
            }
            row[predikat] = new Cell { Present = true, Text = kept };
            row[skor] = new Cell { Present = true, Integer = Predikat.Score(kept) };
            row[matriks] = new Cell { Present = true, Text = expected };
            row[jenis] = new Cell { Present = true, Text = jp };
            row[mulai] = new Cell { Present = true, Date = from };
            row[selesai] = new Cell { Present = true, Date = to };
            return null;
        };
    }

    /// <summary><c>YYYY-MM</c> bulanan, <c>YYYY-Qn</c> triwulanan, <c>YYYY</c> tahunan → first and last day.</summary>
    internal static bool TryPeriode(string text, out string jenis, out DateOnly from, out DateOnly to)
    {
        jenis = ""; from = to = default;
        var t = text.AsSpan();
        if (t.Length < 4 || !int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1900 || y > 2100) return false;
        if (t.Length == 4) { jenis = "tahunan"; from = new DateOnly(y, 1, 1); to = new DateOnly(y, 12, 31); return true; }
        if (t[4] != '-') return false;
        if (t.Length == 7 && (t[5] == 'Q' || t[5] == 'q') && t[6] is >= '1' and <= '4')
        {
            var q = t[6] - '0';
            jenis = "triwulanan"; from = new DateOnly(y, 3 * q - 2, 1); to = from.AddMonths(3).AddDays(-1);
            return true;
        }
        if (t.Length == 7 && int.TryParse(t[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
        {
            jenis = "bulanan"; from = new DateOnly(y, m, 1); to = from.AddMonths(1).AddDays(-1);
            return true;
        }
        return false;
    }

    public static RowRule Cuti(EntitySchema s)
    {
        int aju = s.IndexOf("waktu_pengajuan"), putus = s.IndexOf("waktu_keputusan"), mulai = s.IndexOf("tanggal_mulai"), selesai = s.IndexOf("tanggal_selesai");
        return (row, _) =>
        {
            if (row[putus].Present && row[putus].Timestamp < row[aju].Timestamp)
                return new Rejection("waktu_keputusan", Reason.WaktuTerbalik, $"Kolom 'waktu_keputusan': '{Ts(row[putus].Timestamp)}' lebih awal dari waktu_pengajuan '{Ts(row[aju].Timestamp)}'.");
            if (row[mulai].Date > row[selesai].Date)
                return new Rejection("tanggal_selesai", Reason.TanggalTerbalik, $"Kolom 'tanggal_selesai': '{Iso(row[selesai].Date)}' lebih awal dari tanggal_mulai '{Iso(row[mulai].Date)}'.");
            return null;
        };
    }

    public static RowRule Skm(EntitySchema s)
    {
        var tanggal = s.IndexOf("tanggal_survei");
        return (row, context) => row[tanggal].Date > context.Today
            ? new Rejection("tanggal_survei", Reason.TanggalMasaDepan, $"Kolom 'tanggal_survei': '{Iso(row[tanggal].Date)}' ada di masa depan (hari ini {Iso(context.Today)} {context.ZoneLabel}).")
            : null;
    }
}
