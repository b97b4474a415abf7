// Command hostile measures how techschau takes hostile and careless input
// (issue 13): throughput on pathological shapes, deadline overshoot, the
// language guard, peak memory, and the batch line count.
//
// Usage (from the repository root; ../shared/data beside it):
//
//	go run ./internal/cmd/hostile [-mode all] [-sizes 1,2,4,8] [-reps 2] [-shape NAME]
//
// Modes:
//
//   - throughput: each shape of internal/hostile (one huge word, words of
//     5-40 KB, a megabyte sentence, tiny sentences, deep nesting, every
//     script, stacked combining marks, English …) at each size in MB,
//     analysed once per repetition; the figure is MB per CPU-second of this
//     process (best run), which a shared machine does not distort as it
//     does the wall clock, next to the wall-clock MB/s. Goal: ≥ 1 MB/s.
//   - deadline: each shape at the largest size under deadlines of 10 ms,
//     100 ms and 1 s: how long after the deadline Analyze returns. Goal:
//     within 100 ms.
//   - language: the guard's verdict on real German (10kGNAD dev articles and
//     their first words, UD German GSD sentences, news pages), on the
//     team's English and foreign-language texts of 100-600 bytes, random
//     bytes, binary files and blank input.
//   - rss: peak RSS (getrusage of the child) of `techschau analyze` on 5 MB
//     of news text (10kGNAD dev articles joined), as the CLI runs (GOGC=30)
//     and with GOGC=100. Goal: ≤ 200 MB.
//   - batch: `techschau batch` over analyze/jsonl/testdata/mixed.jsonl and
//     over 10kGNAD articles with careless lines mixed in (a byte order mark,
//     blank lines, missing and non-string text, broken JSON, duplicate ids,
//     bad dates): stdout lines against non-blank input lines.
//   - batchmem: peak RSS of `techschau batch --workers 2` over 40 lines of
//     5 MB of news text.
//   - all: every mode but batchmem.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	mode := flag.String("mode", "all", "throughput, deadline, language, rss, batch, batchmem or all")
	sizes := flag.String("sizes", "1,2,4,8", "input sizes in MB for throughput (the largest also for deadline)")
	reps := flag.Int("reps", 2, "runs per shape and size (the best counts)")
	shape := flag.String("shape", "", "only this shape (throughput, deadline)")
	data := flag.String("data", "../shared/data", "the shared data directory")
	file := flag.String("file", "", "child-analyze: the file to analyse")
	flag.Parse()
	if *mode == "child-analyze" {
		if err := childAnalyze(*file); err != nil {
			fmt.Fprintln(os.Stderr, "hostile:", err)
			os.Exit(1)
		}
		return
	}
	var mb []int
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 8 {
			fmt.Fprintf(os.Stderr, "hostile: -sizes %q: want MB from 1 to 8\n", *sizes)
			os.Exit(2)
		}
		mb = append(mb, n)
	}
	modes := []string{*mode}
	if *mode == "all" {
		// rss and batch first: a child's peak RSS on Linux starts from this
		// process's resident set when it is started, which the throughput
		// runs grow to a gigabyte
		modes = []string{"rss", "batch", "language", "throughput", "deadline"}
	}
	for _, m := range modes {
		var err error
		switch m {
		case "throughput":
			err = throughput(mb, *reps, *shape)
		case "deadline":
			err = deadline(mb[len(mb)-1], *shape)
		case "language":
			err = languageReport(*data)
		case "rss":
			err = rssReport(*data)
		case "batch":
			err = batchReport(*data)
		case "batchmem":
			err = batchMemReport(*data)
		default:
			err = fmt.Errorf("unknown mode %q", m)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "hostile:", err)
			os.Exit(1)
		}
	}
}
