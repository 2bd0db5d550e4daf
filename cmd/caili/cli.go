package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/caili/caili/configs"
	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/safefile"
	"github.com/caili/caili/standards"
	"github.com/caili/caili/standards/workbook"
)

// run is the whole program: it parses args, does the work and writes to
// stdout and stderr. Its error decides the exit status (see exitCode).
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	setting, args := langArgs(args)
	lang, ok := msg.Parse(setting)
	if !ok {
		err := usagef(msg.CmdLang, setting)
		reportError(stderr, err, msg.Zh)
		return err
	}
	if len(args) == 0 {
		args = []string{""}
	}
	stdout, stderr = inLang(stdout, lang), inLang(stderr, lang) // help.go
	var err error
	switch args[0] {
	case "calc":
		err = interruptible(ctx, cmdCalc, args[1:], stdout, stderr)
	case "validate":
		err = interruptible(ctx, cmdValidate, args[1:], stdout, stderr)
	case "explain":
		err = interruptible(ctx, cmdExplain, args[1:], stdout, stderr)
	case "compare":
		err = interruptible(ctx, cmdCompare, args[1:], stdout, stderr)
	case "serve":
		err = cmdServe(ctx, args[1:], stdout, stderr)
	case "template":
		err = interruptible(ctx, cmdTemplate, args[1:], stdout, stderr)
	case "import":
		err = interruptible(ctx, cmdImport, args[1:], stdout, stderr)
	case "solve":
		err = interruptible(ctx, cmdSolve, args[1:], stdout, stderr)
	case "sensitivity":
		err = interruptible(ctx, cmdSensitivity, args[1:], stdout, stderr)
	case "report":
		err = interruptible(ctx, cmdReport, args[1:], stdout, stderr)
	case "notice":
		err = interruptible(ctx, cmdNotice, args[1:], stdout, stderr)
	case "export":
		err = interruptible(ctx, cmdExport, args[1:], stdout, stderr)
	case "verify":
		err = interruptible(ctx, cmdVerify, args[1:], stdout, stderr)
	case "plan":
		err = cmdPlan(ctx, args[1:], stdout, stderr)
	case "token":
		err = cmdToken(ctx, args[1:], stdout, stderr)
	case "audit":
		err = cmdAudit(ctx, args[1:], stdout, stderr)
	case "objection":
		err = cmdObjection(ctx, args[1:], stdout, stderr)
	case "year":
		err = cmdYear(ctx, args[1:], stdout, stderr)
	case "execution":
		err = cmdExecution(ctx, args[1:], stdout, stderr) // execution.go
	case "backup":
		err = cmdBackup(ctx, args[1:], stdout, stderr)
	case "restore":
		err = cmdRestore(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage(lang))
		return nil
	case "":
		fmt.Fprint(stderr, usage(lang))
		err = usagef(msg.CmdNoCommand)
	default:
		fmt.Fprint(stderr, usage(lang))
		err = usagef(msg.CmdUnknownCommand, args[0])
	}
	var help *helpRequest
	if errors.As(err, &help) { // -h, --help (flags.go)
		_, err = io.WriteString(stdout, help.text(lang))
		return err
	}
	if err != nil {
		reportError(stderr, err, lang)
	}
	return err
}

// reportError writes an error for a person, in language l: every
// problem of a plan that cannot be used on its own line (as app.Classify
// finds them), a rejected plan as its stage, gap and what to change (the
// engine's detail on the next line), anything else as its message.
func reportError(w io.Writer, err error, l msg.Lang) {
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprintf(w, "caili: %s\n", u.in(l))
		return
	}
	ae := app.Classify(err)
	switch {
	case msg.Rejection(ae) != nil:
		text := msg.ErrorWords(l, ae)
		if d := msg.RejectionDetail(l, msg.Rejection(ae)); d != "" {
			text += "\n  " + d
		}
		fmt.Fprintf(w, "caili: %s\n", text)
	case ae.Kind == domain.KindInternal || len(msg.Problems(ae)) == 0:
		fmt.Fprintf(w, "caili: %s\n", errorText(err, l))
	default:
		fmt.Fprintln(w, msg.CmdProblems.In(l, len(msg.Problems(ae))))
		for _, p := range msg.Problems(ae) {
			fmt.Fprintf(w, "  %s\n", msg.ProblemLine(l, p))
		}
	}
}

