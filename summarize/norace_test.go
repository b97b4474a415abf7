//go:build !race

package summarize

// raceEnabled is true under the race detector, which distorts timings.
const raceEnabled = false
