package analyze

// The unit-model experiment (see TestBoilerplateModelCV).

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/techschau/techschau/german"
)

var bpCV = flag.Bool("bpcv", false, "run the unit model experiment on the labelled news pages")

type xLabel struct {
	ID    string  `json:"id"`
	SHA1  string  `json:"sha1"`
	Lines [][]any `json:"lines"`
}

type xSpan struct {
	s, e int
	kind string
}

type xPage struct {
	id   string
	text string
	gold []xSpan
}

func loadXPages(t *testing.T, file string) []xPage {
	texts := map[string]string{}
	f, err := os.Open("../../shared/data/news-pages/pages.jsonl")
	if err != nil {
		t.Skipf("news pages: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var p struct{ ID, Text string }
		if json.Unmarshal(sc.Bytes(), &p) == nil {
			texts[p.ID] = p.Text
		}
	}
	b, err := os.ReadFile("../testdata/real/" + file)
	if err != nil {
		t.Fatal(err)
	}
	var out []xPage
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var x xLabel
		if err := json.Unmarshal([]byte(l), &x); err != nil {
			t.Fatal(err)
		}
		text := texts[x.ID]
		h := sha1.Sum([]byte(text))
		if hex.EncodeToString(h[:]) != x.SHA1 {
			t.Fatalf("%s changed", x.ID)
		}
		p := xPage{id: x.ID, text: text}
		for _, v := range x.Lines {
			p.gold = append(p.gold, xSpan{int(v[0].(float64)), int(v[1].(float64)), v[2].(string)})
		}
		out = append(out, p)
	}
	return out
}

type fitPage struct {
	xPage
	seg     *german.Segmented
	feats   []bpFeat
	ugold   []bool // per unit
	uweight []float64
	uspan   []int
	cand    []bool
}

func prepareFitPages(t *testing.T, file string) []*fitPage {
	var out []*fitPage
	for _, p := range loadXPages(t, file) {
		seg, err := segment(context.Background(), p.text, nil)
		if err != nil {
			t.Fatal(err)
		}
		fp := &fitPage{xPage: p, seg: seg}
		sc := getScratch()
		sc.low.reset(p.text)
		us := classifyUnits(seg, &sc.low, &sc.bp, sourcePage, nil, nil)
		feats := unitFeatures(us, sc.bp.keys, p.text, &sc.low, &sc.bp)
		fp.feats = slices.Clone(feats)
		for _, u := range us {
			fp.cand = append(fp.cand, modelCandidate(&u))
			best, bk, bs := 0, "body", -1
			for gi, g := range p.gold {
				o := min(g.e, u.end) - max(g.s, u.start)
				if o > best {
					best, bk, bs = o, g.kind, gi
				}
			}
			fp.ugold = append(fp.ugold, bk != "body")
			fp.uspan = append(fp.uspan, bs)
		}
		cnt := map[int]int{}
		for _, s := range fp.uspan {
			cnt[s]++
		}
		for _, s := range fp.uspan {
			fp.uweight = append(fp.uweight, 1/float64(cnt[s]))
		}
		putScratch(sc)
		out = append(out, fp)
	}
	return out
}

// logistic regression with L2 on standardised features (Newton).
type logit struct {
	mean, sd [numBPFeatures]float64
	w        [numBPFeatures]float64
	b        float64
}

func fitLogit(rows []*bpFeat, y []bool, lambda float64) *logit {
	m := &logit{}
	n := float64(len(rows))
	for k := 0; k < numBPFeatures; k++ {
		s, s2 := 0.0, 0.0
		for _, r := range rows {
			v := float64(r[k])
			s += v
			s2 += v * v
		}
		mu := s / n
		m.mean[k] = mu
		m.sd[k] = math.Sqrt(max(s2/n-mu*mu, 0))
		if m.sd[k] < 1e-9 {
			m.sd[k] = 0
		}
	}
	const d = numBPFeatures + 1
	x := make([][d]float64, len(rows))
	for i, r := range rows {
		for k := 0; k < numBPFeatures; k++ {
			if m.sd[k] > 0 {
				x[i][k] = (float64(r[k]) - m.mean[k]) / m.sd[k]
			}
		}
		x[i][numBPFeatures] = 1
	}
	var beta [d]float64
	for it := 0; it < 50; it++ {
		var g [d]float64
		h := make([][]float64, d)
		for k := range h {
			h[k] = make([]float64, d)
		}
		for i := range x {
			z := 0.0
			for k := 0; k < d; k++ {
				z += beta[k] * x[i][k]
			}
			p := 1 / (1 + math.Exp(-z))
			yi := 0.0
			if y[i] {
				yi = 1
			}
			wt := p * (1 - p)
			for k := 0; k < d; k++ {
				if x[i][k] == 0 {
					continue
				}
				g[k] += (p - yi) * x[i][k]
				for l := 0; l < d; l++ {
					h[k][l] += wt * x[i][k] * x[i][l]
				}
			}
		}
		for k := 0; k < numBPFeatures; k++ {
			g[k] += lambda * beta[k]
			h[k][k] += lambda
		}
		h[d-1][d-1] += 1e-6
		step := solveLin(h, g[:])
		mx := 0.0
		for k := 0; k < d; k++ {
			beta[k] -= step[k]
			mx = max(mx, math.Abs(step[k]))
		}
		if mx < 1e-7 {
			break
		}
	}
	for k := 0; k < numBPFeatures; k++ {
		m.w[k] = beta[k]
	}
	m.b = beta[numBPFeatures]
	return m
}

