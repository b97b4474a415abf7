package trends

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"
)

// ErrBadState is returned by UnmarshalBinary for bytes that are not an aggregate this
// version wrote.
var ErrBadState = errors.New("trends: malformed aggregate")

// wireVersion is the version of the wire format; UnmarshalBinary rejects any other.
const wireVersion = 1

// wireState is an Aggregator's wire form: JSON with every map written as a list sorted by
// its key, so that the same aggregate always gives the same bytes.
type wireState struct {
	Version      int     `json:"version"`
	Period       Period  `json:"period"`
	Capacity     int     `json:"capacity"`
	PairEntities int     `json:"pair_entities"`
	DocumentIDs  int     `json:"document_ids"`
	Top          int     `json:"top"`
	SurgeWindow  int     `json:"surge_window"`
	SurgeZ       float64 `json:"surge_z"`
	SurgeMinDocs int     `json:"surge_min_documents"`
	MinSupport   int     `json:"min_support"`

	Documents  int64             `json:"documents"`
	Undated    int64             `json:"undated"`
	UndatedIDs []string          `json:"undated_ids"`
	Entities   wireTable[string] `json:"entities"`
	Pairs      wireTable[pair]   `json:"pairs"`
	Themes     []wireTheme       `json:"themes"`
	Periods    []wirePeriod      `json:"periods"`
}

type wireTable[K comparable] struct {
	Level  int           `json:"level"`
	Keys   []wireCell[K] `json:"keys"`
	Sketch []uint32      `json:"sketch"` // null at level 0
}

type wireCell[K comparable] struct {
	Key K        `json:"k"`
	N   int64    `json:"n"`
	Top int      `json:"top"`
	Rep *wireRep `json:"r,omitempty"`
}

// wireRep is an entity's representative; its level is the key's top level.
type wireRep struct {
	Name string `json:"n"`
	Type string `json:"t"`
}

type wireTheme struct {
	ID        string            `json:"id"`
	Documents int64             `json:"documents"`
	Label     string            `json:"label"`
	Actors    wireTable[string] `json:"actors"`
	Entities  wireTable[string] `json:"entities"`
}

type wirePeriod struct {
	Start     string            `json:"start"`
	Documents int64             `json:"documents"`
	Entities  wireTable[string] `json:"entities"`
	Themes    []wirePeriodTheme `json:"themes"`
}

type wirePeriodTheme struct {
	ID        string            `json:"id"`
	Documents int64             `json:"documents"`
	Actors    wireTable[string] `json:"actors"`
	Top       []wireScored      `json:"top"`
}

type wireScored struct {
	Score float64 `json:"score"`
	ID    string  `json:"id"`
}

func toWire[K comparable](t *table[K], compare func(a, b K) int) wireTable[K] {
	w := wireTable[K]{Level: t.level, Keys: make([]wireCell[K], 0, len(t.m))}
	for k, c := range t.m {
		wc := wireCell[K]{Key: k, N: c.n, Top: c.top}
		if c.rep.ok {
			wc.Rep = &wireRep{Name: c.rep.name, Type: c.rep.typ}
		}
		w.Keys = append(w.Keys, wc)
	}
	slices.SortFunc(w.Keys, func(a, b wireCell[K]) int { return compare(a.Key, b.Key) })
	if t.sketch != nil {
		w.Sketch = t.sketch.c
	}
	return w
}

