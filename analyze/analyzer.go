package analyze

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
	"unsafe"

	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/summarize"
)

// Sentinel errors; test with errors.Is.
var (
	// ErrTooLarge is returned for input over the Analyzer's size limit.
	ErrTooLarge = errors.New("analyze: input too large")
	// ErrUnsupportedLanguage is returned for text that is neither German
	// nor English.
	ErrUnsupportedLanguage = errors.New("analyze: unsupported language")
	// ErrBadOption is returned by New for an invalid option value.
	ErrBadOption = errors.New("analyze: bad option")
)

// DefaultMaxBytes is the default input size limit (8 MiB).
const DefaultMaxBytes = 8 << 20

// DefaultThemeThreshold is the default minimum score of a listed theme.
// The default ThemeModel is calibrated so that this is the threshold
// cross-validation chose on the team's labels of real news.
const DefaultThemeThreshold = 0.5

// Option configures an Analyzer; see New.
type Option func(*options)

type options struct {
	lexicon, extraLexicon *entities.Lexicon
	themes                *Taxonomy
	themeModel            *ThemeModel
	threshold             float64
	summarySentences      int
	summarySentencesSet   bool
	summaryChars          int
	keyphrases            int
	maxBytes              int
	noEntities, noSummary bool
	noThemes, noModel     bool
	workers               int
	err                   error
}

// WithLexicon replaces the default entity lexicon.
func WithLexicon(l *entities.Lexicon) Option { return func(o *options) { o.lexicon = l } }

// WithExtraLexicon merges l into the entity lexicon.
func WithExtraLexicon(l *entities.Lexicon) Option { return func(o *options) { o.extraLexicon = l } }

// WithThemes replaces the theme taxonomy (see LoadThemes and
// DefaultThemes; Taxonomy.Merge extends one).
func WithThemes(t *Taxonomy) Option { return func(o *options) { o.themes = t } }

// WithThemeModel replaces the theme model (see DefaultThemeModel and
// LoadThemeModel).
func WithThemeModel(m *ThemeModel) Option { return func(o *options) { o.themeModel = m } }

// WithThemeThreshold sets the minimum score in (0, 1] of a listed theme
// (default DefaultThemeThreshold).
func WithThemeThreshold(f float64) Option {
	return func(o *options) {
		if !(f > 0 && f <= 1) {
			o.err = fmt.Errorf("%w: theme threshold %v not in (0,1]", ErrBadOption, f)
		}
		o.threshold = f
	}
}

// WithSummarySentences sets the number of summary sentences (default 3;
// 0 disables the summary).
func WithSummarySentences(n int) Option {
	return func(o *options) {
		if n < 0 {
			o.err = fmt.Errorf("%w: summary sentences %d < 0", ErrBadOption, n)
		}
		o.summarySentences, o.summarySentencesSet = n, true
	}
}

// WithSummaryChars sets a length budget of n characters for the summary
// (0, the default, sets none; see summarize.WithChars): as many whole
// sentences as fit, never a cut sentence, and never an empty summary — when
// the best sentence alone is longer than n, the summary is that sentence. A
// teaser is about 14 words, some 100 characters. Without
// WithSummarySentences the budget alone sets the length; with it, both
// limits hold.
func WithSummaryChars(n int) Option {
	return func(o *options) {
		if n < 0 {
			o.err = fmt.Errorf("%w: summary chars %d < 0", ErrBadOption, n)
		}
		o.summaryChars = n
	}
}

// WithKeyphrases sets the number of keyphrases (default 8; 0 disables them).
func WithKeyphrases(n int) Option {
	return func(o *options) {
		if n < 0 {
			o.err = fmt.Errorf("%w: keyphrases %d < 0", ErrBadOption, n)
		}
		o.keyphrases = n
	}
}

// WithMaxBytes sets the input size limit in bytes (default
// DefaultMaxBytes). Larger input gets ErrTooLarge.
func WithMaxBytes(n int) Option {
	return func(o *options) {
		if n <= 0 {
			o.err = fmt.Errorf("%w: max bytes %d <= 0", ErrBadOption, n)
		}
		o.maxBytes = n
	}
}

