// Command evalsum measures techschau's summariser against Lead-k, a classic
// TextRank, a random pick and the oracle with ROUGE-1/2/L F1 on the
// 10kGNAD teaser/body pairs, and fits the scorer's weights
// (summarize/model.json).
//
// Every article with a dateline ("Wien –", "Washington/Wien –",
// "Wien (APA) –") in its first 600 characters gives a pair: the editor's
// teaser before the dateline is the reference, the text from the dateline on
// is the input. The dateline is cut from the first sentence for every system
// alike, so no summary contains it. techschau gets the hints the pipeline
// gives it (boilerplate, entities and their salience; see
// analyze.Document.SummaryHints). The 10kGNAD bodies hold no boilerplate,
// but the pipeline may mark some as such; -boilerplate=false measures the
// summariser without those marks.
//
// The techschau row is cross-validated: the pairs are split into -folds
// folds; for each fold the ridge penalty α and the pseudo reference length R
// are chosen by an inner cross-validation (-inner folds) on the other folds, the weights are
// fitted there with those settings, and the held-out fold is summarised with
// them. The row reports the held-out summaries of all folds. The weights
// shipped in summarize/model.json are fitted on all pairs with the settings
// the same inner cross-validation chooses on all of them (-write).
//
// Every difference to Lead-k comes with a bootstrap 95 % interval (-boot
// resamples of the articles; * marks an interval that excludes 0), and
// "=Lead-k" is the share of articles whose summary is Lead-k's.
//
// Usage, from the repository root:
//
//	go run ./internal/cmd/evalsum [-data ../shared/data/10kgnad/dev.csv] [-folds 5] [-boot 2000] [-write summarize/model.json]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/sumeval"
	"github.com/techschau/techschau/internal/sumscore"
	"github.com/techschau/techschau/summarize"
)

// config are the command's settings.
type config struct {
	data     string
	folds    int
	inner    int
	boot     int
	seed     uint64
	alphas   []float64
	rs       []float64
	headline float64
	write    string
	oracle   bool
	// boilerplate passes the pipeline's boilerplate marks on (Hints.Exclude)
	boilerplate bool
	// positions and maxSize bound the candidate sets of the fit (sumscore.Rows)
	positions, maxSize int
}

func main() {
	var c config
	var alphas, rs string
	flag.StringVar(&c.data, "data", "../shared/data/10kgnad/dev.csv", "10kGNAD CSV file")
	flag.IntVar(&c.folds, "folds", 5, "cross-validation folds")
	flag.IntVar(&c.inner, "inner", 10, "folds of the inner cross-validation that chooses α and R")
	flag.IntVar(&c.boot, "boot", 2000, "bootstrap resamples")
	flag.Uint64Var(&c.seed, "seed", 1, "seed of the random baseline and the bootstrap")
	flag.StringVar(&alphas, "alphas", "0.1,0.3,1", "ridge penalties to choose from")
	flag.StringVar(&rs, "rs", "20,30,45", "pseudo reference lengths to choose from")
	flag.Float64Var(&c.headline, "headline", defaultHeadline, "weight of a headline term (a prior: the pairs have no headline)")
	flag.StringVar(&c.write, "write", "", "write the weights fitted on all pairs to this file (summarize/model.json)")
	flag.BoolVar(&c.oracle, "oracle", true, "include the oracle (slow: searches every set of k sentences)")
	flag.IntVar(&c.positions, "positions", sumscore.DefaultPositions, "the fit's candidate sets are drawn from a text's first N sentences")
	flag.IntVar(&c.maxSize, "maxsize", sumscore.DefaultMaxSize, "the fit's candidate sets have at most N sentences")
	flag.BoolVar(&c.boilerplate, "boilerplate", true, "pass the pipeline's boilerplate marks on to techschau (false: entities and headline only)")
	flag.Parse()
	var err error
	if c.alphas, err = floats(alphas); err == nil {
		c.rs, err = floats(rs)
	}
	if err == nil {
		err = run(os.Stdout, c)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalsum:", err)
		os.Exit(1)
	}
}

// defaultHeadline is the prior weight of a headline term: as much as the
// fitted model gives a term of the first sentence that recurs later (see
// the package sumscore documentation on Headline).
const defaultHeadline = 0.3

func floats(s string) ([]float64, error) {
	var out []float64
	for f := range strings.SplitSeq(s, ",") {
		x, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || !(x > 0) {
			return nil, fmt.Errorf("bad number %q in %q", f, s)
		}
		out = append(out, x)
	}
	return out, nil
}

