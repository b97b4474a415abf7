// Command evalthemes measures the theme tagger on the team's labels of
// real news (testdata/real/themes*.jsonl) and fits the theme model.
//
// It computes every labelled text's theme features once (the taxonomy's
// cues, analyze.Analyzer.ThemeFeatures), chooses the model's settings
// (penalties of the shared weights and of the per-theme intercepts, the
// weight of positive rows, the threshold) by repeated stratified k-fold
// cross-validation, and prints the cross-validated figures per theme
// (P/R/F1 with counts), micro P/R and the share of empty-gold texts that
// get an empty list. The figures of the committed model follow: on the
// labels in-sample, on the seed article and on the team's own articles
// (testdata/articles; regression checks, never tuned on).
//
// Usage, from the repository root:
//
//	go run ./internal/cmd/evalthemes [-k 5] [-repeats 8] [-errors] [-write analyze/themes_model.json]
//	go run ./internal/cmd/evalthemes -train testdata/real/themes.jsonl -test testdata/real/themes.extra.jsonl
//
// -errors prints the misses and false hits of cross-validation by theme
// and kind with the densest sentence; -write fits the model on all labels
// with the chosen settings and writes it; -train/-test fit on one set of
// label files and score another (a held-out check). A theme with fewer
// than 5 labelled positives gets the mean intercept of the others
// (-mean-intercept=false: an intercept fitted to its rows).
//
// The labels must name texts of ../shared/data (10kGNAD dev, news pages;
// see testdata/real/README.md): the command never commits or prints more
// of a text than the densest sentence of an error.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/internal/golddata"
	"github.com/techschau/techschau/internal/themefit"
)

func main() {
	var o options
	flag.StringVar(&o.data, "data", "../shared/data", "shared data directory")
	flag.StringVar(&o.labels, "labels", "testdata/real/themes.jsonl", "label files (comma-separated; missing ones are skipped)")
	flag.IntVar(&o.k, "k", 5, "folds")
	flag.IntVar(&o.repeats, "repeats", 8, "repeats of the k-fold split")
	flag.Uint64Var(&o.seed, "seed", 1, "seed of the first split")
	flag.BoolVar(&o.errors, "errors", false, "print misses and false hits")
	flag.StringVar(&o.write, "write", "", "write the model fitted on all labels to this file")
	flag.StringVar(&o.train, "train", "", "fit on these label files (comma-separated) ...")
	flag.StringVar(&o.test, "test", "", "... and score these")
	flag.BoolVar(&themefit.MeanIntercept, "mean-intercept", themefit.MeanIntercept, "themes with few labels get the mean intercept of the others")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "evalthemes:", err)
		os.Exit(1)
	}
}

type options struct {
	data, labels, write, train, test string
	k, repeats                       int
	seed                             uint64
	errors                           bool
}

func existing(list string) []string {
	var out []string
	for _, f := range strings.Split(list, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		if _, err := os.Stat(f); err == nil {
			out = append(out, f)
		} else {
			fmt.Printf("label file %s: not found, skipped\n", f)
		}
	}
	return out
}

// load reads the label files and computes the theme features of every text.
func load(o options, a *analyze.Analyzer, files []string) (*themefit.Dataset, error) {
	ex, skipped, err := themefit.Load(themefit.DataAt(o.data), files...)
	if err != nil {
		return nil, err
	}
	for _, s := range skipped {
		fmt.Println("skipped:", s)
	}
	return themefit.Features(context.Background(), a, golddata.Themes, ex)
}

