// Package themefit fits and cross-validates analyze's theme model on the
// team's labels of real news (testdata/real/themes*.jsonl): it loads the
// labels with their texts from ../shared/data (checking each text's
// SHA-1), computes the texts' theme features once, fits the sentence
// model on the labelled evidence sentences (themes.evidence.jsonl) and the
// shared document model on top of it (themes share the feature weights;
// each has an intercept shrunk towards a common one), and chooses the
// settings by repeated stratified k-fold cross-validation, with the
// sentence model refitted inside every fold. internal/cmd/evalthemes
// drives it.
package themefit

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"

	"github.com/techschau/techschau/analyze"
)

// Features computes the theme features of every example with a and
// returns the dataset over themes (the taxonomy's themes in that order
// must include them). Texts a cannot analyse (not German) get no scored
// theme.
func Features(ctx context.Context, a *analyze.Analyzer, themes []string, ex []Example) (*Dataset, error) {
	d := &Dataset{Themes: slices.Clone(themes)}
	for _, e := range ex {
		fs, err := a.ThemeFeatures(ctx, e.Text)
		if err != nil && ctx.Err() != nil {
			return nil, err
		}
		byID := map[string]analyze.ThemeFeatures{}
		for _, f := range fs {
			byID[f.ID] = f
		}
		doc := Doc{Example: e, Feats: make([]analyze.ThemeFeatures, len(themes))}
		for t, id := range themes {
			f, ok := byID[id]
			if !ok {
				f = analyze.ThemeFeatures{ID: id}
			}
			doc.Feats[t] = f
		}
		d.Docs = append(d.Docs, doc)
	}
	return d, nil
}

// WithThemes counts the texts with at least one gold theme.
func (d *Dataset) WithThemes() int {
	n := 0
	for _, doc := range d.Docs {
		if len(doc.Themes) > 0 {
			n++
		}
	}
	return n
}

// Positives counts the gold theme labels.
func (d *Dataset) Positives() int {
	n := 0
	for _, doc := range d.Docs {
		n += len(doc.Themes)
	}
	return n
}

// Evaluate scores the dataset with a committed analyze.ThemeModel at
// threshold (in-sample when the model was fitted on it).
func Evaluate(d *Dataset, m *analyze.ThemeModel, threshold float64) *Scores {
	names := analyze.ThemeFeatureNames()
	s := NewScores(d.Themes)
	for _, doc := range d.Docs {
		p := make([]float64, len(d.Themes))
		for t, f := range doc.Feats {
			p[t] = -1
			if !f.Scored {
				continue
			}
			x := m.DocumentValues(f)
			z := m.Intercept + m.Themes[d.Themes[t]]
			for i, n := range names {
				z += m.Weights[n] * x[i]
			}
			p[t] = 1 / (1 + math.Exp(-z))
		}
		s.Add(doc.Themes, d.Predict(p, threshold))
	}
	return s
}

// WriteModel writes m as indented JSON to path.
func WriteModel(path string, m *analyze.ThemeModel) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(m); err != nil {
		return err
	}
	if _, err := analyze.LoadThemeModel(bytes.NewReader(buf.Bytes()), path); err != nil {
		return fmt.Errorf("themefit: the written model does not load: %w", err)
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// Result is the outcome of Choose.
type Result struct {
	Settings Settings
	Scores   *Scores
	Probs    [][][]float64 // out-of-fold probabilities, per repeat
	Splits   [][]Split     // the cross-validation's splits
}

// Grid is the settings Choose tries, the most regularised first;
// thresholds are tried for each.
var (
	GridLambdaW    = []float64{30, 3, 0.3, 0.03}
	GridLambdaT    = []float64{300, 30, 3, 0.3}
	GridPosWeight  = []float64{1, 3}
	GridThresholds = []float64{0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8}
)

// MinPositives is the number of positive labels a theme needs in the
// training data for an intercept of its own (Settings.MinPositives).
const MinPositives = 5

// MeanIntercept is Settings.MeanIntercept for Choose.
var MeanIntercept = true

// MinEmptyShare is the share of empty-gold texts that must get an empty
// list for a setting to be chosen (when some setting reaches it).
const MinEmptyShare = 0.95

// Choose runs the cross-validation for every setting of the grid and
// returns the best: the highest micro F1 among the settings that give at
// least MinEmptyShare of the empty-gold texts an empty list (or the
// highest micro F1 when none does). A line per setting goes to w unless w
// is nil.
func Choose(d *Dataset, k, repeats int, seed uint64, ss SentenceSettings, w io.Writer) Result {
	var best Result
	bestKey := [2]float64{-1, -1}
	splits := d.Splits(k, repeats, seed, ss)
	for _, lw := range GridLambdaW {
		for _, lt := range GridLambdaT {
			for _, pw := range GridPosWeight {
				s := Settings{LambdaW: lw, LambdaT: lt, PosWeight: pw, MinPositives: MinPositives, MeanIntercept: MeanIntercept}
				probs := d.OutOfFold(splits, s)
				var sb Result
				sbKey := [2]float64{-1, -1}
				for _, th := range GridThresholds {
					sc := d.Score(probs, th)
					ok := 0.0
					if sc.EmptyShare() >= MinEmptyShare {
						ok = 1
					}
					key := [2]float64{ok, sc.Micro.F1()}
					if better(key, sbKey) {
						sbKey = key
						s.Threshold = th
						sb = Result{Settings: s, Scores: sc, Probs: probs, Splits: splits}
					}
				}
				if better(sbKey, bestKey) {
					best, bestKey = sb, sbKey
				}
				if w != nil {
					c := sb.Scores.Micro
					fmt.Fprintf(w, "lambda_w %-5g lambda_t %-5g pos %g: threshold %.2f P %.3f R %.3f F1 %.3f empty %.3f\n", lw, lt, pw, sb.Settings.Threshold, c.P(), c.R(), c.F1(), sb.Scores.EmptyShare())
				}
			}
		}
	}
	return best
}

// minGain is the micro F1 a setting must gain over the best one so far
// to replace it: less than that is noise between folds, and the grid
// comes most regularised first, so a tie keeps the simpler model.
const minGain = 0.005

// better orders (meets the empty-share floor, micro F1) keys.
func better(a, b [2]float64) bool {
	return a[0] > b[0] || a[0] == b[0] && a[1] > b[1]+minGain
}
