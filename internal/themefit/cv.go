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
	// Drop marks document features the model leaves out (by index of
	// analyze.ThemeFeatureNames; nil: none): they are set to 0.
	Drop []bool
}

// Rows returns the rows of the scored (text, theme) pairs of docs with
// the document features vals[doc][theme] (nil: as the texts were
// analysed).
func (d *Dataset) Rows(docs []int, vals [][][]float64) []Row {
	var out []Row
	for _, i := range docs {
		for t, f := range d.Docs[i].Feats {
			if !f.Scored {
				continue
			}
			x := f.Values
			if vals != nil {
				x = vals[i][t]
			}
			out = append(out, Row{Doc: i, Theme: t, X: x, Y: slices.Contains(d.Docs[i].Themes, d.Themes[t])})
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

// Split is one fold of a cross-validation: the texts to fit on and to
// score, with the document features each is seen with (the sentence
// model's from models that did not see the text).
type Split struct {
	Train, Test []int
	Vals        [][][]float64 // by text and theme; nil rows for texts in neither
	// Sentence is the sentence model fitted on Train (nil: none).
	Sentence *analyze.SentenceModel
}

// Splits prepares repeats of k-fold cross-validation (seeds seed,
// seed+1, ...) with the sentence model of settings ss: per repeat, the
// k splits. The sentence model does not depend on the document model's
// settings, so Choose prepares the splits once.
func (d *Dataset) Splits(k, repeats int, seed uint64, ss SentenceSettings) [][]Split {
	out := make([][]Split, repeats)
	for r := range repeats {
		folds := d.Folds(k, seed+uint64(r))
		for f, test := range folds {
			var train []int
			for g, fold := range folds {
				if g != f {
					train = append(train, fold...)
				}
			}
			sp := Split{Train: train, Test: test, Vals: make([][][]float64, len(d.Docs))}
			d.crossFit(train, ss, sp.Vals)
			sp.Sentence = d.FitSentence(train, ss)
			d.values(sp.Sentence, test, sp.Vals)
			out[r] = append(out[r], sp)
		}
	}
	return out
}

// OutOfFold fits the document model with settings s on each split's
// training texts and returns, per repeat, text and theme, its probability
// for the split's test texts; -1 where the theme is not scored.
func (d *Dataset) OutOfFold(splits [][]Split, s Settings) [][][]float64 {
	out := make([][][]float64, len(splits))
	for r, rep := range splits {
		probs := make([][]float64, len(d.Docs))
		for _, sp := range rep {
			m := Fit(d.Rows(sp.Train, sp.Vals), len(d.Themes), s)
			for _, i := range sp.Test {
				probs[i] = d.probs(m, i, sp.Vals[i])
			}
		}
		out[r] = probs
	}
	return out
}

// probs returns the probabilities of model m for text i with document
// features vals (by theme; nil: as analysed); -1: not scored.
func (d *Dataset) probs(m *Model, i int, vals [][]float64) []float64 {
	p := make([]float64, len(d.Themes))
	for t, f := range d.Docs[i].Feats {
		p[t] = -1
		if f.Scored {
			x := f.Values
			if vals != nil {
				x = vals[t]
			}
			p[t] = m.Prob(t, x)
		}
	}
	return p
}

// InSample returns the probabilities of model m for every text with the
// document features vals (nil: as analysed).
func (d *Dataset) InSample(m *Model, vals [][][]float64) [][]float64 {
	out := make([][]float64, len(d.Docs))
	for i := range d.Docs {
		var v [][]float64
		if vals != nil {
			v = vals[i]
		}
		out[i] = d.probs(m, i, v)
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
