package analyze

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// ErrBadThemeModel is wrapped by every error of LoadThemeModel.
var ErrBadThemeModel = errors.New("analyze: bad theme model")

// The features the ThemeModel weighs, per theme and document. They are
// defined over the taxonomy's cues, never over words: "density" is a
// sentence's cue weight over its length in units of 14 content words.
const (
	featBest       = iota // density of the densest body sentence (at most 5)
	featSecond            // density of the second densest
	featThird             // density of the third densest
	featStrong            // log(1 + sentences with density >= 1)
	featShare             // share of body sentences with a positive cue sum
	featDocDense          // log(1 + cue weight per 100 content words of the body)
	featLead              // densest of headline and lead (first two body sentences)
	featEntities          // log(1 + weight of entity and pair cues)
	featDistinct          // log(1 + distinct cues counted)
	featMaxCue            // largest single cue weight, not negated
	featNegated           // share of the cue weight lost to negation
	featContext           // log(1 + the body's weight of the context the theme requires)
	featTopCues           // distinct cues of the densest sentence (at most 4)
	featAgainst           // log(1 + the body's weight of the theme's counter-context)
	featSentBest          // the sentence model's highest probability (themes_sentence.go)
	featSentSecond        // its second highest
	featSentSum           // log(1 + the sum of its probabilities)
	numThemeFeatures
)

var themeFeatureNames = [numThemeFeatures]string{
	"best", "second", "third", "strong_sentences", "cue_share", "doc_density", "lead",
	"entities", "distinct_cues", "max_cue", "negated", "context", "best_cues", "against",
	"sent_best", "sent_second", "sent_sum",
}

// ThemeFeatureNames returns the names of the theme model's features, in
// the order of ThemeFeatures.Values.
func ThemeFeatureNames() []string { return slices.Clone(themeFeatureNames[:]) }

// ThemeModel says how much the evidence the taxonomy's cues find counts:
// a logistic model whose weights are shared by all themes, with one
// intercept per theme shrunk towards a common one. A theme's score is
//
//	1 / (1 + exp(-(Intercept + Themes[id] + Σ Weights[f]·x[f])))
//
// over the features x of ThemeFeatureNames. A theme the model does not
// name (a user's own) gets the common intercept. The default model
// (themes_model.json) was fitted on the team's labels of real news by
// `go run ./internal/cmd/evalthemes -write`; its settings were chosen by
// cross-validation.
type ThemeModel struct {
	// Note says how the model was made.
	Note string `json:"note,omitempty"`
	// Intercept is the common intercept.
	Intercept float64 `json:"intercept"`
	// Weights are the shared feature weights by feature name.
	Weights map[string]float64 `json:"weights"`
	// Themes are the per-theme offsets to the common intercept.
	Themes map[string]float64 `json:"themes"`
	// Sentence is the sentence model whose probabilities the features
	// sent_best, sent_second and sent_sum sum up; without one they are 0
	// and the evidence is ordered by cue density.
	Sentence *SentenceModel `json:"sentence,omitempty"`
}

// SentenceModel says whether one body sentence is mainly about a theme: a
// logistic model over the features of ThemeSentenceFeatureNames, its
// weights shared by all themes, with per-theme offsets to a common
// intercept, like the document model.
type SentenceModel struct {
	// Intercept is the common intercept.
	Intercept float64 `json:"intercept"`
	// Weights are the shared feature weights by feature name.
	Weights map[string]float64 `json:"weights"`
	// Themes are the per-theme offsets to the common intercept.
	Themes map[string]float64 `json:"themes"`
}

//go:embed themes_model.json
var themeModelJSON []byte

var defaultThemeModel = sync.OnceValues(func() (*ThemeModel, error) {
	return LoadThemeModel(bytes.NewReader(themeModelJSON), "themes_model.json")
})

// DefaultThemeModel returns the embedded theme model. It is loaded once
// and shared: do not modify it.
func DefaultThemeModel() (*ThemeModel, error) { return defaultThemeModel() }

// LoadThemeModel reads a ThemeModel in JSON. Errors wrap ErrBadThemeModel
// and name the file (name) and field.
func LoadThemeModel(r io.Reader, name string) (*ThemeModel, error) {
	dec := json.NewDecoder(io.LimitReader(r, maxThemesBytes))
	dec.DisallowUnknownFields()
	var m ThemeModel
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrBadThemeModel, name, err)
	}
	if err := m.validate(); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrBadThemeModel, name, err)
	}
	return &m, nil
}

func (m *ThemeModel) validate() error {
	if err := validateLogistic("", m.Intercept, m.Weights, m.Themes, themeFeatureNames[:]); err != nil {
		return err
	}
	if s := m.Sentence; s != nil {
		return validateLogistic("sentence.", s.Intercept, s.Weights, s.Themes, sentFeatureNames[:])
	}
	return nil
}

