package standards

import (
	"errors"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// RefErr makes a reference that names no single entry a *caili.Error: not
// found when nothing has the id or name, a bad request when several
// entries share the name. Other errors are returned as they are.
func RefErr(planID string, err error) error {
	var re *RefError
	if !errors.As(err, &re) {
		return err
	}
	kind := caili.KindNotFound
	if re.Ambiguous {
		kind = caili.KindBadRequest
	}
	what, ok := refTables[re.Table]
	if !ok {
		what = msg.AppTableSubdistrict
	}
	var e *caili.Error
	if re.Ambiguous {
		e = msg.AppRefAmbiguous.Err(kind, re.Ref, what, strings.Join(re.IDs, "、"))
	} else {
		e = msg.AppRefUnknown.Err(kind, re.Ref, what)
		if len(re.Near) > 0 {
			e.Says = append(e.Says, msg.AppRefNear.Says(strings.Join(re.Near, "、")))
		}
	}
	msg.WithProblems(e, []formula.Problem{{Path: re.Table, Code: formula.CodeUnknownRef, Says: msg.ProblemWords(e.Says)}})
	if planID != "" {
		e.Says = []caili.Words{msg.AppRefInPlan.Says(planID, e.Says)}
	}
	return e
}

// refTables are the tables a reference names entries of, in words.
var refTables = map[string]msg.Message{
	"staff": msg.AppTableStaff, "quota": msg.AppTableQuota, "project": msg.AppTableProject,
	"factor": msg.AppTableFactor, "subdistrict": msg.AppTableSubdistrict, "transfer": msg.AppTableTransfer,
}

// QueryRef is a reference in a request parameter that names no single
// entry (a *RefError, see RefErr) as a bad request of that parameter;
// other errors are returned as they are.
func QueryRef(param string, err error) error {
	var ae *caili.Error
	if !errors.As(RefErr("", err), &ae) {
		return err
	}
	ps := formula.ProblemsOf(ae)
	if len(ps) != 1 || ps[0].Code != formula.CodeUnknownRef {
		return err
	}
	e := &caili.Error{Kind: caili.KindBadRequest, Says: ae.Says}
	return msg.WithProblems(e, []formula.Problem{{File: "query", Path: param, Code: formula.CodeBadQuery, Says: msg.ProblemWords(e.Says)}})
}
