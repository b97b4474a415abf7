// Package golddata reads the team's hand-written German test corpus and its gold
// annotations from the repository's testdata directory.
//
// The corpus has two parts:
//
//   - testdata/articles/NAME.txt with NAME.json: a German tech-news article and its
//     mention-level entity annotation plus the themes it carries (see LoadArticles).
//   - testdata/pages/NAME.txt with NAME.json: an article wrapped in news-site
//     boilerplate, with the line numbers of the article body (see LoadPages).
//
// The annotation conventions are described in testdata/articles/README.md.
//
// # Offsets
//
// Mention offsets are byte offsets [Start, End) into the article text as stored on
// disk, and LoadArticles checks text[Start:End] == Text for every mention. Page line
// numbers are 1-based and count every line, blank or not.
//
// # Use
//
// Package tests find the testdata directory with TestdataDir, which walks up from the
// working directory to the directory holding go.mod; RepoArticles and RepoPages load
// the repository's own corpus in one call:
//
//	arts, err := golddata.RepoArticles() // testdata/articles, validated
//	pages, err := golddata.RepoPages()   // testdata/pages, validated
package golddata
