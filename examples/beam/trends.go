package main

import (
	"hash/fnv"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/techschau/techschau/analyze/trends"
)

func init() {
	register.Function1x2(shardLine)
	register.Combiner2[*trends.Aggregator, string](&partialTrendsFn{})
	register.Combiner3[*trends.Aggregator, *trends.Aggregator, string](&mergeTrendsFn{})
	// Accumulators travel between workers in the aggregate's own wire format.
	beam.RegisterCoder(reflect.TypeOf((*trends.Aggregator)(nil)), encodeAggregate, decodeAggregate)
}

func encodeAggregate(a *trends.Aggregator) ([]byte, error) { return a.MarshalBinary() }

func decodeAggregate(b []byte) (*trends.Aggregator, error) {
	a := &trends.Aggregator{}
	return a, a.UnmarshalBinary(b)
}

// trendsShards is the number of partial aggregates TrendsLines builds before merging them.
const trendsShards = 8

// TrendsLines combines a PCollection of `techschau batch` output lines (as AnalyzeLines or
// the CLI writes them) into a PCollection of one element: the trends report as JSON, the
// same bytes as `techschau trends --by BY --top TOP` prints for the same lines (without
// its final newline, which textio.Write adds). by is "day", "week" or "month"; top ≥ 1.
// Lines that carry an error, malformed lines and blank lines add no document, as in the
// CLI.
//
// The lines are spread over trendsShards keys, each key's lines are aggregated on its own
// (a CombinePerKey, which runners may lift and split further), and the partial aggregates
// are merged into one (a global Combine). Because trends aggregates merge exactly, the
// result does not depend on how the runner splits the work.
func TrendsLines(s beam.Scope, lines beam.PCollection, by string, top int) beam.PCollection {
	s = s.Scope("techschau.Trends")
	keyed := beam.ParDo(s, shardLine, lines)
	partial := beam.DropKey(s, beam.CombinePerKey(s, &partialTrendsFn{By: by, Top: top}, keyed))
	return beam.Combine(s, &mergeTrendsFn{By: by, Top: top}, partial)
}

// shardLine keys a line by a hash of its bytes.
func shardLine(line string) (int, string) {
	h := fnv.New32a()
	h.Write([]byte(line))
	return int(h.Sum32() % trendsShards), line
}

// trendsSettings are the settings both combiners build their aggregates with.
type trendsSettings struct {
	By  string `json:"by"`
	Top int    `json:"top"`
}

func (t trendsSettings) newAggregate() (*trends.Aggregator, error) {
	p, err := trends.ParsePeriod(t.By)
	if err != nil {
		return nil, err
	}
	return trends.New(trends.WithPeriod(p), trends.WithTop(t.Top))
}

// partialTrendsFn aggregates batch output lines into a trends.Aggregator.
type partialTrendsFn trendsSettings

// CreateAccumulator returns an empty aggregate with the pipeline's settings.
func (f *partialTrendsFn) CreateAccumulator() (*trends.Aggregator, error) {
	return trendsSettings(*f).newAggregate()
}

// AddInput adds one batch output line.
func (f *partialTrendsFn) AddInput(a *trends.Aggregator, line string) *trends.Aggregator {
	_ = a.AddLine([]byte(line)) // refused lines add nothing; an unusable date makes the document undated
	return a
}

// MergeAccumulators merges b into a.
func (f *partialTrendsFn) MergeAccumulators(a, b *trends.Aggregator) (*trends.Aggregator, error) {
	return a, a.Merge(b)
}

// mergeTrendsFn merges partial aggregates and writes the report.
type mergeTrendsFn trendsSettings

// CreateAccumulator returns an empty aggregate with the pipeline's settings.
func (f *mergeTrendsFn) CreateAccumulator() (*trends.Aggregator, error) {
	return trendsSettings(*f).newAggregate()
}

// AddInput merges one partial aggregate.
func (f *mergeTrendsFn) AddInput(a, part *trends.Aggregator) (*trends.Aggregator, error) {
	return a, a.Merge(part)
}

// MergeAccumulators merges b into a.
func (f *mergeTrendsFn) MergeAccumulators(a, b *trends.Aggregator) (*trends.Aggregator, error) {
	return a, a.Merge(b)
}

// ExtractOutput returns the report as JSON.
func (f *mergeTrendsFn) ExtractOutput(a *trends.Aggregator) (string, error) {
	out, err := a.Report().JSON()
	return string(out), err
}
