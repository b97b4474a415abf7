package summarize

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/sumscore"
)

// ErrInvalidOption is returned (wrapped) by [New] when an option value is out
// of range.
var ErrInvalidOption = errors.New("summarize: invalid option")

// DefaultSentences is the summary length when no length option is given.
const DefaultSentences = 3

// DefaultRedundancy is the default redundancy weight of [WithRedundancy].
const DefaultRedundancy = 0.4

// Option configures a [Summarizer]; see [New].
type Option func(*options)

type options struct {
	sentences    int
	sentencesSet bool
	ratio        float64
	ratioSet     bool
	maxChars     int
	maxCharsSet  bool
	chars        int
	charsSet     bool
	redundancy   float64
	model        *sumscore.Model
}

// WithSentences sets the number of summary sentences (n ≥ 1; default
// [DefaultSentences]). Together with [WithRatio] the smaller count wins.
func WithSentences(n int) Option {
	return func(o *options) { o.sentences, o.sentencesSet = n, true }
}

// WithRatio sets the summary length as a fraction f of the eligible
// (non-excluded, non-empty) sentences, rounded up, at least one sentence;
// 0 < f ≤ 1.
func WithRatio(f float64) Option {
	return func(o *options) { o.ratio, o.ratioSet = f, true }
}

// WithChars sets a length budget of n characters (runes, n ≥ 1): the
// summary holds as many whole sentences as fit in n characters together,
// counted as the sum of the sentences' lengths, best first (headings and
// list items only when nothing else fits).
// Sentences are never cut. When even the best sentence alone is longer
// than n (a budget of a teaser's length, about 100 characters or 14 words,
// is shorter than many news sentences), the summary is that one sentence:
// the budget shortens a summary but never empties it. Without
// [WithSentences] or [WithRatio] the budget alone sets the length (up to
// eight sentences); with them, both limits hold.
func WithChars(n int) Option {
	return func(o *options) { o.chars, o.charsSet = n, true }
}

// WithMaxChars caps the summary at n characters (runes, n ≥ 1), counted as
// the sum of the chosen sentences' lengths: a hard cap, unlike [WithChars].
// A sentence that does not fit is skipped in favour of the next best one
// that does; when no sentence fits the summary is empty. Sentences are never
// cut. It limits the length only and leaves the count to [WithSentences]
// (default [DefaultSentences]).
func WithMaxChars(n int) Option {
	return func(o *options) { o.maxChars, o.maxCharsSet = n, true }
}

// WithRedundancy sets how strongly a sentence is penalised for repeating
// content words of sentences already chosen. The set search (summaries of up
// to eight sentences) values a summary as a whole, so a repeated term adds
// nothing there anyway; with lambda > 0 it also skips a sentence whose
// content words the summary mostly (60 %) has already. Longer summaries are
// chosen greedily by maximal marginal relevance: 0 ignores redundancy, 1
// weighs it as much as relevance. 0 ≤ lambda ≤ 1, default
// [DefaultRedundancy].
func WithRedundancy(lambda float64) Option {
	return func(o *options) { o.redundancy = lambda }
}

// WithModel replaces the scorer's weights. It is for techschau's own
// fitting tool (internal/cmd/evalsum), whose model type is internal; a nil
// model keeps the default.
func WithModel(m *sumscore.Model) Option {
	return func(o *options) {
		if m != nil {
			o.model = m
		}
	}
}

//go:embed model.json
var modelJSON []byte

// defaultModel is the embedded model (model.json), parsed once.
var defaultModel = sync.OnceValues(func() (*sumscore.Model, error) {
	m, err := sumscore.ParseModel(modelJSON)
	if err != nil {
		return nil, fmt.Errorf("summarize: model.json: %w", err)
	}
	return &m, nil
})

// Summarizer picks the most informative sentences of a German text.
//
// A Summarizer is immutable after [New] and safe for concurrent use by
// multiple goroutines. It keeps a few per-call scratch spaces (at most two
// per GOMAXPROCS) for reuse; each caches the stems of up to about 130,000
// distinct words, so a busy Summarizer holds some megabytes.
type Summarizer struct {
	o    options
	pool chan *scratch // free scratch spaces; a channel, not a sync.Pool, so that the stem caches survive garbage collections
}

// getScratch takes a free scratch space or makes one.
func (s *Summarizer) getScratch() *scratch {
	select {
	case sc := <-s.pool:
		return sc
	default:
		return newScratch()
	}
}

