// Package bundled embeds the German showcase article that the examples analyse when no file
// is given, so that `go run ./examples/techschau analyze` works on a fresh clone.
//
// The article is a copy of testdata/articles/bundled-chips.txt (a test keeps the two equal):
// written from scratch by the techschau team, realistic fiction in the style of a German
// tech-news site (headline, dateline "PEKING / SHANGHAI (IT BOLTWISE) –", body), about
// China pushing its companies away from NVIDIA chips. No text in it is copied from elsewhere;
// see testdata/articles/README.md.
package bundled

import _ "embed"

//go:embed article.txt
var article string

// Name is the file name under which the bundled article is reported (for example in the
// CLI's text report and in the HTML report's title).
const Name = "bundled-chips.txt"

// Article returns the bundled article as UTF-8 text.
func Article() string { return article }
