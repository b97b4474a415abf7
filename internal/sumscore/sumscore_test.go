package sumscore

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestModelJSONRoundTrip(t *testing.T) {
	m := Model{R: 30, Alpha: 0.1, Headline: 0.3}
	for i := range m.Sent {
		m.Sent[i] = float64(i) / 7
	}
	for i := range m.Term {
		m.Term[i] = -float64(i) / 3
	}
	m.Set[XSqrtLen] = 1.5
	b, err := m.MarshalJSON()
	require.NoError(t, err)
	got, err := ParseModel(b)
	require.NoError(t, err)
	for i := range m.Sent {
		assert.InDelta(t, m.Sent[i], got.Sent[i], 1e-6)
	}
	for i := range m.Term {
		assert.InDelta(t, m.Term[i], got.Term[i], 1e-6)
	}
	assert.Equal(t, m.Set, got.Set)
	assert.Equal(t, m.R, got.R)
	assert.Equal(t, m.Headline, got.Headline)
}

func TestParseModelErrors(t *testing.T) {
	good, err := Model{R: 30}.MarshalJSON()
	require.NoError(t, err)
	tests := map[string]string{
		"not json":      `{`,
		"no r":          `{"sentence": {}, "term": {}, "set": {}}`,
		"missing":       `{"r": 30, "sentence": {}, "term": {}, "set": {}}`,
		"unknown field": string(good[:len(good)-1]) + `, "sentence": {"nope": 1}}`,
	}
	for name, in := range tests {
		_, err := ParseModel([]byte(in))
		assert.ErrorIs(t, err, ErrModel, name)
	}
}

// toyDoc has three sentences sharing term 0; sentence 2 is long.
func toyDoc() *Doc {
	d := &Doc{Terms: make([][NTerm]float64, 3), Headline: []bool{true, false, false}, Entities: []float64{0.5}}
	for i := range d.Terms {
		d.Terms[i][TBias] = 1
		d.Terms[i][TLogTF] = float64(i)
	}
	d.Sents = []Sent{
		{Terms: []int32{0, 1}, Stops: []int32{0}, Entities: []int32{0}, Len: 5},
		{Terms: []int32{0}, Stops: []int32{0, 1}, Len: 4},
		{Terms: []int32{0, 2}, Len: 20},
	}
	for i := range d.Sents {
		d.Sents[i].F[SBias] = 1
		d.Sents[i].F[SFirst+i] = 1
	}
	return d
}

func TestPhiCountsTermsOnce(t *testing.T) {
	d := toyDoc()
	phi, l, head := Phi(d, []int{0, 1})
	assert.Equal(t, 9.0, l)
	assert.Equal(t, 2.0, phi[SBias])
	assert.Equal(t, 2.0, phi[NSent+TBias], "term 0 once, term 1")
	assert.Equal(t, 1, head)
	assert.Equal(t, 2.0, phi[NSent+NTerm+XStops])
	assert.Equal(t, 0.5, phi[NSent+NTerm+XEntSal])
	assert.Equal(t, 3.0, phi[NSent+NTerm+XSqrtLen])
	m := Model{R: 1, Headline: 2}
	m.Term[TBias] = 1
	assert.InDelta(t, (2.0+2)/(9+1), m.Value(d, []int{0, 1}), 1e-12)
}

// TestFitRanksSets: when a set's F1 is a linear function of Φ/(L+R), Fit
// recovers a model that ranks the sets the same way.
func TestFitRanksSets(t *testing.T) {
	truth := Model{R: 10}
	truth.Sent[SFirst] = 2
	truth.Sent[SSecond] = -1
	truth.Term[TLogTF] = 0.5
	var groups [][]Row
	for v := range 30 {
		d := toyDoc()
		for i := range d.Terms {
			d.Terms[i][TLogTF] = float64((i*7 + v) % 5)
		}
		for size := 1; size <= 3; size++ {
			var g []Row
			subsets(3, size, func(set []int) {
				phi, l, _ := Phi(d, set)
				g = append(g, Row{Phi: phi, L: l, F1: truth.Value(d, set)})
			})
			groups = append(groups, g)
		}
	}
	m := Fit(groups, FitOptions{Alpha: 1e-6, R: 10})
	for _, g := range groups {
		for i := range g {
			for j := range g {
				if g[i].F1 > g[j].F1+1e-9 {
					vi := dot(m.Weights(), g[i].Phi) / (g[i].L + 10)
					vj := dot(m.Weights(), g[j].Phi) / (g[j].L + 10)
					assert.Greater(t, vi, vj)
				}
			}
		}
	}
}

func dot(w, x [NPhi]float64) float64 {
	v := 0.0
	for i := range w {
		v += w[i] * x[i]
	}
	return v
}

func TestUnigramF1(t *testing.T) {
	assert.Equal(t, 0.0, unigramF1(nil, []string{"a"}))
	// a matches once (clipped): P 1/3, R 1
	assert.InDelta(t, 0.5, unigramF1([]string{"a", "a", "a"}, []string{"a"}), 1e-12)
	assert.False(t, math.IsNaN(unigramF1([]string{"x"}, []string{"y"})))
}

func TestNamesComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, names := range [][]string{SentNames[:], TermNames[:], SetNames[:]} {
		group := map[string]bool{}
		for _, n := range names {
			require.NotEmpty(t, n)
			assert.False(t, group[n], "duplicate %q", n)
			group[n] = true
			seen[n] = true
		}
	}
}
