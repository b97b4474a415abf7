package webpage

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	nurl "net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/techschau/techschau/analyze"
)

// Sentinel errors; test with errors.Is. Input over the size limit gets
// analyze.ErrTooLarge.
var (
	// ErrNotHTML is returned for input that is not a web page: binary
	// data, or bytes that no character set turns into text.
	ErrNotHTML = errors.New("webpage: input is not HTML")
	// ErrExtract is returned when the extractor fails on a page (it
	// panicked); the page is not analysed.
	ErrExtract = errors.New("webpage: extraction failed")
	// ErrBadOption is returned by New for an invalid option value.
	ErrBadOption = errors.New("webpage: bad option")
)

// DefaultMaxBytes is the default size limit of a page (32 MiB): news pages
// are rarely over 2 MiB; larger input gets analyze.ErrTooLarge before it is
// parsed.
const DefaultMaxBytes = 32 << 20

// DefaultMaxText is the default limit of a page's text (1 MiB): the text
// of all its elements but scripts and styles, before extraction. The
// extractor's time grows faster than linearly with the text (measured
// about 3.5 s for 1 MB of text and 50 s for 4 MB), so a page with more text
// gets analyze.ErrTooLarge rather than a wait. News pages hold well under
// 200 kB.
const DefaultMaxText = 1 << 20

// Option configures an Analyzer; see New.
type Option func(*options)

type options struct {
	an       *analyze.Analyzer
	maxBytes int
	maxText  int
	fallback bool
	err      error
}

// WithAnalyzer sets the Analyzer that analyses the extracted text (default:
// analyze.New() with default options).
func WithAnalyzer(a *analyze.Analyzer) Option {
	return func(o *options) {
		if a == nil {
			o.err = fmt.Errorf("%w: nil analyzer", ErrBadOption)
		}
		o.an = a
	}
}

// WithMaxBytes sets the size limit of a page in bytes (default
// DefaultMaxBytes).
func WithMaxBytes(n int) Option {
	return func(o *options) {
		if n <= 0 {
			o.err = fmt.Errorf("%w: max bytes %d <= 0", ErrBadOption, n)
		}
		o.maxBytes = n
	}
}

// WithMaxText sets the limit of a page's text in bytes (default
// DefaultMaxText).
func WithMaxText(n int) Option {
	return func(o *options) {
		if n <= 0 {
			o.err = fmt.Errorf("%w: max text %d <= 0", ErrBadOption, n)
		}
		o.maxText = n
	}
}

// WithoutFallback switches go-trafilatura's fallback extractors
// (readability and DOM distiller, compared with its own result) off: a
// little faster, a little less accurate.
func WithoutFallback() Option { return func(o *options) { o.fallback = false } }

// Analyzer extracts and analyses web pages.
//
// # Concurrency
//
// An Analyzer is immutable after New and safe for concurrent use.
type Analyzer struct {
	opt options
}

// New builds an Analyzer.
func New(opts ...Option) (*Analyzer, error) {
	o := options{maxBytes: DefaultMaxBytes, maxText: DefaultMaxText, fallback: true}
	for _, fn := range opts {
		if fn != nil {
			fn(&o)
		}
	}
	if o.err != nil {
		return nil, o.err
	}
	if o.an == nil {
		an, err := analyze.New()
		if err != nil {
			return nil, err
		}
		o.an = an
	}
	return &Analyzer{opt: o}, nil
}

var defaultAnalyzer = sync.OnceValues(func() (*Analyzer, error) { return New() })

// AnalyzeHTML analyses a page with the default Analyzer (built on first
// use); see Analyzer.AnalyzeHTML.
func AnalyzeHTML(ctx context.Context, page, pageURL string) (*analyze.Document, error) {
	a, err := defaultAnalyzer()
	if err != nil {
		return nil, err
	}
	return a.AnalyzeHTML(ctx, page, pageURL)
}

// Extract extracts a page's main text and metadata with the default
// Analyzer; see Analyzer.Extract.
func Extract(ctx context.Context, page, pageURL string) (*Page, error) {
	a, err := defaultAnalyzer()
	if err != nil {
		return nil, err
	}
	return a.Extract(ctx, page, pageURL)
}

// Page is the main content of a web page.
type Page struct {
	// Text is the extracted main text: headings, paragraphs, list items
	// and table rows each on a line of their own, blank lines between
	// paragraphs. It is what Document.Text carries.
	Text string
	// Meta is what the page says about itself.
	Meta analyze.Meta
}

// AnalyzeHTML extracts the main text of page (an HTML document; pageURL is
// where it was fetched from, "" when unknown) and analyses it with the
// Analyzer's analyze.Analyzer. The Document carries the extracted text as
// Text, and every offset in it indexes that text; Meta holds the page's
// title, author, date, site name and URL where it has them.
//
// The extractor keeps some residue (ad labels, share prompts, "Lesen Sie
// auch", captions); the analyze stage marks it as boilerplate like any
// other. A page without article text (nothing extracted, or nothing but
// boilerplate) gives a Document without body sentences and the warning
// analyze.WarnNoArticle. Binary input gets ErrNotHTML, input over
// the size limit analyze.ErrTooLarge; the context is checked before and
// after extraction, and a cancelled context returns at once.
func (a *Analyzer) AnalyzeHTML(ctx context.Context, page, pageURL string) (*analyze.Document, error) {
	p, err := a.Extract(ctx, page, pageURL)
	if err != nil {
		return nil, err
	}
	doc, err := a.opt.an.AnalyzeExtracted(ctx, p.Text)
	if err != nil {
		return nil, err
	}
	doc.Text = p.Text
	meta := p.Meta
	doc.Meta = &meta
	body := false
	for _, s := range doc.Sentences {
		body = body || !s.Boilerplate
	}
	if !body {
		doc.Warnings = append(doc.Warnings, analyze.WarnNoArticle)
	}
	return doc, nil
}

