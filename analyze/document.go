package analyze

import (
	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
)

// Document is the result of analysing one text. Its JSON form is the
// contract described in DESIGN.md; field names are stable snake_case.
//
// Every span in a Document is a byte span [Start, End) into the text that was
// passed to Analyze; where a span carries a Text field,
// text[Start:End] == Text holds.
//
// Slices are never nil in a Document returned by this package, so that they
// marshal as [] rather than null.
type Document struct {
	// Language is the language the text was analysed as: "de" or "en".
	// It is "" for empty input.
	Language string `json:"language"`
	// Warnings name what the caller should know about the analysis, for
	// example WarnBoilerplateMajority; the field is omitted when there is
	// none.
	Warnings []string `json:"warnings,omitempty"`
	// Dateline is the dateline at the start of the article
	// ("PEKING / LONDON (IT BOLTWISE) –"), or nil when there is none.
	Dateline *Dateline `json:"dateline"`
	// Boilerplate lists the blocks of the text that are not article body
	// (navigation, newsletter prompts, job ads ...), in text order.
	Boilerplate []Boilerplate `json:"boilerplate"`
	// Sentences lists all sentences and line units of the text, in order,
	// including those inside boilerplate (flagged).
	Sentences []Sentence `json:"sentences"`
	// Entities are the article's entities (from body sentences only),
	// sorted by salience descending, then id.
	Entities []entities.Entity `json:"entities"`
	// Themes are the technology-independence themes the article carries,
	// sorted by score descending, then id. Usually empty.
	Themes []Theme `json:"themes"`
	// Summary is the extractive summary of the body.
	Summary Summary `json:"summary"`
	// Keyphrases are the key phrases of the body, best first.
	Keyphrases []Keyphrase `json:"keyphrases"`
	// Meta is what a web page says about itself (title, author, date,
	// site name, URL). Only a Document of an HTML page has it (see the
	// webpage package); it is omitted otherwise.
	Meta *Meta `json:"meta,omitempty"`
	// Text is the text that every offset of the Document indexes when that
	// is not the caller's input: for an HTML page, the main text extracted
	// from it. It is omitted for plain-text input, whose offsets index the
	// input itself.
	Text string `json:"text,omitempty"`
}

// Warnings of a Document.
const (
	// WarnBoilerplateMajority: more than half of the text's bytes are
	// marked boilerplate. Entities, themes and summary then also use the
	// units the detector was least sure of (prose it condemned by position
	// or by a soft cue), rather than a remnant or nothing; their sentences
	// stay marked.
	WarnBoilerplateMajority = "boilerplate_majority"
	// WarnNoArticle: the input (an HTML page) holds no article text:
	// nothing was extracted, or nothing but boilerplate.
	WarnNoArticle = "no_article"
)

// Meta is the metadata of a web page. Empty fields are omitted.
type Meta struct {
	// Title is the page's title (usually the headline).
	Title string `json:"title,omitempty"`
	// Author is the author or authors as the page names them.
	Author string `json:"author,omitempty"`
	// Date is the publication date, ISO 8601: "2025-03-12", or with time
	// and zone "2025-03-12T14:05:00+01:00" when the page gives a time.
	Date string `json:"date,omitempty"`
	// Sitename is the name of the site or publisher.
	Sitename string `json:"sitename,omitempty"`
	// URL is the page's canonical URL, or the URL it was fetched from.
	URL string `json:"url,omitempty"`
}

// Dateline is the place and source line that opens many news articles,
// e.g. "PEKING / LONDON (IT BOLTWISE) –" or "Berlin (dpa) -".
type Dateline struct {
	// Start and End delimit the whole dateline, dash included.
	Start int `json:"start"`
	End   int `json:"end"`
	// Places are the canonical place names, in order (title-cased, or the
	// name of the linked LOC entity when there is one).
	Places []string `json:"places"`
	// Source is the agency or site in parentheses ("dpa", "APA"), or "".
	Source string `json:"source"`
	// places and source spans, for entity linking (not serialised).
	placeSpans []german.Span
	sourceSpan german.Span
}

// Boilerplate is a block of text that is not part of the article body.
type Boilerplate struct {
	Start int  `json:"start"`
	End   int  `json:"end"`
	Kind  Kind `json:"kind"`
}

// Span returns the block's byte span.
func (b Boilerplate) Span() german.Span { return german.Span{Start: b.Start, End: b.End} }

// Sentence is one sentence or line unit of the text.
type Sentence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"` // text[Start:End]
	// Boilerplate is true when the sentence lies in a boilerplate block.
	Boilerplate bool `json:"boilerplate"`
}

// Theme is a technology-independence theme the article carries.
type Theme struct {
	// ID is the taxonomy id, e.g. "semiconductors".
	ID string `json:"id"`
	// Label is the theme's German label.
	Label string `json:"label"`
	// Score is in [0, 1]; a theme is listed only when Score reaches the
	// Analyzer's threshold.
	Score float64 `json:"score"`
	// Evidence are the spans of up to three body sentences that are most
	// about the theme, the most characteristic (densest in the theme's
	// cues) first.
	Evidence []german.Span `json:"evidence"`
	// Actors are the ids of the entities that act in the evidence
	// sentences (people, organisations, places; a product counts for its
	// maker), the most involved first. Never nil.
	Actors []string `json:"actors"`
}

// Summary is an extractive summary: sentences of the body, in text order.
type Summary struct {
	Sentences []SummarySentence `json:"sentences"`
}

// SummarySentence is one sentence of a Summary.
type SummarySentence struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Text  string  `json:"text"` // text[Start:End]
	Score float64 `json:"score"`
}

// Keyphrase is a key phrase of the article with its score.
type Keyphrase struct {
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

// Kind is the kind of a boilerplate block. Its text form (JSON) is one of
// the lower-case names of the constants below.
type Kind uint8

// Boilerplate kinds.
const (
	KindOther      Kind = iota // "other": boilerplate without a more specific kind
	KindNavigation             // "navigation": menus, breadcrumbs, site links
	KindNewsletter             // "newsletter": newsletter, e-mail and feed prompts
	KindSocial                 // "social": share and follow prompts
	KindJobs                   // "jobs": job ads and job boards
	KindComments               // "comments": comment prompts and policies
	KindSearch                 // "search": search prompts
	KindCopyright              // "copyright": copyright and legal lines
	KindTeaser                 // "teaser": links and teasers to other articles
	KindCookie                 // "cookie": cookie and consent notes
	KindAuthor                 // "author": author boxes and bylines
	KindCaption                // "caption": image captions and credits
	KindAd                     // "ad": advertising
	numKinds
)

var kindNames = [numKinds]string{"other", "navigation", "newsletter", "social", "jobs", "comments", "search", "copyright", "teaser", "cookie", "author", "caption", "ad"}

// String returns the kind's name, e.g. "newsletter".
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "other"
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an
// error.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return &kindError{name: string(b)}
}

type kindError struct{ name string }

func (e *kindError) Error() string { return "analyze: unknown boilerplate kind " + quote(e.name) }
