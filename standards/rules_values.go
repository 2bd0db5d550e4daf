package standards

import (
	"slices"
	"strings"

	"github.com/caili/caili/internal/msg"
)

// This file reads the values of the rules added to [tiers] and [damping]
// (rules §2): the keys of [tiers], a flag (floor_keeps_rating) and a list
// of component names (exclude). Like Number and Text, decoding never
// fails: a bad value is kept as a problem so that every problem in a file
// is reported together.

// UnmarshalTOML implements [toml.Unmarshaler] for one key of [tiers]: a
// table [tiers.X] (its max_share, and any other key as unknown), or a
// value of [tiers] itself such as overflow.
func (t *tierDoc) UnmarshalTOML(v any) error {
	tm, ok := v.(map[string]any)
	if !ok {
		*t = tierDoc{Value: parseText(v)}
		return nil
	}
	*t = tierDoc{table: true}
	for k, x := range tm {
		if k == "max_share" {
			if err := t.MaxShare.UnmarshalTOML(x); err != nil {
				return err
			}
			continue
		}
		t.unknown = append(t.unknown, k)
	}
	slices.Sort(t.unknown)
	return nil
}

// Flag is a plan value that must be a TOML boolean; an override from the
// command line or a query may also write it as the text true or false.
type Flag struct {
	Set     bool    // the key was present
	B       bool    // the value, when Problem is nil
	Problem *Reason // why the value is not a boolean
}

// UnmarshalTOML implements [toml.Unmarshaler].
func (f *Flag) UnmarshalTOML(v any) error {
	*f = parseFlag(v)
	return nil
}

// parseFlag reads a boolean, or the text "true" or "false".
func parseFlag(v any) Flag {
	switch x := v.(type) {
	case bool:
		return Flag{Set: true, B: x}
	case string:
		switch strings.TrimSpace(x) {
		case "true":
			return Flag{Set: true, B: true}
		case "false":
			return Flag{Set: true}
		}
		return Flag{Set: true, Problem: because(msg.StdFlagText, clip(x))}
	}
	return Flag{Set: true, Problem: becauseKind(msg.StdFlagKind, v)}
}

// Components is a list of component names, such as [damping] exclude
// (which names it may hold is a rule the engine checks).
type Components struct {
	Set     bool     // the key was present
	List    []string // the names, when Problem is nil
	Problem *Reason  // why the value is not a list of names
}

// UnmarshalTOML implements [toml.Unmarshaler].
func (c *Components) UnmarshalTOML(v any) error {
	*c = parseComponents(v)
	return nil
}

// componentsValue takes a list of components as a TOML array, or from
// the command line as a comma-separated text ("personnel, public"; blank
// or "[]": the empty list).
func componentsValue(value any) any {
	if s, ok := value.(string); ok && (strings.TrimSpace(s) == "" || strings.TrimSpace(s) == "[]") {
		return []any{}
	}
	return namesValue(value)
}

// parseComponents reads a list of component names, a TOML array of
// strings (empty: none).
func parseComponents(v any) Components {
	list, problem := stringList(v, msg.StdComponentsList, msg.StdComponentsItem)
	switch {
	case problem != nil:
		list = nil
	case list == nil:
		list = []string{}
	}
	return Components{Set: true, List: list, Problem: problem}
}

// textKey is a key of a map of texts in a document (a sub-district's
// project ratings).
type textKey struct {
	m   map[string]Text
	key string
}
