package caili_test

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/caili/caili/internal/caili"
)

// An error says what went wrong by naming a text of the message table;
// the edge renders its words (internal/msg) and maps its kind to a
// status. Error() is for logs.
func ExampleE() {
	err := caili.E("version.approve", caili.KindConflict, caili.TextApproveNotDraft, 3, caili.StatusWords(caili.StatusPublished))
	fmt.Println(err)
	fmt.Println(caili.KindOf(err).Code())
	// Output:
	// version.approve: conflict AppApproveNotDraft[3 AppStatusPublished]
	// conflict
}

func ExampleKindOf() {
	cause := fmt.Errorf("open plan.toml: %w", fs.ErrNotExist)
	wrapped := fmt.Errorf("loading: %w", caili.E("plan.load", caili.KindNotFound, caili.TextNoVersion, "tiny", 2).Because(cause))
	fmt.Println(caili.KindOf(wrapped) == caili.KindNotFound, errors.Is(wrapped, fs.ErrNotExist))
	fmt.Println(caili.KindOf(errors.New("disk on fire")).Code(), caili.KindOf(nil))
	// Output:
	// true true
	// internal 0
}
