package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

func init() { register.Function1x1(describe) }

func TestMain(m *testing.M) { ptest.Main(m) }

// describe reduces a result line to "id|error-kind|sorted entity ids" for comparison.
func describe(line string) string {
	var r result
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		return "unparsable output: " + err.Error()
	}
	var ids []string
	if r.Document != nil {
		for _, e := range r.Document.Entities {
			if e.ID == "nvidia" || e.ID == "china" {
				ids = append(ids, e.ID)
			}
		}
	}
	slices.Sort(ids)
	kind := ""
	if strings.HasPrefix(r.Error, "malformed line") {
		kind = "malformed"
	} else if r.Error != "" {
		kind = "error"
	}
	return r.ID + "|" + kind + "|" + strings.Join(ids, ",")
}

func TestAnalyzeLines(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	in := beam.Create(s,
		`{"id":"a","text":"Berlin – Der Chipkonzern NVIDIA darf wieder H20-Chips nach China liefern."}`,
		`kein JSON`,
		``,
		`{"id":"b","text":""}`,
	)
	got := beam.ParDo(s, describe, AnalyzeLines(s, in))
	// Blank lines are dropped, malformed ones reported, empty text is an empty Document.
	passert.Equals(s, got, "a||china,nvidia", "|malformed|", "b||")
	ptest.RunAndValidate(t, p)
}
