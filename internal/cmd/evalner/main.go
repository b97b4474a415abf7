// Command evalner measures the NER model with strict outer-span F1 per type and
// overall on the GermEval 2014 dev file (deriv and part labels read as O).
//
//	go run ./internal/cmd/evalner              # 5-fold CV: train on 4/5 of dev + all other corpora, test on 1/5
//	go run ./internal/cmd/evalner -nodev       # train on the other corpora only, test on all of dev
//	go run ./internal/cmd/evalner -embedded    # the embedded model on all of dev (dev was part of its training)
//
// The defaults are the shipped configuration (trainner's): 2^18 rows, 10
// epochs, lexicon hints, word statistics (-stats), no quote features
// (-quotes=false), dev sentences repeated 5 times, outside bias 8000, MISC bias
// 4000. CV also prints P/R/F1 for a grid of outside biases and of MISC biases on
// stderr (that is how 8000 and 4000 were chosen, so the CV figures are slightly
// optimistic). -errors prints
// every wrong span with its context; -fold k runs one fold. -combined also
// scores each fold model inside entities.Recognizer.TagTokens (lexicon, rules
// and model together, which is what `techschau conll` writes).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/techschau/techschau/entities"
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
	flag.IntVar(&devRep, "devrep", 5, "repeat the dev training sentences this many times")
	flag.BoolVar(&useHints, "hints", true, "compute lexicon hints and train and tag with hint features")
	flag.BoolVar(&noMISC, "nomisc", true, "treat O in corpora without MISC annotation as possibly MISC")
	flag.Parse()
	if *devFrac < 0 || *devFrac > 1 {
		fmt.Fprintln(os.Stderr, "evalner: -devfrac must be between 0 and 1")
		os.Exit(2)
	}
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
	opt := ner.TrainOptions{Bits: bits, Epochs: epochs, Seed: seed, MinCount: minCount, Hints: useHints, WordStats: *wordStats, Quotes: *quotes}
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
		m = m.WithOutsideBias(*oBias).WithTypeBias("MISC", *miscBias)
		var e conll.Eval
		evaluate(m, devEx, &e)
		fmt.Printf("trained without dev (%d sentences, %v; outside bias %d), tested on all of dev\n", len(other), time.Since(start).Round(time.Millisecond), *oBias)
		return e.WriteReport(os.Stdout)
	}
	biases := []int{0, 4000, 8000, 12000, 16000, 24000, 32000}
	totals := make([]conll.Eval, len(biases))
	combTotals := make([]conll.Eval, len(biases))
	var total, combTotal conll.Eval
	miscBiases := []int{0, 2000, 4000, 8000, 12000}
	miscTotals := make([]conll.Eval, len(miscBiases))
	for k := range folds {
		if *onlyFold > 0 && k+1 != *onlyFold {
			continue
		}
		lo, hi := k*len(dev)/folds, (k+1)*len(dev)/folds
		train := append([]ner.Example(nil), other...)
		devTrain := append(slices.Clip(devEx[:lo]), devEx[hi:]...)
		devTrain = devTrain[:int(float64(len(devTrain))**devFrac)]
		for range devRep {
			train = append(train, devTrain...)
		}
		m, err := ner.Train(train, opt)
		if err != nil {
			return err
		}
		for j, b := range biases {
			var e conll.Eval
			evaluate(m.WithOutsideBias(b).WithTypeBias("MISC", *miscBias), devEx[lo:hi], &e)
			totals[j].Merge(&e)
			if *combined {
				var c conll.Eval
				if err := evaluateCombined(m.WithOutsideBias(b).WithTypeBias("MISC", *miscBias), dev[lo:hi], &c); err != nil {
					return err
				}
				combTotals[j].Merge(&c)
			}
		}
		for j, b := range miscBiases {
			var e conll.Eval
			evaluate(m.WithOutsideBias(*oBias).WithTypeBias("MISC", b), devEx[lo:hi], &e)
			miscTotals[j].Merge(&e)
		}
		mb := m.WithOutsideBias(*oBias).WithTypeBias("MISC", *miscBias)
		var e conll.Eval
		evaluate(mb, devEx[lo:hi], &e)
		msg := fmt.Sprintf("fold %d: model F1 %.4f", k+1, e.Overall().F1())
		total.Merge(&e)
		if *combined {
			var c conll.Eval
			if err := evaluateCombined(mb, dev[lo:hi], &c); err != nil {
				return err
			}
			combTotal.Merge(&c)
			msg += fmt.Sprintf(", combined F1 %.4f", c.Overall().F1())
		}
		fmt.Fprintf(os.Stderr, "%s (%v)\n", msg, time.Since(start).Round(time.Millisecond))
	}
	for j, b := range biases {
		o := totals[j].Overall()
		fmt.Fprintf(os.Stderr, "outside bias %5d: model P %.4f R %.4f F1 %.4f", b, o.Precision(), o.Recall(), o.F1())
		if *combined {
			c := combTotals[j].Overall()
			fmt.Fprintf(os.Stderr, " | combined P %.4f R %.4f F1 %.4f", c.Precision(), c.Recall(), c.F1())
		}
		fmt.Fprintln(os.Stderr)
	}
	for j, b := range miscBiases {
		o, mi := miscTotals[j].Overall(), miscTotals[j].Type("MISC")
		fmt.Fprintf(os.Stderr, "outside bias %d, MISC bias %5d: model P %.4f R %.4f F1 %.4f (MISC F1 %.4f)\n", *oBias, b, o.Precision(), o.Recall(), o.F1(), mi.F1())
	}
	fmt.Printf("%d-fold CV on %s (train: %.2f of 4/5 of dev + %d other sentences; outside bias %d, MISC bias %d)\n", folds, conll.GermEvalDev, *devFrac, len(other), *oBias, *miscBias)
	fmt.Println("model only (ner.Model.Tag):")
	if err := total.WriteReport(os.Stdout); err != nil || !*combined {
		return err
	}
	fmt.Println("combined (entities.Recognizer.TagTokens: lexicon + rules + fold model, as `techschau conll`):")
	return combTotal.WriteReport(os.Stdout)
}