func solveLin(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range m {
		m[i] = append(slices.Clone(a[i]), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		if math.Abs(m[c][c]) < 1e-12 {
			continue
		}
		for r := 0; r < n; r++ {
			if r == c {
				continue
			}
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for i := range x {
		if math.Abs(m[i][i]) > 1e-12 {
			x[i] = m[i][n] / m[i][i]
		}
	}
	return x
}

// model folds the standardisation into the weights.
func (l *logit) model(threshold float64) *bpModel {
	m := &bpModel{threshold: threshold, bias: l.b}
	for k := 0; k < numBPFeatures; k++ {
		if l.sd[k] > 0 {
			m.w[k] = float32(l.w[k] / l.sd[k])
			m.bias -= l.w[k] * l.mean[k] / l.sd[k]
		}
	}
	return m
}

type lineCounts struct {
	tp, fp, fn, tn int
	byKind         map[string][2]int // kind -> {found, all}
}

func (c *lineCounts) add(o lineCounts) {
	c.tp += o.tp
	c.fp += o.fp
	c.fn += o.fn
	c.tn += o.tn
	if c.byKind == nil {
		c.byKind = map[string][2]int{}
	}
	for k, v := range o.byKind {
		w := c.byKind[k]
		c.byKind[k] = [2]int{w[0] + v[0], w[1] + v[1]}
	}
}

func (c lineCounts) P() float64 { return ratioF(c.tp, c.tp+c.fp) }
func (c lineCounts) R() float64 { return ratioF(c.tp, c.tp+c.fn) }

func ratioF(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// scorePage runs the detector with m on a page and scores its lines as
// evalbp does: a line is boilerplate when more than half of its non-space
// bytes are marked.
func scorePage(p *fitPage, m *bpModel, verbose bool) lineCounts {
	sc := getScratch()
	sc.low.reset(p.text)
	res := findBoilerplateModel(p.seg, &sc.low, &sc.bp, sourcePage, nil, m)
	putScratch(sc)
	mk := make([]bool, len(p.text))
	for _, b := range res.blocks {
		for i := b.Start; i < b.End; i++ {
			mk[i] = true
		}
	}
	c := lineCounts{byKind: map[string][2]int{}}
	for _, g := range p.gold {
		n, k := 0, 0
		for i := g.s; i < g.e; i++ {
			switch p.text[i] {
			case ' ', '\t', '\n', '\r':
				continue
			}
			n++
			if mk[i] {
				k++
			}
		}
		pred := n > 0 && 2*k > n
		gbp := g.kind != "body"
		if gbp {
			v := c.byKind[g.kind]
			v[1]++
			if pred {
				v[0]++
			}
			c.byKind[g.kind] = v
		}
		switch {
		case gbp && pred:
			c.tp++
		case gbp:
			c.fn++
			if verbose {
				fmt.Printf("  MISS %s %-9s %.120q\n", p.id, g.kind, p.text[g.s:g.e])
			}
		case pred:
			c.fp++
			if verbose {
				fmt.Printf("  FALSE %s %.120q\n", p.id, p.text[g.s:g.e])
			}
		default:
			c.tn++
		}
	}
	return c
}

func folds(n, k int, seed uint64) [][]int {
	idx := rand.New(rand.NewPCG(seed, 7)).Perm(n)
	out := make([][]int, k)
	for i, v := range idx {
		out[i%k] = append(out[i%k], v)
	}
	return out
}

func trainRows(pages []*fitPage, use []int) ([]*bpFeat, []bool) {
	var rows []*bpFeat
	var y []bool
	for _, i := range use {
		p := pages[i]
		for j := range p.feats {
			rows = append(rows, &p.feats[j])
			y = append(y, p.ugold[j])
		}
	}
	return rows, y
}

func complement(n int, out []int) []int {
	var in []int
	for i := 0; i < n; i++ {
		if !slices.Contains(out, i) {
			in = append(in, i)
		}
	}
	return in
}

func trainRowsW(pages []*fitPage, use []int, all bool) ([]*bpFeat, []bool, []float64) {
	var rows []*bpFeat
	var y []bool
	var wt []float64
	for _, i := range use {
		p := pages[i]
		for j := range p.feats {
			if !all && !p.cand[j] {
				continue
			}
			rows = append(rows, &p.feats[j])
			y = append(y, p.ugold[j])
			wt = append(wt, p.uweight[j])
		}
	}
	return rows, y, wt
}

type gbdtParams struct {
	rounds  int
	depth   int
	eta     float64
	lambda  float64 // L2 on leaf values
	minHess float64 // minimum hessian sum in a leaf
	colFrac float64
	seed    uint64
}

// fitGBDT fits boosted trees on the logistic loss with weights wt.
func fitGBDT(rows []*bpFeat, y []bool, wt []float64, p gbdtParams) *bpModel {
	n := len(rows)
	// cut candidates per feature: distinct values (at most 32 quantiles)
	cuts := make([][]float32, numBPFeatures)
	for k := 0; k < numBPFeatures; k++ {
		vals := make([]float32, n)
		for i, r := range rows {
			vals[i] = r[k]
		}
		slices.Sort(vals)
		vals = slices.Compact(vals)
		if len(vals) > 33 {
			q := make([]float32, 0, 33)
			for j := 1; j < 33; j++ {
				q = append(q, vals[j*len(vals)/33])
			}
			vals = slices.Compact(q)
		}
		// cut between consecutive values: use the lower value (<= cut)
		if len(vals) > 1 {
			cuts[k] = vals[:len(vals)-1]
		}
	}
	// bins per row and feature
	bin := make([][numBPFeatures]uint8, n)
	for i, r := range rows {
		for k := 0; k < numBPFeatures; k++ {
			b, _ := slices.BinarySearch(cuts[k], r[k])
			bin[i][k] = uint8(b) // values <= cuts[k][b] go left of cut b
		}
	}
	pos, all := 0.0, 0.0
	for i := range y {
		all += wt[i]
		if y[i] {
			pos += wt[i]
		}
	}
	m := &bpModel{bias: math.Log(pos / (all - pos)), threshold: 0.5}
	z := make([]float64, n)
	for i := range z {
		z[i] = m.bias
	}
	g := make([]float64, n)
	h := make([]float64, n)
	idx := make([]int, n)
	for r := 0; r < p.rounds; r++ {
		for i := range z {
			pr := 1 / (1 + math.Exp(-z[i]))
			yi := 0.0
			if y[i] {
				yi = 1
			}
			g[i] = wt[i] * (pr - yi)
			h[i] = wt[i] * max(pr*(1-pr), 1e-6)
		}
		for i := range idx {
			idx[i] = i
		}
		var tree []bpNode
		var grow func(ids []int, d int) int16
		grow = func(ids []int, d int) int16 {
			G, H := 0.0, 0.0
			for _, i := range ids {
				G += g[i]
				H += h[i]
			}
			me := int16(len(tree))
			tree = append(tree, bpNode{feature: -1, value: float32(-G / (H + p.lambda) * p.eta)})
			if d == p.depth {
				return me
			}
			best, bk, bc := 0.0, -1, 0
			parent := G * G / (H + p.lambda)
			var hg [34]float64
			var hh [34]float64
			for k := 0; k < numBPFeatures; k++ {
				if len(cuts[k]) == 0 {
					continue
				}
				clear(hg[:])
				clear(hh[:])
				for _, i := range ids {
					hg[bin[i][k]] += g[i]
					hh[bin[i][k]] += h[i]
				}
				gl, hl := 0.0, 0.0
				for c := 0; c < len(cuts[k]); c++ {
					gl += hg[c]
					hl += hh[c]
					gr, hr := G-gl, H-hl
					if hl < p.minHess || hr < p.minHess {
						continue
					}
					gain := gl*gl/(hl+p.lambda) + gr*gr/(hr+p.lambda) - parent
					if gain > best {
						best, bk, bc = gain, k, c
					}
				}
			}
			if bk < 0 {
				return me
			}
			var l, rr []int
			for _, i := range ids {
				if int(bin[i][bk]) <= bc {
					l = append(l, i)
				} else {
					rr = append(rr, i)
				}
			}
			li := grow(l, d+1)
			ri := grow(rr, d+1)
			tree[me] = bpNode{feature: int8(bk), cut: cuts[bk][bc], left: li, right: ri}
			return me
		}
		grow(idx, 0)
		m.trees = append(m.trees, tree)
		for i, rw := range rows {
			t := tree
			j := 0
			for t[j].feature >= 0 {
				if rw[t[j].feature] <= t[j].cut {
					j = int(t[j].left)
				} else {
					j = int(t[j].right)
				}
			}
			z[i] += float64(t[j].value)
		}
	}
	return m
}

// TestBoilerplateModelCV is the experiment that chose against a learned
// unit model: 10-fold cross-validation over the labelled pages (3
// repeats), line-level scores as evalbp counts them, for a logistic and a
// boosted-tree model over the unit features, deciding every unit (all)
// or only the units the rules keep as body (modelCandidate). Run with
//
//	go test ./analyze -run TestBoilerplateModelCV -v -args -bpcv
func TestBoilerplateModelCV(t *testing.T) {
	if !*bpCV {
		t.Skip("the unit model experiment runs with -bpcv")
	}
	pages := prepareFitPages(t, "boilerplate.jsonl")
	var base lineCounts
	for _, p := range pages {
		base.add(scorePage(p, nil, false))
	}
	fmt.Printf("rules alone: P %.3f R %.3f (tp %d fp %d fn %d)\n", base.P(), base.R(), base.tp, base.fp, base.fn)
	type fitter struct {
		name string
		fit  func(rows []*bpFeat, y []bool, wt []float64) *bpModel
	}
	fitters := []fitter{
		{"logistic lambda 1", func(rows []*bpFeat, y []bool, _ []float64) *bpModel { return fitLogit(rows, y, 1).model(0.5) }},
		{"logistic lambda 10", func(rows []*bpFeat, y []bool, _ []float64) *bpModel { return fitLogit(rows, y, 10).model(0.5) }},
		{"trees 100x3", func(rows []*bpFeat, y []bool, wt []float64) *bpModel {
			return fitGBDT(rows, y, wt, gbdtParams{rounds: 100, depth: 3, eta: 0.1, lambda: 1, minHess: 1})
		}},
		{"trees 300x4", func(rows []*bpFeat, y []bool, wt []float64) *bpModel {
			return fitGBDT(rows, y, wt, gbdtParams{rounds: 300, depth: 4, eta: 0.05, lambda: 1, minHess: 2})
		}},
	}
	const repeats = 3
	for _, all := range []bool{true, false} {
		for _, f := range fitters {
			for _, th := range []float64{0.5, 0.7} {
				var tot lineCounts
				for rep := uint64(0); rep < repeats; rep++ {
					for _, fold := range folds(len(pages), 10, rep) {
						rows, y, wt := trainRowsW(pages, complement(len(pages), fold), all)
						m := f.fit(rows, y, wt)
						m.threshold, m.all = th, all
						for _, i := range fold {
							tot.add(scorePage(pages[i], m, false))
						}
					}
				}
				fmt.Printf("all=%v %-18s th %.1f: P %.3f R %.3f (per run tp %d fp %d fn %d)\n", all, f.name, th, tot.P(), tot.R(), tot.tp/repeats, tot.fp/repeats, tot.fn/repeats)
			}
		}
	}
}

// TestBoilerplateModelHeldOut fits the residual logistic model on the 70
// labelled pages and scores the 30 held-out pages, beside the rules alone.
func TestBoilerplateModelHeldOut(t *testing.T) {
	if !*bpCV {
		t.Skip("the unit model experiment runs with -bpcv")
	}
	pages := prepareFitPages(t, "boilerplate.jsonl")
	held := prepareFitPages(t, "boilerplate.heldout.jsonl")
	rows, y, _ := trainRowsW(pages, complement(len(pages), nil), false)
	for _, lambda := range []float64{1, 10} {
		for _, th := range []float64{0.5, 0.7} {
			m := fitLogit(rows, y, lambda).model(th)
			var rules, model lineCounts
			for _, p := range held {
				rules.add(scorePage(p, nil, false))
				model.add(scorePage(p, m, false))
			}
			fmt.Printf("held out: rules P %.3f R %.3f; residual logistic lambda %.0f th %.1f: P %.3f R %.3f (tp %d fp %d fn %d)\n", rules.P(), rules.R(), lambda, th, model.P(), model.R(), model.tp, model.fp, model.fn)
		}
	}
}
