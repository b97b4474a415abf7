// Command evalner measures the NER model with strict outer-span F1 per type and
// overall on the GermEval 2014 dev file (deriv and part labels read as O).
//
//	go run ./internal/cmd/evalner              # 5-fold CV: train on 4/5 of dev + all other corpora, test on 1/5
//	go run ./internal/cmd/evalner -nodev       # train on the other corpora only, test on all of dev
//	go run ./internal/cmd/evalner -embedded    # the embedded model on all of dev (dev was part of its training)
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/techschau/techschau/internal/conll"
	"github.com/techschau/techschau/internal/ner"
)

func main() {
	data := flag.String("data", "../shared/data", "shared data directory")
	folds := flag.Int("folds", 5, "cross-validation folds")
	bits := flag.Int("bits", 20, "log2 of the weight rows")
	epochs := flag.Int("epochs", 10, "training epochs")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	minCount := flag.Int("mincount", 2, "drop features seen fewer times")
	noDev := flag.Bool("nodev", false, "train without dev, test on all of dev")
	embedded := flag.Bool("embedded", false, "evaluate the embedded model on all of dev")
	only := flag.String("only", "", "train only on corpus files whose path contains this")
	flag.IntVar(&devRep, "devrep", 3, "repeat the dev training sentences this many times")
	flag.BoolVar(&useHints, "hints", false, "compute lexicon hints and train and tag with hint features")
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
	devEx := conll.Examples(dev, false)
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
		if only != "" && !contains(f, only) {
			continue
		}
		ss, err := conll.ReadFile(filepath.Join(data, f))
		if err != nil {
			return err
		}
		other = append(other, conll.Examples(ss, noMISC && !conll.AnnotatesMISC(f))...)
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
		var e conll.Eval
		evaluate(m, devEx, &e)
		fmt.Printf("trained without dev (%d sentences, %v), tested on all of dev\n", len(other), time.Since(start).Round(time.Millisecond))
		return e.WriteReport(os.Stdout)
	}
	var total conll.Eval
	for k := range folds {
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
		var e conll.Eval
		evaluate(m, devEx[lo:hi], &e)
		fmt.Fprintf(os.Stderr, "fold %d: F1 %.4f (%v)\n", k+1, e.Overall().F1(), time.Since(start).Round(time.Millisecond))
		total.Merge(&e)
	}
	fmt.Printf("%d-fold CV on %s (train: 4/5 of dev + %d other sentences)\n", folds, conll.GermEvalDev, len(other))
	return total.WriteReport(os.Stdout)
}

func evaluate(m *ner.Model, test []ner.Example, e *conll.Eval) {
	var out []ner.Label
	for _, s := range test {
		out = m.Tag(s.Words, s.Hints, out)
		e.Add(s.Labels, out)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
