package standards

// Patchable reports whether an override takes the what-if fast path
// (patch.go) on any plan that has what it names: a plain number at a path
// whose field the fast path sets. Other overrides go the general way
// (clone the document, set, convert, validate), which costs more; callers
// that apply many combinations of overrides (internal/attribution) apply
// those once per combination of them and the numbers on top.
func Patchable(o Override) bool {
	f, _, ok := lookup(o.Path)
	return ok && f.plan != nil && parseNumber(o.Value).Problem == nil
}