func run(w io.Writer, c config) error {
	if c.folds < 2 || c.inner < 2 {
		return fmt.Errorf("-folds %d, -inner %d: need at least 2", c.folds, c.inner)
	}
	cases, narts, err := sumeval.Load(c.data)
	if err != nil {
		return err
	}
	if !c.boilerplate {
		for _, cs := range cases {
			cs.Hints.Exclude = nil
		}
	}
	fc, err := prepare(cases, c.positions, c.maxSize)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "10kGNAD %s: %d articles, %d teaser/body pairs; ROUGE F1 (%%), stemmed\n", c.data, narts, len(cases))
	picks, err := crossValidate(w, fc, c)
	if err != nil {
		return err
	}
	shipped, err := summarizers(nil)
	if err != nil {
		return err
	}
	systems := []sumeval.System{
		{Name: "techschau (CV)", Pick: func(cs *sumeval.Case, k int) []german.Span { return picks[cs][k] }},
		{Name: sumeval.LeadName, Pick: sumeval.Lead},
		sumeval.TextRank(),
		sumeval.Random(c.seed),
		sumeval.Summarizer("techschau (model.json, fitted on these pairs)", shipped, true),
	}
	if c.oracle {
		systems = append(systems, sumeval.Oracle())
	}
	fmt.Fprintln(w)
	if err := sumeval.Report(w, sumeval.Evaluate(cases, systems, []int{1, 2, 3}), c.boot, c.seed); err != nil {
		return err
	}
	if c.write != "" {
		m := fitChosen(w, fc, c, "all pairs")
		b, err := m.MarshalJSON()
		if err != nil {
			return err
		}
		if err := os.WriteFile(c.write, append(b, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(w, "\nwrote %s (α %g, R %g, headline %g)\n", c.write, m.Alpha, m.R, m.Headline)
		printWeights(w, &m)
	}
	return nil
}

// fitCase is a case with the scorer's view of it and its candidate sets.
type fitCase struct {
	*sumeval.Case
	groups [][]sumscore.Row
}

// prepare computes the features and candidate sets of every case.
func prepare(cases []*sumeval.Case, positions, maxSize int) ([]fitCase, error) {
	s, err := summarize.New()
	if err != nil {
		return nil, err
	}
	out := make([]fitCase, len(cases))
	for i, c := range cases {
		d := s.Features(c.Seg, c.Hints)
		ex := sumscore.Example{Doc: d, Reference: c.Ref}
		for _, st := range d.Sents {
			ex.Sentences = append(ex.Sentences, c.Sents[st.Index])
		}
		out[i] = fitCase{Case: c, groups: sumscore.Rows(ex, positions, maxSize)}
	}
	return out, nil
}

// summarizers returns a function giving a Summarizer of k sentences with
// model m (nil: the embedded one).
func summarizers(m *sumscore.Model) (func(k int) *summarize.Summarizer, error) {
	var ss [4]*summarize.Summarizer
	for k := 1; k <= 3; k++ {
		s, err := summarize.New(summarize.WithModel(m), summarize.WithSentences(k))
		if err != nil {
			return nil, err
		}
		ss[k] = s
	}
	return func(k int) *summarize.Summarizer { return ss[min(max(k, 1), 3)] }, nil
}

// fit fits a model on cases with settings o.
func fit(cases []fitCase, o sumscore.FitOptions, headline float64) sumscore.Model {
	var groups [][]sumscore.Row
	for _, c := range cases {
		groups = append(groups, c.groups...)
	}
	m := sumscore.Fit(groups, o)
	m.Headline = headline
	return m
}

// objective is what the inner cross-validation maximises: the mean ROUGE-1
// plus ROUGE-2 F1 of the summaries of k = 1, 2, 3 sentences.
func objective(cases []fitCase, m *sumscore.Model) float64 {
	sum, err := summarizers(m)
	if err != nil {
		return 0
	}
	sys := sumeval.Summarizer("", sum, true)
	total := 0.0
	for _, c := range cases {
		for k := 1; k <= 3; k++ {
			s := sumeval.Score(c.Case, sys.Pick(c.Case, k))
			total += s.R1 + s.R2
		}
	}
	return total / float64(3*max(len(cases), 1))
}

// split returns the cases of fold f of n (by index) and the others.
func split(cases []fitCase, f, n int) (test, train []fitCase) {
	for i, c := range cases {
		if i%n == f {
			test = append(test, c)
		} else {
			train = append(train, c)
		}
	}
	return test, train
}

// choose returns the settings with the best inner cross-validated
// objective on cases.
func choose(cases []fitCase, c config) sumscore.FitOptions {
	best, bestV := sumscore.FitOptions{}, -1.0
	for _, a := range c.alphas {
		for _, r := range c.rs {
			o := sumscore.FitOptions{Alpha: a, R: r}
			v := 0.0
			for f := range c.inner {
				test, train := split(cases, f, c.inner)
				m := fit(train, o, c.headline)
				v += objective(test, &m) * float64(len(test))
			}
			if v > bestV {
				best, bestV = o, v
			}
		}
	}
	return best
}

// fitChosen chooses the settings on cases and fits them there.
func fitChosen(w io.Writer, cases []fitCase, c config, what string) sumscore.Model {
	o := choose(cases, c)
	fmt.Fprintf(w, "%s: chose α %g, R %g\n", what, o.Alpha, o.R)
	return fit(cases, o, c.headline)
}

// crossValidate returns the held-out summaries of every case at k = 1, 2, 3.
func crossValidate(w io.Writer, cases []fitCase, c config) (map[*sumeval.Case][4][]german.Span, error) {
	picks := map[*sumeval.Case][4][]german.Span{}
	for f := range c.folds {
		test, train := split(cases, f, c.folds)
		m := fitChosen(w, train, c, fmt.Sprintf("fold %d/%d (%d pairs held out)", f+1, c.folds, len(test)))
		sum, err := summarizers(&m)
		if err != nil {
			return nil, err
		}
		sys := sumeval.Summarizer("", sum, true)
		for _, tc := range test {
			var p [4][]german.Span
			for k := 1; k <= 3; k++ {
				p[k] = sys.Pick(tc.Case, k)
			}
			picks[tc.Case] = p
		}
	}
	return picks, nil
}

// printWeights lists the weights of m, largest first.
func printWeights(w io.Writer, m *sumscore.Model) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "sentence: %s\n", strings.Join(sumscore.SortedNames(sumscore.SentNames[:], m.Sent[:]), ", "))
	fmt.Fprintf(&b, "term: %s\n", strings.Join(sumscore.SortedNames(sumscore.TermNames[:], m.Term[:]), ", "))
	fmt.Fprintf(&b, "set: %s\n", strings.Join(sumscore.SortedNames(sumscore.SetNames[:], m.Set[:]), ", "))
	w.Write(b.Bytes())
}
