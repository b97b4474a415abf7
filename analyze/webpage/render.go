package webpage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// renderText writes the text of an extracted content tree as plain text in
// the form the analyze stage reads best: a heading, paragraph, list item,
// table row or line break starts a new line; paragraphs, headings, lists
// and tables are separated by a blank line, the items of one list and the
// rows of one table are not (they form one block, as a teaser list under
// its heading does). White space inside a line is collapsed, and the text
// is in Unicode normal form C without soft hyphens.
func renderText(n *html.Node) string {
	if n == nil {
		return ""
	}
	r := &renderer{}
	r.walk(n)
	// NFC, as pages mostly are and as the extractor's own text is: a
	// decomposed "geprüft" would match no word list. Soft hyphens and
	// zero-width spaces (hyphenation hints: "Bar\u00adba\u00adres\u00adco")
	// go, as in the extractor's text.
	return norm.NFC.String(invisible.Replace(strings.TrimSpace(r.b.String())))
}

var invisible = strings.NewReplacer("\u00ad", "", "\u200b", "")

type renderer struct {
	b       strings.Builder
	pending int  // line breaks owed before the next text (max of requests)
	space   bool // a space is owed before the next text on this line
	heading bool // the last text written was a heading's
}

// blockBreaks gives the line breaks before and after an element: 2 for a
// paragraph-level block, 1 for an item or row inside one.
func blockBreaks(tag string) (before, after int) {
	switch tag {
	case "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre",
		"ul", "ol", "dl", "table", "figure", "form", "fieldset", "details", "address", "nav", "center":
		return 2, 2
	case "h1", "h2", "h3", "h4", "h5", "h6", "summary":
		// a heading stands on its line; the block it heads follows on
		// the next line
		return 2, 1
	case "li", "dt", "dd", "tr", "figcaption", "caption", "option", "hr":
		return 1, 1
	case "br":
		return 1, 0
	case "td", "th":
		return 0, 0
	}
	return 0, 0
}

func (r *renderer) brk(n int) { r.pending = max(r.pending, n) }

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
		switch n.Data {
		case "script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object":
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	before, after := blockBreaks(n.Data)
	if n.Type == html.ElementNode {
		if r.heading && (n.Data == "ul" || n.Data == "ol" || n.Data == "dl") {
			before = 1 // the list a heading introduces is its block
		}
		r.brk(before)
		if n.Data == "td" || n.Data == "th" {
			r.space = true // cells of a row on one line, apart
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if n.Type == html.ElementNode {
		r.brk(after)
		switch n.Data {
		case "h1", "h2", "h3", "h4", "h5", "h6", "summary":
			r.heading = true
		}
		if n.Data == "td" || n.Data == "th" {
			r.space = true
		}
	}
}

// text appends a text node's words, collapsing white space.
func (r *renderer) text(s string) {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	lead := unicode.IsSpace(first)
	fields := strings.Fields(s)
	if len(fields) == 0 {
		if lead {
			r.space = true
		}
		return
	}
	if r.b.Len() > 0 {
		switch {
		case r.pending > 0:
			r.b.WriteString("\n\n"[:min(r.pending, 2)])
		case r.space || lead:
			r.b.WriteByte(' ')
		}
	}
	r.pending, r.space, r.heading = 0, false, false
	for i, f := range fields {
		if i > 0 {
			r.b.WriteByte(' ')
		}
		r.b.WriteString(f)
	}
	r.space = unicode.IsSpace(last)
}
