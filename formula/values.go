package formula

import (
	"iter"
	"maps"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"
)

// Names numbers the names of one kind of a sub-district's values
// (staff categories, quantities) once for a whole plan, so that every
// sub-district keeps its values as a column of numbers rather than a map
// of its own (issue 25 §2: a map of 117 quantities takes a 256-slot
// table, 8.4 KB a sub-district; the column takes 1.9 KB). Names is never
// changed once made, so many sub-districts and goroutines share it.
type Names struct {
	list   []string         // by number
	index  map[string]int32 // name → number
	sorted []int32          // numbers in the order of their names
}

// NewNames numbers names in the order given; a name given twice keeps
// its first number.
func NewNames(names ...string) *Names {
	n := &Names{list: make([]string, 0, len(names)), index: make(map[string]int32, len(names))}
	for _, name := range names {
		if _, ok := n.index[name]; !ok {
			n.index[name] = int32(len(n.list))
			n.list = append(n.list, name)
		}
	}
	n.sorted = make([]int32, len(n.list))
	for i := range n.sorted {
		n.sorted[i] = int32(i)
	}
	slices.SortFunc(n.sorted, func(a, b int32) int {
		switch x, y := n.list[a], n.list[b]; {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	return n
}

// Len is the number of names.
func (n *Names) Len() int {
	if n == nil {
		return 0
	}
	return len(n.list)
}

// lookup is name's number.
func (n *Names) lookup(name string) (int, bool) {
	if n == nil {
		return 0, false
	}
	i, ok := n.index[name]
	return int(i), ok
}

// Values are one sub-district's values by name: its headcounts or
// payroll by staff category, or its quantities. A value is present or
// absent, as a key in a map is; the zero Values has none. Values are
// read through methods (Get, Value, All) and made by [NewValues],
// [ValuesOf] or [Values.With]; a Values copied shares its numbers, as a
// map does, so [Values.Set] is for the one who is building it.
type Values struct {
	names *Names
	v     []decimal.Decimal // by number; absent ones are zero
	has   []uint64          // bit i: number i is present
}

// NewValues is an empty Values with room for every name of names: Set
// fills it without allocating.
func NewValues(names *Names) Values {
	n := names.Len()
	return Values{names: names, v: make([]decimal.Decimal, n), has: make([]uint64, (n+63)/64)}
}

// ValuesOf is the values of m, numbered by their sorted names.
func ValuesOf(m map[string]decimal.Decimal) Values {
	if len(m) == 0 {
		return Values{}
	}
	v := NewValues(NewNames(slices.Sorted(maps.Keys(m))...))
	for k, x := range m {
		v.Set(k, x)
	}
	return v
}

// Get is name's value and whether it is present.
func (v Values) Get(name string) (decimal.Decimal, bool) {
	i, ok := v.names.lookup(name)
	if !ok || !v.present(i) {
		return decimal.Decimal{}, false
	}
	return v.v[i], true
}

// GetNumbered is Get for a name whose number in v's numbering the caller
// already has (from [Values.Numbering] and [Names.Number]), as a writer
// of many sub-districts' values in the same columns does: without
// looking the name up. A number that is not name's costs the lookup.
func (v Values) GetNumbered(i int, name string) (decimal.Decimal, bool) {
	if i < 0 || i >= len(v.v) || v.names.list[i] != name {
		return v.Get(name)
	}
	if !v.present(i) {
		return decimal.Decimal{}, false
	}
	return v.v[i], true
}

// Numbering is the numbering of v's names, shared by the Values made
// with it (nil for none).
func (v Values) Numbering() *Names { return v.names }

// Value is name's value, zero when absent.
func (v Values) Value(name string) decimal.Decimal {
	x, _ := v.Get(name)
	return x
}

// Has reports whether name has a value.
func (v Values) Has(name string) bool {
	i, ok := v.names.lookup(name)
	return ok && v.present(i)
}

// present reports whether number i has a value.
func (v Values) present(i int) bool {
	return i < len(v.v) && v.has[i/64]&(1<<(i%64)) != 0
}

// Len is the number of values present.
func (v Values) Len() int {
	n := 0
	for _, w := range v.has {
		n += bits.OnesCount64(w)
	}
	return n
}

// All yields the values present, in the order of their names.
func (v Values) All() iter.Seq2[string, decimal.Decimal] {
	return func(yield func(string, decimal.Decimal) bool) {
		if v.names == nil {
			return
		}
		for _, i := range v.names.sorted {
			if v.present(int(i)) && !yield(v.names.list[i], v.v[i]) {
				return
			}
		}
	}
}

// Names lists the names present, sorted.
func (v Values) Names() []string {
	out := make([]string, 0, v.Len())
	for k := range v.All() {
		out = append(out, k)
	}
	return out
}

// Map is the values as a map of their own.
func (v Values) Map() map[string]decimal.Decimal {
	m := make(map[string]decimal.Decimal, v.Len())
	for k, x := range v.All() {
		m[k] = x
	}
	return m
}

// Set gives name the value x in place: seen by every copy of v when name
// is one of v's names, as a map's entry would be. A name v's names lack
// gives v names of its own.
func (v *Values) Set(name string, x decimal.Decimal) {
	i, ok := v.names.lookup(name)
	if !ok {
		*v = v.extended(name)
		i, _ = v.names.lookup(name)
	}
	v.v[i] = x
	v.has[i/64] |= 1 << (i % 64)
}

// SetNumbered is Set for a name whose number in v's names the caller
// already has (from [Names.Number]), as a reader of many rows with the
// same columns does: without looking the name up. A number that is not
// name's costs the lookup.
func (v *Values) SetNumbered(i int, name string, x decimal.Decimal) {
	if i < 0 || i >= len(v.v) || v.names.list[i] != name {
		v.Set(name, x)
		return
	}
	v.v[i] = x
	v.has[i/64] |= 1 << (i % 64)
}

// Delete removes name's value in place, if it has one.
func (v *Values) Delete(name string) {
	if i, ok := v.names.lookup(name); ok && i < len(v.v) {
		v.v[i] = decimal.Decimal{}
		v.has[i/64] &^= 1 << (i % 64)
	}
}

// With is a copy of v with name's value x; v is unchanged.
func (v Values) With(name string, x decimal.Decimal) Values {
	c := v.Clone()
	c.Set(name, x)
	return c
}

// Without is a copy of v without name's value; v is unchanged.
func (v Values) Without(name string) Values {
	c := v.Clone()
	c.Delete(name)
	return c
}

// Clone is a copy of v that shares nothing it could change.
func (v Values) Clone() Values {
	if v.names == nil {
		return Values{}
	}
	return Values{names: v.names, v: slices.Clone(v.v), has: slices.Clone(v.has)}
}

// extended is a copy of v whose names add name.
func (v Values) extended(name string) Values {
	var list []string
	if v.names != nil {
		list = v.names.list
	}
	c := NewValues(NewNames(append(slices.Clip(list), name)...))
	copy(c.v, v.v)
	copy(c.has, v.has)
	return c
}

// Equal reports whether v and o have the same names present, each with
// an equal value.
func (v Values) Equal(o Values) bool {
	if v.Len() != o.Len() {
		return false
	}
	for k, x := range v.All() {
		if y, ok := o.Get(k); !ok || !x.Equal(y) {
			return false
		}
	}
	return true
}

// SameNames reports whether v and o have the same names present.
func (v Values) SameNames(o Values) bool {
	if v.Len() != o.Len() {
		return false
	}
	for k := range v.All() {
		if !o.Has(k) {
			return false
		}
	}
	return true
}

// same reports whether v and o are the same values, not copies: made
// once and shared.
func (v Values) same(o Values) bool {
	return v.names == o.names && len(v.v) == len(o.v) && (len(v.v) == 0 || &v.v[0] == &o.v[0])
}

// Number is name's number in n; false when n has no such name.
func (n *Names) Number(name string) (int, bool) { return n.lookup(name) }

// Has reports whether name is one of n's names.
func (n *Names) Has(name string) bool {
	_, ok := n.lookup(name)
	return ok
}
