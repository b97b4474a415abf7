package themefit

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze"
)

// TestFitRecoversWeights fits rows drawn from a known logistic model: the
// shared weights come back, a theme with enough positives gets its own
// offset, and one with too few keeps the common intercept.
func TestFitRecoversWeights(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	w := []float64{2, -1}
	offsets := []float64{0, 1.5, -3}
	var rows []Row
	for i := range 30000 {
		th := i % 3
		x := []float64{rng.NormFloat64(), rng.NormFloat64() * 2}
		z := -1 + offsets[th] + w[0]*x[0] + w[1]*x[1]
		rows = append(rows, Row{Doc: i, Theme: th, X: x, Y: rng.Float64() < 1/(1+math.Exp(-z))})
	}
	m := Fit(rows, 3, Settings{LambdaW: 0.01, LambdaT: 0.01, MinPositives: 5})
	assert.InDelta(t, 2, m.W[0], 0.1)
	assert.InDelta(t, -1, m.W[1], 0.05)
	assert.InDelta(t, -1, m.Intercept+m.Offsets[0], 0.1)
	assert.InDelta(t, 0.5, m.Intercept+m.Offsets[1], 0.15)

	// theme 2 with only 3 positives: no offset of its own
	var few []Row
	pos := 0
	for _, r := range rows {
		if r.Theme == 2 && r.Y {
			if pos == 3 {
				continue
			}
			pos++
		}
		few = append(few, r)
	}
	m = Fit(few, 3, Settings{LambdaW: 0.01, LambdaT: 0.01, MinPositives: 5})
	assert.Zero(t, m.Offsets[2])
}

// TestFoldsStratified checks that every fold gets a share of each rare
// theme and that the folds partition the texts.
func TestFoldsStratified(t *testing.T) {
	d := &Dataset{Themes: []string{"a", "b"}}
	for i := range 100 {
		var th []string
		switch {
		case i%20 == 0:
			th = []string{"a"}
		case i%10 == 5:
			th = []string{"a", "b"}
		}
		d.Docs = append(d.Docs, Doc{Example: Example{Label: Label{Themes: th}}})
	}
	folds := d.Folds(5, 7)
	require.Len(t, folds, 5)
	seen := map[int]bool{}
	for _, f := range folds {
		b := 0
		for _, i := range f {
			require.False(t, seen[i])
			seen[i] = true
			for _, x := range d.Docs[i].Themes {
				if x == "b" {
					b++
				}
			}
		}
		assert.Equal(t, 2, b, "each fold gets two of the ten b texts")
	}
	assert.Len(t, seen, 100)
}

// TestScores checks the counting of Scores.
func TestScores(t *testing.T) {
	s := NewScores([]string{"a", "b"})
	s.Add([]string{"a"}, []string{"a", "b"})
	s.Add(nil, nil)
	s.Add(nil, []string{"b"})
	s.Add([]string{"b"}, nil)
	assert.Equal(t, Counts{TP: 1, FP: 2, FN: 1}, s.Micro)
	assert.Equal(t, Counts{TP: 1}, s.By["a"])
	assert.InDelta(t, 0.5, s.EmptyShare(), 1e-9)
}

// TestThemeModelShift checks that the written model lists a theme at the
// Analyzer's default threshold exactly when Fit's model reaches the
// chosen threshold.
func TestThemeModelShift(t *testing.T) {
	m := &Model{W: make([]float64, len(analyze.ThemeFeatureNames())), Intercept: 0.3, Offsets: []float64{0.2}}
	m.W[0] = 1
	tm := m.ThemeModel([]string{"a"}, 0.3, "")
	x := make([]float64, len(m.W))
	for _, v := range []float64{-3, -1.2, -1.347, 0, 2} {
		x[0] = v
		p := m.Prob(0, x)
		z := tm.Intercept + tm.Themes["a"] + tm.Weights["best"]*v
		q := 1 / (1 + math.Exp(-z))
		assert.Equal(t, p >= 0.3, q >= analyze.DefaultThemeThreshold-1e-9, "x=%v p=%v q=%v", v, p, q)
	}
}
