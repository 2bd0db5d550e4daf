package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file opens an .xlsx as what it is, a zip of XML parts, and reads
// only the parts the import needs (the sheet list, its relationships, the
// styles, the shared strings and the sheets read), each within what its
// zip entry declares it unpacks to: a zip bomb is refused from its
// directory, before anything is inflated (archive/zip refuses an entry
// that inflates to more than it declares).

// Limits on what an .xlsx unpacks to, besides maxUnzipBytes in all.
const (
	maxParts         = 10000    // entries of the zip
	maxSharedStrings = 1 << 20  // shared strings (sharedStrings.xml)
	maxSharedBytes   = 16 << 20 // their text, in all
	maxCellRunes     = 32767    // one cell's text: Excel's own limit
)

// book is an opened .xlsx file.
type book struct {
	parts   map[string]*zip.File
	unzip   int64    // bytes unpacked so far, at most limit
	limit   int64    // what it may unpack to: unzipLimit of its size
	names   []string // the sheets, in order
	targets []string // each sheet's part
	shared  *sharedStrings
	dates   map[int]bool // the cell formats that show dates (dateStyles)
	cells   int          // cells with a value kept so far, at most MaxCells
}

// limitError is a limit a workbook went beyond, or a part refused
// (code): what it says.
type limitError struct {
	code formula.Code
	w    words
}

func (e *limitError) Error() string { return "workbook beyond a limit" }

// beyond is the error of a limit, saying m with args.
func beyond(m msg.Message, args ...any) error { return &limitError{codeTooLarge, say(m, args...)} }

// openBook opens an .xlsx within the limits of what it unpacks to; a
// file it cannot open is refused with a code and what it says.
func openBook(data []byte) (*book, *limitError) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &limitError{formula.CodeUnreadable, say(msg.WbNotXLSXBecause, err)}
	}
	if len(zr.File) > maxParts {
		return nil, beyond(msg.WbTooManyParts, maxParts).(*limitError)
	}
	b := &book{parts: make(map[string]*zip.File, len(zr.File)), limit: unzipLimit(len(data))}
	for _, f := range zr.File {
		b.parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	if err := b.readSheetList(); err != nil {
		if le := (*limitError)(nil); errors.As(err, &le) {
			return nil, le
		}
		return nil, &limitError{formula.CodeUnreadable, say(msg.WbNotXLSXBecause, err)}
	}
	return b, nil
}

// unzipLimit is what an .xlsx of n bytes may unpack to:
// minUnzipBytes, or maxUnzipRatio times its size for a larger file, but
// never more than maxUnzipBytes. A workbook of figures packs about 5 to 10
// times; a zip bomb packs a thousand times and is refused before it is
// inflated.
func unzipLimit(n int) int64 {
	return min(maxUnzipBytes, max(minUnzipBytes, maxUnzipRatio*int64(n)))
}

// close releases the workbook.
func (b *book) close() {}

// has reports whether the workbook has a sheet of that name.
func (b *book) has(name string) bool { return b.index(name) >= 0 }

// index is the position of the sheet of that name, or -1.
func (b *book) index(name string) int {
	for i, n := range b.names {
		if n == name {
			return i
		}
	}
	return -1
}

// sheets lists the workbook's sheet names.
func (b *book) sheets() []string { return b.names }

// readPart returns a part of the package; nil, nil when it has none.
// What it unpacks to counts against maxUnzipBytes.
func (b *book) readPart(name string) ([]byte, error) {
	f, ok := b.parts[name]
	if !ok {
		return nil, nil
	}
	size := f.UncompressedSize64
	if size > uint64(b.limit-b.unzip) {
		return nil, beyond(msg.WbUnzipTooBig, b.limit>>20)
	}
	b.unzip += int64(size)
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	buf := make([]byte, size)
	if _, err := io.ReadFull(rc, buf); err != nil {
		return nil, err
	}
	// One byte more must be the end: archive/zip refuses more than the
	// entry declares, as a format error.
	switch n, err := rc.Read(make([]byte, 1)); {
	case n > 0:
		return nil, beyond(msg.WbPartTooBig, name, b.limit>>20)
	case err != nil && !errors.Is(err, io.EOF):
		return nil, err
	}
	return buf, nil
}

// part returns a part of the package, or nil (unreadable parts too).
func (b *book) part(name string) []byte {
	data, _ := b.readPart(name)
	return data
}

// readSheetList reads the workbook's sheets and where each one's part is:
// the workbook's sheet list gives their relationships, the relationships
// their parts.
func (b *book) readSheetList() error {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for _, p := range []struct {
		name string
		v    any
	}{{"xl/workbook.xml", &wb}, {"xl/_rels/workbook.xml.rels", &rels}} {
		data, err := b.readPart(p.name)
		if err != nil {
			return err
		}
		if data == nil {
			return errors.New(p.name + " missing")
		}
		if err := decodeXML(data, p.v); err != nil {
			return &limitError{formula.CodeUnreadable, say(msg.WbBadXML, p.name)}
		}
	}
	for _, s := range wb.Sheets {
		target := ""
		for _, r := range rels.Rels {
			if r.ID == s.RID {
				target = strings.TrimPrefix(r.Target, "/")
				if !strings.HasPrefix(r.Target, "/") {
					target = path.Join("xl", r.Target)
				}
				break
			}
		}
		b.names = append(b.names, s.Name)
		b.targets = append(b.targets, target)
	}
	return nil
}

// decodeXML unmarshals a small part: encoding/xml expands no entity but
// the five of XML, so an entity bomb is an error, and a document type is
// refused outright.
func decodeXML(data []byte, v any) error {
	if bytes.Contains(data, []byte("<!DOCTYPE")) || bytes.Contains(data, []byte("<!ENTITY")) {
		return errors.New("document type")
	}
	return xml.Unmarshal(data, v)
}

// sheetXML returns the XML of the named worksheet.
func (b *book) sheetXML(name string) ([]byte, error) {
	i := b.index(name)
	if i < 0 || b.targets[i] == "" {
		return nil, errNoSheetPart
	}
	data, err := b.readPart(b.targets[i])
	if err != nil {
		return nil, err
	}
	if data == nil {
		return nil, errNoSheetPart
	}
	if bytes.Contains(data, []byte("<!DOCTYPE")) || bytes.Contains(data, []byte("<!ENTITY")) {
		return nil, &limitError{formula.CodeUnreadable, say(msg.WbBadXML, b.targets[i])}
	}
	return data, nil
}