// putScratch returns sc for reuse, or drops it when enough are kept.
func (s *Summarizer) putScratch(sc *scratch) {
	select {
	case s.pool <- sc:
	default:
	}
}

// New returns a Summarizer configured by opts. It returns an error wrapping
// [ErrInvalidOption] when an option is out of range.
func New(opts ...Option) (*Summarizer, error) {
	o := options{sentences: DefaultSentences, redundancy: DefaultRedundancy}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	if o.model == nil {
		m, err := defaultModel()
		if err != nil {
			return nil, err
		}
		o.model = m
	}
	switch {
	case o.sentencesSet && o.sentences < 1:
		return nil, fmt.Errorf("%w: WithSentences(%d): need at least 1", ErrInvalidOption, o.sentences)
	case o.ratioSet && !(o.ratio > 0 && o.ratio <= 1):
		return nil, fmt.Errorf("%w: WithRatio(%v): need 0 < f ≤ 1", ErrInvalidOption, o.ratio)
	case o.maxCharsSet && o.maxChars < 1:
		return nil, fmt.Errorf("%w: WithMaxChars(%d): need at least 1", ErrInvalidOption, o.maxChars)
	case o.charsSet && o.chars < 1:
		return nil, fmt.Errorf("%w: WithChars(%d): need at least 1", ErrInvalidOption, o.chars)
	case !(o.redundancy >= 0 && o.redundancy <= 1):
		return nil, fmt.Errorf("%w: WithRedundancy(%v): need 0 ≤ lambda ≤ 1", ErrInvalidOption, o.redundancy)
	}
	return &Summarizer{o: o, pool: make(chan *scratch, max(2, 2*runtime.GOMAXPROCS(0)))}, nil
}

// Sentence is one summary sentence: a span of the original text with its
// score. Invariant: text[Start:End] == Text.
type Sentence struct {
	Start int     `json:"start"` // byte offset of the first byte
	End   int     `json:"end"`   // byte offset after the last byte
	Text  string  `json:"text"`  // the original text of the span
	Score float64 `json:"score"` // relevance in (0,1], 1 for the best sentence of the text
}

// Summary is an extractive summary: sentences of the text in article order.
type Summary struct {
	Sentences []Sentence `json:"sentences"`
}

// Keyphrase is a phrase that characterises a text, in one of its original
// surface forms.
type Keyphrase struct {
	Text  string  `json:"text"`
	Score float64 `json:"score"` // in (0,1], 1 for the best phrase
}

// Hints carries what the caller knows about a [german.Segmented]: about its
// sentences by index, its entities and its headline. Zero fields mean "no
// hint".
type Hints struct {
	// Exclude reports whether sentence i must never be chosen and must not
	// count as content (boilerplate, navigation, job ads).
	Exclude func(i int) bool
	// Boost returns extra relevance for sentence i, typically in [0,1]
	// (theme evidence, say); 0 means none. Negative values lower the
	// sentence's chances.
	Boost func(i int) float64
	// Entities are the text's named entities with their salience in [0,1]
	// (1 for the most salient) and their mentions: a summary's value grows
	// with the salience of the distinct entities it mentions. The pipeline
	// (package analyze) passes those of package entities.
	Entities []EntityHint
	// Skip is a byte span of seg.Text whose words do not count, such as a
	// dateline ("Wien – "): the sentence around it is scored without them
	// and reported whole.
	Skip german.Span
	// Headline is the byte span of seg.Text that holds the headline, for
	// example the text before a dateline. Its sentences are never chosen;
	// a summary gains from each distinct term it shares with them. When it
	// is empty, the first line of the text (the sentences up to the first
	// line break) is taken as the headline if it reads as one: at most 25
	// words, more text after it, no dateline in it, and no full stop at its
	// end (a headline or kicker ends with no punctuation, "?", "!", ":" or
	// an ellipsis; a lead paragraph of one sentence ends with a full stop).
	Headline german.Span
}

// EntityHint is one entity of [Hints].Entities.
type EntityHint struct {
	Salience float64       // in [0,1]; other values are clamped, NaN counts 0
	Mentions []german.Span // byte spans into seg.Text
}

// Summarize segments text and summarises it with no hints. It returns what
// SummarizeSegmented(german.Segment(text), Hints{}) returns, but streams the
// sentences ([german.SegmentSeq]) instead of keeping all tokens, which
// makes a long text cheaper per byte.
func (s *Summarizer) Summarize(text string) Summary {
	sc := s.getScratch()
	defer s.putScratch(sc)
	defer sc.reset()
	sc.loadText(text)
	return s.summary(sc, text, Hints{})
}

