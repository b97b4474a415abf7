package summarize

import (
	"flag"
	"fmt"
	"math"
	"sort"
	"testing"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/rouge"
)

var tune = flag.Bool("tune", false, "grid-search the scoring parameters on the 10kGNAD dev pairs")

// evalPairs loads the dev teaser/body pairs, skipping the test when absent.
func evalPairs(t testing.TB) []rouge.Pair {
	t.Helper()
	arts, err := rouge.ReadGNADFile(gnadPath)
	if err != nil {
		t.Skipf("10kGNAD: %s not found", gnadPath)
	}
	var pairs []rouge.Pair
	for _, a := range arts {
		if p, ok := rouge.TeaserPair(a.Text); ok {
			pairs = append(pairs, p)
		}
	}
	return pairs
}

const gnadPath = "../../shared/data/10kgnad/dev.csv"

func oursSystem(t testing.TB, opts ...Option) rouge.System {
	sums := map[int]*Summarizer{}
	for k := 1; k <= 3; k++ {
		sums[k] = mustNew(t, append(opts, WithSentences(k))...)
	}
	return rouge.System{Name: "techschau", Pick: func(seg *german.Segmented, k int) []german.Span {
		var out []german.Span
		for _, x := range sums[k].SummarizeSegmented(seg, Hints{}).Sentences {
			out = append(out, german.Span{Start: x.Start, End: x.End})
		}
		return out
	}}
}

// margins returns ours − lead for R1, R2, RL at k = 1, 2, 3 (9 values).
func margins(pairs []rouge.Pair, ours rouge.System) []float64 {
	res := rouge.Evaluate(pairs, []rouge.System{ours, {Name: "lead", Pick: rouge.Lead}}, []int{1, 2, 3}, rouge.WithStemming(true))
	var m []float64
	for i := 0; i < len(res); i += 2 {
		a, b := res[i], res[i+1]
		m = append(m, a.R1-b.R1, a.R2-b.R2, a.RL-b.RL)
	}
	return m
}

func TestTune(t *testing.T) {
	if !*tune {
		t.Skip("run with -tune")
	}
	pairs := evalPairs(t)
	var halves [2][]rouge.Pair
	for i, p := range pairs {
		halves[i%2] = append(halves[i%2], p)
	}
	type run struct {
		p      params
		lambda float64
		obj    float64
		m      []float64
	}
	var runs []run
	for _, tau := range []float64{0.5, 1, 2, 4} {
		for _, wCen := range []float64{0.25, 0.5, 1} {
			for _, lenExp := range []float64{0.5, 0.8} {
				for _, longExp := range []float64{0, 0.5, 1} {
					for _, lambda := range []float64{0, 0.3, 0.6} {
						p := defaultParams
						p.tau, p.wCen, p.lenExp, p.longExp = tau, wCen, lenExp, longExp
						ours := oursSystem(t, withParams(p), WithRedundancy(lambda))
						obj := math.Inf(1)
						var all []float64
						for _, h := range halves {
							m := margins(h, ours)
							all = append(all, m...)
							for _, x := range m {
								obj = min(obj, x)
							}
						}
						runs = append(runs, run{p, lambda, obj, all})
					}
				}
			}
		}
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].obj > runs[j].obj })
	for _, r := range runs[:min(15, len(runs))] {
		fmt.Printf("obj %+.4f tau %.2f wCen %.2f lenExp %.2f longExp %.2f lambda %.2f  %s\n", r.obj, r.p.tau, r.p.wCen, r.p.lenExp, r.p.longExp, r.lambda, fmtM(r.m))
	}
}

func fmtM(m []float64) string {
	s := ""
	for _, x := range m {
		s += fmt.Sprintf(" %+.2f", 100*x)
	}
	return s
}
