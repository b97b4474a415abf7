//go:build !unix

package german

func cpuSeconds() float64 { return 0 }