func run(o options) error {
	a, err := analyze.New(analyze.WithoutSummary())
	if err != nil {
		return err
	}
	if o.train != "" {
		return holdout(o, a)
	}
	files := existing(o.labels)
	d, err := load(o, a, files)
	if err != nil {
		return err
	}
	fmt.Printf("labels: %s: %d texts, %d with themes, %d theme labels\n", strings.Join(files, ", "), len(d.Docs), d.WithThemes(), d.Positives())
	best := themefit.Choose(d, o.k, o.repeats, o.seed, os.Stdout)
	s := best.Settings
	fmt.Printf("\nchosen: lambda_w %g, lambda_t %g, positive weight %g, threshold %.2f\n", s.LambdaW, s.LambdaT, s.PosWeight, s.Threshold)
	fmt.Printf("\n== %d-fold cross-validation, %d repeats (pooled; counts per repeat)\n", o.k, o.repeats)
	best.Scores.Print(os.Stdout)
	bySet(d, best.Probs, s.Threshold)

	m := themefit.Fit(d.Rows(all(len(d.Docs))), len(d.Themes), s)
	tm := m.ThemeModel(d.Themes, s.Threshold, note(d, s, o))
	if o.errors {
		printErrors(o, a, d, best.Probs[0], s.Threshold, tm)
	}
	if o.write != "" {
		if err := themefit.WriteModel(o.write, tm); err != nil {
			return err
		}
		fmt.Println("\nwrote", o.write)
	}
	committed, err := analyze.DefaultThemeModel()
	if err != nil {
		return err
	}
	fmt.Println("\n== committed model (analyze/themes_model.json as compiled), in-sample on the labels")
	in := themefit.Evaluate(d, committed, analyze.DefaultThemeThreshold)
	in.Print(os.Stdout)
	fmt.Println("\n== model fitted on all labels (what -write writes), in-sample on the labels")
	themefit.Evaluate(d, tm, analyze.DefaultThemeThreshold).Print(os.Stdout)
	fmt.Println("\n== regression checks of the model fitted on all labels (never tuned on)")
	return regression(tm)
}

