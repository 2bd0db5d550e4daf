package zipsort

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"testing"
)

// TestWorksheetsSorted: the leading worksheets come out sorted by name,
// every other entry where it was written, each with its contents.
func TestWorksheetsSorted(t *testing.T) {
	var buf bytes.Buffer
	z := New(&buf)
	in := []string{"xl/worksheets/sheet3.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "[Content_Types].xml", "xl/workbook.xml"}
	for _, name := range in {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, "contents of "+name); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range r.File {
		got = append(got, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || string(b) != "contents of "+f.Name {
			t.Errorf("%s: %q %v", f.Name, b, err)
		}
	}
	want := []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "[Content_Types].xml", "xl/workbook.xml"}
	if !slices.Equal(got, want) {
		t.Errorf("entries %v, want %v", got, want)
	}
}
