#!/usr/bin/env python3
"""Writes the hostile uploads of issue 20 §6 into a folder, for uploads.sh:
wide-blank.xlsx (20,000 rows, each with one blank styled cell at column
XFD), strings.xlsx (1,500,000 shared strings), huge-string.xlsx (one 50 MB
shared string), commas.csv (10,000,000 commas on one line) and
bomb.xlsx (a sheet that unpacks to 200 MB of zeros). Standard library
only."""
import sys
import zipfile
from pathlib import Path

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
      '<sheet name="街道数据" sheetId="1" r:id="rId1"/></sheets></workbook>')
WBRELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
          '</Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def book(path, sheet, strings='<sst %s count="0" uniqueCount="0"/>' % NS):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', WB)
        z.writestr('xl/_rels/workbook.xml.rels', WBRELS)
        z.writestr('xl/worksheets/sheet1.xml', sheet)
        z.writestr('xl/sharedStrings.xml', strings)


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    rows = ''.join('<row r="%d"><c r="XFD%d" s="1"/></row>' % (i, i) for i in range(1, 20001))
    book(out / 'wide-blank.xlsx', '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (NS, rows))
    n = 1_500_000
    sst = '<sst %s count="%d" uniqueCount="%d">%s</sst>' % (NS, n, n, ''.join('<si><t>s%d</t></si>' % i for i in range(n)))
    book(out / 'strings.xlsx', '<worksheet %s><sheetData/></worksheet>' % NS, sst)
    huge = '<sst %s count="1" uniqueCount="1"><si><t>%s</t></si></sst>' % (NS, 'x' * 50_000_000)
    book(out / 'huge-string.xlsx', '<worksheet %s><sheetData/></worksheet>' % NS, huge)
    (out / 'commas.csv').write_text('id' + ',' * 10_000_000 + '\n', encoding='utf-8')
    book(out / 'bomb.xlsx', '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (NS, '0' * 200_000_000))
    for p in sorted(out.iterdir()):
        print('%-18s %8d KiB' % (p.name, p.stat().st_size >> 10))


if __name__ == '__main__':
    main(Path(sys.argv[1] if len(sys.argv) > 1 else 'hostile'))
