// Package sumeval evaluates extractive summarisers on 10kGNAD teaser/body
// pairs: it prepares the pairs (segmentation without the dateline, the
// pipeline's hints), scores systems with ROUGE-1/2/L F1 per article, and
// reports means, the share of articles where a system's summary is Lead-k,
// and bootstrap 95 % intervals of the differences to Lead-k. It also holds
// the baselines: Lead-k, a classic TextRank, a random pick and the oracle.
//
// It is shared by internal/cmd/evalsum and internal/cmd/evalpeers (a module
// of its own, which adds the external Go summarisers).
package sumeval

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/corpus"
	"github.com/techschau/techschau/internal/rouge"
	"github.com/techschau/techschau/summarize"
)

// Case is one evaluation pair made ready.
type Case struct {
	Pair rouge.Pair
	// Seg is the input segmented, the dateline cut from its first
	// sentence (rouge.Prepare): no system gets the dateline.
	Seg *german.Segmented
	// Ref holds the reference's ROUGE tokens (stemmed).
	Ref []string
	// Hints are what the pipeline (package analyze) tells its summarizer
	// about the input: boilerplate, entities, headline.
	Hints summarize.Hints
	// Sents holds the ROUGE tokens of every sentence of Seg.
	Sents [][]string
}

// Load reads a 10kGNAD CSV file and returns its teaser/body pairs as cases,
// and the number of articles read.
func Load(path string) ([]*Case, int, error) {
	arts, err := corpus.ReadGNADFile(path)
	if err != nil {
		return nil, 0, err
	}
	an, err := analyze.New(analyze.WithoutSummary(), analyze.WithoutThemes())
	if err != nil {
		return nil, 0, err
	}
	var out []*Case
	for _, a := range arts {
		p, ok := rouge.TeaserPair(a.Text)
		if !ok {
			continue
		}
		c, err := NewCase(an, p)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, c)
	}
	return out, len(arts), nil
}

// NewCase prepares one pair, with the hints of Analyzer an.
func NewCase(an *analyze.Analyzer, p rouge.Pair) (*Case, error) {
	c := &Case{Pair: p, Seg: rouge.Prepare(p), Ref: rouge.Tokenize(p.Reference, rouge.WithStemming(true))}
	doc, err := an.Analyze(context.Background(), p.Input)
	if err != nil {
		return nil, fmt.Errorf("sumeval: analyze: %w", err)
	}
	if len(doc.Sentences) == len(c.Seg.Sentences) {
		c.Hints = doc.SummaryHints()
	}
	for _, s := range c.Seg.Sentences {
		c.Sents = append(c.Sents, rouge.Tokenize(s.In(c.Seg.Text), rouge.WithStemming(true)))
	}
	return c, nil
}

// System is a summariser: Pick returns the spans (into c.Seg.Text) of the
// sentences of its summary of c in k sentences.
type System struct {
	Name string
	Pick func(c *Case, k int) []german.Span
}

// Scores are the ROUGE F1 of one summary.
type Scores struct{ R1, R2, RL float64 }

// Result is the evaluation of one system at one k.
type Result struct {
	System   string
	K        int
	Scores   []Scores // by case
	SameLead int      // cases whose summary is Lead-k
}

// Mean returns the mean scores.
func (r *Result) Mean() Scores {
	var m Scores
	for _, s := range r.Scores {
		m.R1 += s.R1
		m.R2 += s.R2
		m.RL += s.RL
	}
	n := float64(max(len(r.Scores), 1))
	return Scores{m.R1 / n, m.R2 / n, m.RL / n}
}

// Score returns the ROUGE F1 of a summary of c made of spans.
func Score(c *Case, spans []german.Span) Scores {
	var b strings.Builder
	for i, sp := range spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(sp.In(c.Seg.Text))
	}
	s := rouge.Compute(rouge.Tokenize(b.String(), rouge.WithStemming(true)), c.Ref)
	return Scores{s.R1.F1, s.R2.F1, s.RL.F1}
}

// Evaluate scores every system at every k on cases.
func Evaluate(cases []*Case, systems []System, ks []int) []Result {
	var out []Result
	for _, k := range ks {
		for _, sys := range systems {
			r := Result{System: sys.Name, K: k, Scores: make([]Scores, len(cases))}
			for i, c := range cases {
				spans := sys.Pick(c, k)
				r.Scores[i] = Score(c, spans)
				if slices.Equal(spans, Lead(c, k)) {
					r.SameLead++
				}
			}
			out = append(out, r)
		}
	}
	return out
}

