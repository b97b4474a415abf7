//go:build unix

package analyze

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user+system) of the test process; on a
// shared machine it measures our work rather than the neighbours'.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