// WithoutEntities switches entity recognition off (theme entity cues then
// have no effect).
func WithoutEntities() Option { return func(o *options) { o.noEntities = true } }

// WithoutSummary switches the summary and keyphrases off.
func WithoutSummary() Option { return func(o *options) { o.noSummary = true } }

// WithoutThemes switches theme tagging off.
func WithoutThemes() Option { return func(o *options) { o.noThemes = true } }

// WithoutModel switches the statistical entity model off (lexicon and
// rules only).
func WithoutModel() Option { return func(o *options) { o.noModel = true } }

// WithWorkers sets the number of workers of Batch (default GOMAXPROCS).
func WithWorkers(n int) Option {
	return func(o *options) {
		if n <= 0 {
			o.err = fmt.Errorf("%w: workers %d <= 0", ErrBadOption, n)
		}
		o.workers = n
	}
}

// Analyzer runs the techschau pipeline. Build it once with New and share it:
//
// # Concurrency
//
// An Analyzer is immutable after New and safe for concurrent use by any
// number of goroutines.
type Analyzer struct {
	opt   options
	rec   recognizer
	recEN recognizer // lexicon only, for English text
	sum   *summarize.Summarizer
	tax   *Taxonomy
	theme *tagger
}

// New builds an Analyzer. Embedded resources (lexicon, taxonomy, model) are
// loaded once per process and shared.
func New(opts ...Option) (*Analyzer, error) {
	o := options{
		threshold:        DefaultThemeThreshold,
		summarySentences: 3,
		keyphrases:       8,
		maxBytes:         DefaultMaxBytes,
		workers:          runtime.GOMAXPROCS(0),
	}
	for _, fn := range opts {
		if fn != nil {
			fn(&o)
		}
	}
	if o.err != nil {
		return nil, o.err
	}
	a := &Analyzer{opt: o}
	if !o.noEntities {
		r, err := newRecognizer(&o, false)
		if err != nil {
			return nil, fmt.Errorf("analyze: entities: %w", err)
		}
		a.rec = r
		if a.recEN, err = newRecognizer(&o, true); err != nil {
			return nil, fmt.Errorf("analyze: entities: %w", err)
		}
	}
	if !o.noSummary && (o.summarySentences > 0 || o.keyphrases > 0) {
		n := o.summarySentences
		if n == 0 {
			n = 1
		}
		sopts := []summarize.Option{summarize.WithSentences(n)}
		if o.summaryChars > 0 {
			sopts = append(sopts[:0], summarize.WithChars(o.summaryChars))
			if o.summarySentencesSet {
				sopts = append(sopts, summarize.WithSentences(n))
			}
		}
		s, err := summarize.New(sopts...)
		if err != nil {
			return nil, fmt.Errorf("analyze: summarize: %w", err)
		}
		a.sum = s
	}
	if !o.noThemes {
		t := o.themes
		if t == nil {
			var err error
			if t, err = DefaultThemes(); err != nil {
				return nil, err
			}
		}
		m := o.themeModel
		if m == nil {
			var err error
			if m, err = DefaultThemeModel(); err != nil {
				return nil, err
			}
		}
		a.tax = t
		a.theme = newTagger(t, m)
	}
	return a, nil
}

var defaultAnalyzer = sync.OnceValues(func() (*Analyzer, error) { return New() })

// Analyze analyses text with the default Analyzer (built on first use).
func Analyze(ctx context.Context, text string) (*Document, error) {
	a, err := defaultAnalyzer()
	if err != nil {
		return nil, err
	}
	return a.Analyze(ctx, text)
}

// AnalyzeReader is like Analyze for the text read from r (see
// Analyzer.AnalyzeReader).
func AnalyzeReader(ctx context.Context, r io.Reader) (*Document, error) {
	a, err := defaultAnalyzer()
	if err != nil {
		return nil, err
	}
	return a.AnalyzeReader(ctx, r)
}

// AnalyzeReader reads r up to the size limit and analyses it. It reads at
// most limit+1 bytes: longer input gets ErrTooLarge without being read whole.
func (a *Analyzer) AnalyzeReader(ctx context.Context, r io.Reader) (*Document, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(a.opt.maxBytes)+1))
	if err != nil {
		return nil, fmt.Errorf("analyze: read: %w", err)
	}
	if len(b) > a.opt.maxBytes {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, a.opt.maxBytes)
	}
	return a.Analyze(ctx, string(b))
}

