// Command evalthemes measures the theme tagger on the team's labels of
// real news (testdata/real/themes*.jsonl) and fits the theme model.
//
// It computes every labelled text's theme features once (the taxonomy's
// cues, analyze.Analyzer.ThemeFeatures: per theme the document's features
// and those of each sentence with cues), and runs repeated stratified
// k-fold cross-validation: in every fold it fits the sentence model on
// the training texts' labelled evidence sentences
// (testdata/real/themes.evidence.jsonl; inner folds give the training
// texts' sentence probabilities), then chooses the document model's
// settings (penalties of the shared weights and of the per-theme
// intercepts, the weight of positive rows, the threshold). It prints the
// cross-validated figures per theme (P/R/F1 with counts), micro P/R, the
// share of empty-gold texts that get an empty list, and how often the
// first evidence sentence is a labelled one (ordered by the sentence
// model, and by cue density as without one). The weights of the models
// fitted on all labels follow, their figures in-sample, on the seed
// article and on the team's own articles (testdata/articles; regression
// checks, never tuned on).
//
// Usage, from the repository root:
//
//	go run ./internal/cmd/evalthemes [-k 5] [-repeats 8] [-errors] [-write analyze/themes_model.json]
//	go run ./internal/cmd/evalthemes -train first.jsonl -test rest.jsonl [-errors]
//
// -errors prints the misses and false hits of cross-validation by theme
// and kind (evidence lost to boilerplate, no cue in a labelled evidence
// sentence, scored low; false hits) with the sentence the sentence model
// rates highest and, for a miss, the best labelled one; -write fits the
// models on all labels with the chosen settings and writes them;
// -train/-test fit on one set of label files and score another (a
// held-out check). A theme with fewer than 5 labelled positives gets the
// mean intercept of the others (-mean-intercept=false: an intercept
// fitted to its rows). -sentence=false leaves the sentence model out;
// -other-negative, -inner and -sentence-lambda-w/-t set its fitting, and
// -drop leaves document features out (for experiments).
//
// The labels must name texts of ../shared/data (10kGNAD dev, news pages;
// see testdata/real/README.md): the command never commits or prints more
// of a text than one or two sentences of an error.
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
	flag.StringVar(&o.evidence, "evidence", "testdata/real/themes.evidence.jsonl", "evidence label files (comma-separated; missing ones are skipped)")
	o.ss = themefit.DefaultSentenceSettings
	sentence := flag.Bool("sentence", true, "fit the sentence model on the evidence labels")
	flag.BoolVar(&o.ss.OtherNegative, "other-negative", o.ss.OtherNegative, "sentences of a text with the theme that are not its evidence are negatives")
	flag.IntVar(&o.ss.Inner, "inner", o.ss.Inner, "inner folds for the sentence model's probabilities of training texts")
	flag.Float64Var(&o.ss.LambdaW, "sentence-lambda-w", o.ss.LambdaW, "penalty of the sentence model's weights")
	flag.Float64Var(&o.ss.LambdaT, "sentence-lambda-t", o.ss.LambdaT, "penalty of the sentence model's theme offsets")
	flag.StringVar(&o.drop, "drop", "", "document features to leave out (comma-separated names; for experiments)")
	flag.Parse()
	o.ss.Off = !*sentence
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "evalthemes:", err)
		os.Exit(1)
	}
}

