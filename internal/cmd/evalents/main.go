// Command evalents measures the entity recogniser on the team's document-level
// labels of real text (testdata/real/entities.*.jsonl; texts in
// ../shared/data, matched by id and SHA-1) and prints the misses and false
// names by kind. See package internal/entityeval for the measure.
//
//	go run ./internal/cmd/evalents               # figures per set and overall, errors by kind, 5-fold CV
//	go run ./internal/cmd/evalents -errors 0     # every error
//	go run ./internal/cmd/evalents -nomodel      # lexicon and rules only
//
// News pages are read as the analyze pipeline gives them: sentences the
// pipeline marks as boilerplate are skipped (-mask). 10kGNAD texts are
// articles without site furniture and are read whole: the pipeline's
// boilerplate split loses a few of them entirely (a separate issue), which
// would hide what the entity stage does (-mask all shows it). What is tuned on these
// labels (the model's outside bias inside the recogniser, -grid) is chosen
// by k-fold cross-validation over the documents (-cv): for each fold the
// setting with the best mean of F1 and typed F1 on the other folds is scored
// on the fold, and the held-out figures are reported as "CV".
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/internal/entityeval"
	"github.com/techschau/techschau/internal/golddata"
	"github.com/techschau/techschau/internal/ner"
)

func main() {
	data := flag.String("data", "", "shared data directory (default: ../shared/data beside the repository)")
	maxErr := flag.Int("errors", 8, "examples per error kind (0: all)")
	folds := flag.Int("cv", 5, "cross-validation folds")
	grid := flag.String("grid", "default,0,4000,8000,16000", "settings of the model's outside bias to choose from by CV (\"default\": the shipped recogniser, \"none\": no model)")
	noModel := flag.Bool("nomodel", false, "lexicon and rules only (no CV)")
	set := flag.String("set", "", "only documents of this set (10kgnad-dev, news-pages)")
	flag.StringVar(&showDoc, "doc", "", "print the predicted and gold entities of this document id")
	flag.StringVar(&showKey, "show", "", "print the matched and false predictions of this source key (\"model LOC 1w\")")
	flag.StringVar(&modelFile, "model", "", "a model file (trainner -out) to use instead of the embedded one")
	flag.StringVar(&mask, "mask", "news-pages", "sets whose boilerplate (as analyze marks it) is skipped: a set name, \"all\" or \"none\"")
	flag.StringVar(&labelFiles, "labels", "", "comma-separated label files relative to the repository root (default: the dev labels, entityeval.LabelFiles; \"test\": the held-out test labels, entityeval.TestLabelFiles)")
	flag.Parse()
	if err := run(*data, *maxErr, *folds, *grid, *noModel, *set); err != nil {
		fmt.Fprintln(os.Stderr, "evalents:", err)
		os.Exit(1)
	}
}

var mask, showDoc, showKey, modelFile, labelFiles string

