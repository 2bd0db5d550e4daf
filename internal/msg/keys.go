package msg

import "strings"

// Messages of unknown keys in plan, standards and scenario files (issue
// 11 §3): the nearest valid key is suggested with StdDidYouMean
// (standards.go); when none is near and the table has few keys, they are
// listed.
var (
	// StdKeysHere lists the keys the table of an unknown key may hold.
	StdKeysHere = def("StdKeysHere", ";此处可写的键:%s", "; the keys here are %s")
)

// Verbatim says its argument as it is, in every language: the words of a
// library's error that has none of the table's.
var Verbatim = def("Verbatim", "%s", "%s")

// List is a list of names said as one argument: joined by "、" in
// Chinese and by ", " in English.
type List []string

// In joins the list in l.
func (s List) In(l Lang) string {
	if l == En {
		return strings.Join(s, ", ")
	}
	return strings.Join(s, "、")
}