func all(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func note(d *themefit.Dataset, s themefit.Settings, o options) string {
	return fmt.Sprintf("fitted by go run ./internal/cmd/evalthemes -write on %d labelled real texts (%d theme labels); settings by %d-fold CV x %d: lambda_w %g, lambda_t %g, positive weight %g, threshold %.2f mapped to 0.5",
		len(d.Docs), d.Positives(), o.k, o.repeats, s.LambdaW, s.LambdaT, s.PosWeight, s.Threshold)
}

// bySet prints the micro figures of each label set.
func bySet(d *themefit.Dataset, probs [][][]float64, threshold float64) {
	sets := map[string]*themefit.Scores{}
	var names []string
	for _, rep := range probs {
		for i, p := range rep {
			doc := d.Docs[i]
			s, ok := sets[doc.Set]
			if !ok {
				s = themefit.NewScores(d.Themes)
				s.Repeats = len(probs)
				sets[doc.Set] = s
				names = append(names, doc.Set)
			}
			s.Add(doc.Themes, d.Predict(p, threshold))
		}
	}
	slices.Sort(names)
	for _, n := range names {
		s := sets[n]
		c := s.Micro
		fmt.Printf("  %-12s micro P %.3f R %.3f F1 %.3f (gold %.1f, TP %.1f, FP %.1f); empty gold %.3f\n", n, c.P(), c.R(), c.F1(),
			float64(c.TP+c.FN)/float64(s.Repeats), float64(c.TP)/float64(s.Repeats), float64(c.FP)/float64(s.Repeats), s.EmptyShare())
	}
}

// holdout fits on -train with settings chosen by CV there and scores -test.
func holdout(o options, a *analyze.Analyzer) error {
	train, err := load(o, a, existing(o.train))
	if err != nil {
		return err
	}
	test, err := load(o, a, existing(o.test))
	if err != nil {
		return err
	}
	best := themefit.Choose(train, o.k, o.repeats, o.seed, nil)
	s := best.Settings
	m := themefit.Fit(train.Rows(all(len(train.Docs))), len(train.Themes), s)
	fmt.Printf("fit on %s (%d texts), settings by CV there: lambda_w %g, lambda_t %g, positive weight %g, threshold %.2f\n", o.train, len(train.Docs), s.LambdaW, s.LambdaT, s.PosWeight, s.Threshold)
	fmt.Printf("\n== held out: %s (%d texts, %d theme labels)\n", o.test, len(test.Docs), test.Positives())
	sc := test.Score([][][]float64{test.InSample(m)}, s.Threshold)
	sc.Print(os.Stdout)
	if o.errors {
		printErrors(o, a, test, test.InSample(m), s.Threshold, m.ThemeModel(test.Themes, s.Threshold, ""))
	}
	return nil
}

// printErrors prints the misses and false hits by theme and kind, with the
// densest sentence of the theme in the text.
func printErrors(o options, a *analyze.Analyzer, d *themefit.Dataset, probs [][]float64, threshold float64, tm *analyze.ThemeModel) {
	diag, err := analyze.New(analyze.WithoutSummary(), analyze.WithThemeModel(tm), analyze.WithThemeThreshold(1e-9))
	if err != nil {
		fmt.Println("errors:", err)
		return
	}
	type miss struct{ kind, line string }
	by := map[string][]miss{}
	for i, doc := range d.Docs {
		pred := d.Predict(probs[i], threshold)
		var ev map[string]string
		bpShare := 0.0
		evidence := func(t string) string {
			if ev == nil {
				ev = map[string]string{}
				dd, err := diag.Analyze(context.Background(), doc.Text)
				if err == nil {
					for _, th := range dd.Themes {
						s := th.Evidence[0]
						ev[th.ID] = strings.Join(strings.Fields(doc.Text[s.Start:s.End]), " ")
					}
					n := 0
					for _, s := range dd.Sentences {
						if s.Boilerplate {
							n++
						}
					}
					bpShare = float64(n) / float64(max(1, len(dd.Sentences)))
				}
			}
			return ev[t]
		}
		bp := func() string {
			evidence("")
			if bpShare > 0.5 {
				return fmt.Sprintf(" [%.0f%% of sentences boilerplate]", 100*bpShare)
			}
			return ""
		}
		for t, id := range d.Themes {
			gold, got := slices.Contains(doc.Themes, id), slices.Contains(pred, id)
			p := probs[i][t]
			switch {
			case gold && !got && p < 0:
				by[id] = append(by[id], miss{"miss: not scored (no cue, or no technology context)", fmt.Sprintf("%s%s | %s", doc.ID, bp(), doc.Notes)})
			case gold && !got:
				by[id] = append(by[id], miss{"miss: scored low", fmt.Sprintf("%s%s p=%.2f | %s\n        > %.220s", doc.ID, bp(), p, doc.Notes, evidence(id))})
			case !gold && got:
				by[id] = append(by[id], miss{"false hit", fmt.Sprintf("%s%s p=%.2f | %s\n        > %.220s", doc.ID, bp(), p, doc.Notes, evidence(id))})
			}
		}
	}
	fmt.Println("\n== errors of cross-validation (first repeat), by theme and kind")
	for _, id := range d.Themes {
		ms := by[id]
		slices.SortStableFunc(ms, func(a, b miss) int { return strings.Compare(a.kind, b.kind) })
		kind := ""
		for _, m := range ms {
			if m.kind != kind {
				kind = m.kind
				fmt.Printf("%s — %s\n", id, kind)
			}
			fmt.Println("    " + m.line)
		}
	}
}

// regression prints the committed model's figures on the seed article
// and the team's own articles.
func regression(m *analyze.ThemeModel) error {
	a, err := analyze.New(analyze.WithoutSummary(), analyze.WithThemeModel(m))
	if err != nil {
		return err
	}
	seed, err := os.ReadFile("../shared/data/seed-article-deepseek-huawei.txt")
	if err == nil {
		d, err := a.Analyze(context.Background(), string(seed))
		if err != nil {
			return err
		}
		var ids []string
		for _, t := range d.Themes {
			ids = append(ids, fmt.Sprintf("%s %.2f", t.ID, t.Score))
		}
		fmt.Printf("seed article: %d themes: %s\n", len(d.Themes), strings.Join(ids, ", "))
	}
	dir, err := golddata.ArticlesDir()
	if err != nil {
		return err
	}
	arts, err := golddata.LoadArticles(dir)
	if err != nil {
		return err
	}
	sc := themefit.NewScores(golddata.Themes)
	for _, art := range arts {
		d, err := a.Analyze(context.Background(), art.Text)
		if err != nil {
			return err
		}
		var got []string
		for _, t := range d.Themes {
			got = append(got, t.ID)
		}
		sc.Add(art.Themes, got)
	}
	fmt.Printf("team articles (%s, %d):\n", filepath.Base(dir), len(arts))
	sc.Print(os.Stdout)
	return nil
}
