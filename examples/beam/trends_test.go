package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze/trends"
)

const (
	trendsFixture = "../../testdata/trends/articles.jsonl"     // batch output of the team's dated articles
	trendsGolden  = "../../testdata/trends/articles-week.json" // the report the library's golden test and the CLI test check
)

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	require.NoError(t, sc.Err())
	return lines
}

// runTrends runs the Beam pipeline over lines and returns the file textio.Write wrote.
func runTrends(t *testing.T, lines []string, by string, top int) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "trends.json")
	p, s := beam.NewPipelineWithRoot()
	// Two sources flattened, so that the runner sees more than one bundle to combine.
	half := len(lines) / 2
	in := beam.Flatten(s, beam.CreateList(s, lines[:half]), beam.CreateList(s, lines[half:]))
	textio.Write(s, out, TrendsLines(s, in, by, top))
	require.NoError(t, ptest.Run(p))
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	return b
}

// cliTrends runs `techschau trends` from this checkout on the file.
func cliTrends(t *testing.T, args ...string) []byte {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to run the CLI")
	}
	abs := make([]string, len(args))
	for i, a := range args {
		abs[i] = a
		if strings.HasSuffix(a, ".jsonl") {
			abs[i], err = filepath.Abs(a)
			require.NoError(t, err)
		}
	}
	cmd := exec.Command(goBin, append([]string{"run", ".", "trends"}, abs...)...)
	cmd.Dir = "../techschau"
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	return stdout.Bytes()
}

// TestTrendsLinesMatchesCLI: the Beam pipeline writes byte for byte what the CLI prints
// for the same batch output, and both are the library's golden report.
func TestTrendsLinesMatchesCLI(t *testing.T) {
	lines := readLines(t, trendsFixture)
	got := runTrends(t, lines, "week", 10)
	golden, err := os.ReadFile(trendsGolden)
	require.NoError(t, err)
	assert.Equal(t, string(golden), string(got), "Beam output differs from the golden report")
	assert.Equal(t, string(cliTrends(t, trendsFixture)), string(got), "Beam output differs from techschau trends")

	got = runTrends(t, lines, "month", 3)
	assert.Equal(t, string(cliTrends(t, "--by", "month", "--top", "3", trendsFixture)), string(got))
}

// TestTrendsBadLines: lines the CLI refuses add nothing in Beam either.
func TestTrendsBadLines(t *testing.T) {
	lines := append(readLines(t, trendsFixture), "", "kein JSON", `{"id":"x"}`)
	got := runTrends(t, lines, "week", 10)
	golden, err := os.ReadFile(trendsGolden)
	require.NoError(t, err)
	assert.Equal(t, string(golden), string(got))
}

func TestAggregateCoder(t *testing.T) {
	a := &trends.Aggregator{}
	for _, l := range readLines(t, trendsFixture) {
		_ = a.AddLine([]byte(l))
	}
	b, err := encodeAggregate(a)
	require.NoError(t, err)
	c, err := decodeAggregate(b)
	require.NoError(t, err)
	b2, err := encodeAggregate(c)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))
	_, err = decodeAggregate([]byte("{"))
	assert.ErrorIs(t, err, trends.ErrBadState)
}
