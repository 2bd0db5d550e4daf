package main

import (
	"strings"

	"github.com/caili/caili/internal/msg"
)

// The usage text, in Chinese by default and in English with --lang en (or
// CAILI_LANG=en): the command line's one table of help texts. Each
// command's flags describe themselves, Chinese first.

// commands is the list of commands and their flags, the same in both
// languages (the message table's CmdCommands).
const commands = msg.CmdCommands

// usage is the usage text in language l, from the message table.
func usage(l msg.Lang) string { return msg.CmdUsage.In(l, commands) }

// langArgs takes every `--lang L` (or `--lang=L`, `-lang L`) option off
// the arguments, wherever it stands before a `--`, so that every command
// takes it; the last one wins. It returns the setting ("" when none) and
// the other arguments.
func langArgs(args []string) (string, []string) {
	var lang string
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return lang, append(out, args[i:]...)
		case (a == "--lang" || a == "-lang") && i+1 < len(args):
			lang = args[i+1]
			i++
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			_, lang, _ = strings.Cut(a, "=")
		default:
			out = append(out, a)
		}
	}
	return lang, out
}
