//go:build unix

package analyze_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user+system, all threads) the test process
// has used so far. Timing tests use it rather than the wall clock, which on a
// shared machine mostly measures the neighbours.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