type options struct {
	data, labels, write, train, test, evidence, drop string
	ss                                               themefit.SentenceSettings
	k, repeats                                       int
	seed                                             uint64
	errors                                           bool
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
	for _, f := range existing(o.evidence) {
		ev, err := themefit.ReadEvidence(f)
		if err != nil {
			return nil, err
		}
		for _, s := range themefit.AttachEvidence(ex, ev, f) {
			fmt.Println("skipped:", s)
		}
	}
	d, err := themefit.Features(context.Background(), a, golddata.Themes, ex)
	if err != nil || o.drop == "" {
		return d, err
	}
	names := analyze.ThemeFeatureNames()
	d.Drop = make([]bool, len(names))
	for _, n := range strings.Split(o.drop, ",") {
		k := slices.Index(names, strings.TrimSpace(n))
		if k < 0 {
			return nil, fmt.Errorf("-drop: no feature %q", n)
		}
		d.Drop[k] = true
	}
	return d, nil
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
	best := themefit.Choose(d, o.k, o.repeats, o.seed, o.ss, os.Stdout)
	s := best.Settings
	fmt.Printf("\nchosen: lambda_w %g, lambda_t %g, positive weight %g, threshold %.2f; %s\n", s.LambdaW, s.LambdaT, s.PosWeight, s.Threshold, sentenceNote(o.ss))
	fmt.Printf("\n== %d-fold cross-validation, %d repeats (pooled; counts per repeat)\n", o.k, o.repeats)
	best.Scores.Print(os.Stdout)
	bySet(d, best.Probs, s.Threshold)
	bs, bd, n := d.EvidenceAgreement(best.Splits, best.Probs, s.Threshold)
	fmt.Printf("  first evidence sentence is labelled evidence, of %.1f listed gold themes with evidence labels: by the sentence model %.3f, by cue density %.3f\n",
		float64(n)/float64(o.repeats), ratio(bs, n), ratio(bd, n))

	vals, sm := d.SentenceValues(o.ss)
	m := themefit.Fit(d.Rows(all(len(d.Docs)), vals), len(d.Themes), s)
	tm := m.ThemeModel(d.Themes, s.Threshold, note(d, s, o))
	tm.Sentence = sm
	printModel(tm)
	if o.errors {
		printErrors(d, best.Probs[0], s.Threshold, tm)
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

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func sentenceNote(ss themefit.SentenceSettings) string {
	if ss.Off {
		return "no sentence model"
	}
	return fmt.Sprintf("sentence model lambda_w %g, lambda_t %g, other sentences negative %v, inner folds %d", ss.LambdaW, ss.LambdaT, ss.OtherNegative, ss.Inner)
}

func note(d *themefit.Dataset, s themefit.Settings, o options) string {
	return fmt.Sprintf("fitted by go run ./internal/cmd/evalthemes -write on %d labelled real texts (%d theme labels); settings by %d-fold CV x %d: lambda_w %g, lambda_t %g, positive weight %g, threshold %.2f mapped to 0.5; %s",
		len(d.Docs), d.Positives(), o.k, o.repeats, s.LambdaW, s.LambdaT, s.PosWeight, s.Threshold, sentenceNote(o.ss))
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
	best := themefit.Choose(train, o.k, o.repeats, o.seed, o.ss, nil)
	s := best.Settings
	vals, sm := train.SentenceValues(o.ss)
	m := themefit.Fit(train.Rows(all(len(train.Docs)), vals), len(train.Themes), s)
	tm := m.ThemeModel(train.Themes, s.Threshold, "")
	tm.Sentence = sm
	fmt.Printf("fit on %s (%d texts), settings by CV there: lambda_w %g, lambda_t %g, positive weight %g, threshold %.2f; %s\n", o.train, len(train.Docs), s.LambdaW, s.LambdaT, s.PosWeight, s.Threshold, sentenceNote(o.ss))
	fmt.Printf("\n== held out: %s (%d texts, %d theme labels)\n", o.test, len(test.Docs), test.Positives())
	testVals := make([][][]float64, len(test.Docs))
	for i, doc := range test.Docs {
		testVals[i] = make([][]float64, len(test.Themes))
		for t, f := range doc.Feats {
			testVals[i][t] = tm.DocumentValues(f)
		}
	}
	probs := test.InSample(m, testVals)
	sc := test.Score([][][]float64{probs}, s.Threshold)
	sc.Print(os.Stdout)
	if o.errors {
		printErrors(test, probs, s.Threshold, tm)
	}
	return nil
}

// printModel prints the weights of the model fitted on all labels.
func printModel(tm *analyze.ThemeModel) {
	line := func(names []string, w map[string]float64) string {
		var b strings.Builder
		for _, n := range names {
			if v, ok := w[n]; ok {
				fmt.Fprintf(&b, " %s %.2f", n, v)
			}
		}
		return b.String()
	}
	fmt.Printf("\n== model fitted on all labels\ndocument: intercept %.2f;%s\n", tm.Intercept, line(analyze.ThemeFeatureNames(), tm.Weights))
	if tm.Sentence != nil {
		fmt.Printf("sentence: intercept %.2f;%s\n", tm.Sentence.Intercept, line(analyze.ThemeSentenceFeatureNames(), tm.Sentence.Weights))
	}
}

// printErrors prints the misses and false hits by theme and kind, with
// the theme's best sentence by the sentence model of tm (its probability;
// "*" marks a labelled evidence sentence) and, for a miss, the best
// labelled evidence sentence.
func printErrors(d *themefit.Dataset, probs [][]float64, threshold float64, tm *analyze.ThemeModel) {
	a, err := analyze.New(analyze.WithoutSummary(), analyze.WithThemeModel(tm))
	if err != nil {
		fmt.Println("errors:", err)
		return
	}
	type miss struct{ kind, line string }
	by := map[string][]miss{}
	for i, doc := range d.Docs {
		pred := d.Predict(probs[i], threshold)
		var bpSents []analyze.Sentence
		boilerplate := func(at int) bool {
			if bpSents == nil {
				dd, err := a.Analyze(context.Background(), doc.Text)
				if err != nil {
					return false
				}
				bpSents = dd.Sentences
			}
			for _, s := range bpSents {
				if s.Start <= at && at < s.End {
					return s.Boilerplate
				}
			}
			return false
		}
		for t, id := range d.Themes {
			gold, got := slices.Contains(doc.Themes, id), slices.Contains(pred, id)
			if gold == got {
				continue
			}
			p := probs[i][t]
			best, bestEv := sentenceLine(doc, t, id, tm)
			head := fmt.Sprintf("%s p=%.2f | %s", doc.ID, p, doc.Notes)
			if !gold {
				by[id] = append(by[id], miss{"false hit", head + "\n        > " + best})
				continue
			}
			kind := "miss: scored low"
			lost := 0
			for _, sp := range doc.Evidence[id] {
				if boilerplate(sp[0]) {
					lost++
				}
			}
			switch {
			case lost > 0 && lost == len(doc.Evidence[id]):
				kind = "miss: every labelled evidence sentence is boilerplate"
			case p < 0:
				kind = "miss: not scored (no cue, or no technology context)"
			case doc.Evidence[id] != nil && bestEv == "":
				kind = "miss: no cue in a labelled evidence sentence"
			}
			line := head
			if best != "" {
				line += "\n        > " + best
			}
			if bestEv != "" && bestEv != best {
				line += "\n        * " + bestEv
			}
			by[id] = append(by[id], miss{kind, line})
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

// sentenceLine returns the sentence of theme t in doc that the sentence
// model of tm rates highest, and the highest rated labelled evidence
// sentence, each with its probability ("" if none).
func sentenceLine(doc themefit.Doc, t int, id string, tm *analyze.ThemeModel) (best, bestEv string) {
	sm := tm.Sentence
	if sm == nil {
		sm = &analyze.SentenceModel{}
	}
	bi, be := -1, -1
	var bp, bep float64
	for j, st := range doc.Feats[t].Sentences {
		p := sm.Prob(id, st.Values)
		if bi < 0 || p > bp {
			bi, bp = j, p
		}
		if is, _ := doc.IsEvidence(id, st.Start, st.End); is && (be < 0 || p > bep) {
			be, bep = j, p
		}
	}
	show := func(j int, p float64) string {
		st := doc.Feats[t].Sentences[j]
		mark := ""
		if is, _ := doc.IsEvidence(id, st.Start, st.End); is {
			mark = "*"
		}
		return fmt.Sprintf("%s%.2f %.200s", mark, p, strings.Join(strings.Fields(doc.Text[st.Start:st.End]), " "))
	}
	if bi >= 0 {
		best = show(bi, bp)
	}
	if be >= 0 {
		bestEv = show(be, bep)
	}
	return best, bestEv
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
