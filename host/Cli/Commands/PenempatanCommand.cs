using System.CommandLine;
using System.Globalization;
using Kepegawaian.Analytics.Penempatan;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>
/// `kepegawaian penempatan` (issue 15): the retirement wave per unit and jabatan group (BUP per PP 11/2017 Pasal 239) and
/// tenure/rotation per unit. Reads the placement marts, or computes the same figures at `--per DATE` (read-only). Small
/// cells are hidden by <see cref="PenempatanPublik"/>. `beban`: staff against service load (mart_beban); `layanan`: load and tenure beside
/// IKM and leave time (mart_penempatan_layanan, <see cref="PenempatanLayananView"/>); `kesesuaian` and `formasi`: education
/// against the position's minimum and headcount by jenis_jabatan × golongan (<see cref="PenempatanKomposisiView"/>).
/// </summary>
public static class PenempatanCommand
{
    public static Command Create()
    {
        var show = new Option<string>("--show")
        {
            Description = "pensiun (gelombang pensiun per unit dan kelompok jabatan), masa-kerja (masa kerja di unit/jabatan, rotasi), " +
                          "mutasi (perpindahan per tahun, jenis mutasi dan arah; pensiun/berhenti terpisah), " +
                          "beban (pegawai terhadap beban layanan: responden SKM per pegawai dibanding median jenis_unit), " +
                          "layanan (beban dan masa kerja di samping IKM dan waktu proses cuti; asosiasi, bukan sebab-akibat), " +
                          "kesesuaian (pendidikan terhadap pendidikan minimum jabatan: kurang, sesuai, tidak diketahui per unit dan kelompok jabatan), " +
                          "formasi (pegawai per jenis jabatan dan golongan I–IV, PPPK terpisah)",
            DefaultValueFactory = _ => "pensiun",
        };
        show.AcceptOnlyFromAmong("pensiun", "masa-kerja", "mutasi", "beban", "layanan", "kesesuaian", "formasi");
        var unit = new Option<string?>("--unit") { Description = "kode_unit" };
        var per = new Option<string?>("--per")
        {
            Description = "Tanggal acuan YYYY-MM-DD: hitung pada tanggal itu (bawaan: tanggal acuan mart, yaitu data terakhir) / reference date (default: the marts')",
        };
        var format = CommonOptions.Format();
        var command = new Command("penempatan", "Gelombang pensiun, masa kerja dan rotasi per unit. / Retirement wave, tenure and rotation per unit.")
        {
            show, unit, per, format,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var view = parse.GetValue(show)!;
            DateOnly? tanggal = null;
            if (parse.GetValue(per) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw new UsageException($"--per '{text}' bukan tanggal YYYY-MM-DD / not a date.");
                tanggal = d;
            }
            var options = CliConfiguration.Analytics.Penempatan;
            var output = parse.InvocationConfiguration.Output;
            using var c = ReadableWarehouse.Open(parse);
            var min = CliSmallCells.MinCellSize;
            var fmt = parse.GetValue(format);
            var kode = parse.GetValue(unit);
            if (view == "layanan")
            {
                PenempatanLayananView.Write(c, tanggal, kode, min, output, fmt);
                return Task.FromResult(CliApp.Ok);
            }
            if (view is "kesesuaian" or "formasi")
                return Task.FromResult(PenempatanKomposisiView.Write(parse, c, view, tanggal, kode, fmt));
            if (view == "beban")
            {
                var beban = tanggal is { } t ? BebanAnalysis.Compute(c, t, options)
                    : PenempatanQueries.ReadBeban(c)
                      ?? throw new OperatorException("Mart beban belum dibangun. Jalankan 'kepegawaian etl' (penyegaran mart) atau pakai --per TANGGAL. " +
                                                     "/ mart_beban not built yet: run etl, or pass --per DATE.");
                var rows = PenempatanPublik.Beban(beban, min).Where(r => kode is null || r.KodeUnit == kode).ToList();
                ResultWriter.Write(output, rows, fmt);
                if (fmt == OutputFormat.Table && beban.Count > 0)
                    output.WriteLine($"Per {beban[0].TanggalAcuan:yyyy-MM-dd}, 12 bulan ({beban[0].PeriodeMulai:yyyy-MM-dd}, {beban[0].TanggalAcuan:yyyy-MM-dd}]. " +
                                     $"Beban = responden SKM per pegawai (proksi volume layanan: sampel survei, bukan jumlah layanan). " +
                                     $"rasio_median: terhadap median jenis_unit yang sama (unit ≥ {options.BebanMinPegawai} pegawai dengan responden, minimal {options.BebanMinUnit} unit). " +
                                     $"kategori: tinggi ≥ {options.BebanRasioTinggi:0.#}×, rendah ≤ {options.BebanRasioRendah:0.#}×. " +
                                     $"tambahan_pegawai_ke_median: ceil(responden / median) − pegawai. Unit < {min} pegawai tidak dinilai.");
                return Task.FromResult(CliApp.Ok);
            }
            PenempatanResult result;
            if (tanggal is { } acuan)
                result = PenempatanAnalysis.Compute(c, acuan, options);
            else
                result = PenempatanQueries.Read(c)
                    ?? throw new OperatorException("Mart penempatan belum dibangun. Jalankan 'kepegawaian etl' (penyegaran mart) atau pakai --per TANGGAL. " +
                                                   "/ Placement marts not built yet: run etl, or pass --per DATE.");
            if (view == "mutasi")
            {
                ResultWriter.Write(output, PenempatanPublik.Mutasi(result, min).Where(r => kode is null || r.KodeUnit == kode).ToList(), fmt);
                if (fmt == OutputFormat.Table)
                    output.WriteLine($"Sampai {result.TanggalAcuan:yyyy-MM-dd}. mutasi/promosi antarunit: keluar di unit asal, masuk di unit tujuan; pengangkatan masuk; " +
                                     $"pensiun dan berhenti keluar (terpisah); di dalam satu unit: tetap. Sel < {min} disembunyikan.");
            }
            else if (view == "masa-kerja")
            {
                var rows = PenempatanPublik.MasaKerja(result, min).Where(r => kode is null || r.KodeUnit == kode).ToList();
                ResultWriter.Write(output, rows, fmt);
                if (fmt == OutputFormat.Table)
                    output.WriteLine($"Per {result.TanggalAcuan:yyyy-MM-dd}. Masa kerja di unit/jabatan sejak perpindahan tercatat; tanpa perpindahan tercatat sejak TMT CPNS. " +
                                     $"tanpa_rotasi: tak ada mutasi/promosi masuk atau keluar unit dalam {options.TanpaRotasiYears} tahun (kosong: data mutasi belum cukup panjang). " +
                                     $"Pensiun/berhenti dihitung terpisah. Sel < {min} pegawai disembunyikan.");
            }
            else
            {
                var rows = PenempatanPublik.Pensiun(result, min, options.GelombangYears).Where(r => kode is null || r.KodeUnit == kode).ToList();
                ResultWriter.Write(output, rows, fmt);
                if (fmt == OutputFormat.Table)
                    output.WriteLine($"Per {result.TanggalAcuan:yyyy-MM-dd}. pensiun_k: TMT pensiun (tanggal 1 bulan sesudah mencapai BUP) dalam tahun ke-k sesudah tanggal acuan; " +
                                     $"BUP menurut PP 11/2017 Pasal 239 (tabel batas_usia_pensiun.csv / Analytics:Penempatan:BupTable). " +
                                     $"fungsional_tidak_diketahui: jenjang tak terbaca dari nama_jabatan, tanpa BUP (tidak ditebak). " +
                                     $"gelombang: ≥ {options.GelombangShare:P0} kelompok pensiun dalam {options.GelombangYears} tahun. Sel < {min} pegawai disembunyikan.");
            }
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }
}
