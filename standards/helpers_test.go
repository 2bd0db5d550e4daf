package standards

import (
	"errors"

	"github.com/caili/caili/formula"
)

// invalidOf is the problems err reports (a *formula.InvalidPlanError in
// its chain), and whether it reports any.
func invalidOf(err error) (*formula.InvalidPlanError, bool) {
	var se *formula.InvalidPlanError
	ok := errors.As(err, &se)
	return se, ok
}
