package caili

import (
	"errors"
	"io/fs"
	"syscall"
)

// The texts the record says: each the key of a message of caili's one
// message table (internal/msg, where each is said in Chinese and in
// English). The store names them and the edge renders them; a test of
// the table checks that every text below has its message.
const (
	// Records that are not there.
	TextNoVersion       Text = "AppNoVersion"              // plan, n: an unknown version
	TextNotPublished    Text = "AppNotPublished"           // plan: a plan never published
	TextNoYear          Text = "StorePublishedYearMissing" // plan, year: no publication of that fiscal year
	TextNoObjection     Text = "AppNoObjection"            // plan, n: an unknown objection
	TextNoScenario      Text = "AppNoSavedScenario"        // plan, name: an unknown saved scenario
	TextUnknownToken    Text = "AppUnknownToken"           // an unknown or revoked token
	TextNoLiveToken     Text = "AppNoLiveToken"            // id: revoking a token that is not live
	TextBackupExists    Text = "AppBackupExists"           // path: a backup over an existing file
	TextRestoreExists   Text = "AppRestoreExists"          // path: a restore over an existing database
	TextApproveNotDraft Text = "AppApproveNotDraft"        // n, state: approving what is not a draft

	// States that forbid a write.
	TextPublishNotApproved    Text = "AppPublishNotApproved"    // n, state: publishing what is not approved
	TextObjectionNotPublished Text = "AppObjectionNotPublished" // n, state: objecting to what is not published
	TextObjectionAlready      Text = "AppObjectionAlready"      // n, state: deciding an objection twice

	// What approval pinned and the order of publications.
	TextNoApproval      Text = "StoreNoApproval"      // plan, n: a version never approved
	TextNotApproved     Text = "StoreNotApproved"     // n, state: unapproving what is not approved
	TextApprovalChanged Text = "StoreApprovalChanged" // n: publishing a result other than the approved one
	TextPublishOlder    Text = "StorePublishOlder"    // n, current: publishing a version older than the current one

	// A backup that cannot be restored, a database that cannot be used.
	TextBackupUnreadable Text = "StoreBackupUnreadable" // path: a backup file that cannot be read
	TextBackupUnusable   Text = "StoreBackupUnusable"   // path: a backup that is not a sound database
	TextDBFolder         Text = "StoreDBFolder"         // the database's folder cannot be made
	TextSchemaNewer      Text = "StoreSchemaNewer"      // version, ours: a database of a newer caili
	TextDBInUse          Text = "StoreDBInUse"          // path: a restore over a database a server holds open
	TextDBRestoring      Text = "StoreDBRestoring"      // a database being restored

	// Faults of the database and the disk.
	TextDBError      Text = "AppDBError"      // reason: a fault of the database, with why when known
	TextDiskFull     Text = "AppDiskFull"     // the disk is full
	TextDiskReadOnly Text = "AppDiskReadOnly" // the data folder is read-only
	TextDBReadOnly   Text = "AppDBReadOnly"   // the database is read-only
	TextDiskNoWrite  Text = "AppDiskNoWrite"  // caili may not write the folder
	TextDBBusy       Text = "AppDBBusy"       // the database stays locked

	// The states of a version and of an objection, in words.
	TextStatusDraft        Text = "AppStatusDraft"
	TextStatusApproved     Text = "AppStatusApproved"
	TextStatusPublished    Text = "AppStatusPublished"
	TextObjectionPending   Text = "AppObjectionPending"
	TextObjectionAccepted  Text = "AppObjectionAccepted"
	TextObjectionRejected  Text = "AppObjectionRejected"
	TextObjectionCorrected Text = "AppObjectionCorrected"
)

// DiskReason says why a write to the disk failed, without naming the
// server's paths, as an argument of a message: a text of the table (a
// full disk, a read-only data folder, a folder caili may not write), or
// "" for anything else.
func DiskReason(err error) any {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return TextDiskFull
	case errors.Is(err, syscall.EROFS):
		return TextDiskReadOnly
	case errors.Is(err, fs.ErrPermission):
		return TextDiskNoWrite
	}
	return ""
}
