package summarize

import (
	"flag"
	"fmt"
	"math"
	"testing"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/corpus"
	"github.com/techschau/techschau/internal/rouge"
)

var tune = flag.Bool("tune", false, "grid-search the scoring parameters on the 10kGNAD dev pairs")

// evalPairs loads the dev teaser/body pairs, skipping the test when absent.
func evalPairs(t testing.TB) []rouge.Pair {
	t.Helper()
	arts, err := corpus.ReadGNADFile(gnadPath)
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

// sample is one sentence's features and its ROUGE with the teaser.
type sample struct {
	f [nFeatures]float64
	y float64
}

func samples(pairs []rouge.Pair, target func(rouge.Scores) float64) []sample {
	var out []sample
	sc := newScratch()
	p := defaultParams
	for _, pr := range pairs {
		ref := rouge.Tokenize(pr.Reference, rouge.WithStemming(true))
		seg := rouge.Prepare(pr)
		sc.load(seg, Hints{}, false)
		if len(sc.sents) > 0 {
			sc.features(seg.Text, &p, func(k int, f *[nFeatures]float64) {
				si := sc.sents[k]
				r := rouge.Compute(rouge.Tokenize(seg.Text[si.start:si.end], rouge.WithStemming(true)), ref)
				out = append(out, sample{*f, target(r)})
			})
		}
		sc.reset()
	}
	return out
}

// fit solves ridge least squares (XᵀX + αI)w = Xᵀy.
func fit(ss []sample, alpha float64) [nFeatures]float64 {
	const n = nFeatures
	var a [n][n + 1]float64
	for _, s := range ss {
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				a[i][j] += s.f[i] * s.f[j]
			}
			a[i][n] += s.f[i] * s.y
		}
	}
	for i := 1; i < n; i++ {
		a[i][i] += alpha * float64(len(ss))
	}
	for c := 0; c < n; c++ {
		piv := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[piv][c]) {
				piv = r
			}
		}
		a[c], a[piv] = a[piv], a[c]
		if a[c][c] == 0 {
			continue
		}
		for r := 0; r < n; r++ {
			if r == c {
				continue
			}
			m := a[r][c] / a[c][c]
			for j := c; j <= n; j++ {
				a[r][j] -= m * a[c][j]
			}
		}
	}
	var w [n]float64
	for i := 0; i < n; i++ {
		if a[i][i] != 0 {
			w[i] = a[i][n] / a[i][i]
		}
	}
	return w
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
	targets := map[string]func(rouge.Scores) float64{
		"f1":     func(r rouge.Scores) float64 { return (r.R1.F1 + r.R2.F1 + r.RL.F1) / 3 },
		"prec":   func(r rouge.Scores) float64 { return (r.R1.Precision + r.R2.Precision + r.RL.Precision) / 3 },
		"recall": func(r rouge.Scores) float64 { return (r.R1.Recall + r.R2.Recall + r.RL.Recall) / 3 },
		"mix": func(r rouge.Scores) float64 {
			return (r.R1.F1+r.R2.F1+r.RL.F1)/3 + (r.R1.Recall+r.R2.Recall+r.RL.Recall)/6
		},
	}
	for _, tn := range []string{"f1", "prec"} {
		hs := [2][]sample{samples(halves[0], targets[tn]), samples(halves[1], targets[tn])}
		fmt.Println("target", tn)
		for _, alpha := range []float64{0.03, 0.1} {
			for _, lambda := range []float64{0.4, 0.6} {
				for _, lb := range []float64{0, 0.005} {
					obj := math.Inf(1)
					var all []float64
					for h := 0; h < 2; h++ {
						p := defaultParams
						p.w = fit(hs[h], alpha)
						p.leadBonus = [4]float64{lb, lb, lb, lb}
						m := margins(halves[1-h], oursSystem(t, withParams(p), WithRedundancy(lambda)))
						all = append(all, m...)
						for _, x := range m {
							obj = min(obj, x)
						}
					}
					fmt.Printf("cross obj %+.4f alpha %g lambda %.1f lb %.3f %s\n", obj, alpha, lambda, lb, fmtM(all))
				}
			}
			p := defaultParams
			p.w = fit(append(hs[0], hs[1]...), alpha)
			fmt.Printf("alpha %g full fit w = %#v\n", alpha, p.w)
		}
	}
}

func fmtM(m []float64) string {
	s := ""
	for _, x := range m {
		s += fmt.Sprintf(" %+.2f", 100*x)
	}
	return s
}

func objective(m []float64) float64 {
	mn, sum := math.Inf(1), 0.0
	for _, x := range m {
		mn = min(mn, x)
		sum += x
	}
	return mn + 0.2*sum/float64(len(m))
}

// ascend improves p.w coordinate-wise on the actual ROUGE margins.
func ascend(t *testing.T, train []rouge.Pair, p params, lambda float64) (params, float64) {
	eval := func(p params) float64 {
		return objective(margins(train, oursSystem(t, withParams(p), WithRedundancy(lambda))))
	}
	best := eval(p)
	for pass := 0; pass < 2; pass++ {
		for j := 0; j <= nFeatures; j++ {
			for _, d := range []float64{-0.02, -0.01, -0.005, 0.005, 0.01, 0.02} {
				q := p
				if j == nFeatures {
					continue
				} else {
					q.w[j] += d
				}
				if v := eval(q); v > best+1e-5 {
					best, p = v, q
				}
			}
		}
	}
	return p, best
}

var ascendFlag = flag.Bool("ascend", false, "coordinate ascent on ROUGE margins")

