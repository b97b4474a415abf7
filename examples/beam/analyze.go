package main

import (
	"context"
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/analyze/jsonl"
)

func init() {
	beam.RegisterType(reflect.TypeFor[jsonl.Input]())
	register.DoFn3x1[context.Context, string, func(jsonl.Input), error](&readFn{})
	register.DoFn3x1[context.Context, jsonl.Input, func(string), error](&analyzeFn{})
	register.DoFn3x1[context.Context, string, func(string), error](&analyzeLineFn{})
	register.Emitter1[jsonl.Input]()
	register.Emitter1[string]()
}

var (
	analyzed = beam.NewCounter("techschau", "analyzed")
	failed   = beam.NewCounter("techschau", "failed")
	badLines = beam.NewCounter("techschau", "bad_lines")
	warnings = beam.NewCounter("techschau", "warnings")
)

// DefaultMaxLine is the longest input line read (as the CLI's --max-line).
const DefaultMaxLine = 64 << 20

// ReadInputs reads the JSONL files matching each glob of a PCollection of globs into a
// PCollection of jsonl.Input: the non-blank lines, parsed and numbered per file, exactly
// as the CLI's batch reads them (byte order mark dropped, a too-long line kept as a bad
// input with its id). One worker reads a file; the analysis that follows is spread over
// all of them.
func ReadInputs(s beam.Scope, globs beam.PCollection) beam.PCollection {
	s = s.Scope("techschau.ReadInputs")
	return beam.Reshuffle(s, beam.ParDo(s, &readFn{MaxLine: DefaultMaxLine}, globs))
}

// Analyze turns a PCollection of jsonl.Input into a PCollection of JSONL result lines:
// one per input, the same bytes the CLI's batch writes for it.
func Analyze(s beam.Scope, inputs beam.PCollection, opt Options) beam.PCollection {
	s = s.Scope("techschau.Analyze")
	return beam.ParDo(s, &analyzeFn{Options: opt}, inputs)
}

// AnalyzeLines is Analyze for JSONL lines from any source (a PCollection of strings):
// blank lines are dropped, every other line gets its result line. Such lines carry no
// line number, so a result without id has no "line" either.
func AnalyzeLines(s beam.Scope, lines beam.PCollection, opt Options) beam.PCollection {
	s = s.Scope("techschau.AnalyzeLines")
	return beam.ParDo(s, &analyzeLineFn{analyzeFn{Options: opt}}, lines)
}

// Options configure the analysis; Beam serialises them with the DoFns.
type Options struct {
	// SummarySentences is the number of summary sentences (0 keeps the default, 3).
	SummarySentences int `json:"summary_sentences"`
	// Fields, when not empty, are the Document fields written (as the CLI's --fields).
	Fields []string `json:"fields"`
}

// readFn reads the files of a glob.
type readFn struct {
	MaxLine int `json:"max_line"`
}

func (f *readFn) ProcessElement(ctx context.Context, glob string, emit func(jsonl.Input)) error {
	fsys, err := filesystem.New(ctx, glob)
	if err != nil {
		return err
	}
	defer fsys.Close()
	files, err := fsys.List(ctx, glob)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("beam: no file matches %q", glob)
	}
	for _, name := range files {
		rc, err := fsys.OpenRead(ctx, name)
		if err != nil {
			return err
		}
		rd := jsonl.NewReader(rc, f.MaxLine)
		for in := range rd.All() {
			emit(in)
		}
		rc.Close()
		if err := rd.Err(); err != nil {
			return fmt.Errorf("beam: read %s: %w", name, err)
		}
	}
	return nil
}

// analyzeFn holds one Analyzer per DoFn instance. Beam serialises the DoFn's exported
// fields only, so the Analyzer is built in Setup on each worker, once.
type analyzeFn struct {
	Options Options `json:"options"`

	an  *analyze.Analyzer
	enc *jsonl.Encoder
}

// Setup builds the worker's Analyzer.
func (f *analyzeFn) Setup() error {
	var opts []analyze.Option
	if f.Options.SummarySentences > 0 {
		opts = append(opts, analyze.WithSummarySentences(f.Options.SummarySentences))
	}
	an, err := analyze.New(opts...)
	if err != nil {
		return err
	}
	enc, err := jsonl.NewEncoder(nil, f.Options.Fields)
	if err != nil {
		return err
	}
	f.an, f.enc = an, enc
	return nil
}

// ProcessElement analyses one input. Only a failure to encode the output is returned as
// an error (it would mean a bug); bad input is reported in the output line instead.
func (f *analyzeFn) ProcessElement(ctx context.Context, in jsonl.Input, emit func(string)) error {
	r := jsonl.Analyze(ctx, f.an, in)
	switch {
	case in.Bad != "":
		badLines.Inc(ctx, 1)
	case r.Document == nil:
		failed.Inc(ctx, 1)
	default:
		analyzed.Inc(ctx, 1)
	}
	warnings.Inc(ctx, int64(len(in.Warnings)))
	b, err := f.enc.Marshal(&r)
	if err != nil {
		return err
	}
	emit(string(b))
	return nil
}

// analyzeLineFn parses a line, then analyses it as analyzeFn does.
type analyzeLineFn struct {
	analyzeFn
}

func (f *analyzeLineFn) ProcessElement(ctx context.Context, line string, emit func(string)) error {
	if jsonl.Blank([]byte(line)) {
		return nil
	}
	return f.analyzeFn.ProcessElement(ctx, jsonl.Parse([]byte(line), 0), emit)
}