// Interval is a bootstrap 95 % interval of a mean difference.
type Interval struct{ Mean, Lo, Hi float64 }

// Excludes0 reports whether the interval lies on one side of zero.
func (iv Interval) Excludes0() bool { return iv.Lo > 0 || iv.Hi < 0 }

// Bootstrap returns the mean of a−b over the cases and its percentile 95 %
// interval over iters resamples of the cases (deterministic for a seed).
func Bootstrap(a, b []Scores, iters int, seed uint64) [3]Interval {
	n := len(a)
	d := make([][3]float64, n)
	var mean [3]float64
	for i := range n {
		d[i] = [3]float64{a[i].R1 - b[i].R1, a[i].R2 - b[i].R2, a[i].RL - b[i].RL}
		for j := range 3 {
			mean[j] += d[i][j] / float64(n)
		}
	}
	var out [3]Interval
	if n == 0 || iters <= 0 {
		return out
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	samples := make([][]float64, 3)
	for j := range 3 {
		samples[j] = make([]float64, iters)
	}
	for it := range iters {
		var s [3]float64
		for range n {
			x := &d[rng.IntN(n)]
			s[0] += x[0]
			s[1] += x[1]
			s[2] += x[2]
		}
		for j := range 3 {
			samples[j][it] = s[j] / float64(n)
		}
	}
	for j := range 3 {
		slices.Sort(samples[j])
		out[j] = Interval{Mean: mean[j], Lo: quantile(samples[j], 0.025), Hi: quantile(samples[j], 0.975)}
	}
	return out
}

func quantile(sorted []float64, q float64) float64 {
	pos := q * float64(len(sorted)-1)
	i := int(pos)
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	f := pos - float64(i)
	return sorted[i]*(1-f) + sorted[i+1]*f
}

// Report writes the results as a table: per k every system's mean R-1,
// R-2, R-L (in %), its difference to Lead-k with the bootstrap interval,
// and the share of articles where its summary is Lead-k.
func Report(w io.Writer, results []Result, iters int, seed uint64) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "k\tsystem\tR-1\tR-2\tR-L\tΔR-1 [95% CI]\tΔR-2 [95% CI]\tΔR-L [95% CI]\t=Lead-k\t")
	for _, r := range results {
		var lead *Result
		for i := range results {
			if results[i].K == r.K && results[i].System == LeadName {
				lead = &results[i]
			}
		}
		m := r.Mean()
		fmt.Fprintf(tw, "%d\t%s\t%.2f\t%.2f\t%.2f\t", r.K, r.System, 100*m.R1, 100*m.R2, 100*m.RL)
		if lead == nil || r.System == LeadName {
			fmt.Fprint(tw, "\t\t\t\t\n")
			continue
		}
		for _, iv := range Bootstrap(r.Scores, lead.Scores, iters, seed) {
			mark := ""
			if iv.Excludes0() {
				mark = "*"
			}
			fmt.Fprintf(tw, "%+.2f [%+.2f, %+.2f]%s\t", 100*iv.Mean, 100*iv.Lo, 100*iv.Hi, mark)
		}
		fmt.Fprintf(tw, "%.0f%%\t\n", 100*float64(r.SameLead)/float64(max(len(r.Scores), 1)))
	}
	return tw.Flush()
}

// LeadName is the name of the Lead-k system.
const LeadName = "Lead-k"

// Lead returns the first k sentences of c that contain a word.
func Lead(c *Case, k int) []german.Span { return rouge.Lead(c.Seg, k) }

// Random returns a system that picks k sentences with a word at random
// (deterministic for a seed).
func Random(seed uint64) System {
	pick := rouge.Random(seed)
	return System{Name: fmt.Sprintf("random (seed %d)", seed), Pick: func(c *Case, k int) []german.Span { return pick(c.Seg, k) }}
}

