package standards

import (
	"errors"
	"hash"
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// document is one plan as written: the plan file merged with its standards
// file, before conversion to engine types. Overrides are applied to it.
type document struct {
	Plan        *planDoc            `toml:"plan"`
	Staff       []staffDoc          `toml:"staff"`
	Quota       []quotaDoc          `toml:"quota"`
	Project     []projectDoc        `toml:"project"`
	Tiers       map[string]*tierDoc `toml:"tiers"`
	Factor      []factorDoc         `toml:"factor"`
	Performance *performanceDoc     `toml:"performance"`
	Incentive   *incentiveDoc       `toml:"incentive"`
	Damping     *dampingDoc         `toml:"damping"`
	Subdistrict []subdistrictDoc    `toml:"subdistrict"`
	Use         []useDoc            `toml:"use"` // permitted uses (uses.go)
	// Succession is [[succession]]: merged and split sub-districts
	// (succession.go).
	Succession []successionDoc `toml:"succession"`
	// ExecutionRule is [[execution_rule]]: execution-rate warnings
	// (succession.go).
	ExecutionRule []executionRuleDoc `toml:"execution_rule"`
	origin        map[string]string  // top-level key → file that holds it
	src           map[string][]byte  // file → its text, to locate problems by line
	files         []string           // plan file first, then the standards file
	pending       []formula.Problem  // problems found while decoding, reported with validation
	hash          hash.Hash          // of every file read, names and bytes, in order (digest.go)
	filesHash     string             // hash's sum in hex, once every file is read (digest.go)
	published     *publishedCache    // reads `@published:` baselines (published.go); shared by clones
	catalogue     *formula.Catalogue // the 科目 table [plan] catalogue names (classify.go); nil: none

	// ProjectPerformance is [project_performance], the coefficients of
	// project ratings.
	ProjectPerformance *projectPerformanceDoc `toml:"project_performance"`

	// QuantityLabels is [quantity_labels]: quantity → its name and unit.
	QuantityLabels map[string]*labelDoc `toml:"quantity_labels"`

	moneyDoc
}

// moneyDoc are the tables of rules §6 a plan or standards file may hold:
// [block], [project_execution] and [[transfer]].
type moneyDoc struct {
	// Block is [block]: the most stage 6 shares out.
	Block *blockDoc `toml:"block"`
	// ProjectExecution is [project_execution]: execution-rate bands.
	ProjectExecution *projectExecutionDoc `toml:"project_execution"`
	// Transfer is [[transfer]]: earmarked transfers passed through.
	Transfer []transferDoc `toml:"transfer"`
	// Classification is [classification.block|incentive|damping]: the
	// codes of the lines of no standard (classify.go).
	Classification *classificationDoc `toml:"classification"`
}

type blockDoc struct {
	Amount Number `toml:"amount"`
}

type projectExecutionDoc struct {
	Bands []bandDoc `toml:"bands"`
}

// bandDoc is one band of [project_execution] bands, an inline table
// (see UnmarshalTOML in convert_money.go). Its tags are what keys.go
// suggests for an unknown key of a band.
type bandDoc struct {
	Below       Number   `toml:"below"`
	Coefficient Number   `toml:"coefficient"`
	problem     *Reason  // why the band is not a table
	unknown     []string // keys other than below and coefficient, sorted
}

type transferDoc struct {
	ID     Text   `toml:"id"`
	Name   Text   `toml:"name"`
	Amount Number `toml:"amount"`
	Basis  Names  `toml:"basis"`
	codesDoc
}

// standardsDoc is what a standards file may hold: no [plan], no sub-districts.
type standardsDoc struct {
	Staff       []staffDoc          `toml:"staff"`
	Quota       []quotaDoc          `toml:"quota"`
	Project     []projectDoc        `toml:"project"`
	Tiers       map[string]*tierDoc `toml:"tiers"`
	Factor      []factorDoc         `toml:"factor"`
	Performance *performanceDoc     `toml:"performance"`
	Incentive   *incentiveDoc       `toml:"incentive"`
	Damping     *dampingDoc         `toml:"damping"`

	// ProjectPerformance is [project_performance].
	ProjectPerformance *projectPerformanceDoc `toml:"project_performance"`

	// QuantityLabels is [quantity_labels].
	QuantityLabels map[string]*labelDoc `toml:"quantity_labels"`

	moneyDoc
}

type planDoc struct {
	Name         Text   `toml:"name"`
	District     Text   `toml:"district"`
	FiscalYear   Number `toml:"fiscal_year"`
	Capacity     Number `toml:"capacity"`
	RoundingUnit Number `toml:"rounding_unit"`
	ReserveRate  Number `toml:"reserve_rate"`
	Population   Text   `toml:"population"`
	Standards    Text   `toml:"standards"`
	Data         Text   `toml:"data"`      // a workbook or CSV of the sub-districts (data.go)
	Catalogue    Text   `toml:"catalogue"` // the 科目 table (classify.go)
}

type staffDoc struct {
	ID         Text   `toml:"id"`
	Name       Text   `toml:"name"`
	AnnualPay  Number `toml:"annual_pay"`
	OncostRate Number `toml:"oncost_rate"`
	codesDoc
}

type quotaDoc struct {
	ID    Text   `toml:"id"`
	Name  Text   `toml:"name"`
	Rate  Number `toml:"rate"`
	Basis Names  `toml:"basis"`
	codesDoc
}

type projectDoc struct {
	ID       Text   `toml:"id"`
	Name     Text   `toml:"name"`
	UnitCost Number `toml:"unit_cost"`
	Basis    Names  `toml:"basis"`
	Tier     Text   `toml:"tier"`
	// Managed is who spends it: subdistrict (default) or district (rules §6).
	Managed Text `toml:"managed"`
	// Department is the 主管部门's name.
	Department Text `toml:"department"`
	codesDoc
}

// codesDoc are the classification codes a [[staff]], [[quota]] or
// [[project]] may carry (docs/classification.md).
type codesDoc struct {
	FunctionCode Text `toml:"function_code"`
	EconomicCode Text `toml:"economic_code"`
	// The 一体化 classification (classify.go): 政府经济分类, project class,
	// 资金性质, 指标文号.
	GovEconomicCode Text `toml:"gov_economic_code"`
	Class           Text `toml:"class"`
	Fund            Text `toml:"fund"`
	DocNo           Text `toml:"doc_no"`
}

// tierDoc is one key of [tiers]: a table [tiers.X] with its max_share, or
// a value of [tiers] itself (overflow). See UnmarshalTOML in rules_values.go.
// Its tags are what keys.go suggests for an unknown key of [tiers.X].
type tierDoc struct {
	MaxShare Number   `toml:"max_share"` // [tiers.X] max_share; unset: no cap
	Value    Text     `toml:"-"`         // the value of a key of [tiers] that is not a table
	table    bool     // whether the key is a table [tiers.X]
	unknown  []string // keys of the table other than max_share, sorted
}

type factorDoc struct {
	ID        Text           `toml:"id"`
	Name      Text           `toml:"name"`
	Weight    Number         `toml:"weight"`
	Indicator []indicatorDoc `toml:"indicator"`
}

type indicatorDoc struct {
	Quantity Text   `toml:"quantity"`
	Weight   Number `toml:"weight"`
}

type performanceDoc struct {
	Mode         Text              `toml:"mode"`
	Coefficients map[string]Number `toml:"coefficients"`
}

type incentiveDoc struct {
	Rate     Number `toml:"rate"`
	Current  Text   `toml:"current"`
	Previous Text   `toml:"previous"`
	Budget   Number `toml:"budget"`
}

type dampingDoc struct {
	Baseline         Text       `toml:"baseline"`
	Floor            Number     `toml:"floor"`
	Ceiling          Number     `toml:"ceiling"`
	Exclude          Components `toml:"exclude"`
	FloorKeepsRating Flag       `toml:"floor_keeps_rating"`
}

type projectPerformanceDoc struct {
	Coefficients map[string]Number `toml:"coefficients"`
}

type subdistrictDoc struct {
	ID          Text   `toml:"id"`
	Name        Text   `toml:"name"`
	Performance Text   `toml:"performance"`
	UnitCode    Text   `toml:"unit_code"` // 预算单位编码 (classify.go)
	Adjustment  Number `toml:"adjustment"`
	// The headcounts, payroll and quantities as decoded (numbers.go):
	// settleNumbers makes them data, or Staff, Payroll and Quantities.
	StaffIn      numbers           `toml:"staff"`
	PayrollIn    numbers           `toml:"payroll"`
	QuantitiesIn numbers           `toml:"quantities"`
	Staff        map[string]Number `toml:"-"`
	Payroll      map[string]Number `toml:"-"`
	Quantities   map[string]Number `toml:"-"`
	// ProjectRatings is [subdistrict.project_ratings]: project id → rating.
	ProjectRatings map[string]Text `toml:"project_ratings"`
	// Execution is [subdistrict.execution]: project id → execution rate.
	Execution map[string]Number `toml:"execution"`
	// data, for a 街道 read from a data file (or one of a plan file whose
	// numbers are all plain: settleNumbers), holds its headcounts,
	// payroll and quantities as read (read-only, shared with the plans
	// converted from it), and Staff, Payroll and Quantities are nil until
	// an override needs them (materialize): a 40,000-街道 file is not held
	// twice (issue 25 §2).
	data *formula.Subdistrict
}

// standardsKeys are the top-level keys a standards file may hold.
var standardsKeys = []string{"staff", "quota", "project", "tiers", "factor", "performance", "incentive", "damping", "project_performance", "quantity_labels",
	"block", "project_execution", "transfer", "classification"}

// decodeFile decodes one TOML file into v and reports unknown keys. A file
// that is not TOML gives one problem at the parser's line. Every TOML text
// is decoded here, after checkText has checked it against the limits
// (limits.go): a file beyond them gives one problem and is not decoded.
func decodeFile(name string, data []byte, v any) (toml.MetaData, []formula.Problem) {
	if ps := checkEncoding(name, data); ps != nil {
		return toml.MetaData{}, ps
	}
	src := string(data)
	stop, ps := checkText(name, data, src)
	if len(stop) > 0 {
		return toml.MetaData{}, stop
	}
	md, err := toml.Decode(src, v)
	if err != nil {
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			return md, []formula.Problem{sayAt(name, 0, "", formula.CodeSyntax, msg.SynAt, 1, msg.SynOther)}
		}
		line, m, args := syntaxWords(pe, src)
		return md, []formula.Problem{sayAt(name, line, "", formula.CodeSyntax, m, args...)}
	}
	// Undecoded walks every key of the file: once (issue 25 §2).
	und := md.Undecoded()
	if a, ok := v.(arrayNumbers); ok && a.numbersInArrays() {
		und = withArrayNumbers(md, src, und) // numbers.go
	}
	if len(und) == 0 {
		return md, ps
	}
	undecoded := make(map[string]bool, len(und))
	for _, k := range und {
		undecoded[keyString(k)] = true
	}
	root := reflect.TypeOf(v)
	valid := map[string][]string{} // parent key → the keys valid there (keys.go)
	for _, k := range und {
		if inDated(md, k, undecoded) { // dated.go: the entries' keys are checked as they are read
			continue
		}
		parent := keyString(k[:len(k)-1])
		keys, ok := valid[parent]
		if !ok && !undecoded[parent] { // under an unknown key, the parent is reported
			keys = keysAt(root, k[:len(k)-1])
			valid[parent] = keys
		}
		ps = append(ps, unknownKey(name, keyString(k), k[len(k)-1], keys))
	}
	return md, ps
}

// keyString joins a TOML key with dots.
func keyString(k toml.Key) string { return strings.Join(k, ".") }
