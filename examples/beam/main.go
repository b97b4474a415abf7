// Command beam runs techschau inside an Apache Beam pipeline: it reads JSONL articles
// ({"id": "...", "text": "..."} a line), analyses each with one shared analyze.Analyzer per
// worker, and writes one JSON line per article ({"id": "...", "document": {...}} or
// {"id": "...", "error": "..."}). With --mode trends it reads such output instead and
// combines it into the trends report of `techschau trends` (a CombineFn over
// trends.Aggregator), byte for byte the CLI's JSON.
//
// It is its own Go module so that Beam's dependencies stay out of the library's go.mod.
// With no runner flag it uses Beam's direct runner, which is enough to try it locally:
//
//	cd examples/beam
//	go run . --input articles.jsonl --output documents.jsonl
//	go run . --mode trends --by week --input documents.jsonl --output trends.json
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

	"github.com/techschau/techschau/analyze/trends"
)

var (
	input  = flag.String("input", "", "JSONL file(s) or glob with {\"id\",\"text\"} lines, or batch output for --mode trends (required)")
	output = flag.String("output", "", "output JSONL file, or the report for --mode trends (required)")
	mode   = flag.String("mode", "analyze", "analyze (articles to Documents) or trends (Documents to the trends report)")
	by     = flag.String("by", "week", "trends: period length, day, week or month")
	top    = flag.Int("top", 10, "trends: entries per list")
)

func main() {
	flag.Parse()
	beam.Init()
	if *input == "" || *output == "" {
		log.Fatal("beam: --input and --output are required")
	}
	p, s := beam.NewPipelineWithRoot()
	lines := textio.Read(s, *input)
	switch *mode {
	case "analyze":
		textio.Write(s, *output, AnalyzeLines(s, lines))
	case "trends":
		if _, err := trends.ParsePeriod(*by); err != nil || *top < 1 {
			log.Fatalf("beam: --by %q --top %d: want day, week or month and 1 or more", *by, *top)
		}
		textio.Write(s, *output, TrendsLines(s, lines, *by, *top))
	default:
		log.Fatalf("beam: --mode %q: want analyze or trends", *mode)
	}
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("beam: pipeline failed: %v", err)
	}
}
