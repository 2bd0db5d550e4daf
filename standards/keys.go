package standards

import (
	"reflect"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file says what an unknown key of a plan, standards or scenario file
// may have meant: the nearest of the keys valid at its place, which are
// read from the Go types the file is decoded into (their `toml` tags), so
// that they cannot drift from what the decoder accepts.

// maxListedKeys is how many valid keys are listed, when none is near the
// unknown one; a table with more lists none.
const maxListedKeys = 8

var unmarshalerType = reflect.TypeFor[toml.Unmarshaler]()

// unknownKey is the problem of an unknown key at path in file (line 0:
// the caller or [document.place] finds it), typed being its last part,
// with the nearest of keys, the keys valid at its place, or those keys
// themselves when none is near and they are few.
func unknownKey(file, path, typed string, keys []string) formula.Problem {
	p := sayAt(file, 0, path, formula.CodeUnknownKey, msg.StdUnknownKey)
	if slices.Contains(keys, typed) { // a valid key of the wrong kind: no other is meant
		return p
	}
	switch near := nearest(typed, keys, 3); {
	case near != "":
		alsoSay(&p, msg.StdDidYouMean, near)
	case len(keys) > 0 && len(keys) <= maxListedKeys:
		alsoSay(&p, msg.StdKeysHere, msg.List(keys))
	}
	return p
}

// keysAt lists the keys the table at path (a TOML key, without indices)
// may hold when root is decoded: the tags of the struct at that place,
// through pointers and slices (arrays of tables). It gives none when the
// path leads through a map (any key is valid there), through a value
// that decodes itself, or through a key that is itself unknown.
func keysAt(root reflect.Type, path []string) []string {
	t := tableOf(root)
	for _, k := range path {
		if t == nil {
			return nil
		}
		f, ok := fieldOf(t, k)
		if !ok {
			return nil
		}
		t = tableOf(f)
	}
	if t == nil {
		return nil
	}
	return structKeys(t)
}

// tableOf is the struct type a TOML table decodes into as t, through
// pointers, slices and arrays; nil when it is not one (a map, or a type
// with its own UnmarshalTOML).
func tableOf(t reflect.Type) reflect.Type {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			t = t.Elem()
			continue
		case reflect.Struct:
			if reflect.PointerTo(t).Implements(unmarshalerType) {
				return nil
			}
			return t
		}
		return nil
	}
}

// fieldOf is the type of struct t's field for TOML key k.
func fieldOf(t reflect.Type, k string) (reflect.Type, bool) {
	var found reflect.Type
	eachKey(t, func(key string, ft reflect.Type) bool {
		if key == k {
			found = ft
			return false
		}
		return true
	})
	return found, found != nil
}

// structKeys lists the TOML keys of struct t, in field order.
func structKeys(t reflect.Type) []string {
	var keys []string
	eachKey(t, func(key string, _ reflect.Type) bool {
		keys = append(keys, key)
		return true
	})
	return keys
}

// eachKey calls f with each TOML key of struct t and its field's type, in
// field order, until f returns false; embedded structs without a tag give
// their own keys, as the decoder reads them. Unexported fields and those
// tagged "-" have no key. It reports whether f asked to go on.
func eachKey(t reflect.Type, f func(key string, ft reflect.Type) bool) bool {
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		switch {
		case sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct:
			if !eachKey(sf.Type, f) {
				return false
			}
			continue
		case !sf.IsExported() || name == "-":
			continue
		case name == "":
			name = sf.Name
		}
		if !f(name, sf.Type) {
			return false
		}
	}
	return true
}

// tiersKeys lists the keys of [tiers]: overflow, cap_base, and the tiers whose
// share may be capped in a table [tiers.A] to [tiers.D].
func tiersKeys() []string {
	keys := []string{"overflow", "cap_base"}
	for t := formula.TierA; t <= formula.TierD; t++ {
		keys = append(keys, t.String())
	}
	return keys
}

// tierKeys lists the keys of a table [tiers.X].
func tierKeys() []string { return structKeys(reflect.TypeFor[tierDoc]()) }

// labelKeys lists the keys of a label of [quantity_labels].
func labelKeys() []string { return structKeys(reflect.TypeFor[labelDoc]()) }
