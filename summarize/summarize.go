package summarize

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
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
	redundancy   float64
	p            params
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

// WithMaxChars caps the summary at n characters (runes, n ≥ 1), counted as
// the sum of the chosen sentences' lengths. A sentence that does not fit is
// skipped in favour of the next best one that does; when no sentence fits the
// summary is empty. Sentences are never cut.
func WithMaxChars(n int) Option {
	return func(o *options) { o.maxChars, o.maxCharsSet = n, true }
}

// WithRedundancy sets how strongly a sentence is penalised for repeating
// content words of sentences already chosen (maximal marginal relevance):
// 0 ignores redundancy, 1 weighs it as much as relevance. 0 ≤ lambda ≤ 1,
// default [DefaultRedundancy].
func WithRedundancy(lambda float64) Option {
	return func(o *options) { o.redundancy = lambda }
}

// withParams replaces the scoring parameters (tests and tuning only).
func withParams(p params) Option {
	return func(o *options) { o.p = p }
}

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
	o := options{sentences: DefaultSentences, redundancy: DefaultRedundancy, p: defaultParams}
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	switch {
	case o.sentencesSet && o.sentences < 1:
		return nil, fmt.Errorf("%w: WithSentences(%d): need at least 1", ErrInvalidOption, o.sentences)
	case o.ratioSet && !(o.ratio > 0 && o.ratio <= 1):
		return nil, fmt.Errorf("%w: WithRatio(%v): need 0 < f ≤ 1", ErrInvalidOption, o.ratio)
	case o.maxCharsSet && o.maxChars < 1:
		return nil, fmt.Errorf("%w: WithMaxChars(%d): need at least 1", ErrInvalidOption, o.maxChars)
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

// Hints carries what the caller knows about the sentences of a
// [german.Segmented], by sentence index. Nil functions mean "no hint".
type Hints struct {
	// Exclude reports whether sentence i must never be chosen and must not
	// count as content (boilerplate, navigation, job ads).
	Exclude func(i int) bool
	// Boost returns extra relevance for sentence i, typically in [0,1]
	// (entity salience, theme evidence); 0 means none. Negative values
	// lower the sentence's chances.
	Boost func(i int) float64
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
	n := s.o.sentences
	if s.o.ratioSet {
		r := int(math.Ceil(s.o.ratio * float64(len(sc.sents))))
		r = max(r, 1)
		if !s.o.sentencesSet || r < n {
			n = r
		}
	}
	sc.score(text, &s.o.p, h, n)
	maxChars := -1
	if s.o.maxCharsSet {
		maxChars = s.o.maxChars
	}
	chosen := sc.choose(text, n, maxChars, s.o.redundancy)
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

// round keeps scores short and stable in JSON.
func round(x float64) float64 {
	return math.Round(x*1e4) / 1e4
}

// runeCount counts the runes of text[start:end].
func runeCount(text string, start, end int) int {
	return utf8.RuneCountInString(text[start:end])
}
