package entityeval

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
)

// Set is a prepared evaluation set: labelled documents with their texts,
// segmentation and the spans the pipeline marks as boilerplate.
type Set struct {
	Docs []Doc
	Segs []*german.Segmented
	// Skip are the boilerplate spans of each document (sorted).
	Skip [][]german.Span
}

// Prepare segments the documents and, for the documents mask(set) selects
// (nil: none), marks their boilerplate as the analyze pipeline does (entities
// of boilerplate do not count in a Document).
func Prepare(docs []Doc, mask func(set string) bool) (*Set, error) {
	a, err := analyze.New(analyze.WithoutEntities(), analyze.WithoutSummary(), analyze.WithoutThemes())
	if err != nil {
		return nil, err
	}
	docs = slices.Clone(docs)
	slices.SortFunc(docs, func(x, y Doc) int { return cmp.Or(cmp.Compare(x.Set, y.Set), cmp.Compare(x.ID, y.ID)) })
	s := &Set{Docs: docs}
	for _, d := range docs {
		var skip []german.Span
		if mask != nil && mask(d.Set) {
			doc, err := a.Analyze(context.Background(), d.Text)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", d.ID, err)
			}
			for _, sn := range doc.Sentences {
				if sn.Boilerplate {
					skip = append(skip, german.Span{Start: sn.Start, End: sn.End})
				}
			}
		}
		s.Skip = append(s.Skip, skip)
		s.Segs = append(s.Segs, german.Segment(d.Text))
	}
	return s, nil
}

// Predict recognises the entities of document i, skipping its boilerplate sentences.
func (s *Set) Predict(r *entities.Recognizer, i int) []entities.Entity {
	seg, skip := s.Segs[i], s.Skip[i]
	if len(skip) == 0 {
		return r.RecognizeSegmented(seg, nil)
	}
	return r.RecognizeSegmented(seg, func(k int) bool {
		sn := seg.Sentences[k]
		for _, b := range skip {
			if sn.Start >= b.Start && sn.End <= b.End {
				return false
			}
		}
		return true
	})
}

// ScoreAll scores r on every document; the results are per document.
func (s *Set) ScoreAll(r *entities.Recognizer, link Linker) []*Result {
	out := make([]*Result, len(s.Docs))
	for i, d := range s.Docs {
		out[i] = Score(d, s.Predict(r, i), link, s.Skip[i])
	}
	return out
}

// Total sums the per-document results by set; the key "all" sums every
// document. keep(i) selects documents (nil: all).
func (s *Set) Total(res []*Result, keep func(i int) bool) map[string]*Result {
	out := map[string]*Result{"all": {ByType: map[string]*Counts{}}}
	for i, r := range res {
		if r == nil || keep != nil && !keep(i) {
			continue
		}
		set := s.Docs[i].Set
		if out[set] == nil {
			out[set] = &Result{ByType: map[string]*Counts{}}
		}
		out[set].Add(r)
		out["all"].Add(r)
	}
	return out
}

// Fold returns the fold of document i in k-fold cross-validation: documents
// are dealt round-robin in (set, id) order, so every fold holds both sets.
func Fold(i, k int) int { return i % k }

// Objective is what CV maximises: the mean of document-level F1 and typed F1.
func Objective(r *Result) float64 { return (r.Untyped.F1() + r.Typed.F1()) / 2 }

// CV runs k-fold cross-validation over configurations: for every fold the
// configuration with the best Objective on the other folds is chosen and
// scored on the fold. res[c] are the per-document results of configuration c.
// It returns the held-out results per document and the choice per fold.
func (s *Set) CV(res [][]*Result, k int) (held []*Result, chosen []int) {
	held = make([]*Result, len(s.Docs))
	for f := range k {
		best, bestScore := 0, -1.0
		for c := range res {
			t := s.Total(res[c], func(i int) bool { return Fold(i, k) != f })["all"]
			if o := Objective(t); o > bestScore+1e-12 {
				best, bestScore = c, o
			}
		}
		chosen = append(chosen, best)
		for i := range s.Docs {
			if Fold(i, k) == f {
				held[i] = res[best][i]
			}
		}
	}
	return held, chosen
}

