package standards

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"strings"

	"github.com/caili/caili/formula"
)

// This file hashes what a result is computed from, for the stamp every
// result carries (internal/report Stamp): the bytes of every file the plan
// was read from (plan, standards, data), then the overrides as applied.
// The same plan and overrides give the same hash wherever they are read
// and whatever the plan file is called (the files it names are named in
// its bytes).

// digest feeds one file's bytes to the document's running hash.
func (d *document) digest(data []byte) {
	if d.hash == nil {
		d.hash = sha256.New()
	}
	// As WriteField, without a copy of the file as a string.
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(data)))
	d.hash.Write(n[:])
	d.hash.Write(data)
}

// WriteField feeds a length-prefixed string to a hash, so that fields can
// never run into each other.
func WriteField(h hash.Hash, s string) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	io.WriteString(h, s)
}

// Fields is what WriteField would feed a hash, gathered in one buffer and
// hashed at once: the same SHA-256, without a hash object or a copy of
// each string (a what-if hashes its key, stamp and ETag: issue 25 §4).
// The zero value is empty and ready to use.
type Fields struct{ b []byte }

// Add appends s as WriteField writes it.
func (f *Fields) Add(s string) {
	f.b = binary.BigEndian.AppendUint64(f.b, uint64(len(s)))
	f.b = append(f.b, s...)
}

// AddOverride appends OverrideText(o) as Add would.
func (f *Fields) AddOverride(o Override) {
	v, ok := o.Value.(string)
	if !ok {
		f.Add(OverrideText(o))
		return
	}
	f.b = binary.BigEndian.AppendUint64(f.b, uint64(len(o.Path)+1+len(v)))
	f.b = append(append(append(f.b, o.Path...), '='), v...)
}

// Sum is the SHA-256 of what was added.
func (f *Fields) Sum() [sha256.Size]byte { return sha256.Sum256(f.b) }

// Hex is Sum in hex.
func (f *Fields) Hex() string {
	s := f.Sum()
	return hex.EncodeToString(s[:])
}

// FilesHash is the SHA-256, in hex, of the bytes of every file the plan
// was read from, in the order read (plan, standards, data).
func (d *Document) FilesHash() string {
	if d.doc.filesHash != "" {
		return d.doc.filesHash
	}
	return d.doc.filesHex()
}

// filesHex is the running hash of the files read so far, in hex.
func (d *document) filesHex() string {
	if d.hash == nil {
		return hex.EncodeToString(sha256.New().Sum(nil))
	}
	return hex.EncodeToString(d.hash.Sum(nil))
}

// Stamp is the SHA-256, in hex, of the plan's files and then the
// overrides, each as OverrideText writes it, and, when the damping
// baseline is read from a published result (`@published:2025`), that
// result's hash: what a result of the plan with those overrides is
// computed from.
func (d *Document) Stamp(ovs []Override) string {
	var f Fields
	f.Add(d.FilesHash())
	if pb := d.publishedBaseline(); pb != nil {
		// The baseline was read from the record, not from the files.
		f.Add("@published")
		f.Add(pb.ResultHash)
	}
	for _, o := range ovs {
		f.AddOverride(o)
	}
	return f.Hex()
}

// OverrideText writes an override as `path=value`, a list as its items
// joined by commas: the form --set and set. parameters take, so that the
// text read back gives the same override.
func OverrideText(o Override) string {
	return o.Path + "=" + valueText(o.Value)
}

func valueText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = valueText(e)
		}
		return strings.Join(parts, ",")
	case float64:
		return fmt.Sprint(x)
	}
	return fmt.Sprint(v)
}

// Name is the plan's name as written ([plan] name), before any override.
func (d *Document) Name() string {
	if d.doc.Plan == nil {
		return ""
	}
	return d.doc.Plan.Name.S
}

// publishedBaseline is the published result the plan's damping baseline
// was read from (`@published:2025`), or nil: a plan whose baseline is a
// typed quantity, or one that does not compile.
func (d *Document) publishedBaseline() *formula.PublishedBaseline {
	m, err := d.Compile()
	if err != nil || m.Plan().Damping == nil {
		return nil
	}
	return m.Plan().Damping.Published
}
