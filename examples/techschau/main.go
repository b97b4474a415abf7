// Command techschau is the command-line interface to the techschau library: it analyses
// German tech-news articles (entities, themes, summary) and prints the result as JSON or
// as a readable report, runs JSONL batches for pipelines, tags GermEval-2014 TSV, and
// turns batch output into the trends of the themes over time.
//
//	go run ./examples/techschau analyze                 # the bundled showcase article
//	go run ./examples/techschau analyze --format text article.txt
//	go run ./examples/techschau batch --workers 4 articles.jsonl > documents.jsonl
//	go run ./examples/techschau conll NER-de-dev.tsv > tagged.tsv
//	go run ./examples/techschau trends --by month --format html documents.jsonl > trends.html
//
// Exit status: 0 success; 1 failure (unreadable input, analysis error, or some batch or
// conll lines failed while the others were still written); 2 usage error.
// Run "techschau help" and "techschau help COMMAND" for all flags.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
