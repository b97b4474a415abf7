package trends

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/techschau/techschau/analyze"
)

// Errors.
var (
	// ErrBadOption is returned by New for an invalid option value.
	ErrBadOption = errors.New("trends: invalid option")
	// ErrMismatch is returned by Merge when the two aggregates were built with different
	// periods, capacities, pair limits or id limits.
	ErrMismatch = errors.New("trends: aggregates with different settings")
)

// Defaults.
const (
	DefaultCapacity        = 1 << 16 // entity ids the corpus table counts exactly
	DefaultPairEntities    = 10      // entities per document whose pairs are counted
	DefaultDocumentIDs     = 20      // document ids kept per period and theme
	DefaultTop             = 10      // entries per list in a Report
	DefaultSurgeWindow     = 8       // trailing periods a surge is measured against
	DefaultSurgeZ          = 3.0     // z-score a surge reaches
	DefaultSurgeMinDocs    = 3       // documents carrying the theme in a surge period
	DefaultMinSupport      = 3       // documents an association needs
	minBaselineFraction    = 2       // a surge needs window/2 trailing periods
	themeCapacityDivisor   = 16      // per theme: entity and actor tables
	periodCapacityDivisor  = 64      // per period: entity table
	periodActorCapDivisor  = 256     // per period and theme: actor table
	pairCapacityMultiplier = 2       // the pair table
)

// config holds an Aggregator's settings. The first four shape the aggregate's state and
// must agree for Merge; the others only shape the Report.
type config struct {
	period       Period
	capacity     int
	pairEntities int
	documentIDs  int

	top          int
	surgeWindow  int
	surgeZ       float64
	surgeMinDocs int
	minSupport   int
}

func defaultConfig() config {
	return config{
		period:       Week,
		capacity:     DefaultCapacity,
		pairEntities: DefaultPairEntities,
		documentIDs:  DefaultDocumentIDs,
		top:          DefaultTop,
		surgeWindow:  DefaultSurgeWindow,
		surgeZ:       DefaultSurgeZ,
		surgeMinDocs: DefaultSurgeMinDocs,
		minSupport:   DefaultMinSupport,
	}
}

// stateKey is the part of the configuration that must agree for Merge.
func (c config) stateKey() [4]int {
	return [4]int{int(c.period), c.capacity, c.pairEntities, c.documentIDs}
}

// Option configures an Aggregator.
type Option func(*config) error

// WithPeriod sets the length of the periods (default Week).
func WithPeriod(p Period) Option {
	return func(c *config) error {
		if p.String() == "" {
			return fmt.Errorf("%w: period %d", ErrBadOption, p)
		}
		c.period = p
		return nil
	}
}

// WithCapacity sets how many entity ids the corpus-wide entity table counts exactly
// (default DefaultCapacity, at least 1). The other tables scale with it: the pair table
// holds 2n pairs, each theme's entity and actor tables n/16 ids, each period's entity table
// n/64 and each period's actor table per theme n/256 (each at least 1). A table that would
// hold more keys turns into a deterministic sample (see the package documentation); memory
// is bounded by n, whatever the number of documents.
func WithCapacity(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("%w: capacity %d: must be 1 or more", ErrBadOption, n)
		}
		c.capacity = n
		return nil
	}
}

// WithPairEntities sets how many of a document's entities (its first n, by salience as the
// Document lists them) form the co-occurrence pairs it counts (default 10, so at most 45
// pairs a document; 0 counts no pairs).
func WithPairEntities(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("%w: pair entities %d: must be 0 or more", ErrBadOption, n)
		}
		c.pairEntities = n
		return nil
	}
}

// WithDocumentIDs sets how many document ids are kept for each period and theme (those
// whose theme score is highest, ties by the smaller id; a surge lists them) and for the
// undated documents (the smallest ids). Default 20.
func WithDocumentIDs(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("%w: document ids %d: must be 0 or more", ErrBadOption, n)
		}
		c.documentIDs = n
		return nil
	}
}

// WithTop sets how many entries a Report lists per ranking: entities overall and per
// period, actors and associations per theme, co-occurring pairs (default 10).
func WithTop(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("%w: top %d: must be 1 or more", ErrBadOption, n)
		}
		c.top = n
		return nil
	}
}