func run(data string, maxErr, folds int, grid string, noModel bool, only string) error {
	root, err := golddata.RepoRoot()
	if err != nil {
		return err
	}
	if data == "" {
		data = filepath.Join(root, "..", "shared", "data")
	}
	files := entityeval.LabelFiles
	switch labelFiles {
	case "":
	case "test":
		files = entityeval.TestLabelFiles
	default:
		files = strings.Split(labelFiles, ",")
	}
	docs, err := entityeval.LoadRepoLabels(root, files...)
	if err != nil {
		return err
	}
	if only != "" {
		var keep []entityeval.Doc
		for _, d := range docs {
			if d.Set == only {
				keep = append(keep, d)
			}
		}
		docs = keep
	}
	docs, stale, err := entityeval.AttachTexts(data, docs)
	if err != nil {
		return err
	}
	if len(stale) > 0 {
		fmt.Fprintf(os.Stderr, "evalents: skipped %d labelled texts whose text changed: %s\n", len(stale), strings.Join(stale, " "))
	}
	set, err := entityeval.Prepare(docs, func(s string) bool { return mask == "all" || mask == s })
	if err != nil {
		return err
	}
	link, err := entityeval.NewLexiconLinker(nil)
	if err != nil {
		return err
	}
	type config struct {
		name string
		opts []entities.Option
	}
	var cfgs []config
	if noModel {
		cfgs = []config{{"no model", []entities.Option{entities.WithoutModel()}}}
	} else {
		m, err := ner.Default()
		if modelFile != "" {
			m, err = loadModel(modelFile)
		}
		if err != nil {
			return err
		}
		for _, g := range strings.Split(grid, ",") {
			switch g = strings.TrimSpace(g); g {
			case "default":
				// the shipped recogniser (or the -model file as it is)
				var opts []entities.Option
				if modelFile != "" {
					opts = append(opts, entities.WithModel(m))
				}
				cfgs = append(cfgs, config{"default", opts})
			case "none":
				cfgs = append(cfgs, config{"no model", []entities.Option{entities.WithoutModel()}})
			default:
				b, err := strconv.Atoi(g)
				if err != nil {
					return fmt.Errorf("-grid: %q: %v", g, err)
				}
				cfgs = append(cfgs, config{"outside bias " + g, []entities.Option{entities.WithModel(m.WithOutsideBias(b))}})
			}
		}
	}
	if showDoc != "" {
		r, err := entities.New(cfgs[0].opts...)
		if err != nil {
			return err
		}
		for i, d := range set.Docs {
			if d.ID != showDoc {
				continue
			}
			for _, e := range set.Predict(r, i) {
				var ms []string
				for _, m := range e.Mentions {
					ms = append(ms, fmt.Sprintf("%q@%d(%s)", m.Text, m.Start, m.Form))
				}
				fmt.Printf("pred %-30s %-7s %-7s %s\n", e.ID, e.Type, e.Source, strings.Join(ms, " "))
			}
			for _, g := range d.Entities {
				fmt.Printf("gold %-30s %-7s %q %q\n", g.ID, g.Type, g.Surfaces, g.Derived)
			}
		}
		return nil
	}
	res := make([][]*entityeval.Result, len(cfgs))
	for c, cfg := range cfgs {
		r, err := entities.New(cfg.opts...)
		if err != nil {
			return err
		}
		res[c] = set.ScoreAll(r, link)
		t := set.Total(res[c], nil)["all"]
		fmt.Printf("%-20s all %d docs: F1 %.3f typed %.3f (P %.3f R %.3f)\n", cfg.name, t.Docs, t.Untyped.F1(), t.Typed.F1(), t.Untyped.P(), t.Untyped.R())
	}
	fmt.Printf("\n%s (the shipped recogniser):\n", cfgs[0].name)
	def := set.Total(res[0], nil)
	entityeval.WriteSummary(os.Stdout, def)
	if len(cfgs) > 1 && folds > 1 {
		held, chosen := set.CV(res, folds)
		var names []string
		for _, c := range chosen {
			names = append(names, cfgs[c].name)
		}
		fmt.Printf("\n%d-fold CV (chosen per fold: %s):\n", folds, strings.Join(names, "; "))
		entityeval.WriteSummary(os.Stdout, set.Total(held, nil))
	}
	if len(cfgs) > 1 {
		fmt.Printf("\ncross-set (setting chosen on one set, measured on the other):\n")
		for _, x := range set.Cross(res) {
			fmt.Printf("  %-12s -> %-12s chosen %-20s F1 %.3f typed %.3f (P %.3f R %.3f)\n", x.Dev, x.Eval, cfgs[x.Chosen].name,
				x.Result.Untyped.F1(), x.Result.Typed.F1(), x.Result.Untyped.P(), x.Result.Untyped.R())
		}
	}
	fmt.Println()
	entityeval.WriteSources(os.Stdout, def["all"])
	if showKey != "" {
		for _, e := range def["all"].Matched {
			if e.Kind == showKey {
				fmt.Printf("  matched %q %s [%s]\n", e.Text, e.ID, e.Doc)
			}
		}
		for _, e := range def["all"].False {
			if e.Key == showKey {
				fmt.Printf("  false   %q %s [%s]\n", e.Text, e.ID, e.Doc)
			}
		}
	}
	entityeval.WriteErrors(os.Stdout, def["all"], maxErr)
	return nil
}

// loadModel reads a model file written by trainner.
func loadModel(path string) (*ner.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.Load(f)
}
