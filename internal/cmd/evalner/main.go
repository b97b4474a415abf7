// Command evalner measures the NER model with strict outer-span F1 per type and
// overall on the GermEval 2014 dev file (deriv and part labels read as O).
//
//	go run ./internal/cmd/evalner              # 5-fold CV: train on 4/5 of dev + all other corpora, test on 1/5
//	go run ./internal/cmd/evalner -nodev       # train on the other corpora only, test on all of dev
//	go run ./internal/cmd/evalner -embedded    # the embedded model on all of dev (dev was part of its training)
//
// The defaults are the shipped configuration (trainner's): 2^18 rows, 10
// epochs, lexicon hints, dev sentences repeated 3 times, outside bias 8000. CV
// also prints P/R/F1 for a grid of outside biases on stderr (that is how 8000
// was chosen, so the CV figure at 8000 is slightly optimistic). -errors prints
// every wrong span with its context; -fold k runs one fold.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/techschau/techschau/internal/conll"
	"github.com/techschau/techschau/internal/ner"
)

func main() {
	data := flag.String("data", "../shared/data", "shared data directory")
	folds := flag.Int("folds", 5, "cross-validation folds")
	bits := flag.Int("bits", 18, "log2 of the weight rows")
	epochs := flag.Int("epochs", 10, "training epochs")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	minCount := flag.Int("mincount", 2, "drop features seen fewer times")
	noDev := flag.Bool("nodev", false, "train without dev, test on all of dev")
	embedded := flag.Bool("embedded", false, "evaluate the embedded model on all of dev")
	only := flag.String("only", "", "train only on corpus files whose path contains this")
	flag.IntVar(&devRep, "devrep", 3, "repeat the dev training sentences this many times")
	flag.BoolVar(&useHints, "hints", true, "compute lexicon hints and train and tag with hint features")
	flag.BoolVar(&noMISC, "nomisc", true, "treat O in corpora without MISC annotation as possibly MISC")
	flag.Parse()
	if err := run(*data, *folds, *bits, *epochs, *seed, *minCount, *noDev, *embedded, *only); err != nil {
		fmt.Fprintln(os.Stderr, "evalner:", err)
		os.Exit(1)
	}
}

var (
	useHints bool
	devRep   int
	noMISC   bool
)

func run(data string, folds, bits, epochs int, seed uint64, minCount int, noDev, embedded bool, only string) error {
	dev, err := conll.ReadFile(filepath.Join(data, conll.GermEvalDev))
	if err != nil {
		return err
	}
	devEx := conll.Examples(dev, false, 0)
	opt := ner.TrainOptions{Bits: bits, Epochs: epochs, Seed: seed, MinCount: minCount, Hints: useHints}
	if embedded {
		m, err := ner.Default()
		if err != nil {
			return err
		}
		if m.UsesHints() {
			if err := addHints(devEx); err != nil {
				return err
			}
		}
		var e conll.Eval
		evaluate(m, devEx, &e)
		fmt.Println("embedded model on all of", conll.GermEvalDev, "(dev is in its training data)")
		return e.WriteReport(os.Stdout)
	}
	var other []ner.Example
	for _, f := range conll.TrainingFiles {
		if only != "" && !contains(f, only) || *skip != "" && contains(f, *skip) {
			continue
		}
		ss, err := conll.ReadFile(filepath.Join(data, f))
		if err != nil {
			return err
		}
		other = append(other, conll.Examples(ss, noMISC && !conll.AnnotatesMISC(f), domain(f))...)
	}
	if useHints {
		if err := addHints(other); err != nil {
			return err
		}
		if err := addHints(devEx); err != nil {
			return err
		}
	}
	start := time.Now()
	if noDev {
		m, err := ner.Train(other, opt)
		if err != nil {
			return err
		}
		m = m.WithOutsideBias(*oBias)
		var e conll.Eval
		evaluate(m, devEx, &e)
		fmt.Printf("trained without dev (%d sentences, %v; outside bias %d), tested on all of dev\n", len(other), time.Since(start).Round(time.Millisecond), *oBias)
		return e.WriteReport(os.Stdout)
	}
	biases := []int{0, 4000, 8000, 12000, 16000, 24000, 32000}
	totals := make([]conll.Eval, len(biases))
	var total conll.Eval
	for k := range folds {
		if *onlyFold > 0 && k+1 != *onlyFold {
			continue
		}
		lo, hi := k*len(dev)/folds, (k+1)*len(dev)/folds
		train := append([]ner.Example(nil), other...)
		for range devRep {
			train = append(train, devEx[:lo]...)
			train = append(train, devEx[hi:]...)
		}
		m, err := ner.Train(train, opt)
		if err != nil {
			return err
		}
		for j, b := range biases {
			var e conll.Eval
			evaluate(m.WithOutsideBias(b), devEx[lo:hi], &e)
			totals[j].Merge(&e)
		}
		m = m.WithOutsideBias(*oBias)
		var e conll.Eval
		evaluate(m, devEx[lo:hi], &e)
		fmt.Fprintf(os.Stderr, "fold %d: F1 %.4f (%v)\n", k+1, e.Overall().F1(), time.Since(start).Round(time.Millisecond))
		total.Merge(&e)
	}
	for j, b := range biases {
		o := totals[j].Overall()
		fmt.Fprintf(os.Stderr, "outside bias %5d: P %.4f R %.4f F1 %.4f\n", b, o.Precision(), o.Recall(), o.F1())
	}
	fmt.Printf("%d-fold CV on %s (train: 4/5 of dev + %d other sentences; outside bias %d)\n", folds, conll.GermEvalDev, len(other), *oBias)
	return total.WriteReport(os.Stdout)
}

var skip = flag.String("skip", "", "do not train on corpus files whose path contains this")

var oBias = flag.Int("obias", 8000, "outside bias of the tested model (see ner.Model.WithOutsideBias)")

var onlyFold = flag.Int("fold", 0, "run only this fold (1-based; 0 = all)")

var showErrors = flag.Bool("errors", false, "print the wrong spans of each test sentence to stderr")

func evaluate(m *ner.Model, test []ner.Example, e *conll.Eval) {
	var out []ner.Label
	for _, s := range test {
		out = m.Tag(s.Words, s.Hints, out)
		e.Add(s.Labels, out)
		if *showErrors {
			printErrors(s.Words, s.Labels, out)
		}
	}
}

func printErrors(words []string, gold, pred []ner.Label) {
	g, p := ner.Spans(gold), ner.Spans(pred)
	in := func(x ner.Span, set []ner.Span) bool {
		for _, y := range set {
			if x == y {
				return true
			}
		}
		return false
	}
	for _, x := range g {
		if !in(x, p) {
			fmt.Fprintf(os.Stderr, "FN %s %q\t| %s\n", x.Type, strings.Join(words[x.Start:x.End], " "), context(words, x))
		}
	}
	for _, x := range p {
		if !in(x, g) {
			fmt.Fprintf(os.Stderr, "FP %s %q\t| %s\n", x.Type, strings.Join(words[x.Start:x.End], " "), context(words, x))
		}
	}
}

func context(words []string, x ner.Span) string {
	lo, hi := max(0, x.Start-4), min(len(words), x.End+4)
	return strings.Join(words[lo:hi], " ")
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

var noDomains = flag.Bool("nodomains", false, "put all corpora in one domain")

func domain(f string) uint8 {
	if *noDomains {
		return 0
	}
	return conll.Domain(f)
}
