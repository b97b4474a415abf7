package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"time"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/internal/hostile"
)

// shapeText is one input: a shape of internal/hostile or ordinary text.
type shapeText struct {
	name, about string
	accepted    bool
	text        func(n int) string
}

func shapeTexts(only string) []shapeText {
	out := []shapeText{{name: "ordinary", about: "ordinary German sentences (the baseline)", accepted: true, text: hostile.Ordinary}}
	for _, s := range hostile.Shapes() {
		out = append(out, shapeText{name: s.Name, about: s.About, accepted: s.Accepted, text: s.Text})
	}
	if only == "" {
		return out
	}
	for _, s := range out {
		if s.name == only {
			return []shapeText{s}
		}
	}
	return nil
}

func newAnalyzer() (*analyze.Analyzer, error) {
	a, err := analyze.New()
	if err != nil {
		return nil, err
	}
	// load the lazy parts (prose's English model) before any timing
	_, _ = a.Analyze(context.Background(), hostile.Ordinary(2000))
	_, _ = a.Analyze(context.Background(), hostile.English(2000))
	return a, nil
}

// verdictShort says how Analyze ended: "ok", or the sentinel it refused with.
func verdictShort(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, analyze.ErrNotText):
		return "not text"
	case errors.Is(err, analyze.ErrUnsupportedLanguage):
		return "unsupported"
	case errors.Is(err, context.DeadlineExceeded):
		return "deadline"
	}
	return "error: " + err.Error()
}

func throughput(sizes []int, reps int, only string) error {
	a, err := newAnalyzer()
	if err != nil {
		return err
	}
	shapes := shapeTexts(only)
	if len(shapes) == 0 {
		return fmt.Errorf("no shape %q", only)
	}
	fmt.Printf("\n== throughput: MB per CPU-second (best of %d runs; wall-clock MB/s in brackets); goal ≥ 1 MB/s\n", reps)
	fmt.Printf("  %-15s", "shape")
	for _, mb := range sizes {
		fmt.Printf(" %17s", fmt.Sprintf("%d MB", mb))
	}
	fmt.Printf(" %8s  %s\n", "lowest", "refused?")
	worst, worstName := 1e18, ""
	for _, s := range shapes {
		fmt.Printf("  %-15s", s.name)
		low := 1e18
		verdict := ""
		for _, mb := range sizes {
			text := s.text(mb << 20)
			bestCPU, bestWall := time.Duration(1<<62), time.Duration(1<<62)
			for range reps {
				runtime.GC()
				c0, w0 := cpuTime(), time.Now()
				_, err := a.Analyze(context.Background(), text)
				bestCPU, bestWall = min(bestCPU, cpuTime()-c0), min(bestWall, time.Since(w0))
				verdict = verdictShort(err)
			}
			rate := float64(len(text)) / 1e6 / max(bestCPU.Seconds(), 1e-6)
			wall := float64(len(text)) / 1e6 / max(bestWall.Seconds(), 1e-6)
			low = min(low, rate)
			fmt.Printf(" %8s [%6s]", mbs(rate), mbs(wall))
		}
		mark := ""
		if low < 1 {
			mark = "  BELOW GOAL"
		}
		fmt.Printf(" %8s  %s%s\n", mbs(low), verdict, mark)
		if s.accepted && low < worst {
			worst, worstName = low, s.name
		}
	}
	fmt.Printf("  lowest of the analysed shapes: %s MB per CPU-second (%s)\n", mbs(worst), worstName)
	for _, s := range shapes {
		fmt.Printf("    %-15s %s\n", s.name, s.about)
	}
	return nil
}

func mbs(f float64) string {
	if f >= 100 {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%.2f", f)
}

func deadline(mb int, only string) error {
	a, err := newAnalyzer()
	if err != nil {
		return err
	}
	shapes := shapeTexts(only)
	deadlines := []time.Duration{10 * time.Millisecond, 100 * time.Millisecond, time.Second}
	const runs = 3
	fmt.Printf("\n== deadline: ms from the deadline to Analyze's return, %d MB of each shape, median of %d runs "+
		"(CPU ms this process spent after the deadline in brackets: the wall clock of a loaded machine mostly "+
		"measures waiting for a core; negative: done or refused before the deadline); goal < 100 ms\n", mb, runs)
	fmt.Printf("  %-15s", "shape")
	for _, d := range deadlines {
		fmt.Printf(" %16s", d)
	}
	fmt.Println()
	worst, worstName := time.Duration(-1<<62), ""
	worstCPU := time.Duration(0)
	for _, s := range shapes {
		text := s.text(mb << 20)
		fmt.Printf("  %-15s", s.name)
		verdict := ""
		for _, d := range deadlines {
			var overs, cpus []time.Duration
			for range runs {
				ctx, cancel := context.WithTimeout(context.Background(), d)
				var atDeadline time.Duration
				fired := make(chan struct{})
				context.AfterFunc(ctx, func() { atDeadline = cpuTime(); close(fired) })
				st := time.Now()
				_, err := a.Analyze(ctx, text)
				over := time.Since(st) - d
				end := cpuTime()
				cancel() // the AfterFunc has run, or runs now
				<-fired
				verdict = verdictShort(err)
				var cpu time.Duration
				if errors.Is(err, context.DeadlineExceeded) {
					cpu = end - atDeadline
				}
				overs, cpus = append(overs, over), append(cpus, cpu)
				runtime.GC()
			}
			slices.Sort(overs)
			slices.Sort(cpus)
			over, cpu := overs[runs/2], cpus[runs/2]
			fmt.Printf(" %+5.0f [%3.0f] %-5s", over.Seconds()*1000, max(cpu, 0).Seconds()*1000, short(verdict))
			if verdict == "deadline" && over > worst {
				worst, worstName = over, s.name+" at "+d.String()
			}
			worstCPU = max(worstCPU, cpu)
		}
		fmt.Println()
	}
	fmt.Printf("  largest median overshoot: %+.0f ms (%s); most CPU after a deadline: %.0f ms\n", worst.Seconds()*1000, worstName, worstCPU.Seconds()*1000)
	return nil
}

// short abbreviates a verdict for the deadline table.
func short(v string) string {
	switch v {
	case "deadline":
		return ""
	case "unsupported":
		return "unsup"
	case "not text":
		return "bin"
	}
	return v
}