// Summarizer returns a system that summarises with s(k), using the cases'
// hints when hints is set.
func Summarizer(name string, s func(k int) *summarize.Summarizer, hints bool) System {
	return System{Name: name, Pick: func(c *Case, k int) []german.Span {
		h := summarize.Hints{}
		if hints {
			h = c.Hints
		}
		var out []german.Span
		for _, x := range s(k).SummarizeSegmented(c.Seg, h).Sentences {
			out = append(out, german.Span{Start: x.Start, End: x.End})
		}
		return out
	}}
}

// oracleSentences bounds the sentences the oracle searches at k = 3.
const oracleSentences = 40

// Oracle is the best summary of k sentences by the mean of ROUGE-1, -2 and
// -L F1 against the reference: an upper bound, not a system. It searches
// every set of k sentences (for k ≥ 3 among the first 40).
func Oracle() System {
	return System{Name: "oracle", Pick: func(c *Case, k int) []german.Span {
		var idx []int
		for i := range c.Seg.Sentences {
			if len(c.Sents[i]) > 0 && (k < 3 || len(idx) < oracleSentences) {
				idx = append(idx, i)
			}
		}
		k = min(k, len(idx))
		best, bestV := []int(nil), -1.0
		set := make([]int, k)
		var cand []string
		var rec func(pos, from int)
		rec = func(pos, from int) {
			if pos == k {
				cand = cand[:0]
				for _, i := range set {
					cand = append(cand, c.Sents[i]...)
				}
				s := rouge.Compute(cand, c.Ref)
				if v := s.R1.F1 + s.R2.F1 + s.RL.F1; v > bestV {
					bestV, best = v, append(best[:0], set...)
				}
				return
			}
			for j := from; j <= len(idx)-(k-pos); j++ {
				set[pos] = idx[j]
				rec(pos+1, j+1)
			}
		}
		if k > 0 {
			rec(0, 0)
		}
		out := make([]german.Span, len(best))
		for i, j := range best {
			out[i] = c.Seg.Sentences[j].Span
		}
		return out
	}}
}

// TextRank is the classic TextRank sentence ranking (Mihalcea and Tarau,
// 2004): a graph of the sentences that contain a word, edges weighted by
// the content words two sentences share over the sum of the logarithms of
// their lengths, PageRank with damping 0.85; the k best sentences in
// article order.
func TextRank() System {
	return System{Name: "TextRank (classic)", Pick: func(c *Case, k int) []german.Span {
		idx, ranks := textRank(c.Seg)
		order := make([]int, len(idx))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int {
			switch {
			case ranks[a] > ranks[b]:
				return -1
			case ranks[a] < ranks[b]:
				return 1
			}
			return a - b
		})
		order = order[:min(k, len(order))]
		slices.Sort(order)
		out := make([]german.Span, len(order))
		for i, j := range order {
			out[i] = c.Seg.Sentences[idx[j]].Span
		}
		return out
	}}
}

// textRank returns the indices of the sentences with a word and their ranks.
func textRank(seg *german.Segmented) ([]int, []float64) {
	var idx []int
	var words []map[string]bool
	var lens []int
	for i, s := range seg.Sentences {
		ws := map[string]bool{}
		n := 0
		for _, t := range s.Tokens {
			if t.Kind != german.Word || t.Start < s.Start || t.End > s.End {
				continue
			}
			n++
			low := german.Lower(t.Text)
			if !german.IsStopWord(low) {
				ws[german.Stem(low)] = true
			}
		}
		if n > 0 {
			idx = append(idx, i)
			words = append(words, ws)
			lens = append(lens, n)
		}
	}
	n := len(idx)
	w := make([][]float64, n)
	out := make([]float64, n)
	for i := range n {
		w[i] = make([]float64, n)
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			shared := 0
			for x := range words[i] {
				if words[j][x] {
					shared++
				}
			}
			den := math.Log(float64(lens[i])) + math.Log(float64(lens[j]))
			if shared > 0 && den > 0 {
				w[i][j] = float64(shared) / den
				w[j][i] = w[i][j]
			}
		}
	}
	sum := make([]float64, n)
	for i := range n {
		for j := range n {
			sum[i] += w[i][j]
		}
	}
	for i := range out {
		out[i] = 1
	}
	next := make([]float64, n)
	for range 50 {
		for i := range n {
			v := 0.0
			for j := range n {
				if w[j][i] > 0 {
					v += w[j][i] / sum[j] * out[j]
				}
			}
			next[i] = 0.15 + 0.85*v
		}
		out, next = next, out
	}
	return idx, out
}
