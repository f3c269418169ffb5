-- kinerja: after the generated checks (duplicate key, known employee and unit; etl/Loading/EntitySql.cs).
-- Etl:PredikatPolicy = KeepAndWarn: a row whose predikat contradicts the PermenPANRB 6/2022 matrix was kept with the
-- source's value (EntityRules.Kinerja set predikat_matriks from the one matrix, warehouse/Domain/Predikat.cs); every
-- such row still loaded after the checks above is warned about once, naming the value the matrix gives.
INSERT INTO stg_warning (line_number, column_name, reason_code, message, expected)
SELECT line_number, 'predikat', 'PREDIKAT_TIDAK_SESUAI',
       'Kolom ''predikat'': ''' || predikat || ''' tidak sesuai matriks PermenPANRB 6/2022 untuk hasil_kerja ''' || hasil_kerja
       || ''' × perilaku_kerja ''' || perilaku_kerja || ''' (seharusnya ''' || predikat_matriks || '''); predikat sumber tetap dimuat.',
       predikat_matriks
FROM stg_kinerja
WHERE predikat <> predikat_matriks;
