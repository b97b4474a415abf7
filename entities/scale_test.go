package entities

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/german"
)

// TestLinearCost checks that recognition time grows linearly with the text: a
// text 16 times as long takes less than 40 times as long (generous for a busy
// machine).
func TestLinearCost(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	r, err := New(WithoutModel())
	require.NoError(t, err)
	base := benchTextT(t)
	small := german.Segment(strings.Repeat(base+"\n\n", 4))
	big := german.Segment(strings.Repeat(base+"\n\n", 64))
	// CPU time, best of 5: wall time on a shared machine says little
	measure := func(seg *german.Segmented) time.Duration {
		best := time.Duration(1 << 62)
		for range 5 {
			t0 := cpuTime()
			r.RecognizeSegmented(seg, nil)
			best = min(best, cpuTime()-t0)
		}
		return max(best, time.Microsecond)
	}
	ts, tb := measure(small), measure(big)
	t.Logf("1x: %v, 16x: %v (ratio %.1f)", ts, tb, float64(tb)/float64(ts))
	assert.Less(t, float64(tb)/float64(ts), 40.0)
}

func benchTextT(t *testing.T) string {
	return seedArticle(t) + "\n\n" + strings.Repeat("Die Analystin Sabine Kroll vom Marktforscher Omdia warnt: Der Hersteller Foo liefert an die Firma Barco. ", 20)
}
