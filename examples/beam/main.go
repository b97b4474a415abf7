// Command beam runs techschau inside an Apache Beam pipeline: it reads JSONL articles
// ({"id": "...", "text": "..."} a line), analyses each with one shared analyze.Analyzer per
// worker, and writes one JSON line per article ({"id": "...", "document": {...}} or
// {"id": "...", "error": "..."}).
//
// It is its own Go module so that Beam's dependencies stay out of the library's go.mod.
// With no runner flag it uses Beam's direct runner, which is enough to try it locally:
//
//	cd examples/beam
//	go run . --input articles.jsonl --output documents.jsonl
//
// Other runners (Dataflow, Flink, Spark) take the usual Beam flags (--runner, --endpoint …).
package main

import (
	"context"
	"flag"
	"log"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

var (
	input  = flag.String("input", "", "JSONL file(s) or glob with {\"id\",\"text\"} lines (required)")
	output = flag.String("output", "", "output JSONL file (required)")
)

func main() {
	flag.Parse()
	beam.Init()
	if *input == "" || *output == "" {
		log.Fatal("beam: --input and --output are required")
	}
	p, s := beam.NewPipelineWithRoot()
	lines := textio.Read(s, *input)
	textio.Write(s, *output, AnalyzeLines(s, lines))
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("beam: pipeline failed: %v", err)
	}
}
