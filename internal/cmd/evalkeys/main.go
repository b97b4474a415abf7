// Command evalkeys measures techschau's keyphrases against the team's labels
// of 30 real news pages (testdata/real/keyphrases.jsonl, labelled by the
// guide testdata/real/KEYPHRASES.md before anyone looked at the library's
// output): precision at 5 and 10 and recall at 10 with lenient matching
// (package internal/keyeval). Each page is analysed by the full pipeline
// (analyze, boilerplate excluded) asking for 10 keyphrases.
//
// With -v it lists every page's proposed phrases, marking those that match a
// label (+) and those that do not (-), and the labels no phrase matched: the
// misses and false hits to study before changing anything. The list quotes
// the pages' words: it is for the terminal, not for the repository.
//
// Usage, from the repository root:
//
//	go run ./internal/cmd/evalkeys [-labels testdata/real/keyphrases.jsonl] [-pages ../shared/data/news-pages/pages.jsonl] [-v]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/internal/keyeval"
)

func main() {
	labels := flag.String("labels", "testdata/real/keyphrases.jsonl", "keyphrase labels (JSONL)")
	pages := flag.String("pages", "../shared/data/news-pages/pages.jsonl", "news pages (JSONL)")
	verbose := flag.Bool("v", false, "list every page's phrases, hits, false hits and misses")
	flag.Parse()
	if err := run(os.Stdout, *labels, *pages, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "evalkeys:", err)
		os.Exit(1)
	}
}

// n is the number of keyphrases asked for.
const n = 10

func run(w io.Writer, labels, pages string, verbose bool) error {
	docs, err := keyeval.LoadLabels(labels)
	if err != nil {
		return err
	}
	docs, stale, err := keyeval.AttachTexts(pages, docs)
	if err != nil {
		return err
	}
	an, err := analyze.New(analyze.WithKeyphrases(n), analyze.WithSummarySentences(0), analyze.WithoutThemes())
	if err != nil {
		return err
	}
	var failed error
	rep := keyeval.Score(docs, func(d keyeval.Doc) []string {
		doc, err := an.Analyze(context.Background(), d.Text)
		if err != nil {
			failed = fmt.Errorf("%s: %w", d.ID, err)
			return nil
		}
		out := make([]string, len(doc.Keyphrases))
		for i, k := range doc.Keyphrases {
			out[i] = k.Text
		}
		return out
	})
	if failed != nil {
		return failed
	}
	fmt.Fprintf(w, "%s: %d labelled pages", labels, len(docs))
	if len(stale) > 0 {
		fmt.Fprintf(w, " (%d skipped, text changed or missing: %s)", len(stale), strings.Join(stale, ", "))
	}
	fmt.Fprintf(w, "\nP@5 %.3f  P@10 %.3f (labels allow at most %.3f)  R@10 %.3f\n", rep.P5, rep.P10, rep.Ceiling10, rep.R10)
	if verbose {
		for _, p := range rep.Pages {
			fmt.Fprintf(w, "\n%s\n ", p.ID)
			for i, ph := range p.Proposed {
				mark := "-"
				if p.Matched[i] >= 0 {
					mark = "+"
				}
				fmt.Fprintf(w, " %s%s", mark, ph)
			}
			fmt.Fprint(w, "\n  missed:")
			for j, l := range p.Labels {
				if !p.Found[j] {
					fmt.Fprintf(w, " %s;", l.Phrase)
				}
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}
