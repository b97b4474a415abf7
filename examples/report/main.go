// Command report renders techschau's analysis of one article as a self-contained HTML page
// (inline CSS, no scripts, no external assets; works offline): the summary on top, theme
// badges with their evidence, the entity table, and the article text with every entity
// mention highlighted by type (in the manner of spaCy's displaCy) and boilerplate greyed.
//
//	go run ./examples/report > report.html            # the bundled showcase article
//	go run ./examples/report article.txt > report.html
//	cat article.txt | go run ./examples/report - > report.html
//
// Exit status: 0 success, 1 failure, 2 usage error.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/examples/internal/bundled"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 1 || (len(args) == 1 && len(args[0]) > 1 && args[0][0] == '-') {
		fmt.Fprintln(stderr, "usage: report [FILE|-] > report.html   (no FILE: the bundled article)")
		return 2
	}
	text, name := bundled.Article(), bundled.Name
	if len(args) == 1 {
		var b []byte
		var err error
		if args[0] == "-" {
			b, err = io.ReadAll(io.LimitReader(stdin, analyze.DefaultMaxBytes+1))
			name = "<stdin>"
		} else {
			b, err = os.ReadFile(args[0])
			name = args[0]
		}
		if err != nil {
			fmt.Fprintf(stderr, "report: %v\n", err)
			return 1
		}
		text = string(b)
	}
	a, err := analyze.New()
	if err != nil {
		fmt.Fprintf(stderr, "report: %v\n", err)
		return 1
	}
	doc, err := a.Analyze(ctx, text)
	if err != nil {
		fmt.Fprintf(stderr, "report: %s: %v\n", name, err)
		return 1
	}
	w := bufio.NewWriter(stdout)
	if err := render(w, name, text, doc); err != nil {
		fmt.Fprintf(stderr, "report: %v\n", err)
		return 1
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "report: write: %v\n", err)
		return 1
	}
	return 0
}