// Extract returns the main text and metadata of page. A page without
// article text gives a Page with empty Text and no error.
func (a *Analyzer) Extract(ctx context.Context, page, pageURL string) (*Page, error) {
	if len(page) > a.opt.maxBytes {
		return nil, fmt.Errorf("webpage: %d bytes > %d: %w", len(page), a.opt.maxBytes, analyze.ErrTooLarge)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src, err := toUTF8(page)
	if err != nil {
		return nil, err
	}
	type result struct {
		p   *Page
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- result{err: fmt.Errorf("%w: %v", ErrExtract, r)}
			}
		}()
		p, err := a.extract(src, pageURL)
		ch <- result{p, err}
	}()
	select {
	case r := <-ch:
		return r.p, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (a *Analyzer) extract(src, pageURL string) (*Page, error) {
	opts := trafilatura.Options{
		EnableFallback: a.opt.fallback,
		// the publication date from the page's metadata and markup,
		// without the slow free-text date parser
		HtmlDateMode: trafilatura.Fast,
	}
	if u, err := nurl.Parse(pageURL); err == nil && pageURL != "" && u.IsAbs() {
		opts.OriginalURL = u
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotHTML, err)
	}
	if n := textBytes(doc, a.opt.maxText); n > a.opt.maxText {
		return nil, fmt.Errorf("webpage: more than %d bytes of text: %w", a.opt.maxText, analyze.ErrTooLarge)
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	p := &Page{}
	if err != nil || res == nil {
		// no main text (a page of navigation, an empty page): not an
		// error of the caller's
		p.Meta.URL = pageURL
		return p, nil
	}
	p.Text = renderText(res.ContentNode)
	m := res.Metadata
	p.Meta = analyze.Meta{
		Title:    clean(m.Title),
		Author:   clean(m.Author),
		Sitename: clean(m.Sitename),
		URL:      m.URL,
		Date:     isoDate(m.Date),
	}
	if p.Meta.URL == "" {
		p.Meta.URL = pageURL
	}
	return p, nil
}

// textBytes counts the bytes of the text nodes of n outside scripts and
// styles, stopping once past limit.
func textBytes(n *html.Node, limit int) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && total <= limit; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				total += len(c.Data)
			case html.ElementNode:
				if c.Data != "script" && c.Data != "style" && c.Data != "template" {
					walk(c)
				}
			case html.DocumentNode:
				walk(c)
			}
		}
	}
	walk(n)
	return total
}

// isoDate formats a date as ISO 8601: the day alone when the page gives
// no time of day.
func isoDate(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// clean collapses white space and drops invalid UTF-8 from a metadata
// field.
func clean(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "")), " ")
}

// LooksLikeHTML reports whether s looks like markup rather than plain text:
// it starts (after white space and a byte-order mark) with a doctype, a
// comment or a tag, or holds one of the tags that every page has. The CLI
// uses it to pick HTML or text input.
func LooksLikeHTML(s string) bool {
	head := s[:min(len(s), 4096)]
	t := strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(head, " \t\r\n"), "\ufeff"), " \t\r\n")
	if strings.HasPrefix(t, "<") && len(t) > 1 {
		c := t[1]
		if c == '!' || c == '?' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	l := strings.ToLower(head)
	for _, tag := range []string{"<html", "<body", "<head", "<!doctype html", "<div", "<p>", "<article"} {
		if strings.Contains(l, tag) {
			return true
		}
	}
	return false
}

// toUTF8 returns page as UTF-8. Valid UTF-8 is kept; other bytes are
// decoded in the character set of a byte-order mark or a <meta charset>,
// else windows-1252 (the HTML standard's default). Binary data (a NUL byte or
// another control byte in the first 1024 bytes, or a format that
// http.DetectContentType knows) is ErrNotHTML.
func toUTF8(page string) (string, error) {
	head := []byte(page[:min(len(page), 1024)])
	for _, c := range head {
		if c < 0x09 || c == 0x0b || c > 0x0d && c < 0x20 && c != 0x1b {
			return "", fmt.Errorf("%w: control byte %#02x", ErrNotHTML, c)
		}
	}
	if ct := http.DetectContentType(head); !strings.HasPrefix(ct, "text/") {
		return "", fmt.Errorf("%w: looks like %s", ErrNotHTML, ct)
	}
	if utf8.ValidString(page) {
		return page, nil // valid UTF-8 is taken as it is, whatever it declares
	}
	enc, name, _ := charset.DetermineEncoding(head, "text/html")
	if name == "utf-8" {
		return strings.ToValidUTF8(page, "\uFFFD"), nil
	}
	b, err := enc.NewDecoder().Bytes([]byte(page))
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrNotHTML, err)
	}
	return string(b), nil
}
