package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/techschau/techschau/analyze/trends"
)

type trendsConfig struct {
	by       string
	top      int
	format   string
	capacity int
	link     string
	maxLine  int
}

func trendsFlags() (*flag.FlagSet, *trendsConfig) {
	c := &trendsConfig{}
	fs := flag.NewFlagSet("trends", flag.ContinueOnError)
	fs.StringVar(&c.by, "by", "week", "period `length`: day, week (ISO, from Monday) or month")
	fs.IntVar(&c.top, "top", trends.DefaultTop, "`N` entries per list: entities, actors, associations, pairs")
	fs.StringVar(&c.format, "format", "json", "output `format`: json or html (one self-contained page)")
	fs.IntVar(&c.capacity, "capacity", trends.DefaultCapacity, "entity ids counted exactly before the tables sample (`N`; memory is bounded by it)")
	fs.StringVar(&c.link, "link", "", "html: link document ids to this `URL` template, {id} replaced by the id (e.g. https://example.org/a/{id})")
	fs.IntVar(&c.maxLine, "max-line", 64<<20, "longest input line in `bytes`; a longer line is reported and skipped")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: techschau trends [flags] [FILE|-]

Reads the output of "techschau batch" ({"id", "date", "document"} lines; {"id", "error"}
lines are skipped) and prints the trends of the themes over time: per period the
documents and, per theme, the documents carrying it, their share and top actors; over
the corpus the theme totals, top entities, co-occurring entity pairs and theme-entity
associations; and the surges, periods in which a theme's share rose well above the
previous 8 periods. "date" is RFC 3339 or YYYY-MM-DD; documents without a usable date are
counted apart ("undated"). Memory is bounded by --capacity, whatever the input's size.

--format json prints the report (stable snake_case fields, the same bytes for the same
input); --format html prints one page with no scripts or external assets: a chart of
theme shares, the surges with their documents, actors per theme and co-occurrences.

Exit status: 0 success; 1 the input could not be read, or some lines were malformed
(the report of the others is still written); 2 usage error.

Flags:
`)
		printFlags(fs)
	}
	return fs, c
}

func cmdTrends(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, c := trendsFlags()
	pos, status, ok := parseFlags(fs, args, stderr)
	if !ok {
		return status
	}
	if len(pos) > 1 {
		errorf(stderr, "trends", "one input at most, got %d", len(pos))
		return exitUsage
	}
	period, err := trends.ParsePeriod(c.by)
	if err != nil {
		errorf(stderr, "trends", "--by %q: want day, week or month", c.by)
		return exitUsage
	}
	if c.format != "json" && c.format != "html" {
		errorf(stderr, "trends", "--format %q: want json or html", c.format)
		return exitUsage
	}
	if c.maxLine < 1 {
		errorf(stderr, "trends", "--max-line %d: must be 1 or more", c.maxLine)
		return exitUsage
	}
	if c.link != "" && !strings.Contains(c.link, "{id}") {
		errorf(stderr, "trends", "--link %q: the template needs {id}", c.link)
		return exitUsage
	}
	agg, err := trends.New(trends.WithPeriod(period), trends.WithTop(c.top), trends.WithCapacity(c.capacity))
	if err != nil {
		errorf(stderr, "trends", "%v", strings.TrimPrefix(err.Error(), "trends: "))
		return exitUsage
	}
	name := "-"
	if len(pos) == 1 {
		name = pos[0]
	}
	in, name, err := openInput(name, stdin)
	if err != nil {
		errorf(stderr, "trends", "%v", err)
		return exitFailure
	}
	defer in.Close()

	st, err := readTrends(ctx, agg, in, name, c.maxLine, stderr)
	if err != nil {
		errorf(stderr, "trends", "%v", err)
		return exitFailure
	}
	report := agg.Report()
	w := bufio.NewWriterSize(stdout, 256<<10)
	if c.format == "html" {
		err = renderTrends(w, report, htmlOptions{source: name, link: c.link})
	} else {
		var out []byte
		out, err = report.JSON()
		if err == nil {
			_, err = w.Write(append(out, '\n'))
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		errorf(stderr, "trends", "write: %v", err)
		return exitFailure
	}
	fmt.Fprintf(stderr, "techschau trends: %s: %d lines, %d documents (%d undated, %d of them with an unusable date), %d error lines skipped, %d malformed lines skipped; %d periods, %d surges\n",
		name, st.lines, report.Documents, report.Undated.Documents, st.badDates, st.failed, st.malformed, len(report.Periods), len(report.Surges))
	if st.malformed > 0 {
		return exitFailure
	}
	return exitOK
}

// trendsStats are the counts of one trends run.
type trendsStats struct {
	lines, failed, malformed, badDates int
}

// maxLineMessages is how many lines of each kind of problem are reported one by one.
const maxLineMessages = 10

// readTrends adds every line of in to agg. Malformed lines and unusable dates are reported
// on stderr as FILE:LINE: (the first maxLineMessages of each), error lines only counted:
// batch reported them when it wrote them.
func readTrends(ctx context.Context, agg *trends.Aggregator, in io.Reader, name string, maxLine int, stderr io.Writer) (*trendsStats, error) {
	st := &trendsStats{}
	lr := newLineReader(in, maxLine)
	report := func(count *int, num int, err error, suffix string) {
		*count++
		if *count <= maxLineMessages {
			fmt.Fprintf(stderr, "techschau trends: %s:%d: %s%s\n", name, num, strings.TrimPrefix(err.Error(), "trends: "), suffix)
		} else if *count == maxLineMessages+1 {
			fmt.Fprintf(stderr, "techschau trends: %s: more lines like this; only counted from here on\n", name)
		}
	}
	for {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		line, num, err := lr.next()
		st.lines = max(st.lines, num)
		if err != nil {
			var le *lineError
			if errors.As(err, &le) {
				report(&st.malformed, le.Line, le.Err, "")
				continue
			}
			if errors.Is(err, io.EOF) {
				return st, nil
			}
			return st, fmt.Errorf("read %s: %w", name, err)
		}
		switch err := agg.AddLine(line); {
		case err == nil:
		case errors.Is(err, trends.ErrBadDate):
			report(&st.badDates, num, err, " (counted as undated)")
		case errors.Is(err, trends.ErrFailedLine):
			st.failed++
		default:
			report(&st.malformed, num, err, "")
		}
	}
}
