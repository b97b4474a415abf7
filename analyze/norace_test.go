//go:build !race

package analyze_test

// raceEnabled is true when the tests run under the race detector; slow
// corpus-wide tests then use a subset.
const raceEnabled = false