var wordStats = flag.Bool("stats", true, "learn word statistics (case profile, distributional signature) from the training text")

var quotes = flag.Bool("quotes", false, "features for tokens between quotation marks")

var miscBias = flag.Int("miscbias", 4000, "MISC bias of the tested model (see ner.Model.WithTypeBias)")

var combined = flag.Bool("combined", false, "also score each fold model inside entities.Recognizer.TagTokens (lexicon + rules + model)")

// evaluateCombined tags the test sentences the way `techschau conll` does:
// entities.Recognizer.TagTokens with m as the recognizer's model.
func evaluateCombined(m *ner.Model, test []conll.Sentence, e *conll.Eval) error {
	r, err := entities.New(entities.WithModel(m))
	if err != nil {
		return err
	}
	pred := []ner.Label{}
	for _, s := range test {
		tags := r.TagTokens(s.Words)
		pred = pred[:0]
		for _, tg := range tags {
			l, _ := ner.ParseLabel(tg)
			pred = append(pred, l)
		}
		e.Add(s.Labels, pred)
		if *showErrors && m.OutsideBias() == *oBias {
			printErrors("combined", s.Words, s.Labels, pred)
		}
	}
	return nil
}

var skip = flag.String("skip", "", "do not train on corpus files whose path contains this")

var oBias = flag.Int("obias", 8000, "outside bias of the tested model (see ner.Model.WithOutsideBias)")

var devFrac = flag.Float64("devfrac", 1, "train on this fraction of the dev training folds (a learning curve: how F1 grows with in-domain data)")

var onlyFold = flag.Int("fold", 0, "run only this fold (1-based; 0 = all)")

var showErrors = flag.Bool("errors", false, "print the wrong spans of each test sentence to stderr")

func evaluate(m *ner.Model, test []ner.Example, e *conll.Eval) {
	var out []ner.Label
	for _, s := range test {
		out = m.Tag(s.Words, s.Hints, out)
		e.Add(s.Labels, out)
		if *showErrors && m.OutsideBias() == *oBias {
			printErrors("model", s.Words, s.Labels, out)
		}
	}
}

func printErrors(what string, words []string, gold, pred []ner.Label) {
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
			fmt.Fprintf(os.Stderr, "%s FN %s %q\t| %s\n", what, x.Type, strings.Join(words[x.Start:x.End], " "), context(words, x))
		}
	}
	for _, x := range p {
		if !in(x, g) {
			fmt.Fprintf(os.Stderr, "%s FP %s %q\t| %s\n", what, x.Type, strings.Join(words[x.Start:x.End], " "), context(words, x))
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
