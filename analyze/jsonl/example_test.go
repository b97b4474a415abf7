package jsonl_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/analyze/jsonl"
)

// Run answers every non-blank input line with one result line, in input
// order: a Document, or the reason there is none.
func ExampleRun() {
	input := strings.NewReader(`{"id": "a1", "text": "Huawei baut in Shenzhen neue KI-Chips.", "date": "2025-03-01"}

{"id": "a2", "text": 42}
{"id": "a3", "text": "华为公司今天宣布，新一代人工智能芯片将于明年第一季度开始量产。"}
{"id": "a4", "text": "abgeschnitten
`)
	a, err := analyze.New(analyze.WithWorkers(2))
	if err != nil {
		panic(err)
	}
	rd := jsonl.NewReader(input, 1<<20)
	enc, err := jsonl.NewEncoder(os.Stdout, []string{"language"})
	if err != nil {
		panic(err)
	}
	for r, err := range jsonl.Run(context.Background(), a, rd.All(), 2) {
		if err != nil {
			panic(err)
		}
		if err := enc.Encode(&r); err != nil {
			panic(err)
		}
	}
	if err := rd.Err(); err != nil {
		panic(err)
	}
	// Output:
	// {"id":"a1","line":1,"date":"2025-03-01","document":{"language":"de"}}
	// {"id":"a2","line":3,"error":"jsonl: bad line: \"text\" is a number, not a string"}
	// {"id":"a3","line":4,"error":"analyze: unsupported language: Han script"}
	// {"id":"a4","line":5,"error":"jsonl: bad line: malformed JSON at byte 35: unexpected end of JSON input"}
}

// ParseDate reads the dates an input line may carry.
func ExampleParseDate() {
	for _, s := range []string{"2025-03-01", "2025-03-01T08:00:00+01:00", "Sat, 01 Mar 2025 08:00:00 +0100", "1. März 2025"} {
		t, err := jsonl.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(t.UTC().Format("2006-01-02 15:04"))
	}
	// Output:
	// 2025-03-01 00:00
	// 2025-03-01 07:00
	// 2025-03-01 07:00
	// date "1. März 2025": want RFC 3339, YYYY-MM-DD or RFC 1123
}
