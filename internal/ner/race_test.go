//go:build race

package ner_test

// raceEnabled is true when the tests run under the race detector (timings are meaningless then).
const raceEnabled = true
