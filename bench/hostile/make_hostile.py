#!/usr/bin/env python3
"""Writes the hostile inbox files of issue 10 item 2 into DIR/<case>/ (standard library only).

Each case folder also gets a valid unit_kerja file, so the run shows that the other files still load.
Usage: make_hostile.py DIR
"""
import os, sys, zipfile

UNIT = "kode_unit,nama_unit,jenis_unit,kode_induk,populasi\nKEC01,Kecamatan Ilir Timur I,kecamatan,,70000\nKEL01,Kelurahan 20 Ilir D I,kelurahan,KEC01,12000\n"
SKM_HEADER = "id_responden,kode_unit,jenis_layanan,tanggal_survei,u1,u2,u3,u4,u5,u6,u7,u8,u9,jenis_kelamin,usia,pendidikan,pekerjaan,saran"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
}


def case(root, name):
    d = os.path.join(root, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "unit_kerja_2026.csv"), "w") as f:
        f.write(UNIT)
    return d


def xlsx(path, sheet_rows, shared=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for n, t in PARTS.items():
            z.writestr(n, t)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as s:
            s.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>'.encode())
            for chunk in sheet_rows:
                s.write(chunk.encode())
            s.write(b"</sheetData></worksheet>")
        if shared:
            with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as s:
                shared(s)


def cell(ref, v):
    return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'


def xfd_rows(n):
    cols = SKM_HEADER.split(",")[:4]
    yield '<row r="1">' + "".join(cell(f"{chr(65 + i)}1", c) for i, c in enumerate(cols)) + "</row>"
    for r in range(2, n + 2):
        yield f'<row r="{r}">{cell(f"A{r}", f"R{r}")}{cell(f"XFD{r}", "x")}</row>'


def main(root):
    # 0. control: only the valid file, so the growth any run causes can be told from the hostile file's
    case(root, "control")
    # 0b. control with an ordinary short rejected row: the same tables touched as by the long-line cases
    with open(os.path.join(case(root, "control-reject"), "skm_pendek.csv"), "w") as f:
        f.write(SKM_HEADER + "\nR1,KEL01,KTP-el,2026-05-02,4,4,4,4,4,4,4,4,4,P,34,S1,Wiraswasta,baik\nR2,KEL01,KTP-el,2026-05-02,9,4,4,4,4,4,4,4,4,P,34,S1,Wiraswasta,\n")
    # 1. ~1 MB XLSX whose rows hold a cell in column XFD
    xlsx(os.path.join(case(root, "xlsx-xfd"), "skm_xfd.xlsx"), xfd_rows(100_000))
    # 2./3. one 200 MB line in CSV and in JSONL
    big = 200 << 20
    with open(os.path.join(case(root, "csv-line"), "skm_line.csv"), "w") as f:
        f.write(SKM_HEADER + "\nR1,KEL01,KTP-el,2026-05-02,4,4,4,4,4,4,4,4,4,P,34,S1,Wiraswasta,")
        for _ in range(big >> 20):
            f.write("a" * (1 << 20))
        f.write("\n")
    with open(os.path.join(case(root, "jsonl-line"), "skm_line.jsonl"), "w") as f:
        f.write('{"id_responden":"R0","kode_unit":"KEL01","jenis_layanan":"KTP-el","tanggal_survei":"2026-05-02"}\n')
        f.write('{"id_responden":"R1","kode_unit":"KEL01","jenis_layanan":"KTP-el","tanggal_survei":"2026-05-02","saran":"')
        for _ in range(big >> 20):
            f.write("a" * (1 << 20))
        f.write('"}\n')
    # 4. XLSX whose shared string unpacks to 700 MiB (zip bomb)
    def bomb(s):
        s.write(f'<sst {NS} count="1" uniqueCount="1"><si><t>'.encode())
        chunk = b"a" * (1 << 20)
        for _ in range(700):
            s.write(chunk)
        s.write(b"</t></si></sst>")
    xlsx(os.path.join(case(root, "xlsx-bomb"), "skm_bom.xlsx"),
         ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'], bomb)
    # 5. 10 000 unknown columns
    extra = [f"kolom_asing_{i}" for i in range(1, 10_001)]
    with open(os.path.join(case(root, "unknown-columns"), "unit_kerja_asing.csv"), "w") as f:
        f.write("kode_unit,nama_unit,jenis_unit," + ",".join(extra) + "\n")
        f.write("DINKES,Dinas Kesehatan,dinas" + "," * len(extra) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
