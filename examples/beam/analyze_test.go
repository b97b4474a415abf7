package main

import (
	"encoding/json"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMain(m *testing.M) { ptest.Main(m) }

func TestAnalyzeLines(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	in := beam.Create(s,
		`{"id":"a","text":"Berlin – Der Chipkonzern NVIDIA darf wieder H20-Chips nach China liefern."}`,
		`kein JSON`,
		``,
		`{"id":"b","text":""}`,
	)
	out := AnalyzeLines(s, in)

	var got []string
	beam.ParDo0(s, func(line string) { got = append(got, line) }, out)
	require.NoError(t, ptest.Run(p))

	require.Len(t, got, 3, "blank lines are dropped, malformed ones reported")
	byID := map[string]result{}
	for _, line := range got {
		var r result
		require.NoError(t, json.Unmarshal([]byte(line), &r), line)
		byID[r.ID] = r
	}
	require.Contains(t, byID, "a")
	assert.Empty(t, byID["a"].Error)
	require.NotNil(t, byID["a"].Document)
	ids := map[string]bool{}
	for _, e := range byID["a"].Document.Entities {
		ids[e.ID] = true
	}
	assert.True(t, ids["nvidia"], "NVIDIA found: %v", ids)
	assert.True(t, ids["china"], "China found: %v", ids)
	assert.Contains(t, byID[""].Error, "malformed line")
	require.Contains(t, byID, "b")
	assert.Empty(t, byID["b"].Error, "empty text is an empty Document, not an error")
}