// Cross chooses a configuration on the documents of one set and scores it on
// those of another: for every ordered pair of the sets (dev → eval), the
// configuration with the best Objective on dev (res[c], per document) and
// its results on eval. Rules written from one set's errors are judged the
// same way by the figures of the other.
func (s *Set) Cross(res [][]*Result) []CrossResult {
	var sets []string
	for _, d := range s.Docs {
		if !slices.Contains(sets, d.Set) {
			sets = append(sets, d.Set)
		}
	}
	var out []CrossResult
	for _, dev := range sets {
		for _, eval := range sets {
			if dev == eval {
				continue
			}
			best, bestScore := 0, -1.0
			for c := range res {
				t := s.Total(res[c], func(i int) bool { return s.Docs[i].Set == dev })["all"]
				if o := Objective(t); o > bestScore+1e-12 {
					best, bestScore = c, o
				}
			}
			out = append(out, CrossResult{Dev: dev, Eval: eval, Chosen: best,
				Result: s.Total(res[best], func(i int) bool { return s.Docs[i].Set == eval })["all"]})
		}
	}
	return out
}

// CrossResult is one pair of Set.Cross: the configuration chosen on Dev and
// its figures on Eval.
type CrossResult struct {
	Dev, Eval string
	Chosen    int
	Result    *Result
}

// WriteSummary writes the figures of totals (see Total): per set and all.
func WriteSummary(w io.Writer, totals map[string]*Result) {
	keys := make([]string, 0, len(totals))
	for k := range totals {
		if k != "all" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	keys = append(keys, "all")
	fmt.Fprintf(w, "%-12s %5s %6s %6s %6s | %6s %6s %6s | %6s %6s  (tp/pred/gold)\n", "set", "docs", "P", "R", "F1", "tP", "tR", "typedF1", "F1-nd", "tF1-nd")
	for _, k := range keys {
		r := totals[k]
		fmt.Fprintf(w, "%-12s %5d %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %6.3f %6.3f  (%d/%d/%d)\n", k, r.Docs,
			r.Untyped.P(), r.Untyped.R(), r.Untyped.F1(), r.Typed.P(), r.Typed.R(), r.Typed.F1(),
			r.NoDerived.F1(), r.NoDerivedTyped.F1(), r.Untyped.TP, r.Untyped.Pred, r.Untyped.Gold)
	}
	all := totals["all"]
	types := make([]string, 0, len(all.ByType))
	for t := range all.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	fmt.Fprintf(w, "typed, all sets:")
	for _, t := range types {
		c := all.ByType[t]
		fmt.Fprintf(w, "  %s P %.2f R %.2f F1 %.2f (%d/%d/%d)", t, c.P(), c.R(), c.F1(), c.TP, c.Pred, c.Gold)
	}
	fmt.Fprintln(w)
}

// WriteSources writes the precision of the predictions by source, type and
// word count (see Result.BySource).
func WriteSources(w io.Writer, r *Result) {
	keys := make([]string, 0, len(r.BySource))
	for k := range r.BySource {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintln(w, "predictions by source (matched/predicted):")
	for _, k := range keys {
		c := r.BySource[k]
		fmt.Fprintf(w, "  %-28s %4d/%-4d P %.2f\n", k, c.TP, c.Pred, c.P())
	}
}

// WriteErrors writes misses, false names and type errors by kind, most
// frequent kind first, with up to max examples each (0: all).
func WriteErrors(w io.Writer, r *Result, max int) {
	section := func(title string, errs []Error) {
		by := map[string][]Error{}
		for _, e := range errs {
			by[e.Kind] = append(by[e.Kind], e)
		}
		kinds := make([]string, 0, len(by))
		for k := range by {
			kinds = append(kinds, k)
		}
		sort.Slice(kinds, func(i, j int) bool {
			if len(by[kinds[i]]) != len(by[kinds[j]]) {
				return len(by[kinds[i]]) > len(by[kinds[j]])
			}
			return kinds[i] < kinds[j]
		})
		fmt.Fprintf(w, "%s: %d\n", title, len(errs))
		for _, k := range kinds {
			es := by[k]
			fmt.Fprintf(w, "  %-20s %3d:", k, len(es))
			for i, e := range es {
				if max > 0 && i == max {
					fmt.Fprintf(w, " …")
					break
				}
				s := fmt.Sprintf(" %q %s", e.Text, e.Type)
				if e.Source != "" {
					s += "/" + e.Source
				}
				if e.Other != "" {
					s += "→" + e.Other
				}
				fmt.Fprintf(w, "%s [%s];", s, strings.TrimPrefix(e.Doc, "gnad-dev-"))
			}
			fmt.Fprintln(w)
		}
	}
	section("misses by kind", r.Misses)
	section("false names by kind", r.False)
	section("type errors (matched, wrong type; gold type, →predicted)", r.TypeErrors)
}