// errorText is an error's text in language l: the text of the
// application error it wraps, if any, said in l, with what wraps it
// (such as the flag it came from) kept.
func errorText(err error, l msg.Lang) string {
	text := err.Error()
	var ae *domain.Error
	if errors.As(err, &ae) {
		text = strings.Replace(text, ae.Error(), msg.Error(l, ae), 1)
	}
	var sy interface {
		error
		msg.Sayer
	}
	if errors.As(err, &sy) { // an error of the table (a file caili refuses), said in l
		text = strings.Replace(text, sy.Error(), sy.In(l), 1)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) { // the system's words for a file, said in l
		if m, ok := fileErrors(pe.Err); ok {
			text = strings.Replace(text, pe.Error(), m.In(l, pe.Path), 1)
		}
	}
	return text
}

// fileErrors is the table's message for what the system says of a file,
// for the common cases.
func fileErrors(err error) (msg.Message, bool) {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return msg.CmdFileNotExist, true
	case errors.Is(err, fs.ErrPermission):
		return msg.CmdFilePermission, true
	case errors.Is(err, syscall.EISDIR):
		return msg.CmdFileIsDir, true
	}
	return msg.Message{}, false
}

// setFlags collects repeated --set path=value flags.
type setFlags []standards.Override

func (s *setFlags) String() string { return "" }
func (s *setFlags) Set(v string) error {
	if path, _, ok := strings.Cut(v, "="); !ok || strings.TrimSpace(path) == "" {
		return usagef(msg.FlagSetForm)
	}
	o, err := standards.ParseSet(v)
	if err != nil {
		return err
	}
	*s = append(*s, o)
	return nil
}

// planFlags are the flags every plan command takes.
type planFlags struct {
	plan     string
	data     string // --data: the record a baseline @published:YEAR is read from (published.go)
	scenario string
	sets     setFlags
	// stamp says what the last model made is (plan, scenario, overrides,
	// hash): set by model.
	stamp *report.Stamp
	// scenarioName is the [scenario] name of the scenario file read.
	scenarioName string
	// doc and ovs are the plan and the overrides the last model was made
	// of (compareWithBase).
	doc *standards.Document
	ovs []standards.Override
}

func (pf *planFlags) register(fs *flagSet, overrides bool) {
	fs.StringVar(&pf.plan, "plan", "", msg.FlagPlan)
	fs.StringVar(&pf.data, "data", "", msg.FlagPublishedData)
	if overrides {
		fs.StringVar(&pf.scenario, "scenario", "", msg.FlagScenario)
		fs.Var(&pf.sets, "set", msg.FlagSet)
	}
}

// parse parses flags (flags.go); a mistake is a usage error.
func parse(fs *flagSet, args []string) error {
	if err := fs.parseFlags(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef(msg.CmdUnexpectedArg, fs.Arg(0))
	}
	return nil
}

// load reads the plan (or the embedded sample), with the data file it
// may name ([plan] data, read by standards/workbook).
func (pf *planFlags) load(opts ...standards.Option) (*standards.Document, error) {
	opts = append([]standards.Option{standards.WithData(workbook.Read)}, opts...)
	if pf.data != "" {
		opts = append(opts, pf.published()) // published.go
	}
	if pf.plan == "" {
		return standards.LoadFS(configs.FS, configs.PlanPath, opts...)
	}
	return standards.LoadFile(pf.plan, opts...)
}

