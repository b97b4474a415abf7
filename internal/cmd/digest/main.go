// Command digest prints a SHA-256 over the Document JSON of every article of a
// 10kGNAD CSV file (and of the team's testdata articles and pages), one line
// per part and one for the whole. Speed work must leave the digest unchanged:
// run it before and after a change and compare.
//
//	go run ./internal/cmd/digest            # ../shared/data/10kgnad/dev.csv
//	go run ./internal/cmd/digest -v         # also one digest per article
package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/internal/corpus"
)

func main() {
	path := flag.String("corpus", "../shared/data/10kgnad/dev.csv", "10kGNAD CSV file")
	verbose := flag.Bool("v", false, "print a digest per article")
	flag.Parse()
	if err := run(*path, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "digest:", err)
		os.Exit(1)
	}
}

func run(path string, verbose bool) error {
	articles, err := corpus.ReadGNADFile(path)
	if err != nil {
		return err
	}
	texts := make([]string, 0, len(articles)+64)
	names := make([]string, 0, cap(texts))
	for i, a := range articles {
		texts = append(texts, a.Text)
		names = append(names, fmt.Sprintf("gnad/%d", i))
	}
	for _, dir := range []string{"testdata/articles", "testdata/pages"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			texts = append(texts, string(b))
			names = append(names, f)
		}
	}
	an, err := analyze.New()
	if err != nil {
		return err
	}
	ctx := context.Background()
	all := sha256.New()
	for i, t := range texts {
		doc, err := an.Analyze(ctx, t)
		if err != nil {
			return fmt.Errorf("%s: %w", names[i], err)
		}
		b, err := json.Marshal(doc)
		if err != nil {
			return fmt.Errorf("%s: %w", names[i], err)
		}
		all.Write(b)
		if verbose {
			fmt.Printf("%x  %s\n", sha256.Sum256(b), names[i])
		}
	}
	fmt.Printf("%x  all %d documents\n", all.Sum(nil), len(texts))
	return nil
}
