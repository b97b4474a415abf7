//go:build unix

package summarize

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user + system, all threads) this process
// has used: on a shared machine it measures our work, not the neighbours'.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
