package xlsx

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

// sortedZip is the zip writer the workbook is saved with, so that the same
// result gives the same bytes: excelize writes its streamed sheets first,
// in the order of a map, so a workbook with two streamed sheets would come
// out in either order. sortedZip compresses each entry as it comes and
// writes them on Close with the leading run of worksheets sorted by name,
// every other entry where excelize put it.
type sortedZip struct {
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

// newSortedZip is excelize's ZipWriter function for sortedZip.
func newSortedZip(w io.Writer) *sortedZip { return &sortedZip{zw: zip.NewWriter(w)} }

// Create starts an entry.
func (z *sortedZip) Create(name string) (io.Writer, error) {
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
func (z *sortedZip) finish() error {
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
func (z *sortedZip) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close writes every entry and ends the archive.
func (z *sortedZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.Close()
}

// flush writes the entries waiting, the leading worksheets sorted.
func (z *sortedZip) flush() error {
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
