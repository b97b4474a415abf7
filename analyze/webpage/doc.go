// Package webpage analyses German news pages given as HTML.
//
// go-trafilatura (the Go port of trafilatura, with its fallback extractors
// readability and DOM distiller) extracts the page's main text and
// metadata; the text is written out with one heading, paragraph, list item
// or table row a line, and an analyze.Analyzer analyses it, its boilerplate
// detection marking the residue the extractor keeps (ad labels, share
// prompts, "Lesen Sie auch", captions):
//
//	doc, err := webpage.AnalyzeHTML(ctx, page, "https://example.org/news/1")
//	fmt.Println(doc.Meta.Title, doc.Meta.Date)
//	for _, s := range doc.Summary.Sentences {
//		fmt.Println(doc.Text[s.Start:s.End])
//	}
//
// # Offsets
//
// Every offset of the Document indexes its Text, the extracted text, not
// the HTML: doc.Text[s.Start:s.End] == s.Text.
//
// # Why a package of its own
//
// go-trafilatura and its date parser build large tables when a program
// starts (about 250 ms and 32 MB of heap, measured); kept apart, programs
// that analyse plain text with package analyze do not pay for them.
//
// # Concurrency
//
// An Analyzer is immutable after New and safe for concurrent use.
package webpage
