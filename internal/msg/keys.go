package msg

// Messages of unknown keys in plan, standards and scenario files (issue
// 11 §3): the nearest valid key is suggested with StdDidYouMean
// (standards.go); when none is near and the table has few keys, they are
// listed.
var (
	// StdKeysHere lists the keys the table of an unknown key may hold.
	StdKeysHere = def(";此处可写的键:%s", "; the keys here are %s")
)
