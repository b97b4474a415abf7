// Command memcheck measures techschau's cold start, memory footprint, memory
// over a long batch, and batch scaling from one worker to two.
//
// Usage (from the repository root):
//
//	go run ./internal/cmd/memcheck [-corpus ../shared/data/10kgnad/dev.csv] [-mode all] [-n 100000] [-scale 3000] [-reps 3]
//
// Modes:
//
//   - cold: in a fresh child process, the time of analyze.New and of the
//     first Analyze of one article (embedded lexicon, model and taxonomy
//     loaded), and the parent's view from exec to the child's exit.
//   - rss: in a fresh child process, the resident set (VmRSS, VmHWM from
//     /proc/self/status) and Go heap after New and one article, and the
//     Analyzer's own footprint (live heap after New and one Analyze, minus the
//     live heap before).
//   - batch: Batch over -n articles (the corpus repeated; each text is a fresh
//     copy, as from a stream) with the default workers, sampling RSS and live
//     heap at 20 points during the run; memory is flat when the last samples
//     are no higher than the early ones.
//   - scale: Batch over -scale articles with 1 and with 2 workers
//     (GOMAXPROCS ≥ 2), alternating, -reps times; prints each throughput and
//     the median ratio. On a machine shared with other work the wall ratio
//     mostly measures the neighbours, so it also prints the CPU efficiency:
//     articles per CPU-second with 2 workers over that with 1. Without
//     serialisation (locks, a single feeder) and without per-article cost
//     growing with concurrency, it is near 1, and 2 idle cores then give
//     2 × efficiency the throughput of one.
//   - all: cold, rss, scale, batch.
//
// The figures are goals of issue 8: cold start ≤ 300 ms; RSS of an Analyzer
// plus one article ≤ 150 MB; flat memory over 100,000 articles; 2 workers ≥
// 1.8× the throughput of 1 on 2 cores.
package main

import (
	"bufio"
	"cmp"
	"context"
	"flag"
	"fmt"
	"iter"
	"os"
	"os/exec"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/internal/corpus"
)

