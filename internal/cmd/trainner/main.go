// Command trainner trains the techschau German NER model from the shared
// corpora and writes it where the ner package embeds it.
//
//	go run ./internal/cmd/trainner [-data ../shared/data] [-out internal/ner/model.bin.gz]
//
// Training is deterministic: the same data, flags and seed give the same bytes.
// The corpora (see conll.TrainingFiles) are read in a fixed order, followed by
// the GermEval 2014 dev file (5 times, -devrep) unless -nodev is given. With
// -hints (the default) each sentence gets the gazetteer hints of the entities
// default lexicon (entities.Lexicon.Hints), exactly as the Recognizer computes
// them at run time; retrain when the lexicon changes much. With -stats (the
// default) the model also learns word statistics (case profile, distributional
// signature) from the words of the training sentences and stores them. The
// outside bias (-obias), the MISC bias (-miscbias) and the other defaults are chosen with
// internal/cmd/evalner (5-fold CV); -quotes (off) did not help there.
package main

import (
	"bytes"
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
	out := flag.String("out", "internal/ner/model.bin.gz", "model file to write")
	bits := flag.Int("bits", 18, "log2 of the weight rows")
	epochs := flag.Int("epochs", 10, "training epochs")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	minCount := flag.Int("mincount", 2, "drop features seen fewer times")
	noDev := flag.Bool("nodev", false, "do not train on the GermEval dev file")
	useHints := flag.Bool("hints", true, "compute lexicon hints and train with hint features")
	oBias := flag.Int("obias", 8000, "outside bias (ner.Model.WithOutsideBias), tuned with evalner")
	devRep := flag.Int("devrep", 5, "repeat the GermEval dev sentences this many times (in-domain weight)")
	wordStats := flag.Bool("stats", true, "learn word statistics (case profile, distributional signature) from the training text")
	miscBias := flag.Int("miscbias", 4000, "MISC bias (ner.Model.WithTypeBias), tuned with evalner")
	quotes := flag.Bool("quotes", false, "features for tokens between quotation marks")
	flag.Parse()

	start := time.Now()
	files := append([]string(nil), conll.TrainingFiles...)
	if !*noDev {
		files = append(files, conll.GermEvalDev)
	}
	var exs []ner.Example
	for _, f := range files {
		ss, err := conll.ReadFile(filepath.Join(*data, f))
		if err != nil {
			fmt.Fprintln(os.Stderr, "trainner:", err)
			os.Exit(1)
		}
		rep := 1
		if f == conll.GermEvalDev {
			rep = *devRep
		}
		for range rep {
			exs = append(exs, conll.Examples(ss, !conll.AnnotatesMISC(f), conll.Domain(f))...)
		}
	}
	if *useHints {
		if err := addHints(exs); err != nil {
			fmt.Fprintln(os.Stderr, "trainner:", err)
			os.Exit(1)
		}
	}
	fmt.Fprintf(os.Stderr, "trainner: %d sentences read in %v\n", len(exs), time.Since(start).Round(time.Millisecond))
	m, err := ner.Train(exs, ner.TrainOptions{
		Bits: *bits, Epochs: *epochs, Seed: *seed, MinCount: *minCount, Hints: *useHints, WordStats: *wordStats, Quotes: *quotes,
		Progress: func(e, nerr int) {
			fmt.Fprintf(os.Stderr, "trainner: epoch %d: %d sentences wrong (%v)\n", e, nerr, time.Since(start).Round(time.Millisecond))
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "trainner:", err)
		os.Exit(1)
	}
	m = m.WithOutsideBias(*oBias).WithTypeBias("MISC", *miscBias)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		fmt.Fprintln(os.Stderr, "trainner:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "trainner:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "trainner: wrote %s (%d bytes) in %v\n", *out, buf.Len(), time.Since(start).Round(time.Millisecond))
}