func emptyDocument() *Document {
	return &Document{
		Boilerplate: []Boilerplate{},
		Sentences:   []Sentence{},
		Entities:    []entities.Entity{},
		Themes:      []Theme{},
		Summary:     Summary{Sentences: []SummarySentence{}},
		Keyphrases:  []Keyphrase{},
	}
}

// Analyze analyses one text and returns its Document.
//
// Empty input gives an empty Document and no error; input over the size
// limit gives ErrTooLarge; text in a language other than German or English
// gives ErrUnsupportedLanguage. Invalid UTF-8 is analysed with the invalid
// bytes kept in place. The context is checked between stages.
func (a *Analyzer) Analyze(ctx context.Context, text string) (*Document, error) {
	return a.analyze(ctx, text, sourcePage, nil)
}

// AnalyzeExtracted is Analyze for the main text that an extractor took out
// of a web page by the page's structure (package webpage does so with
// go-trafilatura). The extractor has already left out the page's
// navigation and teaser lists, so the boilerplate stage marks only units
// with furniture signals of their own (ad labels, share and newsletter
// prompts, captions and credits, "Lesen Sie auch"), and no unit merely for
// standing outside the article's run of prose: the lists, tables and
// recipe steps that such a text keeps are content.
func (a *Analyzer) AnalyzeExtracted(ctx context.Context, text string) (*Document, error) {
	return a.analyze(ctx, text, sourceExtracted, nil)
}

