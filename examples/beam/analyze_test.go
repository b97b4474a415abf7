package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/analyze/jsonl"
)

func TestMain(m *testing.M) { ptest.Main(m) }

// mixed is the team's mixed batch input shared with the CLI's tests.
const mixed = "../../analyze/jsonl/testdata/mixed.jsonl"

// cliLines returns the result lines the CLI's batch writes for the file at path, by the
// same calls it makes (jsonl.Reader, jsonl.Analyze, jsonl.Encoder), in input order.
func cliLines(t *testing.T, path string, opt Options) []string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var aopts []analyze.Option
	if opt.SummarySentences > 0 {
		aopts = append(aopts, analyze.WithSummarySentences(opt.SummarySentences))
	}
	a, err := analyze.New(aopts...)
	require.NoError(t, err)
	enc, err := jsonl.NewEncoder(nil, opt.Fields)
	require.NoError(t, err)
	rd := jsonl.NewReader(f, DefaultMaxLine)
	var out []string
	for in := range rd.All() {
		r := jsonl.Analyze(context.Background(), a, in)
		b, err := enc.Marshal(&r)
		require.NoError(t, err)
		out = append(out, string(b))
	}
	require.NoError(t, rd.Err())
	return out
}

// TestSameAsCLI: over the mixed input (byte order mark, blank lines, missing and
// non-string text, broken JSON, bad dates …) the pipeline writes exactly the CLI's
// lines, one per non-blank input line.
func TestSameAsCLI(t *testing.T) {
	for _, opt := range []Options{{}, {SummarySentences: 1, Fields: []string{"language", "entities", "themes"}}} {
		want := cliLines(t, mixed, opt)
		require.Len(t, want, 18)
		// a copy, so that the pipeline reads a file of its own
		raw, err := os.ReadFile(mixed)
		require.NoError(t, err)
		path := filepath.Join(t.TempDir(), "mixed.jsonl")
		require.NoError(t, os.WriteFile(path, raw, 0o600))

		p, s := beam.NewPipelineWithRoot()
		got := Analyze(s, ReadInputs(s, beam.Create(s, path)), opt)
		wantAny := make([]any, len(want))
		for i, w := range want {
			wantAny[i] = w
		}
		passert.Equals(s, got, wantAny...)
		ptest.RunAndValidate(t, p)
	}
}

// TestAnalyzeLines: lines from any source; blank ones are dropped, every other one gets
// its line (without a line number).
func TestAnalyzeLines(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	in := beam.Create(s,
		`{"id":"a","text":"Berlin – Der Chipkonzern NVIDIA darf wieder H20-Chips nach China liefern."}`,
		`kein JSON`,
		``,
		"\ufeff  ",
		`{"id":"b","text":""}`,
	)
	got := AnalyzeLines(s, in, Options{Fields: []string{"language"}})
	passert.Equals(s, got,
		`{"id":"a","document":{"language":"de"}}`,
		`{"error":"jsonl: bad line: malformed JSON at byte 1: invalid character 'k' looking for beginning of value"}`,
		`{"id":"b","document":{"language":""}}`,
	)
	ptest.RunAndValidate(t, p)
}
