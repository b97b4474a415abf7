package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/analyze/jsonl"
)

type batchConfig struct {
	pipelineFlags
	workers  int
	maxLine  int
	progress string
	fields   string
}

func batchFlags() (*flag.FlagSet, *batchConfig) {
	c := &batchConfig{}
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "`N` articles analysed in parallel (at most 2×N in flight)")
	fs.IntVar(&c.maxLine, "max-line", 64<<20, "longest input line in `bytes`; a longer line gets an error line")
	fs.StringVar(&c.progress, "progress", "auto", "progress bar on stderr, `mode`: auto (only when stderr is a terminal), always, never")
	fs.StringVar(&c.fields, "fields", "", "write only these Document `fields` (comma-separated, e.g. language,entities,themes,summary); default all")
	c.register(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: techschau batch [flags] [IN|-]

Reads JSON Lines, one article a line:
  {"id": ..., "text": "...", "date": "2025-03-01"}
id: any JSON value; text: the article (or html: a page); date (optional): RFC 3339,
YYYY-MM-DD or RFC 1123; other fields are ignored. Blank lines and a byte order mark
are skipped. Every other line gets exactly one output line, in input order:
  {"id": ..., "line": N, "date": ..., "document": {...}}   the Document
  {"id": ..., "line": N, "error": "..."}                    why there is none
"id" and "date" are copied from the input (the id also from a line whose JSON breaks
after it); "line" is the input line number; "warnings" lists bad optional fields (a
date that does not parse), the line still gets its Document. Each bad line and
warning is also reported on stderr as FILE:LINE: message, and the first duplicate id
once. Counts and throughput are printed on stderr at the end. Memory stays bounded
for unbounded input: at most 2×--workers articles in flight, --max-line bytes a line.

Exit status: 0 every line analysed; 1 at least one error line (all others are still
written), or the input could not be read; 2 usage error.

Flags:
`)
		printFlags(fs)
	}
	return fs, c
}

// lockedWriter serialises writes from several goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func cmdBatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, c := batchFlags()
	pos, status, ok := parseFlags("batch", fs, args, stdout, stderr)
	if !ok {
		return status
	}
	if len(pos) > 1 {
		errorf(stderr, "batch", "one input at most, got %d", len(pos))
		return exitUsage
	}
	if c.workers < 1 {
		errorf(stderr, "batch", "--workers %d: must be 1 or more", c.workers)
		return exitUsage
	}
	if c.maxLine < 1 {
		errorf(stderr, "batch", "--max-line %d: must be 1 or more", c.maxLine)
		return exitUsage
	}
	var showBar bool
	switch c.progress {
	case "auto":
		showBar = isTerminal(stderr)
	case "always":
		showBar = true
	case "never":
	default:
		errorf(stderr, "batch", "--progress %q: want auto, always or never", c.progress)
		return exitUsage
	}
	out := bufio.NewWriterSize(stdout, 256<<10)
	enc, err := jsonl.NewEncoder(out, splitFields(c.fields))
	if err != nil {
		errorf(stderr, "batch", "--fields: %v", err)
		return exitUsage
	}
	opts, err := c.options()
	if err != nil {
		return reportSetupError(stderr, "batch", err)
	}
	opts = append(opts, analyze.WithWorkers(c.workers))
	a, err := analyze.New(opts...)
	if err != nil {
		return reportSetupError(stderr, "batch", err)
	}
	name := "-"
	if len(pos) == 1 {
		name = pos[0]
	}
	in, name, err := openInput(name, stdin)
	if err != nil {
		errorf(stderr, "batch", "%v", err)
		return exitFailure
	}
	defer in.Close()

	var size int64 = -1
	if f, ok := in.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
	}
	errw := &lockedWriter{w: stderr}
	var bar *progressbar.ProgressBar
	if showBar {
		bar = progressbar.NewOptions64(size,
			progressbar.OptionSetWriter(errw),
			progressbar.OptionSetDescription("techschau batch"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		// start the clock now: the bar otherwise starts it at its first update and
		// divides the first line's bytes by microseconds ("29 GB/s")
		bar.StartWithoutRender()
	}
	tightenGC(50)
	st := runBatch(ctx, a, in, name, c.maxLine, c.workers, enc, errw, bar)
	if err := out.Flush(); err != nil && st.err == nil {
		st.err = fmt.Errorf("write: %w", err)
	}
	if bar != nil {
		bar.Finish()
	}
	st.report(errw, name)
	if st.err != nil || st.bad > 0 || st.failed > 0 {
		return exitFailure
	}
	return exitOK
}

// splitFields splits a --fields value at commas; "" gives nil (all fields).
func splitFields(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// batchStats are the counts of one batch run.
type batchStats struct {
	lines    int   // output lines written: one per non-blank input line
	ok       int   // documents
	failed   int   // analysis errors
	bad      int   // bad input lines
	warnings int   // warnings (bad optional fields)
	bytes    int64 // bytes of the lines answered
	elapsed  time.Duration
	err      error // read, write or context error that stopped the run
}

func (s *batchStats) report(w io.Writer, name string) {
	secs := s.elapsed.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	fmt.Fprintf(w, "techschau batch: %s: %s (%s, %s, %s), %s; %s in %.2fs (%.1f docs/s, %.2f MB/s)\n",
		name, plural(s.lines, "line answered", "lines answered"), plural(s.ok, "document", "documents"),
		plural(s.failed, "analysis error", "analysis errors"), plural(s.bad, "bad line", "bad lines"),
		plural(s.warnings, "warning", "warnings"), byteCount(s.bytes), secs, float64(s.ok+s.failed)/secs, float64(s.bytes)/1e6/secs)
	if s.err != nil {
		fmt.Fprintf(w, "techschau batch: stopped: %v\n", s.err)
	}
}

func byteCount(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// maxTrackedIDs bounds the ids kept to find a duplicate (16 bytes each).
const maxTrackedIDs = 1 << 20

// runBatch streams in through jsonl.Run: lines are parsed as they are pulled, at most
// 2×workers articles are in flight, and every non-blank line gets its output line, in
// input order. Bad lines and warnings are also reported on stderr as FILE:LINE: message.
func runBatch(ctx context.Context, a *analyze.Analyzer, in io.Reader, name string, maxLine, workers int,
	enc *jsonl.Encoder, stderr io.Writer, bar *progressbar.ProgressBar) *batchStats {
	start := time.Now()
	rd := jsonl.NewReader(in, maxLine)
	st := &batchStats{}
	msg := func(line int, format string, args ...any) {
		if bar != nil {
			_ = bar.Clear() // the message gets a line of its own
		}
		errorf(stderr, "batch", "%s:%d: %s", name, line, fmt.Sprintf(format, args...))
	}
	// The inputs are pulled by jsonl.Run's feeder goroutine; what the writing loop
	// needs of them (bad or not, size) waits in queue, in order.
	var mu sync.Mutex
	type pending struct {
		bad  bool
		size int
	}
	var queue []pending
	warnings := 0
	seen := map[string]int{} // id → first line, until the first duplicate
	inputs := func(yield func(jsonl.Input) bool) {
		for x := range rd.All() {
			if x.Bad != "" {
				msg(x.Line, "%s", x.Bad)
			}
			for _, w := range x.Warnings {
				msg(x.Line, "warning: %s", w)
			}
			if x.ID != nil && seen != nil {
				if first, dup := seen[string(x.ID)]; dup {
					msg(x.Line, "duplicate id %s (first on line %d); both lines are answered, further duplicates are not reported", x.ID, first)
					seen = nil
				} else if len(seen) < maxTrackedIDs {
					seen[string(x.ID)] = x.Line
				}
			}
			mu.Lock()
			queue = append(queue, pending{x.Bad != "", x.Size + 1})
			warnings += len(x.Warnings)
			mu.Unlock()
			if !yield(x) {
				return
			}
		}
	}
	var done int64
	for r, err := range jsonl.Run(ctx, a, inputs, workers) {
		if err != nil {
			st.err = err
			break
		}
		mu.Lock()
		p := queue[0]
		queue = queue[1:]
		mu.Unlock()
		switch {
		case p.bad:
			st.bad++
		case r.Document == nil:
			st.failed++
			msg(r.Line, "%s", r.Error)
		default:
			st.ok++
		}
		st.lines++
		if err := enc.Encode(&r); err != nil {
			st.err = fmt.Errorf("write: %w", err)
			break
		}
		done += int64(p.size)
		if bar != nil {
			_ = bar.Set64(done) // bytes answered: the rate is the analysis rate
		}
	}
	if st.err == nil && ctx.Err() != nil {
		st.err = ctx.Err()
	}
	if err := rd.Err(); err != nil && st.err == nil {
		st.err = fmt.Errorf("read %s: %w", name, err)
	}
	mu.Lock()
	st.warnings = warnings
	mu.Unlock()
	st.bytes = done
	st.elapsed = time.Since(start)
	return st
}