func TestAscend(t *testing.T) {
	if !*ascendFlag {
		t.Skip("run with -ascend")
	}
	pairs := evalPairs(t)
	var halves [2][]rouge.Pair
	for i, p := range pairs {
		halves[i%2] = append(halves[i%2], p)
	}
	f1 := func(r rouge.Scores) float64 { return (r.R1.F1 + r.R2.F1 + r.RL.F1) / 3 }
	lambda := 0.4
	for h := 0; h < 2; h++ {
		p := defaultParams
		p.w = fit(samples(halves[h], f1), 0.03)
		p, tr := ascend(t, halves[h], p, lambda)
		m := margins(halves[1-h], oursSystem(t, withParams(p), WithRedundancy(lambda)))
		fmt.Printf("half %d train obj %+.4f test obj %+.4f %s\nw=%#v lb=%v\n", h, tr, objective(m), fmtM(m), p.w, p.leadBonus)
	}
}

func TestAscendFull(t *testing.T) {
	if !*ascendFlag {
		t.Skip("run with -ascend")
	}
	pairs := evalPairs(t)
	f1 := func(r rouge.Scores) float64 { return (r.R1.F1 + r.R2.F1 + r.RL.F1) / 3 }
	lambda := 0.4
	p := defaultParams
	p.w = fit(samples(pairs, f1), 0.03)
	p, tr := ascend(t, pairs, p, lambda)
	var halves [2][]rouge.Pair
	for i, p := range pairs {
		halves[i%2] = append(halves[i%2], p)
	}
	for h := 0; h < 2; h++ {
		m := margins(halves[h], oursSystem(t, withParams(p), WithRedundancy(lambda)))
		fmt.Printf("full: half %d %s\n", h, fmtM(m))
	}
	fmt.Printf("full train obj %+.4f %s\nw=%#v lb=%v\n", tr, fmtM(margins(pairs, oursSystem(t, withParams(p), WithRedundancy(lambda)))), p.w, p.leadBonus)
}

var cvFlag = flag.Bool("cv", false, "4-fold cross-validation of the fitting procedure")

// TestCrossValidate estimates held-out margins: each fold is scored by
// weights fitted (ridge + ascent) on the other three folds.
func TestCrossValidate(t *testing.T) {
	if !*cvFlag {
		t.Skip("run with -cv")
	}
	pairs := evalPairs(t)
	const folds = 4
	f1 := func(r rouge.Scores) float64 { return (r.R1.F1 + r.R2.F1 + r.RL.F1) / 3 }
	lambda := DefaultRedundancy
	total := make([]float64, 9)
	for f := 0; f < folds; f++ {
		var train, test []rouge.Pair
		for i, p := range pairs {
			if i%folds == f {
				test = append(test, p)
			} else {
				train = append(train, p)
			}
		}
		p := defaultParams
		p.w = fit(samples(train, f1), 0.03)
		p, _ = ascend(t, train, p, lambda)
		m := margins(test, oursSystem(t, withParams(p), WithRedundancy(lambda)))
		fmt.Printf("fold %d %s\n", f, fmtM(m))
		for i := range m {
			total[i] += m[i] * float64(len(test)) / float64(len(pairs))
		}
	}
	fmt.Printf("out-of-fold margins (points; R1 R2 RL at k=1,2,3): %s\n", fmtM(total))
}

var (
	cvLeadFlag = flag.Bool("cvlead", false, "4-fold cross-validation of a lead bonus by budget (ridge weights)")
	cvLambda   = flag.Float64("cvlambda", DefaultRedundancy, "redundancy weight for -cvlead")
)

func TestCrossValidateLead(t *testing.T) {
	if !*cvLeadFlag {
		t.Skip("run with -cvlead")
	}
	pairs := evalPairs(t)
	const folds = 4
	f1 := func(r rouge.Scores) float64 { return (r.R1.F1 + r.R2.F1 + r.RL.F1) / 3 }
	bonuses := []float64{0, 0.005, 0.01, 0.015}
	for _, alpha := range []float64{0.03} {
		total := make([][]float64, len(bonuses))
		for i := range total {
			total[i] = make([]float64, 9)
		}
		for f := 0; f < folds; f++ {
			var train, test []rouge.Pair
			for i, p := range pairs {
				if i%folds == f {
					test = append(test, p)
				} else {
					train = append(train, p)
				}
			}
			w := fit(samples(train, f1), alpha)
			for bi, lb := range bonuses {
				p := defaultParams
				p.w = w
				p.leadBonus = [4]float64{lb, lb, lb, lb}
				m := margins(test, oursSystem(t, withParams(p), WithRedundancy(*cvLambda)))
				for i := range m {
					total[bi][i] += m[i] * float64(len(test)) / float64(len(pairs))
				}
			}
		}
		for bi, lb := range bonuses {
			fmt.Printf("alpha %g lambda %.2f lead bonus %.3f out-of-fold: %s\n", alpha, *cvLambda, lb, fmtM(total[bi]))
		}
	}
	// ridge on all pairs, with the bonuses chosen out of fold
	p := defaultParams
	p.w = fit(samples(pairs, f1), 0.03)
	p.leadBonus = [4]float64{0, 0, 0.005, 0.01}
	fmt.Printf("full ridge fit, bonus %v, in-sample: %s\nw = %#v\n", p.leadBonus, fmtM(margins(pairs, oursSystem(t, withParams(p)))), p.w)
	p = defaultParams
	fmt.Printf("shipped params in-sample: %s\n", fmtM(margins(pairs, oursSystem(t, withParams(p)))))
}
