package themefit

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
)

// Counts are the decisions for one theme (or all themes, micro).
type Counts struct{ TP, FP, FN int }

// P is precision (1 when nothing was predicted).
func (c Counts) P() float64 { return ratio(c.TP, c.TP+c.FP) }

// R is recall (1 when there is nothing to find).
func (c Counts) R() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of P and R.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Scores are the figures of a set of predictions against gold labels.
type Scores struct {
	Themes []string          // theme ids in report order
	By     map[string]Counts // per theme
	Micro  Counts
	// EmptyGold is the number of texts without a gold theme, EmptyRight
	// those of them that got an empty list.
	EmptyGold, EmptyRight int
	Texts                 int
	// Repeats is the number of cross-validation repeats pooled in the
	// counts; Print divides the counts by it.
	Repeats int
}

// NewScores returns empty Scores over the given themes.
func NewScores(themes []string) *Scores {
	return &Scores{Themes: slices.Clone(themes), By: map[string]Counts{}}
}

// Add counts one text's predicted against its gold themes.
func (s *Scores) Add(gold, pred []string) {
	s.Texts++
	if len(gold) == 0 {
		s.EmptyGold++
		if len(pred) == 0 {
			s.EmptyRight++
		}
	}
	for _, t := range pred {
		c := s.By[t]
		if slices.Contains(gold, t) {
			c.TP++
			s.Micro.TP++
		} else {
			c.FP++
			s.Micro.FP++
		}
		s.By[t] = c
	}
	for _, t := range gold {
		if !slices.Contains(pred, t) {
			c := s.By[t]
			c.FN++
			s.Micro.FN++
			s.By[t] = c
		}
	}
}

// EmptyShare is the share of empty-gold texts that got an empty list.
func (s *Scores) EmptyShare() float64 { return ratio(s.EmptyRight, s.EmptyGold) }

// Print writes the per-theme table and the summary lines.
func (s *Scores) Print(w io.Writer) {
	rep := max(1, s.Repeats)
	n := func(v int) string {
		if rep == 1 {
			return fmt.Sprint(v)
		}
		return fmt.Sprintf("%.1f", float64(v)/float64(rep))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "theme\tgold\tpred\tTP\tFP\tFN\tP\tR\tF1\t")
	row := func(name string, c Counts) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t\n", name, n(c.TP+c.FN), n(c.TP+c.FP), n(c.TP), n(c.FP), n(c.FN), c.P(), c.R(), c.F1())
	}
	for _, t := range s.Themes {
		row(t, s.By[t])
	}
	row("micro", s.Micro)
	tw.Flush()
	fmt.Fprintf(w, "texts %s; empty gold %s, of which empty list %s (%.3f)\n", n(s.Texts), n(s.EmptyGold), n(s.EmptyRight), s.EmptyShare())
}