func main() {
	path := flag.String("corpus", "../shared/data/10kgnad/dev.csv", "10kGNAD CSV file")
	mode := flag.String("mode", "all", "cold, rss, batch, scale or all")
	n := flag.Int("n", 100000, "articles for the batch mode")
	scale := flag.Int("scale", 3000, "articles per run for the scale mode")
	reps := flag.Int("reps", 3, "alternating runs for the scale mode")
	blockprofile := flag.String("blockprofile", "", "write a blocking profile (all modes run in this process) to `file`")
	flag.Parse()
	if *blockprofile != "" {
		runtime.SetBlockProfileRate(1000) // one sample per µs blocked
		defer func() {
			if f, err := os.Create(*blockprofile); err == nil {
				pprof.Lookup("block").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	var err error
	switch *mode {
	case "child-cold":
		err = childCold(*path)
	case "child-rss":
		err = childRSS(*path)
	case "cold":
		err = cold(*path)
	case "rss":
		err = child("child-rss", *path)
	case "batch":
		err = batch(*path, *n)
	case "scale":
		err = scaleRuns(*path, *scale, *reps)
	case "all":
		for _, fn := range []func() error{
			func() error { return cold(*path) },
			func() error { return child("child-rss", *path) },
			func() error { return scaleRuns(*path, *scale, *reps) },
			func() error { return batch(*path, *n) },
		} {
			if err = fn(); err != nil {
				break
			}
		}
	default:
		err = fmt.Errorf("unknown mode %q", *mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "memcheck:", err)
		os.Exit(1)
	}
}

func readCorpus(path string) ([]string, error) {
	arts, err := corpus.ReadGNADFile(path)
	if err != nil {
		return nil, err
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = a.Text
	}
	return texts, nil
}

// firstArticle reads the first article of the corpus without the others, so
// that the child's memory holds one article only.
func firstArticle(path string) (string, error) {
	texts, err := readCorpus(path)
	if err != nil {
		return "", err
	}
	return strings.Clone(texts[0]), nil
}

// child runs this program again in the given child mode and copies its output.
func child(mode, path string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, "-mode", mode, "-corpus", path)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

// cold runs the cold-start child three times and reports each, with the
// parent's exec-to-exit time.
func cold(path string) error {
	for range 3 {
		st := time.Now()
		if err := child("child-cold", path); err != nil {
			return err
		}
		fmt.Printf("cold: exec to exit of the child (process start, corpus read, New, first Analyze): %v\n", time.Since(st).Round(time.Millisecond))
	}
	return nil
}

func childCold(path string) error {
	text, err := firstArticle(path)
	if err != nil {
		return err
	}
	ctx := context.Background()
	c0, w0 := cpuTime(), time.Now()
	a, err := analyze.New()
	if err != nil {
		return err
	}
	tNew, cNew := time.Since(w0), cpuTime()-c0
	w1 := time.Now()
	if _, err := a.Analyze(ctx, text); err != nil {
		return err
	}
	tFirst, cAll := time.Since(w1), cpuTime()-c0
	w2 := time.Now()
	if _, err := a.Analyze(ctx, text); err != nil {
		return err
	}
	tSecond := time.Since(w2)
	fmt.Printf("cold: New %v + first Analyze (%d bytes) %v = cold start %v wall, %v CPU (New alone %v CPU); second Analyze %v\n",
		tNew.Round(time.Microsecond), len(text), tFirst.Round(time.Microsecond), (tNew + tFirst).Round(time.Microsecond),
		cAll.Round(time.Microsecond), cNew.Round(time.Microsecond), tSecond.Round(time.Microsecond))
	return nil
}

func childRSS(path string) error {
	text, err := firstArticle(path)
	if err != nil {
		return err
	}
	before := liveHeap()
	rss0, _ := procStatus()
	a, err := analyze.New()
	if err != nil {
		return err
	}
	if _, err := a.Analyze(context.Background(), text); err != nil {
		return err
	}
	after := liveHeap()
	rss, hwm := procStatus()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("rss: process before New: VmRSS %.1f MB; after New + one article: VmRSS %.1f MB, peak VmHWM %.1f MB; Go heap in use %.1f MB, from the OS (Sys) %.1f MB\n",
		mb(rss0), mb(rss), mb(hwm), mb(ms.HeapInuse), mb(ms.Sys))
	fmt.Printf("rss: Analyzer footprint (live heap after New + one Analyze − before, after GC): %.1f MB\n", mb(after-before))
	runtime.KeepAlive(a)
	return nil
}

// liveHeap returns the live heap after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// procStatus returns VmRSS and VmHWM in bytes (0 where /proc is missing).
func procStatus() (rss, hwm uint64) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		fields := strings.Fields(v)
		if len(fields) == 0 {
			continue
		}
		x, _ := strconv.ParseUint(fields[0], 10, 64)
		switch k {
		case "VmRSS":
			rss = x << 10
		case "VmHWM":
			hwm = x << 10
		}
	}
	return rss, hwm
}

func mb(b uint64) float64 { return float64(b) / 1e6 }

// cpuTime returns the CPU time (user+system) the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// stream yields n texts, the corpus repeated, each a fresh copy (as if read
// from a stream), and calls tick after each.
func stream(texts []string, n int, tick func(i int)) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := range n {
			if tick != nil {
				tick(i)
			}
			if !yield(strings.Clone(texts[i%len(texts)])) {
				return
			}
		}
	}
}

func batch(path string, n int) error {
	texts, err := readCorpus(path)
	if err != nil {
		return err
	}
	a, err := analyze.New()
	if err != nil {
		return err
	}
	ctx := context.Background()
	every := max(1, n/20)
	type sample struct {
		i        int
		rss, hwm uint64
		heap     uint64
		t        time.Duration
	}
	var samples []sample
	w0, c0 := time.Now(), cpuTime()
	tick := func(i int) {
		if i%every != 0 {
			return
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms) // no forced GC: the footprint as the program runs
		rss, hwm := procStatus()
		samples = append(samples, sample{i, rss, hwm, ms.HeapInuse, time.Since(w0)})
	}
	docs := 0
	for _, err := range a.Batch(ctx, stream(texts, n, tick)) {
		if err != nil {
			return err
		}
		docs++
	}
	wall, cpu := time.Since(w0), cpuTime()-c0
	fmt.Printf("batch: %d articles in %v wall, %v CPU, %d workers (GOMAXPROCS %d): %.0f articles/s wall\n",
		docs, wall.Round(time.Millisecond), cpu.Round(time.Millisecond), runtime.GOMAXPROCS(0), runtime.GOMAXPROCS(0), float64(docs)/wall.Seconds())
	for _, s := range samples {
		fmt.Printf("batch: after %6d articles (%7.1fs): VmRSS %6.1f MB, VmHWM %6.1f MB, heap in use %6.1f MB\n", s.i, s.t.Seconds(), mb(s.rss), mb(s.hwm), mb(s.heap))
	}
	if len(samples) >= 4 {
		q := len(samples) / 4
		early := slices.MaxFunc(samples[1:q+1], func(x, y sample) int { return cmpU(x.rss, y.rss) }).rss
		late := slices.MaxFunc(samples[len(samples)-q:], func(x, y sample) int { return cmpU(x.rss, y.rss) }).rss
		fmt.Printf("batch: max VmRSS in the 2nd quarter of samples %.1f MB, in the last quarter %.1f MB (ratio %.2f); peak VmHWM %.1f MB\n",
			mb(early), mb(late), float64(late)/float64(early), mb(samples[len(samples)-1].hwm))
	}
	return nil
}