// analyze is Analyze for a text from src; with feats != nil it also stores
// the theme features of the text there (ThemeFeatures).
func (a *Analyzer) analyze(ctx context.Context, text string, src source, feats *[]ThemeFeatures) (*Document, error) {
	if len(text) > a.opt.maxBytes {
		return nil, fmt.Errorf("%w: %d bytes > %d", ErrTooLarge, len(text), a.opt.maxBytes)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := emptyDocument()
	if isBlank(text) {
		return doc, nil
	}
	lang := detectLanguage(text)
	if lang == "" {
		return nil, ErrUnsupportedLanguage
	}
	doc.Language = lang

	segBuf := getSegmented()
	// A stage that ctx abandoned may still read seg: only an Analyze that
	// was not cancelled gives its buffer back.
	defer func() {
		if ctx.Err() == nil {
			putSegmented(segBuf)
		}
	}()
	seg, err := segment(ctx, text, segBuf)
	if err != nil {
		return nil, err
	}
	stop := func() bool { return ctx.Err() != nil }
	// the boilerplate and theme stages run inline and share the scratch
	sc := getScratch()
	defer putScratch(sc)
	sc.low.reset(text)
	bp := findBoilerplateLower(seg, &sc.low, &sc.bp, src, stop)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc.Boilerplate = bp.blocks
	if bp.majority {
		doc.Warnings = append(doc.Warnings, WarnBoilerplateMajority)
	}
	doc.Sentences = make([]Sentence, len(seg.Sentences))
	for i, s := range seg.Sentences {
		doc.Sentences[i] = Sentence{Start: s.Start, End: s.End, Text: text[s.Start:s.End], Boilerplate: bp.sent[i]}
	}
	// use and exclude also stop the long stages once ctx is cancelled
	use := func(i int) bool { return i >= 0 && i < len(bp.skip) && !bp.skip[i] && ctx.Err() == nil }
	exclude := func(i int) bool { return !use(i) }

	dl := findDateline(seg, bp.skip)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// Entities (the use func stops the recognizer on cancellation).
	if lang == "en" {
		if a.recEN != nil {
			lex, err := runStage(ctx, func() []entities.Entity { return a.recEN.RecognizeSegmented(seg, use) })
			if err != nil {
				return nil, err
			}
			doc.Entities = mergeEnglish(lex, englishEntities(text, seg, bp.skip, stop))
		}
	} else if a.rec != nil {
		ents, err := runStage(ctx, func() []entities.Entity { return a.rec.RecognizeSegmented(seg, use) })
		if err != nil {
			return nil, err
		}
		doc.Entities = dropSourceEntities(ents, dl)
	}
	if doc.Entities == nil {
		doc.Entities = []entities.Entity{}
	}
	if dl != nil {
		linkPlaces(dl, text, doc.Entities)
		doc.Dateline = dl
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// Themes.
	if a.theme != nil {
		var skip german.Span
		if dl != nil {
			skip = german.Span{Start: dl.Start, End: dl.End}
		}
		doc.Themes = a.theme.tagLower(seg, &sc.low, bp.skip, doc.Entities, a.opt.threshold, lang, skip, stop)
		if feats != nil && lang == "de" {
			*feats = a.theme.themeFeatures(seg, &sc.low, bp.skip, doc.Entities, skip)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// Summary and keyphrases.
	if a.sum != nil {
		_, err := runStage(ctx, func() bool {
			h := summaryHints(seg, exclude, doc.Entities, dl)
			var sum summarize.Summary
			var kp []summarize.Keyphrase
			switch {
			case a.opt.summarySentences > 0 && a.opt.keyphrases > 0:
				sum, kp = a.sum.SummarizeAndKeyphrases(seg, h, a.opt.keyphrases)
			case a.opt.summarySentences > 0:
				sum = a.sum.SummarizeSegmented(seg, h)
			default:
				kp = a.sum.Keyphrases(seg, h, a.opt.keyphrases)
			}
			doc.Summary.Sentences = make([]SummarySentence, 0, len(sum.Sentences))
			for _, x := range sum.Sentences {
				doc.Summary.Sentences = append(doc.Summary.Sentences, SummarySentence{Start: x.Start, End: x.End, Text: x.Text, Score: round(x.Score)})
			}
			doc.Keyphrases = make([]Keyphrase, 0, len(kp))
			for _, k := range kp {
				doc.Keyphrases = append(doc.Keyphrases, Keyphrase{Text: k.Text, Score: round(k.Score)})
			}
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	if lang == "en" && a.sum != nil && a.opt.keyphrases > 0 {
		doc.Keyphrases = englishKeyphrases(seg, bp.skip, a.opt.keyphrases)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return doc, nil
}

// scratch is the working memory of the stages Analyze runs inline
// (boilerplate, themes); it is pooled, so a text is lower-cased and its
// lines are stored without allocating.
type scratch struct {
	low lowerText
	bp  bpScratch
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(sc *scratch) {
	sc.low.text = ""
	if cap(sc.low.low) > 1<<20 || cap(sc.bp.units) > 1<<14 || cap(sc.bp.keys) > 1<<16 {
		return // keep no memory of an outsized document
	}
	scratchPool.Put(sc)
}

// segmentedPool keeps the sentence and token arrays of segmented texts for
// the next Analyze: a German article's tokens take more memory than all
// else Analyze allocates.
var segmentedPool = sync.Pool{New: func() any { return new(german.Segmented) }}

func getSegmented() *german.Segmented { return segmentedPool.Get().(*german.Segmented) }

func putSegmented(seg *german.Segmented) {
	if len(seg.Tokens()) > 1<<16 {
		return // keep no memory of an outsized document
	}
	seg.Text = ""
	segmentedPool.Put(seg)
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\v', '\f':
		default:
			return false
		}
	}
	return true
}

// round rounds to 4 decimals so that JSON stays short and stable.
func round(f float64) float64 {
	if f != f { // NaN
		return 0
	}
	var buf [32]byte // formatted on the stack: round runs for every score
	b := strconv.AppendFloat(buf[:0], f, 'f', 4, 64)
	r, _ := strconv.ParseFloat(unsafe.String(unsafe.SliceData(b), len(b)), 64)
	return r
}

func quote(s string) string { return strconv.Quote(s) }

// runStage runs fn and returns its result, or ctx.Err() as soon as ctx is
// done (fn then finishes in the background; its use/exclude callbacks see
// the cancellation and skip the remaining sentences). Without a
// cancellable context fn runs inline.
func runStage[T any](ctx context.Context, fn func() T) (T, error) {
	if ctx.Done() == nil {
		return fn(), nil
	}
	ch := make(chan T, 1)
	go func() { ch <- fn() }()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