// WithSurge sets what a surge is: a period whose share of documents carrying a theme lies
// at least z standard deviations above the mean share of the previous window periods
// (periods with documents; at least window/2 of them must exist), with at least minDocs
// documents carrying the theme. Defaults 8, 3.0, 3.
func WithSurge(window int, z float64, minDocs int) Option {
	return func(c *config) error {
		if window < 2 || !(z > 0) || minDocs < 1 {
			return fmt.Errorf("%w: surge window %d, z %g, min documents %d: want window ≥ 2, z > 0, min documents ≥ 1", ErrBadOption, window, z, minDocs)
		}
		c.surgeWindow, c.surgeZ, c.surgeMinDocs = window, z, minDocs
		return nil
	}
}

// WithMinSupport sets how many documents must carry both a theme and an entity before
// their association is reported (default 3): lift on fewer documents is mostly noise.
func WithMinSupport(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("%w: min support %d: must be 1 or more", ErrBadOption, n)
		}
		c.minSupport = n
		return nil
	}
}

// Aggregator accumulates dated Documents into the trend aggregate: documents per period,
// themes with their shares and actors per period, entities, co-occurring entity pairs and
// theme–entity associations over the corpus. Report turns it into the result.
//
// The zero Aggregator is ready to use with the default settings. An Aggregator is not safe
// for concurrent use: give each goroutine (or Beam bundle) its own and Merge them.
type Aggregator struct {
	cfg    config
	inited bool

	documents  int64
	undated    int64
	undatedIDs []string // the smallest ids of undated documents, sorted
	entities   table[string]
	pairs      table[pair]
	themes     map[string]*themeState
	periods    map[day]*periodState

	scratch scratch // per-document buffers; not part of the aggregate
}

// themeState is a theme over the whole corpus.
type themeState struct {
	documents int64
	label     string        // the smallest non-empty label seen
	actors    table[string] // documents in which the entity acts in the theme
	entities  table[string] // documents carrying the theme and mentioning the entity
}

// periodState is one period.
type periodState struct {
	documents int64
	entities  table[string]
	themes    map[string]*periodTheme
}

// periodTheme is a theme in one period.
type periodTheme struct {
	documents int64
	actors    table[string]
	top       []scored // the best-scoring documents, best first
}

// scored is a document id with its theme score.
type scored struct {
	score float64
	id    string
}

// compareScored orders by score descending, then id.
func compareScored(a, b scored) int {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	return strings.Compare(a.id, b.id)
}

// entityOcc is one distinct entity of the document being added.
type entityOcc struct {
	id    string
	rep   rep
	hash  uint64 // hashKey(id)
	level int    // the occurrence's level
}

type scratch struct {
	ents     []entityOcc
	index    map[string]int // entity id -> index in ents
	themes   []string
	themeIdx []int
	actors   []string
}

// New returns an Aggregator with the given options, or an error wrapping ErrBadOption.
func New(opts ...Option) (*Aggregator, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	a := &Aggregator{cfg: cfg}
	a.init()
	return a, nil
}

// init sets up a zero Aggregator with the default settings.
func (a *Aggregator) init() {
	if a.inited {
		return
	}
	if a.cfg.period == 0 {
		a.cfg = defaultConfig()
	}
	a.inited = true
	a.entities = newTable(a.cfg.capacity, hashKey)
	a.pairs = newTable(a.cfg.capacity*pairCapacityMultiplier, hashPair)
	a.themes = make(map[string]*themeState)
	a.periods = make(map[day]*periodState)
}

func (a *Aggregator) theme(id string) *themeState {
	t := a.themes[id]
	if t == nil {
		n := a.cfg.capacity / themeCapacityDivisor
		t = &themeState{actors: newTable(n, hashKey), entities: newTable(n, hashKey)}
		a.themes[id] = t
	}
	return t
}

func (a *Aggregator) period(start day) *periodState {
	p := a.periods[start]
	if p == nil {
		p = &periodState{entities: newTable(a.cfg.capacity/periodCapacityDivisor, hashKey), themes: make(map[string]*periodTheme)}
		a.periods[start] = p
	}
	return p
}

