package themefit

import (
	"math/rand/v2"
	"slices"

	"github.com/techschau/techschau/analyze"
)

// Doc is one labelled text with the features of every theme.
type Doc struct {
	Example
	Feats []analyze.ThemeFeatures // per theme, in Dataset.Themes order
}

// Dataset is a labelled set ready for fitting.
type Dataset struct {
	Themes []string
	Docs   []Doc
}

// Rows returns the rows of the scored (text, theme) pairs of docs.
func (d *Dataset) Rows(docs []int) []Row {
	var out []Row
	for _, i := range docs {
		for t, f := range d.Docs[i].Feats {
			if !f.Scored {
				continue
			}
			out = append(out, Row{Doc: i, Theme: t, X: f.Values, Y: slices.Contains(d.Docs[i].Themes, d.Themes[t])})
		}
	}
	return out
}

// Folds splits the texts into k folds, stratified: texts are grouped by
// their rarest gold theme (or none), shuffled with seed, and dealt round
// the folds group by group, so that every fold gets its share of each
// rare theme.
func (d *Dataset) Folds(k int, seed uint64) [][]int {
	freq := map[string]int{}
	for _, doc := range d.Docs {
		for _, t := range doc.Themes {
			freq[t]++
		}
	}
	groups := map[string][]int{}
	var keys []string
	for i, doc := range d.Docs {
		key := ""
		for _, t := range doc.Themes {
			if key == "" || freq[t] < freq[key] || freq[t] == freq[key] && t < key {
				key = t
			}
		}
		if _, ok := groups[key]; !ok {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], i)
	}
	slices.Sort(keys)
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	folds := make([][]int, k)
	next := 0
	for _, key := range keys {
		g := groups[key]
		rng.Shuffle(len(g), func(i, j int) { g[i], g[j] = g[j], g[i] })
		for _, i := range g {
			folds[next] = append(folds[next], i)
			next = (next + 1) % k
		}
	}
	return folds
}

// OutOfFold runs k-fold cross-validation repeats times (seeds seed,
// seed+1, ...) and returns, per repeat, text and theme, the probability of
// the model fitted without the text's fold; -1 where the theme is not
// scored.
func (d *Dataset) OutOfFold(k, repeats int, seed uint64, s Settings) [][][]float64 {
	out := make([][][]float64, repeats)
	for r := range repeats {
		probs := make([][]float64, len(d.Docs))
		folds := d.Folds(k, seed+uint64(r))
		for f, test := range folds {
			var train []int
			for g, fold := range folds {
				if g != f {
					train = append(train, fold...)
				}
			}
			m := Fit(d.Rows(train), len(d.Themes), s)
			for _, i := range test {
				probs[i] = d.probs(m, i)
			}
		}
		out[r] = probs
	}
	return out
}

// probs returns the probabilities of model m for text i (-1: not scored).
func (d *Dataset) probs(m *Model, i int) []float64 {
	p := make([]float64, len(d.Themes))
	for t, f := range d.Docs[i].Feats {
		p[t] = -1
		if f.Scored {
			p[t] = m.Prob(t, f.Values)
		}
	}
	return p
}

// InSample returns the probabilities of model m for every text.
func (d *Dataset) InSample(m *Model) [][]float64 {
	out := make([][]float64, len(d.Docs))
	for i := range d.Docs {
		out[i] = d.probs(m, i)
	}
	return out
}

// Predict lists the themes with probability at least threshold.
func (d *Dataset) Predict(p []float64, threshold float64) []string {
	var out []string
	for t, v := range p {
		if v >= 0 && v >= threshold {
			out = append(out, d.Themes[t])
		}
	}
	return out
}

// Score scores probabilities (one set per repeat, pooled) at threshold.
func (d *Dataset) Score(probs [][][]float64, threshold float64) *Scores {
	s := NewScores(d.Themes)
	s.Repeats = len(probs)
	for _, rep := range probs {
		for i, p := range rep {
			s.Add(d.Docs[i].Themes, d.Predict(p, threshold))
		}
	}
	return s
}