// overrides gathers the scenario file's overrides, then the --set ones.
func (pf *planFlags) overrides() ([]standards.Override, error) {
	var ovs []standards.Override
	if pf.scenario != "" {
		data, err := readScenario(pf.scenario)
		if err != nil {
			return nil, err
		}
		sc, err := standards.ParseScenario(pf.scenario, data)
		if err != nil {
			return nil, err
		}
		pf.scenarioName = sc.Name
		ovs = append(ovs, sc.Set...)
	}
	return append(ovs, pf.sets...), nil
}

// readScenario reads a scenario file from disk, or, when no such file
// exists, one of the built-in sample scenarios by name.
func readScenario(name string) ([]byte, error) {
	data, _, err := safefile.Read(name, safefile.MaxInput)
	if err == nil {
		return data, nil
	}
	base := strings.TrimSuffix(filepath.Base(name), ".toml")
	if b, e := configs.FS.ReadFile(configs.ScenarioDir + "/" + base + ".toml"); e == nil && !strings.ContainsAny(name, `/\`) {
		return b, nil
	}
	if b, ok := builtinByName(name); ok {
		return b, nil
	}
	return nil, app.Say(domain.KindBadRequest, msg.CmdReadScenario, name).Because(err)
}

// builtinByName finds a built-in sample scenario by its [scenario] name
// (财力总额减少 5%), matched exactly after trimming spaces.
func builtinByName(name string) ([]byte, bool) {
	files, _ := fs.Glob(configs.FS, configs.ScenarioDir+"/*.toml")
	for _, f := range files {
		b, err := fs.ReadFile(configs.FS, f)
		if err != nil {
			continue
		}
		if sc, err := standards.ParseScenario(f, b); err == nil && strings.TrimSpace(sc.Name) == strings.TrimSpace(name) {
			return b, true
		}
	}
	return nil, false
}

// compute loads, overrides, compiles and evaluates.
func (pf *planFlags) compute() (*formula.Result, error) {
	m, err := pf.model()
	if err != nil {
		return nil, err
	}
	return m.Evaluate()
}

// model loads the plan, applies the overrides and compiles it. It
// collects garbage once after decoding (see computeTotals): the
// decoder's tree of the file is garbage by then.
func (pf *planFlags) model() (*formula.Model, error) {
	doc, err := pf.load()
	if err != nil {
		return nil, err
	}
	runtime.GC()
	ovs, err := pf.overrides()
	if err != nil {
		return nil, err
	}
	m, err := doc.Model(ovs...)
	if err != nil {
		return nil, err
	}
	pf.stamp = stampOf(doc, doc.Name(), pf.scenarioName, ovs)
	pf.doc, pf.ovs = doc, ovs
	return m, nil
}

// compareWithBase notes, on a result computed with overrides, the plan's
// result without them (totals only), so that its warnings say where
// damping absorbed what the overrides changed (formula WarnAbsorbed).
// Without overrides it does nothing; a base the rules reject is no base.
func (pf *planFlags) compareWithBase(res *formula.Result) error {
	if len(pf.ovs) == 0 || pf.doc == nil {
		return nil
	}
	m, err := pf.doc.Model()
	if err != nil {
		return err
	}
	base, err := m.EvaluateTotals()
	var re *formula.RejectedError
	if errors.As(err, &re) {
		return nil
	}
	if err != nil {
		return err
	}
	res.CompareWith(base)
	return nil
}

// stampVersion is the version results are stamped with (tests pin it).
var stampVersion = app.DefaultVersion

// stampOf says what a result of doc with the overrides is.
func stampOf(doc *standards.Document, plan, scenario string, ovs []standards.Override) *report.Stamp {
	st := &report.Stamp{Plan: plan, Scenario: scenario, Overrides: make([]string, len(ovs)),
		SHA256: doc.Stamp(ovs), Version: stampVersion()}
	for i, o := range ovs {
		st.Overrides[i] = standards.OverrideText(o)
	}
	return st
}
