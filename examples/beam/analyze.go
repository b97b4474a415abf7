package main

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/techschau/techschau/analyze"
)

func init() {
	register.DoFn3x1[context.Context, string, func(string), error](&analyzeFn{})
	register.Emitter1[string]()
}

var (
	analyzed  = beam.NewCounter("techschau", "analyzed")
	failed    = beam.NewCounter("techschau", "failed")
	malformed = beam.NewCounter("techschau", "malformed_lines")
)

// article is one input line.
type article struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// result is one output line: the Document, or the reason there is none.
type result struct {
	ID       string            `json:"id"`
	Document *analyze.Document `json:"document,omitempty"`
	Error    string            `json:"error,omitempty"`
}

// AnalyzeLines turns a PCollection of JSONL article lines into a PCollection of JSONL
// result lines. Blank lines are dropped; a malformed line becomes an error result (with an
// empty id) and is counted, so one bad record never fails the pipeline.
func AnalyzeLines(s beam.Scope, lines beam.PCollection) beam.PCollection {
	s = s.Scope("techschau.Analyze")
	return beam.ParDo(s, &analyzeFn{}, lines)
}

// analyzeFn holds one Analyzer per DoFn instance. Beam serialises the DoFn's exported
// fields only, so the Analyzer is built in Setup on each worker, once.
type analyzeFn struct {
	// MaxSummary is the number of summary sentences (0 keeps the library default).
	MaxSummary int `json:"max_summary"`

	an *analyze.Analyzer
}

// Setup builds the worker's Analyzer.
func (f *analyzeFn) Setup() error {
	var opts []analyze.Option
	if f.MaxSummary > 0 {
		opts = append(opts, analyze.WithSummarySentences(f.MaxSummary))
	}
	an, err := analyze.New(opts...)
	if err != nil {
		return err
	}
	f.an = an
	return nil
}

// ProcessElement analyses one line. Only a failure to encode the output is returned as an
// error (it would mean a bug); bad input is reported in the output line instead.
func (f *analyzeFn) ProcessElement(ctx context.Context, line string, emit func(string)) error {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	var a article
	var r result
	if err := json.Unmarshal([]byte(line), &a); err != nil {
		malformed.Inc(ctx, 1)
		r.Error = "malformed line: " + err.Error()
	} else {
		r.ID = a.ID
		doc, err := f.an.Analyze(ctx, a.Text)
		if err != nil {
			failed.Inc(ctx, 1)
			r.Error = err.Error()
		} else {
			analyzed.Inc(ctx, 1)
			r.Document = doc
		}
	}
	out, err := json.Marshal(r)
	if err != nil {
		return err
	}
	emit(string(out))
	return nil
}
