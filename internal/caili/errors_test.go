package caili

import (
	"errors"
	"io/fs"
	"syscall"
	"testing"
)

func TestKindCodes(t *testing.T) {
	for _, tc := range []struct {
		k    Kind
		want string
	}{
		{KindBadRequest, "bad_request"}, {KindUnauthorized, "unauthorized"}, {KindForbidden, "forbidden"},
		{KindNotFound, "not_found"}, {KindMethodNotAllowed, "method_not_allowed"}, {KindConflict, "conflict"},
		{KindTooLarge, "too_large"}, {KindUnprocessable, "unprocessable"}, {KindInternal, "internal"}, {Kind(99), "internal"},
	} {
		if got := tc.k.Code(); got != tc.want {
			t.Errorf("%d: %q, want %q", tc.k, got, tc.want)
		}
	}
}

func TestErrorAlsoAndBecause(t *testing.T) {
	e := E("op", KindNotFound, TextNoScenario, "tiny", "x")
	f := e.Also("AppRefNear", "y")
	if len(e.Says) != 2 || f != e || e.Says[1].Text != "AppRefNear" {
		t.Errorf("Also: %+v", e.Says)
	}
	cause := errors.New("cause")
	if e.Because(cause); !errors.Is(e, cause) || e.Error() != "op: not_found AppNoSavedScenario[tiny x] AppRefNear[y]: cause" {
		t.Errorf("Because: %q", e.Error())
	}
}

func TestStatusWords(t *testing.T) {
	if StatusWords(StatusDraft) != TextStatusDraft || StatusWords("odd") != "odd" {
		t.Error("StatusWords")
	}
	o := &Objection{Status: ObjectionRejected}
	if o.StatusWords() != TextObjectionRejected || (&Objection{}).StatusWords() != TextObjectionPending {
		t.Error("Objection.StatusWords")
	}
}

func TestActorCan(t *testing.T) {
	admin, planner := Actor{Role: RoleAdmin}, Actor{Role: RolePlanner}
	if !admin.Can(RolePlanner) || !admin.Can(RoleApprover) || admin.Can(RoleSubdistrict) {
		t.Error("admin holds planner and approver, not 街道")
	}
	if !planner.Can(RolePlanner) || planner.Can(RoleApprover) || !ValidRole(RoleSubdistrict) || ValidRole(RoleAdmin) {
		t.Error("roles")
	}
}

func TestDiskReason(t *testing.T) {
	for err, want := range map[error]any{
		&fs.PathError{Err: syscall.ENOSPC}: TextDiskFull, &fs.PathError{Err: syscall.EROFS}: TextDiskReadOnly,
		&fs.PathError{Err: syscall.EACCES}: TextDiskNoWrite, errors.New("x"): "",
	} {
		if got := DiskReason(err); got != want {
			t.Errorf("%v: %v, want %v", err, got, want)
		}
	}
}