// validateLogistic checks the fields of a logistic model; prefix names
// its place in the file.
func validateLogistic(prefix string, intercept float64, weights, themes map[string]float64, names []string) error {
	finite := func(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
	if !finite(intercept) {
		return fmt.Errorf("field \"%sintercept\": %v is not finite", prefix, intercept)
	}
	for _, k := range sortedKeys(weights) {
		if !slices.Contains(names, k) {
			return fmt.Errorf("field \"%sweights\": unknown feature %q", prefix, k)
		}
		if !finite(weights[k]) {
			return fmt.Errorf("field \"%sweights.%s\": not finite", prefix, k)
		}
	}
	for _, k := range sortedKeys(themes) {
		if !finite(themes[k]) {
			return fmt.Errorf("field \"%sthemes.%s\": not finite", prefix, k)
		}
	}
	return nil
}

// compiledModel is a ThemeModel laid out for a tagger's themes.
type compiledModel struct {
	w         [numThemeFeatures]float64
	intercept []float64 // per theme
	// the sentence model
	hasSentence bool
	sw          [numSentFeatures]float64
	sIntercept  []float64 // per theme
}

func (m *ThemeModel) compile(themes []string) compiledModel {
	var c compiledModel
	for i, n := range themeFeatureNames {
		c.w[i] = m.Weights[n]
	}
	c.intercept = make([]float64, len(themes))
	for i, id := range themes {
		c.intercept[i] = m.Intercept + m.Themes[id]
	}
	c.sIntercept = make([]float64, len(themes))
	if s := m.Sentence; s != nil {
		c.hasSentence = true
		for i, n := range sentFeatureNames {
			c.sw[i] = s.Weights[n]
		}
		for i, id := range themes {
			c.sIntercept[i] = s.Intercept + s.Themes[id]
		}
	}
	return c
}

// sentence is the sentence model's probability for sentence features x of
// theme t (0 without a sentence model).
func (c *compiledModel) sentence(t int, x []float64) float64 {
	if !c.hasSentence {
		return 0
	}
	z := c.sIntercept[t]
	for i, w := range c.sw {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

func (c *compiledModel) score(t int, x []float64) float64 {
	z := c.intercept[t]
	for i, w := range c.w {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// features fills x with the features of theme t and reports whether the
// theme may be scored: it has a positive cue sum in some body sentence and
// the context it requires.
func (g *tagger) features(sc *sentScratch, t int, x []float64) bool {
	clear(x)
	a := &sc.agg[t]
	if r := g.requires[t]; a.nTop == 0 || r >= 0 && sc.agg[r].pos < contextMin {
		return false
	}
	for i := range a.nTop {
		x[featBest+i] = min(a.top[i].d, densityCap)
	}
	x[featStrong] = math.Log1p(float64(a.strong))
	// a short text is measured as if it had minBodySents sentences and
	// minBodyWords words: one cue in four sentences is a passing word
	x[featShare] = float64(a.sents) / float64(max(minBodySents, sc.bodySents))
	x[featDocDense] = math.Log1p(100 * a.pos / float64(max(minBodyWords, sc.bodyWords)))
	x[featLead] = min(a.lead, densityCap)
	x[featEntities] = math.Log1p(max(0, a.ents))
	x[featDistinct] = math.Log1p(float64(a.distinct))
	x[featMaxCue] = a.maxw
	if a.negw > 0 {
		x[featNegated] = a.negw / (a.negw + a.pos)
	}
	if r := g.requires[t]; r >= 0 {
		x[featContext] = math.Log1p(sc.agg[r].pos)
	}
	x[featTopCues] = float64(min(a.topCues, 4))
	if c := g.against[t]; c >= 0 {
		x[featAgainst] = math.Log1p(sc.agg[c].pos)
	}
	sc.sagg[t].values(x)
	return true
}

// ThemeFeatures is the evidence for one theme of the taxonomy in one text
// as the theme model sees it; see Analyzer.ThemeFeatures.
type ThemeFeatures struct {
	// ID is the theme's id.
	ID string `json:"id"`
	// Scored is false when the theme cannot be listed whatever the model
	// (no cue in the body, or the context it requires is missing).
	Scored bool `json:"scored"`
	// Values are the features, named by ThemeFeatureNames.
	Values []float64 `json:"values"`
	// Sentences are the body sentences with cues of the theme, in text
	// order, with the features of the sentence model.
	Sentences []ThemeSentence `json:"sentences,omitempty"`
}

// ThemeFeatures analyses text like Analyze and returns, for every theme of
// the Analyzer's taxonomy in taxonomy order, the features its ThemeModel
// scores. It is meant for fitting a ThemeModel on one's own labels (see
// internal/cmd/evalthemes in the repository); English text and an
// Analyzer without themes give nil.
func (a *Analyzer) ThemeFeatures(ctx context.Context, text string) ([]ThemeFeatures, error) {
	var out []ThemeFeatures
	_, err := a.analyze(ctx, text, sourcePage, &out)
	return out, err
}
