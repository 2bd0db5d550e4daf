package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/caili/caili/formula"
)

// The hostile files of issue 20 §6, made here: each is refused or read
// within 2 s and 200 MB allocated in all (the limits are far above what
// the reader needs, so that a slow machine does not fail them).
const (
	hostileTime  = 2 * time.Second
	hostileBytes = 200 << 20
)

// part is one entry of a hand-made .xlsx.
type part struct {
	name string
	body func(w io.Writer)
}

// fixed is a part of fixed text.
func fixed(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }

// makeXLSX zips the parts with the workbook's sheet list (one sheet,
// 街道数据, in xl/worksheets/sheet1.xml) and relationships.
func makeXLSX(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	base := []part{
		{"[Content_Types].xml", fixed(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)},
		{"xl/workbook.xml", fixed(`<workbook><sheets><sheet name="` + SheetData + `" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{"xl/_rels/workbook.xml.rels", fixed(`<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`)},
	}
	for _, p := range append(base, parts...) {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		p.body(w)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sheet is a worksheet part whose rows rows writes.
func sheet(rows func(w io.Writer)) part {
	return part{"xl/worksheets/sheet1.xml", func(w io.Writer) {
		io.WriteString(w, `<worksheet><sheetData>`)
		rows(w)
		io.WriteString(w, `</sheetData></worksheet>`)
	}}
}

// idRow writes the id row: the id and name columns.
func idRow(w io.Writer) {
	io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>`)
}

// hostile is one hostile file and the problem code it is refused with
// ("" when it may be read, with whatever problems).
type hostile struct {
	name  string
	heavy bool // skipped under -short
	make  func(t testing.TB) []byte
	code  formula.Code
}

var hostiles = []hostile{
	{name: "wide blank rows", make: func(t testing.TB) []byte {
		// 20,000 rows each with one blank (styled) cell at XFD.
		return makeXLSX(t, sheet(func(w io.Writer) {
			idRow(w)
			for r := 2; r <= MaxRows; r++ {
				fmt.Fprintf(w, `<row r="%d"><c r="XFD%d" s="1"/></row>`, r, r)
			}
		}))
	}},
	{name: "a value at the last column of every row", make: func(t testing.TB) []byte {
		col := colName(MaxColumns - 1)
		return makeXLSX(t, sheet(func(w io.Writer) {
			idRow(w)
			for r := 2; r <= MaxRows; r++ {
				fmt.Fprintf(w, `<row r="%d"><c r="%s%d"><v>1</v></c></row>`, r, col, r)
			}
		}))
	}},
	{name: "a value at XFD", code: codeTooLarge, make: func(t testing.TB) []byte {
		return makeXLSX(t, sheet(func(w io.Writer) {
			idRow(w)
			io.WriteString(w, `<row r="2"><c r="XFD2"><v>1</v></c></row>`)
		}))
	}},
	{name: "millions of shared strings", heavy: true, code: codeTooLarge, make: func(t testing.TB) []byte {
		return makeXLSX(t, part{"xl/sharedStrings.xml", func(w io.Writer) {
			io.WriteString(w, `<sst>`)
			for i := range maxSharedStrings + 500000 {
				fmt.Fprintf(w, `<si><t>s%07d</t></si>`, i)
			}
			io.WriteString(w, `</sst>`)
		}}, sheet(func(w io.Writer) {
			io.WriteString(w, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)
		}))
	}},
	{name: "one huge shared string", code: codeTooLarge, make: func(t testing.TB) []byte {
		return makeXLSX(t, part{"xl/sharedStrings.xml", func(w io.Writer) {
			io.WriteString(w, `<sst><si><t>`+strings.Repeat("x", 50<<20)+`</t></si></sst>`)
		}}, sheet(func(w io.Writer) {
			io.WriteString(w, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)
		}))
	}},
	{name: "one huge inline string", code: codeTooLarge, make: func(t testing.TB) []byte {
		return makeXLSX(t, sheet(func(w io.Writer) {
			idRow(w)
			io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>`+strings.Repeat("&amp;", 10<<20)+`</t></is></c></row>`)
		}))
	}},
	{name: "zip bomb", heavy: true, code: codeTooLarge, make: func(t testing.TB) []byte {
		zeros := make([]byte, 1<<20)
		return makeXLSX(t, sheet(func(w io.Writer) {
			for range 200 {
				w.Write(zeros)
			}
		}))
	}},
	{name: "billion laughs", code: "", make: func(t testing.TB) []byte {
		var dtd strings.Builder
		dtd.WriteString(`<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol">`)
		prev := "lol"
		for i := 1; i <= 9; i++ {
			name := fmt.Sprintf("lol%d", i)
			dtd.WriteString(`<!ENTITY ` + name + ` "` + strings.Repeat("&"+prev+";", 10) + `">`)
			prev = name
		}
		dtd.WriteString(`]>`)
		return makeXLSX(t, part{"xl/sharedStrings.xml", fixed(dtd.String() + `<sst><si><t>&lol9;</t></si></sst>`)},
			part{"xl/worksheets/sheet1.xml", fixed(dtd.String() + `<worksheet><sheetData>` +
				`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>` +
				`<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c><c r="B2" t="s"><v>0</v></c></row>` +
				`</sheetData></worksheet>`)})
	}},
	{name: "10 M commas", code: codeTooLarge, make: func(t testing.TB) []byte {
		return []byte("id,name\n" + strings.Repeat(",", 10_000_000) + "\n")
	}},
	{name: "10,000 lines of 999 commas", make: func(t testing.TB) []byte {
		return []byte("id,name\n" + strings.Repeat(strings.Repeat(",", 999)+"\n", 10000))
	}},
	{name: "one huge CSV field", code: codeTooLarge, make: func(t testing.TB) []byte {
		return []byte("id,name\nx,\"" + strings.Repeat("y\n", 1<<20) + "\"\n")
	}},
}

// TestHostileFiles reads each hostile file and measures its time and
// what it allocates.
func TestHostileFiles(t *testing.T) {
	p := samplePlan(t)
	for _, h := range hostiles {
		t.Run(h.name, func(t *testing.T) {
			if h.heavy && testing.Short() {
				t.Skip("heavy: not under -short")
			}
			data := h.make(t)
			if len(data) > MaxFileBytes {
				t.Fatalf("the file is %d bytes, more than MaxFileBytes", len(data))
			}
			name := "hostile.xlsx"
			if !bytes.HasPrefix(data, zipMagic) {
				name = "hostile.csv"
			}
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, ps := Read(name, data, p)
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d KiB file: %v, %.1f MiB allocated, %d problems", len(data)>>10, took.Round(time.Millisecond), float64(alloc)/(1<<20), len(ps))
			if took > hostileTime*raceSlowdown || alloc > hostileBytes {
				t.Errorf("took %v and allocated %d MiB; the limits are %v and %d MiB", took, alloc>>20, hostileTime*raceSlowdown, hostileBytes>>20)
			}
			if h.code != "" && (len(ps) == 0 || ps[0].Code != h.code) {
				t.Errorf("problems %v, want the file refused as %s", ps, h.code)
			}
			for _, pr := range ps {
				if len(pr.String()) > 2000 {
					t.Errorf("a problem of %d bytes: %.200s", len(pr.String()), pr.String())
				}
			}
		})
	}
}
