//go:build unix

package main

import (
	"os/exec"
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user+system, all threads) of this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// maxRSS returns the peak resident set of a finished child in bytes, or -1.
func maxRSS(cmd *exec.Cmd) int64 {
	if cmd.ProcessState == nil {
		return -1
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return -1
	}
	return ru.Maxrss << 10 // kilobytes on Linux
}