// MarshalBinary implements encoding.BinaryMarshaler: the aggregate and its settings, for
// shipping partial aggregates between workers (a Beam accumulator, a file per shard). The
// encoding is versioned JSON; the same aggregate always gives the same bytes.
func (a *Aggregator) MarshalBinary() ([]byte, error) {
	a.init()
	w := wireState{
		Version: wireVersion, Period: a.cfg.period, Capacity: a.cfg.capacity,
		PairEntities: a.cfg.pairEntities, DocumentIDs: a.cfg.documentIDs, Top: a.cfg.top,
		SurgeWindow: a.cfg.surgeWindow, SurgeZ: a.cfg.surgeZ, SurgeMinDocs: a.cfg.surgeMinDocs,
		MinSupport: a.cfg.minSupport,
		Documents:  a.documents, Undated: a.undated, UndatedIDs: nonNil(a.undatedIDs),
		Entities: toWire(&a.entities, strings.Compare),
		Pairs:    toWire(&a.pairs, comparePairs),
		Themes:   []wireTheme{}, Periods: []wirePeriod{},
	}
	for _, id := range slices.Sorted(maps.Keys(a.themes)) {
		t := a.themes[id]
		w.Themes = append(w.Themes, wireTheme{ID: id, Documents: t.documents, Label: t.label,
			Actors: toWire(&t.actors, strings.Compare), Entities: toWire(&t.entities, strings.Compare)})
	}
	starts := slices.Sorted(maps.Keys(a.periods))
	for _, d := range starts {
		p := a.periods[d]
		wp := wirePeriod{Start: d.String(), Documents: p.documents, Entities: toWire(&p.entities, strings.Compare), Themes: []wirePeriodTheme{}}
		for _, id := range slices.Sorted(maps.Keys(p.themes)) {
			t := p.themes[id]
			top := make([]wireScored, len(t.top))
			for i, s := range t.top {
				top[i] = wireScored{s.score, s.id}
			}
			wp.Themes = append(wp.Themes, wirePeriodTheme{ID: id, Documents: t.documents, Actors: toWire(&t.actors, strings.Compare), Top: top})
		}
		w.Periods = append(w.Periods, wp)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&w); err != nil {
		return nil, fmt.Errorf("trends: encode aggregate: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// UnmarshalBinary implements encoding.BinaryUnmarshaler: it replaces a's aggregate and
// settings by those encoded in data (as MarshalBinary wrote them). Bytes that are not such
// an aggregate give an error wrapping ErrBadState and leave a unchanged.
func (a *Aggregator) UnmarshalBinary(data []byte) error {
	var w wireState
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return fmt.Errorf("%w: %v", ErrBadState, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: data after the aggregate", ErrBadState)
	}
	b, err := fromWire(&w)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadState, err)
	}
	*a = *b
	return nil
}

func fromWire(w *wireState) (*Aggregator, error) {
	if w.Version != wireVersion {
		return nil, fmt.Errorf("version %d, want %d", w.Version, wireVersion)
	}
	cfg := config{period: w.Period, capacity: w.Capacity, pairEntities: w.PairEntities, documentIDs: w.DocumentIDs,
		top: w.Top, surgeWindow: w.SurgeWindow, surgeZ: w.SurgeZ, surgeMinDocs: w.SurgeMinDocs, minSupport: w.MinSupport}
	for _, o := range []Option{WithPeriod(cfg.period), WithCapacity(cfg.capacity), WithPairEntities(cfg.pairEntities),
		WithDocumentIDs(cfg.documentIDs), WithTop(cfg.top), WithSurge(cfg.surgeWindow, cfg.surgeZ, cfg.surgeMinDocs), WithMinSupport(cfg.minSupport)} {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if w.Documents < 0 || w.Undated < 0 || w.Undated > w.Documents {
		return nil, fmt.Errorf("documents %d, undated %d", w.Documents, w.Undated)
	}
	a := &Aggregator{cfg: cfg}
	a.init()
	a.documents, a.undated = w.Documents, w.Undated
	if !isSortedList(w.UndatedIDs, cfg.documentIDs, strings.Compare) {
		return nil, errors.New("undated_ids: not sorted or too many")
	}
	a.undatedIDs = slices.Clip(w.UndatedIDs)
	if err := fillTable(&a.entities, &w.Entities, strings.Compare, true); err != nil {
		return nil, fmt.Errorf("entities: %v", err)
	}
	if err := fillTable(&a.pairs, &w.Pairs, comparePairs, false); err != nil {
		return nil, fmt.Errorf("pairs: %v", err)
	}
	for _, p := range w.Pairs.Keys {
		if p.Key[0] >= p.Key[1] {
			return nil, fmt.Errorf("pairs: %q: not in order", p.Key)
		}
	}
	for i, wt := range w.Themes {
		if wt.ID == "" || i > 0 && w.Themes[i-1].ID >= wt.ID || wt.Documents < 1 || wt.Documents > w.Documents {
			return nil, fmt.Errorf("theme %q: bad id, order or count", wt.ID)
		}
		t := a.theme(wt.ID)
		t.documents, t.label = wt.Documents, wt.Label
		if err := fillTable(&t.actors, &wt.Actors, strings.Compare, false); err != nil {
			return nil, fmt.Errorf("theme %q actors: %v", wt.ID, err)
		}
		if err := fillTable(&t.entities, &wt.Entities, strings.Compare, false); err != nil {
			return nil, fmt.Errorf("theme %q entities: %v", wt.ID, err)
		}
	}
	var prev day
	var dated int64
	for i, wp := range w.Periods {
		t, err := time.Parse(time.DateOnly, wp.Start)
		if err != nil {
			return nil, fmt.Errorf("period %q: %v", wp.Start, err)
		}
		d := dayOf(t)
		if d < minDay || d > maxDay || cfg.period.start(d) != d || i > 0 && d <= prev || wp.Documents < 1 {
			return nil, fmt.Errorf("period %q: not a %s start, out of order or empty", wp.Start, cfg.period)
		}
		prev = d
		dated += wp.Documents
		p := a.period(d)
		p.documents = wp.Documents
		if err := fillTable(&p.entities, &wp.Entities, strings.Compare, false); err != nil {
			return nil, fmt.Errorf("period %s entities: %v", wp.Start, err)
		}
		for j, wt := range wp.Themes {
			if wt.ID == "" || j > 0 && wp.Themes[j-1].ID >= wt.ID || wt.Documents < 1 || wt.Documents > wp.Documents || a.themes[wt.ID] == nil {
				return nil, fmt.Errorf("period %s theme %q: bad id, order or count", wp.Start, wt.ID)
			}
			pt := a.periodTheme(p, wt.ID)
			pt.documents = wt.Documents
			if err := fillTable(&pt.actors, &wt.Actors, strings.Compare, false); err != nil {
				return nil, fmt.Errorf("period %s theme %q actors: %v", wp.Start, wt.ID, err)
			}
			top := make([]scored, len(wt.Top))
			for k, s := range wt.Top {
				if math.IsNaN(s.Score) {
					return nil, fmt.Errorf("period %s theme %q: NaN score", wp.Start, wt.ID)
				}
				top[k] = scored{s.Score, s.ID}
			}
			if !isSortedList(top, cfg.documentIDs, compareScored) || int64(len(top)) > wt.Documents {
				return nil, fmt.Errorf("period %s theme %q: top not sorted or too long", wp.Start, wt.ID)
			}
			pt.top = top
		}
	}
	if dated+w.Undated != w.Documents {
		return nil, fmt.Errorf("%d dated + %d undated documents != %d", dated, w.Undated, w.Documents)
	}
	return a, nil
}

// fillTable loads a wire table into an empty table, checking the invariants add keeps.
func fillTable[K comparable](t *table[K], w *wireTable[K], compare func(a, b K) int, reps bool) error {
	if w.Level < 0 || w.Level > maxLevel {
		return fmt.Errorf("level %d", w.Level)
	}
	if len(w.Keys) > t.cap {
		return fmt.Errorf("%d keys, capacity %d", len(w.Keys), t.cap)
	}
	if (w.Level > 0) != (w.Sketch != nil) {
		return fmt.Errorf("level %d with sketch %v", w.Level, w.Sketch != nil)
	}
	t.level = w.Level
	if w.Sketch != nil {
		s := newSketch(t.cap)
		if len(w.Sketch) != len(s.c) {
			return fmt.Errorf("sketch of %d counters, want %d", len(w.Sketch), len(s.c))
		}
		copy(s.c, w.Sketch)
		t.sketch = s
	}
	for i, c := range w.Keys {
		if i > 0 && compare(w.Keys[i-1].Key, c.Key) >= 0 {
			return errors.New("keys not sorted")
		}
		if c.Top < w.Level || c.Top > maxLevel || (w.Level == 0) != (c.N > 0) || c.N < 0 {
			return fmt.Errorf("key %v: count %d, top level %d at level %d", c.Key, c.N, c.Top, w.Level)
		}
		nc := &cell{n: c.N, top: c.Top}
		if (c.Rep != nil) != reps {
			return fmt.Errorf("key %v: representative present where it must not be, or missing", c.Key)
		}
		if c.Rep != nil {
			nc.rep = rep{ok: true, level: c.Top, name: c.Rep.Name, typ: c.Rep.Type}
		}
		t.m[c.Key] = nc
	}
	return nil
}

// isSortedList reports whether list is sorted and holds at most k elements.
func isSortedList[T any](list []T, k int, compare func(a, b T) int) bool {
	if len(list) > k {
		return false
	}
	for i := 1; i < len(list); i++ {
		if compare(list[i-1], list[i]) > 0 {
			return false
		}
	}
	return true
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
