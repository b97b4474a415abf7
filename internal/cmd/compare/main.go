// Command compare measures techschau's full default pipeline against prose v2 on the same
// German news articles, in one process, alternating between the two so that both see the
// same machine load. It prints words per second for each and their ratio.
//
// Usage (from the repository root):
//
//	go run ./internal/cmd/compare [-n 200] [-runs 5] [-corpus ../shared/data/10kgnad/dev.csv]
//
// prose's model is loaded once and passed with prose.UsingModel, as a fair peer would be used.
// Words are counted the same way for both tools: whitespace-separated fields of the input
// (strings.Fields), so the ratio does not depend on either tokeniser.
//
// Two rates are printed for each tool. "wall" is words per second of elapsed time. "cpu" is
// words per second of CPU time spent by the process (user+system, garbage collection
// included, measured with getrusage), i.e. words per second per core: on a shared machine
// the wall rate depends on what else runs, the CPU rate much less. Each timed phase starts
// right after a garbage collection (not timed) and pays for the collections its own
// allocation triggers. It does not end with a forced collection: that would charge the fast
// side with marking the whole live heap, prose's model included (tens of MB of pointers),
// once per phase however little it allocated. The bytes each tool allocates per word are
// printed too. Both tools run on one goroutine; GOMAXPROCS is left as is, so the collector
// may use a second core (counted in cpu, not in wall).
//
// With -cpuprofile, a CPU profile of the techschau phases only is written.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/internal/corpus"
)

func main() {
	n := flag.Int("n", 200, "number of articles (0 = all)")
	runs := flag.Int("runs", 5, "alternating runs; the median is reported")
	path := flag.String("corpus", "../shared/data/10kgnad/dev.csv", "10kGNAD CSV file")
	noProse := flag.Bool("noprose", false, "measure techschau only")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the techschau phases to `file`")
	flag.Parse()
	if err := run(*path, *n, *runs, !*noProse, *cpuprofile); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

// cpuTime returns the CPU time (user+system) the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measure runs fn once, after a collection, and returns the wall and CPU time it took
// and the bytes it allocated.
func measure(fn func() error) (wall, cpu time.Duration, alloc uint64, err error) {
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	w0, c0 := time.Now(), cpuTime()
	err = fn()
	wall, cpu = time.Since(w0), cpuTime()-c0
	runtime.ReadMemStats(&m1)
	return wall, cpu, m1.TotalAlloc - m0.TotalAlloc, err
}

func run(path string, n, runs int, withProse bool, cpuprofile string) error {
	articles, err := corpus.ReadGNADFile(path)
	if err != nil {
		return err
	}
	if n > 0 && n < len(articles) {
		articles = articles[:n]
	}
	if len(articles) == 0 || runs < 1 {
		return fmt.Errorf("nothing to measure: %d articles, %d runs", len(articles), runs)
	}
	texts := make([]string, len(articles))
	words, size := 0, 0
	for i, a := range articles {
		texts[i] = a.Text
		words += len(strings.Fields(a.Text))
		size += len(a.Text)
	}

	ctx := context.Background()
	an, err := analyze.New()
	if err != nil {
		return err
	}
	if _, err := an.Analyze(ctx, texts[0]); err != nil { // cold start outside the timer
		return err
	}
	model := prose.ModelFromData("en") // prose's default model, built once
	if withProse {
		if _, err := prose.NewDocument(texts[0], prose.UsingModel(model)); err != nil {
			return err
		}
	}
	ours := func() error {
		for _, t := range texts {
			if _, err := an.Analyze(ctx, t); err != nil {
				return err
			}
		}
		return nil
	}
	theirs := func() error {
		for _, t := range texts {
			if _, err := prose.NewDocument(t, prose.UsingModel(model)); err != nil {
				return err
			}
		}
		return nil
	}

	var prof *os.File
	if cpuprofile != "" {
		if prof, err = os.Create(cpuprofile); err != nil {
			return err
		}
		defer prof.Close()
	}

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%d articles, %d words, %d bytes, GOMAXPROCS %d, live heap %.0f MB (both tools loaded)\n", len(texts), words, size, runtime.GOMAXPROCS(0), float64(ms.HeapAlloc)/1e6)
	var oursW, oursC, theirW, theirC, ratioW, ratioC []float64
	for r := range runs {
		if prof != nil {
			if err := pprof.StartCPUProfile(prof); err != nil && r == 0 {
				return err
			}
		}
		w, c, a, err := measure(ours)
		if prof != nil {
			pprof.StopCPUProfile()
			prof = nil // one profile, of the first run
		}
		if err != nil {
			return err
		}
		ow, oc := float64(words)/w.Seconds(), float64(words)/c.Seconds()
		oursW, oursC = append(oursW, ow), append(oursC, oc)
		line := fmt.Sprintf("run %d: techschau wall %.0f words/s, cpu %.0f words/s (%.1f MB/s cpu, %.0f B/word)", r+1, ow, oc, float64(size)/c.Seconds()/1e6, float64(a)/float64(words))
		if withProse {
			w, c, a, err := measure(theirs)
			if err != nil {
				return err
			}
			tw, tc := float64(words)/w.Seconds(), float64(words)/c.Seconds()
			theirW, theirC = append(theirW, tw), append(theirC, tc)
			ratioW, ratioC = append(ratioW, ow/tw), append(ratioC, oc/tc)
			line += fmt.Sprintf("; prose wall %.0f words/s, cpu %.0f words/s (%.0f B/word); ratio wall %.1f×, cpu %.1f×", tw, tc, float64(a)/float64(words), ow/tw, oc/tc)
		}
		fmt.Println(line)
	}
	fmt.Printf("median of %d runs: techschau wall %.0f words/s, cpu %.0f words/s per core\n", runs, median(oursW), median(oursC))
	if withProse {
		fmt.Printf("median of %d runs: prose     wall %.0f words/s, cpu %.0f words/s per core\n", runs, median(theirW), median(theirC))
		fmt.Printf("median ratio (per run): wall %.1f×, cpu %.1f×\n", median(ratioW), median(ratioC))
	}
	return nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
