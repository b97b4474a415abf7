//go:build unix

package wordtabtest

import (
	"syscall"
	"time"
)

// CPU returns the CPU time (user and system, all threads) the process has
// used so far: on a shared machine the wall clock mostly measures the
// neighbours.
func CPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
