// Package bundled embeds the German showcase article that the examples analyse when no file
// is given, so that `go run ./examples/techschau analyze` works on a fresh clone.
//
// The article was written by the techschau team for demonstration; it is not a real news
// report and contains no text copied from elsewhere. It is a news article in the style of a
// German tech-news site (dateline, body, then site boilerplate: newsletter prompts, job ads,
// a comment policy), so every stage of the pipeline has something to show.
package bundled

import _ "embed"

//go:embed article.txt
var article string

// Name is the file name under which the bundled article is reported (for example in the
// CLI's text report and in the HTML report's title).
const Name = "bundled-article.txt"

// Article returns the bundled article as UTF-8 text.
func Article() string { return article }