func (a *Aggregator) periodTheme(p *periodState, id string) *periodTheme {
	t := p.themes[id]
	if t == nil {
		t = &periodTheme{actors: newTable(a.cfg.capacity/periodActorCapDivisor, hashKey)}
		p.themes[id] = t
	}
	return t
}

// Add counts one document. id identifies it (it decides which occurrences a full table
// keeps, breaks ties, and is what a surge lists); date is its publication date, read in its
// own location (a zero date, or one outside the years 1 to 9999, makes the document
// undated: it counts in the corpus figures but in no period). A nil doc counts as a
// document without entities or themes.
//
// Each distinct entity id counts once per document, each distinct theme id once, each actor
// once per theme; entities and themes with an empty id are ignored.
func (a *Aggregator) Add(id string, date time.Time, doc *analyze.Document) {
	a.init()
	a.documents++
	seed := docSeed(id)
	ents := a.distinctEntities(seed, doc)
	themes := a.distinctThemes(doc)

	for i := range ents {
		e := &ents[i]
		a.entities.add(e.id, e.hash, e.level, &e.rep)
	}
	for i := range min(len(ents), a.cfg.pairEntities) {
		for j := i + 1; j < min(len(ents), a.cfg.pairEntities); j++ {
			p := pair{ents[i].id, ents[j].id}
			if p[1] < p[0] {
				p[0], p[1] = p[1], p[0]
			}
			ph := hashPair(p)
			a.pairs.add(p, ph, levelOf(seed, ph), nil)
		}
	}

	var per *periodState
	if d, ok := validDay(date); ok {
		per = a.period(a.cfg.period.start(d))
		per.documents++
		for i := range ents {
			per.entities.add(ents[i].id, ents[i].hash, ents[i].level, nil)
		}
	} else {
		a.undated++
		a.undatedIDs = insertSorted(a.undatedIDs, id, a.cfg.documentIDs, strings.Compare)
	}

	for _, ti := range themes {
		th := &doc.Themes[ti]
		ts := a.theme(th.ID)
		ts.documents++
		if th.Label != "" && (ts.label == "" || th.Label < ts.label) {
			ts.label = th.Label
		}
		for i := range ents {
			ts.entities.add(ents[i].id, ents[i].hash, ents[i].level, nil)
		}
		var pt *periodTheme
		if per != nil {
			pt = a.periodTheme(per, th.ID)
			pt.documents++
			pt.top = insertSorted(pt.top, scored{th.Score, id}, a.cfg.documentIDs, compareScored)
		}
		for _, actor := range a.distinctActors(th) {
			kh, lvl := a.entityHash(seed, actor)
			ts.actors.add(actor, kh, lvl, nil)
			if pt != nil {
				pt.actors.add(actor, kh, lvl, nil)
			}
		}
	}
}

// distinctEntities lists doc's distinct entity ids in document order with their levels.
func (a *Aggregator) distinctEntities(seed uint64, doc *analyze.Document) []entityOcc {
	s := &a.scratch
	s.ents = s.ents[:0]
	if s.index == nil {
		s.index = make(map[string]int)
	}
	clear(s.index)
	if doc == nil {
		return nil
	}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.ID == "" {
			continue
		}
		if _, dup := s.index[e.ID]; dup {
			continue
		}
		s.index[e.ID] = len(s.ents)
		kh := hashKey(e.ID)
		s.ents = append(s.ents, entityOcc{id: e.ID, rep: rep{name: e.Name, typ: e.Type.String()}, hash: kh, level: levelOf(seed, kh)})
	}
	return s.ents
}

// entityHash returns the hash of entity id and its level in the current document,
// computed once per document for the document's entities.
func (a *Aggregator) entityHash(seed uint64, id string) (uint64, int) {
	if i, ok := a.scratch.index[id]; ok {
		return a.scratch.ents[i].hash, a.scratch.ents[i].level
	}
	kh := hashKey(id)
	return kh, levelOf(seed, kh)
}

