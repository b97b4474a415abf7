// Command evalbp measures techschau's body/boilerplate split on real text and
// prints every figure of issue 12:
//
//   - gnad: 10kGNAD dev, clean edited articles whose expected boilerplate is
//     none: the share of bytes marked, overall and for the worst article.
//   - seed: the seed page (an article followed by site furniture), as
//     scraped and flattened (line breaks turned into spaces): how many of the
//     article's sentences are body, and the share of the furniture's
//     non-space bytes that is marked.
//   - pages: the team's pages in testdata/pages, with and without line
//     breaks: line-level precision and recall of body and boilerplate.
//   - html: the German pages of trafilatura's extraction benchmark, scored as
//     trafilatura scores them, for go-trafilatura alone and with this
//     project's second pass.
//   - real: the team's line-level labels of real news pages
//     (testdata/real/boilerplate.jsonl), when present, with the recall of
//     each boilerplate kind.
//   - heldout: the same for the 30 pages of
//     testdata/real/boilerplate.heldout.jsonl, which no rule, feature or
//     weight was chosen on.
//   - news: the unlabelled news pages (development only): how much of each
//     page is marked, with the pages that lose most listed.
//
// Usage, from the repository root:
//
//	go run ./internal/cmd/evalbp [-sets gnad,seed,pages,html,real,heldout] [-data ../shared/data] [-v]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/techschau/techschau/analyze"
)

type config struct {
	data    string
	verbose bool
	exclude string
}

func main() {
	sets := flag.String("sets", "gnad,seed,pages,html,real,heldout", "comma-separated sections: gnad, seed, pages, html, real, heldout, news")
	var c config
	flag.StringVar(&c.data, "data", "../shared/data", "the shared data directory")
	flag.BoolVar(&c.verbose, "v", false, "print every miss and false hit")
	flag.StringVar(&c.exclude, "exclude", "", "news: a JSON file of {\"id\"} objects to leave out (pages kept for labelling)")
	flag.Parse()
	an, err := analyze.New(analyze.WithoutEntities(), analyze.WithoutSummary(), analyze.WithoutThemes()) // the boilerplate stage needs none of them
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalbp:", err)
		os.Exit(1)
	}
	ctx := context.Background()
	failed := false
	for _, s := range strings.Split(*sets, ",") {
		var err error
		switch strings.TrimSpace(s) {
		case "gnad":
			err = evalGNAD(ctx, an, c)
		case "seed":
			err = evalSeed(ctx, an, c)
		case "pages":
			err = evalPages(ctx, an, c)
		case "html":
			err = evalHTML(ctx, an, c)
		case "real":
			err = evalReal(ctx, an, c, realFile)
		case "heldout":
			err = evalReal(ctx, an, c, heldoutFile)
		case "news":
			err = evalNews(ctx, an, c)
		default:
			err = fmt.Errorf("unknown set %q", s)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "evalbp: %s: %v\n", s, err)
			failed = true
		}
		fmt.Println()
	}
	if failed {
		os.Exit(1)
	}
}

// marked returns, per byte of text, whether a boilerplate block covers it.
func marked(text string, d *analyze.Document) []bool {
	m := make([]bool, len(text))
	for _, b := range d.Boilerplate {
		for i := max(0, b.Start); i < min(len(text), b.End); i++ {
			m[i] = true
		}
	}
	return m
}

// share returns the share of the non-space bytes of text[s:e] that m marks.
func share(text string, m []bool, s, e int) (markedBytes, all int) {
	for i := s; i < e; i++ {
		switch text[i] {
		case ' ', '\t', '\n', '\r':
			continue
		}
		all++
		if m[i] {
			markedBytes++
		}
	}
	return markedBytes, all
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// flatten turns line breaks into spaces; byte offsets stay the same.
func flatten(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
