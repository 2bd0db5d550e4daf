// Package safefile reads files that a person or a program names, as an
// input that may be hostile or careless: only regular files, never more
// than a limit. A FIFO, a device (/dev/zero), a directory or a socket is
// refused before anything is read, so that it can neither block nor
// exhaust memory. It imports nothing of caili.
package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/caili/caili/internal/msg"
)

// ErrNotRegular is returned for a path that is not a regular file (after
// following symbolic links): a FIFO, a device, a directory, a socket.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned for a file larger than the limit.
var ErrTooLarge = errors.New("file too large")

// MaxInput is the usual limit of a plan, standards, scenario or data file.
const MaxInput = 64 << 20

// Read reads the regular file at path, at most limit bytes, and returns
// its contents with its FileInfo. The file is opened without blocking
// (a FIFO with no writer would otherwise hang the open) and checked
// through the open descriptor, so that what is read is what was checked.
// Errors wrap ErrNotRegular, ErrTooLarge or the operating system's error
// (fs.ErrNotExist, fs.ErrPermission); the first two do not name the
// path, so that the caller can name the file as its user knows it.
func Read(path string, limit int64) ([]byte, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fi, &NotRegularError{Mode: fi.Mode()}
	}
	if fi.Size() > limit {
		return nil, fi, fmt.Errorf("%w: %d bytes, at most %d", ErrTooLarge, fi.Size(), limit)
	}
	// Read into a buffer of the size the file has (and room to see that it
	// grew): at 64 MiB, io.ReadAll's doubling allocated twice the file.
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, fi, err
	}
	b := buf.Bytes()
	if int64(len(b)) > limit {
		return nil, fi, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return b, fi, nil
}

// IsRegular reports whether path is a regular file (following links),
// without opening it.
func IsRegular(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// Describe names the kind of a file that is not a regular file, for a
// message, in Chinese and in English: 命名管道 (FIFO) / "a FIFO".
func Describe(m fs.FileMode) (zh, en string) {
	switch {
	case m.IsDir():
		return msg.FileKindDir.Formats()
	case m&fs.ModeSymlink != 0:
		return msg.FileKindSymlink.Formats()
	case m&fs.ModeNamedPipe != 0:
		return msg.FileKindFIFO.Formats()
	case m&fs.ModeSocket != 0:
		return msg.FileKindSocket.Formats()
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return msg.FileKindDevice.Formats()
	}
	return msg.FileKindOther.Formats()
}

// NotRegularError is what Read returns for a path that is not a regular
// file; it is ErrNotRegular (errors.Is) and says what the path is.
type NotRegularError struct {
	Mode fs.FileMode // the mode of what the path is
}

// Error says what the path is, in English.
func (e *NotRegularError) Error() string { return e.In(msg.En) }

// In says what the path is, in language l.
func (e *NotRegularError) In(l msg.Lang) string {
	zh, en := Describe(e.Mode)
	if l == msg.En {
		return msg.FileNotRegular.In(l, en)
	}
	return msg.FileNotRegular.In(l, zh)
}

// Is makes a NotRegularError ErrNotRegular.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// ErrOutside is returned by ReadInside for a name that leads out of its
// folder: an absolute path, "..", or a symbolic link (of the file or of
// a folder on the way) to somewhere else. Nothing of the file is read.
var ErrOutside = errors.New("leads outside its folder")

// ReadInside reads the file name (a relative path) of folder dir as Read
// does, once it has made sure that the file is inside dir: both are
// resolved with their symbolic links followed (filepath.EvalSymlinks),
// and the file must land inside the folder (ErrOutside otherwise). What
// is read is the resolved file.
func ReadInside(dir, name string, limit int64) ([]byte, fs.FileInfo, error) {
	if !filepath.IsLocal(name) {
		return nil, nil, ErrOutside
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, err
	}
	target, err := filepath.EvalSymlinks(filepath.Join(dir, name))
	if err != nil {
		return nil, nil, err
	}
	if !Inside(root, target) {
		return nil, nil, ErrOutside
	}
	return Read(target, limit)
}

// Inside reports whether path is root or below it (both clean, with no
// symbolic links left).
func Inside(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && filepath.IsLocal(rel)
}
