package themefit

import (
	"slices"

	"github.com/techschau/techschau/analyze"
)

// SentenceSettings are the choices for the sentence model: which body
// sentences say a theme (analyze.ThemeSentence), fitted on the labelled
// evidence sentences (positives) against the sentences with cues of the
// texts without the theme (negatives).
type SentenceSettings struct {
	// Off fits no sentence model (the document model alone).
	Off bool
	// LambdaW, LambdaT and PosWeight are as in Settings.
	LambdaW, LambdaT, PosWeight float64
	// OtherNegative counts the sentences of a text that carries the theme
	// but are not its labelled evidence as negatives; else they are left
	// out (a labeller marks one to three sentences, not every one).
	OtherNegative bool
	// Inner is the number of inner folds over the training texts: the
	// document model is fitted on sentence probabilities of a sentence
	// model that did not see the text, as it will be applied to new
	// texts. 0 or 1: in-sample probabilities.
	Inner int
}

// DefaultSentenceSettings are the sentence model's settings.
var DefaultSentenceSettings = SentenceSettings{LambdaW: 3, LambdaT: 3, PosWeight: 1, Inner: 4}

// SentenceRows returns the rows of the sentence model over the sentences
// of docs: a sentence is positive when the text carries the theme and the
// sentence is labelled evidence of it; texts that carry a theme without
// evidence labels give no rows for it.
func (d *Dataset) SentenceRows(docs []int, s SentenceSettings) []Row {
	var out []Row
	for _, i := range docs {
		doc := &d.Docs[i]
		for t, f := range doc.Feats {
			id := d.Themes[t]
			if doc.HasTheme(id) && doc.Evidence[id] == nil {
				continue
			}
			for _, st := range f.Sentences {
				is, known := doc.IsEvidence(id, st.Start, st.End)
				if !known || !is && doc.HasTheme(id) && !s.OtherNegative {
					continue
				}
				out = append(out, Row{Doc: i, Theme: t, X: st.Values, Y: is})
			}
		}
	}
	return out
}

// FitSentence fits the sentence model on the sentences of docs; nil when
// s.Off.
func (d *Dataset) FitSentence(docs []int, s SentenceSettings) *analyze.SentenceModel {
	if s.Off {
		return nil
	}
	m := Fit(d.SentenceRows(docs, s), len(d.Themes), Settings{LambdaW: s.LambdaW, LambdaT: s.LambdaT, PosWeight: s.PosWeight, MinPositives: MinPositives, MeanIntercept: true})
	out := &analyze.SentenceModel{Intercept: round6(m.Intercept), Weights: map[string]float64{}, Themes: map[string]float64{}}
	for i, n := range analyze.ThemeSentenceFeatureNames() {
		if i < len(m.W) && m.W[i] != 0 {
			out.Weights[n] = round6(m.W[i])
		}
	}
	for t, id := range d.Themes {
		out.Themes[id] = round6(m.Offsets[t])
	}
	return out
}

// values returns, for each text of docs, the document features of every
// theme under sentence model sm (nil: as the texts were analysed), in
// vals[doc][theme].
func (d *Dataset) values(sm *analyze.SentenceModel, docs []int, vals [][][]float64) {
	tm := &analyze.ThemeModel{Sentence: sm}
	for _, i := range docs {
		v := make([][]float64, len(d.Themes))
		for t, f := range d.Docs[i].Feats {
			if sm == nil {
				v[t] = f.Values
			} else {
				v[t] = tm.DocumentValues(f)
			}
			if d.Drop != nil {
				v[t] = slices.Clone(v[t])
				for k, drop := range d.Drop {
					if drop && k < len(v[t]) {
						v[t][k] = 0
					}
				}
			}
		}
		vals[i] = v
	}
}

// SentenceValues returns the document features of every text under the
// sentence model fitted on all texts with settings s, and that model.
func (d *Dataset) SentenceValues(s SentenceSettings) ([][][]float64, *analyze.SentenceModel) {
	docs := all(len(d.Docs))
	vals := make([][][]float64, len(d.Docs))
	d.crossFit(docs, s, vals)
	return vals, d.FitSentence(docs, s)
}

// crossFit fills vals for the texts of train as the document model
// trained on them should see them: from sentence models fitted without
// the text's inner fold (s.Inner > 1), else from one fitted on all of
// train.
func (d *Dataset) crossFit(train []int, s SentenceSettings, vals [][][]float64) {
	if s.Off || s.Inner < 2 {
		d.values(d.FitSentence(train, s), train, vals)
		return
	}
	for f, inner := range d.subFolds(train, s.Inner) {
		var rest []int
		for g, fold := range d.subFolds(train, s.Inner) {
			if g != f {
				rest = append(rest, fold...)
			}
		}
		d.values(d.FitSentence(rest, s), inner, vals)
	}
}

// subFolds deals the texts of docs round k folds in order (docs come
// shuffled by stratum from Folds).
func (d *Dataset) subFolds(docs []int, k int) [][]int {
	out := make([][]int, k)
	for j, i := range docs {
		out[j%k] = append(out[j%k], i)
	}
	return out
}

func all(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
