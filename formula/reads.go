package formula

// QuantitiesRead returns every quantity name the plan's standards read,
// each with the key path of the first standard that reads it: quota and
// project bases (a `staff.ID` basis is a headcount), factor indicators,
// the incentive's current and previous quantities, the damping
// baseline and transfer bases. A quantity of a sub-district that is not here changes no
// figure.
func (p *Plan) QuantitiesRead() map[string]string {
	out := map[string]string{}
	use := func(name, path string) {
		if _, ok := out[name]; !ok && name != "" {
			out[name] = path
		}
	}
	for i, q := range p.Quotas {
		for _, b := range q.Basis {
			use(b, EntryPath("quota", q.ID, i)+".basis")
		}
	}
	for i, pr := range p.Projects {
		for _, b := range pr.Basis {
			use(b, EntryPath("project", pr.ID, i)+".basis")
		}
	}
	for i, f := range p.Factors {
		for k, in := range f.Indicators {
			use(in.Quantity, EntryPath(EntryPath("factor", f.ID, i)+".indicator", in.Quantity, k)+".quantity")
		}
	}
	if in := p.Incentive; in != nil {
		use(in.Current, "incentive.current")
		use(in.Previous, "incentive.previous")
	}
	if d := p.Damping; d != nil && d.Published == nil { // a published baseline is no quantity to collect
		use(d.Baseline, "damping.baseline")
	}
	for i, t := range p.Transfers {
		for _, b := range t.Basis {
			use(b, EntryPath("transfer", t.ID, i)+".basis")
		}
	}
	return out
}