// SummarizeSegmented summarises an already segmented text. Sentence spans
// are taken from seg as given, so a caller may shorten a sentence (for
// example to leave out a dateline); tokens outside a sentence's span are
// ignored. Sentences that h excludes are never chosen. The result is in
// article order; its offsets are into seg.Text.
func (s *Summarizer) SummarizeSegmented(seg *german.Segmented, h Hints) Summary {
	out := Summary{Sentences: []Sentence{}}
	if seg == nil || len(seg.Sentences) == 0 {
		return out
	}
	sc := s.getScratch()
	defer s.putScratch(sc)
	defer sc.reset()
	sc.load(seg, h, false)
	return s.summary(sc, seg.Text, h)
}

// SummarizeAndKeyphrases returns what SummarizeSegmented(seg, h) and
// Keyphrases(seg, h, n) return, reading and stemming the text once.
func (s *Summarizer) SummarizeAndKeyphrases(seg *german.Segmented, h Hints, n int) (Summary, []Keyphrase) {
	if seg == nil || len(seg.Sentences) == 0 {
		return Summary{Sentences: []Sentence{}}, []Keyphrase{}
	}
	sc := s.getScratch()
	defer s.putScratch(sc)
	defer sc.reset()
	sc.load(seg, h, true)
	return s.summary(sc, seg.Text, h), sc.keyphrases(seg, h, n)
}

// summary chooses the summary sentences of a loaded scratch.
func (s *Summarizer) summary(sc *scratch, text string, h Hints) Summary {
	out := Summary{Sentences: []Sentence{}}
	if len(sc.sents) == 0 {
		return out
	}
	o := &s.o
	n := o.sentences
	countSet := o.sentencesSet || o.ratioSet
	if o.ratioSet {
		r := int(math.Ceil(o.ratio * float64(len(sc.sents))))
		r = max(r, 1)
		if !o.sentencesSet || r < n {
			n = r
		}
	}
	budget, soft := budgetFree, false
	switch {
	case o.maxCharsSet && o.charsSet:
		budget = min(o.maxChars, o.chars)
	case o.maxCharsSet:
		budget = o.maxChars
	case o.charsSet:
		budget, soft = o.chars, true
		if !countSet {
			n = beamMaxSentences
		}
	}
	sc.prepare(text, o.model, h)
	need := n // lines (headings) are taken only when fewer other sentences are left
	if !countSet && budget != budgetFree {
		need = 1
	}
	var chosen []int
	if n <= beamMaxSentences {
		chosen = sc.chooseSet(text, o.model, n, need, budget, soft, o.redundancy)
	} else {
		chosen = sc.chooseGreedy(text, n, budget, o.redundancy)
		if len(chosen) == 0 && soft {
			chosen = sc.chooseSet(text, o.model, 1, 1, budgetFree, false, o.redundancy)
		}
	}
	slices.Sort(chosen)
	out.Sentences = make([]Sentence, 0, len(chosen))
	for _, k := range chosen {
		si := &sc.sents[k]
		out.Sentences = append(out.Sentences, Sentence{
			Start: si.start, End: si.end,
			Text:  text[si.start:si.end],
			Score: max(round(si.score/sc.maxScore), 0.0001),
		})
	}
	return out
}

// Features returns the scorer's view of seg under h: the features of its
// eligible sentences and terms. It is for techschau's own fitting tool
// (internal/cmd/evalsum), whose Doc type is internal.
func (s *Summarizer) Features(seg *german.Segmented, h Hints) *sumscore.Doc {
	if seg == nil {
		return &sumscore.Doc{}
	}
	sc := s.getScratch()
	defer s.putScratch(sc)
	defer sc.reset()
	sc.load(seg, h, false)
	sc.mapEntities(h)
	sc.termStats()
	d := sc.doc()
	sc.features(seg.Text, func(k int, f *[sumscore.NSent]float64) { d.Sents[k].F = *f })
	d.Entities = slices.Clone(sc.entSal)
	return d
}

// round keeps scores short and stable in JSON.
func round(x float64) float64 {
	return math.Round(x*1e4) / 1e4
}

// runeCount counts the runes of text[start:end].
func runeCount(text string, start, end int) int {
	return utf8.RuneCountInString(text[start:end])
}
