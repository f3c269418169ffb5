using DuckDB.NET.Data;
using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Analytics.Tests;

/// <summary>Writes dimension and fact rows straight into a TempWarehouse (no ETL), via appenders.</summary>
public sealed class WarehouseSeed
{
    private readonly List<(string Kode, string Nama)> _units = [];
    private readonly List<(string Nip, string Nama, string Unit, string Golongan, string Jabatan, DateOnly From, DateOnly To, DateOnly Tmt)> _employees = [];
    private readonly List<(string Nip, int Year, int Quarter, double? Nilai, string Hasil, string Perilaku, string Unit)> _kinerja = [];
    private readonly List<(string Nip, string Kode, string Jenis, DateOnly Mulai, DateOnly Selesai, int Jp, string Status, double? Reaksi, double? Pre, double? Post)> _diklat = [];
    private readonly List<(string Unit, DateOnly Tanggal, int Answer)> _skm = [];

    public WarehouseSeed Unit(string kode, string nama) { _units.Add((kode, nama)); return this; }

    public WarehouseSeed Employee(string nip, string unit, string golongan = "III/a", string jabatan = "pelaksana",
        DateOnly? from = null, DateOnly? to = null, string? nama = null)
    {
        _employees.Add((nip, nama ?? "Pegawai " + nip[^4..], unit, golongan, jabatan, from ?? new DateOnly(2015, 1, 1), to ?? new DateOnly(9999, 12, 31), new DateOnly(2010, 3, 1)));
        return this;
    }

    public WarehouseSeed Kinerja(string nip, int year, int quarter, double? nilai, string unit, string hasil = "sesuai", string perilaku = "sesuai")
    {
        _kinerja.Add((nip, year, quarter, nilai, hasil, perilaku, unit));
        return this;
    }

    public WarehouseSeed Diklat(string nip, string kode, string jenis, DateOnly mulai, DateOnly selesai, int jp, string status = "lulus",
        double? reaksi = null, double? pre = null, double? post = null)
    {
        _diklat.Add((nip, kode, jenis, mulai, selesai, jp, status, reaksi, pre, post));
        return this;
    }

    /// <summary>One SKM respondent answering every element with the same value (1…4).</summary>
    public WarehouseSeed Skm(string unit, DateOnly tanggal, int answer) { _skm.Add((unit, tanggal, answer)); return this; }

    public void WriteTo(DuckDBConnection c)
    {
        using (var a = c.CreateAppender("dim_unit"))
            foreach (var u in _units)
                a.CreateRow().AppendValue(u.Kode).AppendValue(u.Nama).AppendValue("dinas").AppendNullValue().AppendNullValue()
                    .AppendValue(0UL).AppendNullValue().AppendNullValue().EndRow();
        long sk = 1;
        using (var a = c.CreateAppender("dim_employee"))
            foreach (var e in _employees)
                a.CreateRow().AppendValue(sk++).AppendValue(e.Nip).AppendValue(e.Nama).AppendValue("L").AppendValue((DateOnly?)new DateOnly(1985, 1, 1))
                    .AppendValue("PNS").AppendValue(e.Golongan).AppendValue(e.Jabatan).AppendValue("Staf").AppendValue(e.Unit).AppendValue("S1")
                    .AppendValue((DateOnly?)e.Tmt).AppendValue((DateOnly?)e.From).AppendValue((DateOnly?)e.To).AppendValue(e.To.Year == 9999)
                    .AppendValue(0UL).AppendValue(0UL).AppendValue("pegawai").AppendNullValue().EndRow();
        var id = 0;
        using (var a = c.CreateAppender("fact_kinerja"))
            foreach (var k in _kinerja)
            {
                Predikat.TryParseEkspektasi(k.Hasil, out var h);
                Predikat.TryParseEkspektasi(k.Perilaku, out var p);
                var predikat = Predikat.From(h, p);
                var mulai = new DateOnly(k.Year, (k.Quarter - 1) * 3 + 1, 1);
                a.CreateRow().AppendValue($"K{++id}").AppendValue(k.Nip).AppendValue($"{k.Year}-Q{k.Quarter}").AppendValue("triwulanan")
                    .AppendValue((DateOnly?)mulai).AppendValue((DateOnly?)mulai.AddMonths(3).AddDays(-1)).AppendValue(k.Hasil).AppendValue(k.Perilaku)
                    .AppendValue(predikat).AppendValue((sbyte)Predikat.Score(predikat)).AppendValue(k.Nilai).AppendValue(k.Unit)
                    .AppendValue(0UL).AppendValue(0L).AppendValue(predikat).EndRow(); // predikat_matriks (V055): the matrix's
            }
        using (var a = c.CreateAppender("fact_diklat"))
            foreach (var d in _diklat)
                a.CreateRow().AppendValue($"D{++id}").AppendValue(d.Nip).AppendValue(d.Kode).AppendValue("Pelatihan " + d.Kode).AppendValue(d.Jenis)
                    .AppendValue((DateOnly?)d.Mulai).AppendValue((DateOnly?)d.Selesai).AppendValue(d.Jp).AppendValue(d.Status)
                    .AppendValue(d.Reaksi).AppendValue(d.Pre).AppendValue(d.Post).AppendValue(0UL).AppendValue(0L).EndRow();
        using (var a = c.CreateAppender("fact_skm"))
            foreach (var s in _skm)
            {
                var row = a.CreateRow().AppendValue($"S{++id}").AppendValue(s.Unit).AppendValue("Layanan").AppendValue((DateOnly?)s.Tanggal);
                for (var i = 0; i < 9; i++) row.AppendValue((sbyte)s.Answer);
                row.AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue().AppendValue(0UL).AppendValue(0L).EndRow();
            }
    }
}
