package conll

import (
	"fmt"
	"io"

	"github.com/techschau/techschau/internal/ner"
)

// Score counts strict span matches: a predicted name is a true positive when
// a gold name has the same start, end and type.
type Score struct {
	TP, FP, FN int
}

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (s Score) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 0
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall is TP / (TP + FN), 0 when there is no gold name.
func (s Score) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 0
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Types are the name types in report order.
var Types = []string{"PER", "ORG", "LOC", "MISC"}

// Eval accumulates strict span scores per type. The zero value is ready to use.
type Eval struct {
	byType [4]Score
}

func typeIndex(t string) int {
	for i, x := range Types {
		if x == t {
			return i
		}
	}
	return -1
}

// Add scores one sentence: gold and pred are label sequences of the same
// sentence; spans are read with ner.Spans.
func (e *Eval) Add(gold, pred []ner.Label) {
	g, p := ner.Spans(gold), ner.Spans(pred)
	match := make(map[ner.Span]bool, len(g))
	for _, s := range g {
		match[s] = false
	}
	for _, s := range p {
		i := typeIndex(s.Type)
		if i < 0 {
			continue
		}
		if seen, ok := match[s]; ok && !seen {
			match[s] = true
			e.byType[i].TP++
		} else {
			e.byType[i].FP++
		}
	}
	for s, hit := range match {
		if i := typeIndex(s.Type); i >= 0 && !hit {
			e.byType[i].FN++
		}
	}
}

// Merge adds the counts of other.
func (e *Eval) Merge(other *Eval) {
	for i := range e.byType {
		e.byType[i].TP += other.byType[i].TP
		e.byType[i].FP += other.byType[i].FP
		e.byType[i].FN += other.byType[i].FN
	}
}

// Type returns the score of one type ("PER", "ORG", "LOC", "MISC").
func (e *Eval) Type(t string) Score {
	if i := typeIndex(t); i >= 0 {
		return e.byType[i]
	}
	return Score{}
}

// Overall returns the micro-averaged score over all types.
func (e *Eval) Overall() Score {
	var s Score
	for _, x := range e.byType {
		s.TP += x.TP
		s.FP += x.FP
		s.FN += x.FN
	}
	return s
}

// WriteReport writes a table of precision, recall and F1 per type and overall.
func (e *Eval) WriteReport(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "%-8s %6s %6s %6s %6s %6s %6s\n", "type", "gold", "pred", "P", "R", "F1", "TP"); err != nil {
		return err
	}
	row := func(name string, s Score) error {
		_, err := fmt.Fprintf(w, "%-8s %6d %6d %6.4f %6.4f %6.4f %6d\n", name, s.TP+s.FN, s.TP+s.FP, s.Precision(), s.Recall(), s.F1(), s.TP)
		return err
	}
	for _, t := range Types {
		if err := row(t, e.Type(t)); err != nil {
			return err
		}
	}
	return row("overall", e.Overall())
}
