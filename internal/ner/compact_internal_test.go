package ner

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompactEmbedded: every weight of the embedded model is read as the
// level nearest to it, zero stays zero, signs are kept, and the rounding
// error is small where the weights are (their root-mean-square error is
// under 3 % of their root mean square; 2.2 % on the embedded model).
func TestCompactEmbedded(t *testing.T) {
	m, err := Default()
	require.NoError(t, err)
	require.Len(t, m.codes, len(m.w))
	var mags []int32
	for c := 1; c < 128; c++ {
		mags = append(mags, m.levels[c])
		assert.Equal(t, -m.levels[c], m.levels[256-c], "code %d: symmetric", c)
	}
	assert.Zero(t, m.levels[0])
	assert.Zero(t, m.levels[128], "code 128 is not used")
	var sq, errSq float64
	for i, v := range m.w {
		got := m.levels[m.codes[i]]
		if v == 0 {
			require.Zero(t, m.codes[i], "weight %d", i)
			continue
		}
		require.Equal(t, v > 0, got > 0, "weight %d = %d read as %d", i, v, got)
		a := int32(v)
		if a < 0 {
			a, got = -a, -got
		}
		for _, l := range mags {
			if abs(int(l-a)) < abs(int(got-a)) {
				t.Fatalf("weight %d = %d read as %d, but level %d is nearer", i, v, got, l)
			}
		}
		sq += float64(a) * float64(a)
		errSq += float64(got-a) * float64(got-a)
	}
	assert.Less(t, math.Sqrt(errSq), 0.03*math.Sqrt(sq))
}

// TestCompactTiny: with fewer distinct magnitudes than levels, a small
// weight is kept exactly and the extremes to within one.
func TestCompactTiny(t *testing.T) {
	m := &Model{bits: 4, shift: 60, w: make([]int16, 16*numLabels)}
	m.w[0], m.w[1], m.w[numLabels*3+2] = 32767, -32768, -7
	m.compact(nil, nil)
	assert.InDelta(t, 32767, m.levels[m.codes[0]], 1)
	assert.InDelta(t, -32768, m.levels[m.codes[1]], 1)
	assert.Equal(t, int32(-7), m.levels[m.codes[numLabels*3+2]])
	assert.Zero(t, m.codes[5])
}