// distinctThemes returns the indexes into doc.Themes of its distinct, non-empty theme ids.
func (a *Aggregator) distinctThemes(doc *analyze.Document) []int {
	if doc == nil {
		return nil
	}
	s := &a.scratch
	s.themes, s.themeIdx = s.themes[:0], s.themeIdx[:0]
	for i := range doc.Themes {
		id := doc.Themes[i].ID
		if id == "" || slices.Contains(s.themes, id) {
			continue
		}
		s.themes = append(s.themes, id)
		s.themeIdx = append(s.themeIdx, i)
	}
	return s.themeIdx
}

// distinctActors returns th's distinct, non-empty actor ids.
func (a *Aggregator) distinctActors(th *analyze.Theme) []string {
	s := &a.scratch
	s.actors = s.actors[:0]
	for _, id := range th.Actors {
		if id != "" && !slices.Contains(s.actors, id) {
			s.actors = append(s.actors, id)
		}
	}
	return s.actors
}

// insertSorted inserts v into the sorted list, keeping at most k elements.
func insertSorted[T any](list []T, v T, k int, compare func(a, b T) int) []T {
	i, _ := slices.BinarySearchFunc(list, v, compare)
	if i >= k {
		return list
	}
	list = slices.Insert(list, i, v)
	if len(list) > k {
		list = list[:k]
	}
	return list
}

// mergeSorted merges two sorted lists, keeping the first k elements.
func mergeSorted[T any](a, b []T, k int, compare func(a, b T) int) []T {
	out := make([]T, 0, min(len(a)+len(b), k))
	for len(out) < k && (len(a) > 0 || len(b) > 0) {
		if len(b) == 0 || len(a) > 0 && compare(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return out
}

// Merge adds the documents aggregated in o to a, as if they had been added to a: for any
// split of a corpus into parts A and B, aggregating A, aggregating B and merging gives the
// same aggregate, and the same Report, as aggregating the whole corpus (the package
// documentation explains why this holds exactly). o is not changed. Both must have been
// built with the same period, capacity, pair limit and id limit, or Merge returns an error
// wrapping ErrMismatch and leaves a unchanged; the Report settings (top, surge, support)
// of a are kept.
func (a *Aggregator) Merge(o *Aggregator) error {
	a.init()
	if o == a {
		c, err := a.clone()
		if err != nil {
			return err
		}
		o = c
	}
	o.init()
	if a.cfg.stateKey() != o.cfg.stateKey() {
		return fmt.Errorf("%w: %s/%d/%d/%d and %s/%d/%d/%d (period/capacity/pair entities/document ids)", ErrMismatch,
			a.cfg.period, a.cfg.capacity, a.cfg.pairEntities, a.cfg.documentIDs,
			o.cfg.period, o.cfg.capacity, o.cfg.pairEntities, o.cfg.documentIDs)
	}
	a.documents += o.documents
	a.undated += o.undated
	a.undatedIDs = mergeSorted(a.undatedIDs, o.undatedIDs, a.cfg.documentIDs, strings.Compare)
	a.entities.merge(&o.entities)
	a.pairs.merge(&o.pairs)
	for id, ot := range o.themes {
		t := a.theme(id)
		t.documents += ot.documents
		if ot.label != "" && (t.label == "" || ot.label < t.label) {
			t.label = ot.label
		}
		t.actors.merge(&ot.actors)
		t.entities.merge(&ot.entities)
	}
	for start, op := range o.periods {
		p := a.period(start)
		p.documents += op.documents
		p.entities.merge(&op.entities)
		for id, ot := range op.themes {
			t := a.periodTheme(p, id)
			t.documents += ot.documents
			t.actors.merge(&ot.actors)
			t.top = mergeSorted(t.top, ot.top, a.cfg.documentIDs, compareScored)
		}
	}
	return nil
}

// clone returns a deep copy of a through its wire form.
func (a *Aggregator) clone() (*Aggregator, error) {
	b, err := a.MarshalBinary()
	if err != nil {
		return nil, err
	}
	c := &Aggregator{}
	if err := c.UnmarshalBinary(b); err != nil {
		return nil, err
	}
	c.cfg = a.cfg
	return c, nil
}

// Documents returns the number of documents added (dated and undated).
func (a *Aggregator) Documents() int64 { return a.documents }
