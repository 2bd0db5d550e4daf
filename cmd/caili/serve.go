package main

import (
	"context"
	"io"
)

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return usagef("serve: not built yet")
}
