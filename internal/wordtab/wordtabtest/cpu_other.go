//go:build !unix

package wordtabtest

import "time"

var processStart = time.Now()

// CPU falls back to the wall clock where getrusage is missing.
func CPU() time.Duration { return time.Since(processStart) }
