package standards

import (
	"slices"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
)

// This file decodes a 街道's headcounts, payroll and quantities
// ([subdistrict.staff], .payroll, .quantities) straight into decimals
// when every value is a plain number, as a data file's are kept: at
// 10,000 街道 of 126 keys the maps of Numbers the decoder filled by
// reflection were the largest thing held while decoding, and each
// conversion of the document copied them (issue 25 §2).

// numbers is one such table as decoded.
type numbers struct {
	plain map[string]decimal.Decimal // every value a plain number: the decimals
	m     map[string]Number          // otherwise every value as read (nil when plain)
	array bool                       // the value was an array: not a table, and not read
}

// UnmarshalTOML implements [toml.Unmarshaler]. What it reads is what
// the decoder made of a map of Numbers: a table's values each read as
// [Number] reads one, and any other value left unread. The decoder takes
// every key under an array as read, where it took them as unknown for a
// map: decodeFile asks for those again (withArrayNumbers).
func (ns *numbers) UnmarshalTOML(v any) error {
	switch t := v.(type) {
	case map[string]any:
		ns.read(t)
	case []map[string]any, []any:
		ns.array = true
	}
	return nil
}

// read reads a table's values.
func (ns *numbers) read(t map[string]any) {
	plain := make(map[string]decimal.Decimal, len(t))
	for k, x := range t {
		n := readNumber(x, false)
		if n.Problem != nil || n.dated != nil {
			ns.m = make(map[string]Number, len(t))
			for k, x := range t {
				ns.m[k] = readNumber(x, false)
			}
			return
		}
		plain[k] = n.Dec
	}
	ns.plain = plain
}

// asNumbers is the table as a map of Numbers; nil when it was not given.
func (ns *numbers) asNumbers() map[string]Number {
	if ns.m != nil {
		return ns.m
	}
	return numbersOf(valuesOf(ns.plain, new(*formula.Names)))
}

// valuesOf is m as values numbered by namesOf(m, last).
func valuesOf(m map[string]decimal.Decimal, last **formula.Names) formula.Values {
	v := formula.NewValues(namesOf(m, last))
	for k, x := range m {
		v.Set(k, x)
	}
	return v
}

// settleNumbers keeps each 街道 whose three tables are all plain numbers
// as a data file's 街道 are kept (data), and the others as maps of
// Numbers, whose problems conversion reports at their paths.
func (d *document) settleNumbers() {
	var last [3]*formula.Names
	for i := range d.Subdistrict {
		s := &d.Subdistrict[i]
		if s.StaffIn.m == nil && s.PayrollIn.m == nil && s.QuantitiesIn.m == nil {
			s.data = &formula.Subdistrict{Staff: valuesOf(s.StaffIn.plain, &last[0]), Payroll: valuesOf(s.PayrollIn.plain, &last[1]),
				Quantities: valuesOf(s.QuantitiesIn.plain, &last[2])}
		} else {
			s.Staff, s.Payroll, s.Quantities = s.StaffIn.asNumbers(), s.PayrollIn.asNumbers(), s.QuantitiesIn.asNumbers()
		}
		s.StaffIn, s.PayrollIn, s.QuantitiesIn = numbers{}, numbers{}, numbers{}
	}
}

// arrayNumbers is a decoded value that may hold numbers tables given as
// arrays.
type arrayNumbers interface{ numbersInArrays() bool }

// numbersInArrays reports whether some 街道's numbers table was an array.
func (d *document) numbersInArrays() bool {
	return slices.ContainsFunc(d.Subdistrict, func(s subdistrictDoc) bool {
		return s.StaffIn.array || s.PayrollIn.array || s.QuantitiesIn.array
	})
}

// numbersAsMaps is the 街道's numbers tables decoded as maps, as the
// document once decoded them: what the decoder leaves unread of it is what
// it left unread of the document's, under an array.
type numbersAsMaps struct {
	Subdistrict []struct {
		Staff      map[string]Number `toml:"staff"`
		Payroll    map[string]Number `toml:"payroll"`
		Quantities map[string]Number `toml:"quantities"`
	} `toml:"subdistrict"`
}

// withArrayNumbers adds to und, the keys of the file md left unread, those
// under a 街道's numbers table given as an array, which the decoder took
// as read: in the file's order, as md lists its keys.
func withArrayNumbers(md toml.MetaData, src string, und []toml.Key) []toml.Key {
	var maps numbersAsMaps
	md2, err := toml.Decode(src, &maps)
	if err != nil {
		return und
	}
	unread := map[string]bool{}
	for _, k := range und {
		unread[keyString(k)] = true
	}
	extra := false
	for _, k := range md2.Undecoded() {
		if len(k) > 2 && k[0] == "subdistrict" && (k[1] == "staff" || k[1] == "payroll" || k[1] == "quantities") && !unread[keyString(k)] {
			unread[keyString(k)] = true
			extra = true
		}
	}
	if !extra {
		return und
	}
	var out []toml.Key
	for _, k := range md.Keys() {
		if unread[keyString(k)] {
			out = append(out, k)
		}
	}
	return out
}
