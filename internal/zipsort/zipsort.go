// Package zipsort is the zip writer workbooks are saved with (excelize's
// ZipWriter), so that the same workbook gives the same bytes: excelize
// writes its streamed sheets first, in the order of a map. It is used by
// the result workbook (internal/report/xlsx) and the data-collection
// template (standards/workbook).
package zipsort

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// Writer compresses each entry as it comes and writes them on Close with
// the leading run of worksheets sorted by name, every other entry where
// excelize put it: a workbook with two streamed sheets would otherwise
// come out in either order.
type Writer struct {
	zw      *zip.Writer
	entries []*zipEntry
}

// zipEntry is one compressed entry waiting to be written.
type zipEntry struct {
	name       string
	data       bytes.Buffer
	fw         *flate.Writer
	crc        uint32
	size       uint64
	compressed bool
}

// New is a Writer writing the archive to w: excelize's ZipWriter
// function, f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return
// zipsort.New(w) }).
func New(w io.Writer) *Writer { return &Writer{zw: zip.NewWriter(w)} }

// Create starts an entry.
func (z *Writer) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	e := &zipEntry{name: name}
	fw, err := flate.NewWriter(&e.data, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	e.fw = fw
	z.entries = append(z.entries, e)
	return e, nil
}

// Write compresses p into the entry.
func (e *zipEntry) Write(p []byte) (int, error) {
	e.crc = crc32.Update(e.crc, crc32.IEEETable, p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

// finish closes the compressor of the last entry.
func (z *Writer) finish() error {
	if len(z.entries) == 0 {
		return nil
	}
	e := z.entries[len(z.entries)-1]
	if e.compressed {
		return nil
	}
	e.compressed = true
	return e.fw.Close()
}

// AddFS writes the entries so far, then the files of fsys.
func (z *Writer) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close writes every entry and ends the archive.
func (z *Writer) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.Close()
}

// flush writes the entries waiting, the leading worksheets sorted.
func (z *Writer) flush() error {
	if err := z.finish(); err != nil {
		return err
	}
	lead := 0
	for lead < len(z.entries) && strings.HasPrefix(z.entries[lead].name, "xl/worksheets/") {
		lead++
	}
	slices.SortStableFunc(z.entries[:lead], func(a, b *zipEntry) int { return strings.Compare(a.name, b.name) })
	for _, e := range z.entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc,
			CompressedSize64: uint64(e.data.Len()), UncompressedSize64: e.size}
		w, err := z.zw.CreateRaw(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(e.data.Bytes()); err != nil {
			return err
		}
	}
	z.entries = z.entries[:0]
	return nil
}
