package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/techschau/techschau/analyze"
)

type batchConfig struct {
	pipelineFlags
	workers  int
	maxLine  int
	progress string
}

func batchFlags() (*flag.FlagSet, *batchConfig) {
	c := &batchConfig{}
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "`N` articles analysed in parallel (at most 2×N in flight)")
	fs.IntVar(&c.maxLine, "max-line", 64<<20, "longest input line in `bytes`; a longer line is reported and skipped")
	fs.StringVar(&c.progress, "progress", "auto", "progress bar on stderr, `mode`: auto (only when stderr is a terminal), always, never")
	c.register(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: techschau batch [flags] [IN|-]

Reads JSON Lines, one article a line: {"id": ..., "text": "..."} (id: any JSON value; when
absent, the line number is used). Writes one JSON line per article, in input order:
  {"id": ..., "document": {...}}   the Document, as techschau analyze prints it
  {"id": ..., "error": "..."}      the article could not be analysed (e.g. too large)
A line that is not such a JSON object is reported on stderr with its line number and
skipped; blank lines are ignored. Counts and throughput are printed on stderr at the end.
Memory stays bounded for unbounded input (2×--workers articles in flight, --max-line
bytes a line).

Exit status: 0 all lines analysed; 1 at least one line malformed or failed (all others are
still written), or the input could not be read; 2 usage error.

Flags:
`)
		printFlags(fs)
	}
	return fs, c
}

// batchInput is one valid input line.
type batchInput struct {
	ID   json.RawMessage `json:"id"`
	Date json.RawMessage `json:"date"`
	Text *string         `json:"text"`
}

// batchResult is one output line. Date is the input line's "date", copied as it is, for
// `techschau trends` (a stopgap until the shared batch line package of issue 13 checks it).
type batchResult struct {
	ID       json.RawMessage   `json:"id"`
	Date     json.RawMessage   `json:"date,omitempty"`
	Document *analyze.Document `json:"document,omitempty"`
	Error    string            `json:"error,omitempty"`
}

// batchKey is what an output line repeats of its input line.
type batchKey struct {
	id, date json.RawMessage
}

// parseBatchLine decodes one JSONL line. It returns ok false with a message for a line
// that is not a JSON object with a string "text"; a missing id becomes the line number.
func parseBatchLine(line []byte, num int) (key batchKey, text string, err error) {
	var in batchInput
	if err := json.Unmarshal(line, &in); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return batchKey{}, "", fmt.Errorf("malformed JSON at byte %d: %v", se.Offset, err)
		}
		return batchKey{}, "", fmt.Errorf("malformed input: %v", err)
	}
	if in.Text == nil {
		return batchKey{}, "", errors.New(`malformed input: no "text" field`)
	}
	if len(in.ID) == 0 || bytes.Equal(in.ID, []byte("null")) {
		in.ID = json.RawMessage(strconv.Itoa(num))
	}
	if bytes.Equal(in.Date, []byte("null")) {
		in.Date = nil
	}
	return batchKey{in.ID, in.Date}, *in.Text, nil
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

// countingReader counts the bytes read through it (read by another goroutine).
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func cmdBatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, c := batchFlags()
	pos, status, ok := parseFlags(fs, args, stderr)
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
	}
	st := runBatch(ctx, a, in, name, c.maxLine, stdout, errw, bar)
	if bar != nil {
		bar.Finish()
	}
	st.report(errw, name)
	if st.err != nil {
		return exitFailure
	}
	if st.malformed > 0 || st.failed > 0 {
		return exitFailure
	}
	return exitOK
}

// batchStats are the counts of one batch run.
type batchStats struct {
	lines     int   // input lines read
	ok        int   // documents written
	failed    int   // error results written (analysis failed)
	malformed int   // lines skipped as malformed or too long
	bytes     int64 // bytes of input read
	elapsed   time.Duration
	err       error // read, write or context error that stopped the run
}

func (s *batchStats) report(w io.Writer, name string) {
	secs := s.elapsed.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	docs := s.ok + s.failed
	fmt.Fprintf(w, "techschau batch: %s: %d lines, %d documents, %d errors, %d malformed lines skipped; %s in %.2fs (%.1f docs/s, %.2f MB/s)\n",
		name, s.lines, s.ok, s.failed, s.malformed, byteCount(s.bytes), secs, float64(docs)/secs, float64(s.bytes)/1e6/secs)
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

// runBatch streams in through a's Batch: lines are parsed as they are pulled, at most the
// Analyzer's window of articles is in flight, results are written in input order.
func runBatch(ctx context.Context, a *analyze.Analyzer, in io.Reader, name string, maxLine int, stdout io.Writer, stderr io.Writer, bar *progressbar.ProgressBar) *batchStats {
	start := time.Now()
	cr := &countingReader{r: in}
	lr := newLineReader(cr, maxLine)

	// ids of the articles handed to Batch and not yet written, in order. The input
	// sequence may be pulled from another goroutine than the one that reads results.
	var (
		mu        sync.Mutex
		ids       []batchKey
		lines     int
		malformed int
		readErr   error
	)
	// lineMsg reports a bad input line; it clears the progress bar first so that the
	// message gets a line of its own.
	lineMsg := func(num int, err error) {
		if bar != nil {
			_ = bar.Clear()
		}
		fmt.Fprintf(stderr, "techschau batch: %s:%d: %v\n", name, num, err)
	}
	texts := func(yield func(string) bool) {
		for {
			line, num, err := lr.next()
			mu.Lock()
			lines = max(lines, num)
			mu.Unlock()
			if err != nil {
				var le *lineError
				if errors.As(err, &le) {
					lineMsg(le.Line, le.Err)
					mu.Lock()
					malformed++
					mu.Unlock()
					continue
				}
				if !errors.Is(err, io.EOF) {
					mu.Lock()
					readErr = fmt.Errorf("read %s: %w", name, err)
					mu.Unlock()
				}
				return
			}
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			key, text, err := parseBatchLine(line, num)
			if err != nil {
				lineMsg(num, err)
				mu.Lock()
				malformed++
				mu.Unlock()
				continue
			}
			mu.Lock()
			ids = append(ids, key)
			mu.Unlock()
			if !yield(text) {
				return
			}
		}
	}

	st := &batchStats{}
	out := bufio.NewWriterSize(stdout, 256<<10)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for doc, err := range a.Batch(ctx, texts) {
		mu.Lock()
		var key batchKey
		if len(ids) > 0 {
			key, ids = ids[0], ids[1:]
		}
		mu.Unlock()
		if err != nil && ctx.Err() != nil {
			st.err = ctx.Err()
			break
		}
		res := batchResult{ID: key.id, Date: key.date, Document: doc}
		if err != nil {
			res = batchResult{ID: key.id, Date: key.date, Error: err.Error()}
			st.failed++
		} else {
			st.ok++
		}
		if err := enc.Encode(&res); err != nil {
			st.err = fmt.Errorf("write: %w", err)
			break
		}
		if bar != nil {
			_ = bar.Set64(cr.n.Load())
		}
	}
	if err := out.Flush(); err != nil && st.err == nil {
		st.err = fmt.Errorf("write: %w", err)
	}
	if st.err == nil && ctx.Err() != nil {
		st.err = ctx.Err()
	}
	mu.Lock()
	st.lines, st.malformed = lines, malformed
	if st.err == nil {
		st.err = readErr
	}
	mu.Unlock()
	st.bytes = cr.n.Load()
	st.elapsed = time.Since(start)
	return st
}
