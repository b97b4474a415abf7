package rouge

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/techschau/techschau/german"
)

// System is a summariser under evaluation: Pick returns the spans of up to
// k sentences of seg (into seg.Text) that make its summary.
type System struct {
	Name string
	Pick func(seg *german.Segmented, k int) []german.Span
}

// Result is the mean ROUGE F1 of one system at one sentence budget.
type Result struct {
	System     string
	K          int
	Pairs      int
	R1, R2, RL float64
}

// Prepare segments p.Input and shortens the first sentence so that it
// starts after the dateline: no system gets the dateline into its summary,
// and every span stays a span of p.Input.
func Prepare(p Pair) *german.Segmented {
	seg := german.Segment(p.Input)
	if len(seg.Sentences) > 0 && p.Dateline > 0 {
		s := &seg.Sentences[0]
		if s.Start <= p.Dateline && p.Dateline < s.End {
			s.Start = p.Dateline
		}
	}
	return seg
}

// Lead is the Lead-k baseline: the first k sentences that contain a word.
func Lead(seg *german.Segmented, k int) []german.Span {
	var out []german.Span
	for _, s := range seg.Sentences {
		if len(out) == k {
			break
		}
		if hasWord(seg, s) {
			out = append(out, s.Span)
		}
	}
	return out
}

// Random returns a baseline that picks k sentences with a word uniformly at
// random (deterministic for a seed), in article order.
func Random(seed uint64) func(seg *german.Segmented, k int) []german.Span {
	return func(seg *german.Segmented, k int) []german.Span {
		r := rand.New(rand.NewPCG(seed, uint64(len(seg.Text))))
		var idx []int
		for i, s := range seg.Sentences {
			if hasWord(seg, s) {
				idx = append(idx, i)
			}
		}
		r.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		idx = idx[:min(k, len(idx))]
		slices.Sort(idx)
		out := make([]german.Span, len(idx))
		for i, j := range idx {
			out[i] = seg.Sentences[j].Span
		}
		return out
	}
}

func hasWord(seg *german.Segmented, s german.Sentence) bool {
	for _, t := range s.Tokens {
		if t.Kind == german.Word && t.Start >= s.Start && t.End <= s.End {
			return true
		}
	}
	return false
}

// Evaluate scores every system at every budget in ks over pairs and returns
// one Result per (system, k), systems in the given order within each k.
func Evaluate(pairs []Pair, systems []System, ks []int, opts ...Option) []Result {
	means := make([]Mean, len(systems)*len(ks))
	for _, p := range pairs {
		ref := Tokenize(p.Reference, opts...)
		seg := Prepare(p)
		for ki, k := range ks {
			for si, sys := range systems {
				var b strings.Builder
				for i, sp := range sys.Pick(seg, k) {
					if i > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(sp.In(seg.Text))
				}
				means[ki*len(systems)+si].Add(Compute(Tokenize(b.String(), opts...), ref))
			}
		}
	}
	var out []Result
	for ki, k := range ks {
		for si, sys := range systems {
			m := &means[ki*len(systems)+si]
			r1, r2, rl := m.F1()
			out = append(out, Result{System: sys.Name, K: k, Pairs: m.Count(), R1: r1, R2: r2, RL: rl})
		}
	}
	return out
}