var sink atomic.Uint64

func cmpU(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func scaleRuns(path string, n, reps int) error {
	texts, err := readCorpus(path)
	if err != nil {
		return err
	}
	if runtime.GOMAXPROCS(0) < 2 {
		return fmt.Errorf("scale: GOMAXPROCS %d < 2", runtime.GOMAXPROCS(0))
	}
	ctx := context.Background()
	an := map[int]*analyze.Analyzer{}
	for _, w := range []int{1, 2} {
		a, err := analyze.New(analyze.WithWorkers(w))
		if err != nil {
			return err
		}
		an[w] = a
		for range a.Batch(ctx, stream(texts, 50, nil)) { // warm up
		}
	}
	type result struct{ perWall, perCPU, busy float64 }
	run := func(w int) (result, error) {
		runtime.GC()
		w0, c0 := time.Now(), cpuTime()
		for _, err := range an[w].Batch(ctx, stream(texts, n, nil)) {
			if err != nil {
				return result{}, err
			}
		}
		wall, cpu := time.Since(w0), cpuTime()-c0
		return result{float64(n) / wall.Seconds(), float64(n) / cpu.Seconds(), cpu.Seconds() / wall.Seconds()}, nil
	}
	var ratios, effs []float64
	for r := range reps {
		var r1, r2 result
		var err1, err2 error
		if r%2 == 0 { // alternate the order so that a drift in machine load favours neither
			r1, err1 = run(1)
			r2, err2 = run(2)
		} else {
			r2, err2 = run(2)
			r1, err1 = run(1)
		}
		if err := cmp.Or(err1, err2); err != nil {
			return err
		}
		ratios = append(ratios, r2.perWall/r1.perWall)
		effs = append(effs, r2.perCPU/r1.perCPU)
		fmt.Printf("scale run %d: 1 worker %.0f articles/s (%.2f cores busy, %.0f articles per CPU-second), 2 workers %.0f articles/s (%.2f cores busy, %.0f per CPU-second): %.2f× wall, CPU efficiency %.2f\n",
			r+1, r1.perWall, r1.busy, r1.perCPU, r2.perWall, r2.busy, r2.perCPU, r2.perWall/r1.perWall, r2.perCPU/r1.perCPU)
	}
	// Control: the same 1-vs-2 comparison for pure arithmetic, which scales
	// perfectly on two free cores; its ratio is what the machine allowed.
	spin := func(k int) {
		x := uint64(88172645463325252)
		for range k {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
		}
		sink.Add(x)
	}
	const work = 400_000_000
	var ctl []float64
	for range reps {
		w0 := time.Now()
		spin(work)
		t1 := time.Since(w0)
		w0 = time.Now()
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() { spin(work / 2) })
		}
		wg.Wait()
		ctl = append(ctl, t1.Seconds()/time.Since(w0).Seconds())
	}
	slices.Sort(ctl)
	fmt.Printf("scale: control (pure arithmetic, 1 vs 2 goroutines, same machine now): median %.2f× — the speed-up the machine allowed\n", ctl[len(ctl)/2])
	slices.Sort(ratios)
	slices.Sort(effs)
	fmt.Printf("scale: median over %d runs of %d articles: 2-worker/1-worker throughput %.2f×; CPU efficiency (articles per CPU-second, 2 workers / 1 worker) %.2f — on 2 idle cores the expected speed-up is 2 × efficiency = %.2f×\n",
		reps, n, ratios[len(ratios)/2], effs[len(effs)/2], 2*effs[len(effs)/2])
	return nil
}
