package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// ErrModel is wrapped by every error about a malformed model file.
var ErrModel = errors.New("ner: bad model")

// magic starts a version 1 model file (read only); magic2 the current format
// (flags for quote features and word statistics, per-label biases).
const (
	magic  = "TSNER\x01"
	magic2 = "TSNER\x02"
)

// Model is a trained sequence labeller: hashed feature weights (quantised to
// int16 in the file; Tag reads them as one-byte codes, see compact) and label
// transition weights, decoded with first-order Viterbi under
// BIO constraints (an I- label only continues its own type). A Model is
// immutable after loading and safe for concurrent use.
type Model struct {
	bits  uint8
	shift uint
	hints bool
	// quotes: the model uses quote-mark features (header flag bit 1)
	quotes bool
	// trans[p+1][l] is the weight of label l after label p; row 0 is the start.
	trans [numLabels + 1][numLabels]int32
	w     []int16 // (1<<bits) rows of numLabels weights
	// codes is w as one byte per weight, an index into levels: Tag reads
	// rows from codes, half the bytes of w, so more of the table stays in
	// the CPU caches (a row read is most of a token's cost). See compact.
	codes  []uint8
	levels [256]int32
	// oBias is subtracted from the O score of every token: a positive value
	// trades precision for recall (tuned by cross-validation).
	oBias int32
	// lBias[l] is added to label l's score of every token (per-type bias,
	// tuned by cross-validation like oBias).
	lBias [numLabels]int32
	// stats holds the word statistics of the training text (nil in models
	// trained without them).
	stats *wordStats
	// scratch keeps Tag's buffers; shared by the copies WithOutsideBias and
	// WithTypeBias make, which share the weights the memos were filled from.
	scratch *scratchList
}

// OutsideBias returns the amount subtracted from every token's O score.
func (m *Model) OutsideBias() int { return int(m.oBias) }

// WithOutsideBias returns a copy of m (sharing its weights) that subtracts b
// from every token's O score: a positive b finds more names (recall up,
// precision down). Used to tune the model; m itself is not changed.
func (m *Model) WithOutsideBias(b int) *Model {
	c := *m
	c.oBias = int32(max(min(b, math.MaxInt32), math.MinInt32))
	return &c
}

//go:embed model.bin.gz
var embedded []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	m, err := Load(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model: %w", err)
	}
	return m, nil
})

// WithTypeBias returns a copy of m (sharing its weights) that adds b to the
// B- and I- scores of the type typ ("PER", "ORG", "LOC", "MISC"; others leave
// m as it is): a positive b finds more names of that type.
func (m *Model) WithTypeBias(typ string, b int) *Model {
	l, ok := TypeLabel(typ)
	if !ok {
		return m
	}
	c := *m
	v := int32(max(min(b, math.MaxInt32/4), math.MinInt32/4))
	c.lBias[l], c.lBias[l+1] = v, v
	return &c
}

// TypeBias returns the bias added to the scores of type typ (see WithTypeBias).
func (m *Model) TypeBias(typ string) int {
	l, ok := TypeLabel(typ)
	if !ok {
		return 0
	}
	return int(m.lBias[l])
}

// Default returns the embedded model, loaded once on first use.
func Default() (*Model, error) { return defaultModel() }

// Bits returns the log2 of the number of weight rows (feature buckets).
func (m *Model) Bits() int { return int(m.bits) }

// UsesHints reports whether the model was trained with gazetteer hints. A
// model trained without them ignores the hints passed to Tag.
func (m *Model) UsesHints() bool { return m.hints }

// allowed[p+1][l] says whether label l may follow label p (p = -1: sentence start).
var allowed = func() (a [numLabels + 1][numLabels]bool) {
	for p := -1; p < numLabels; p++ {
		for l := Label(0); l < numLabels; l++ {
			ok := true
			if l.IsInside() {
				ok = p >= 0 && (Label(p) == l || Label(p) == l-1)
			}
			a[p+1][l] = ok
		}
	}
	return a
}()

type scratch struct {
	x    extractor
	emit []int64
	back []uint8
	vecs []tokenVecs
	mask []uint16
	// memo remembers, per word form, its facts and the summed weights of
	// its local and neighbour features: news text repeats its words, and
	// those features are most of a token's weight lookups, each a likely
	// cache miss in a table of several MB. A scratch, and so its memo,
	// belongs to the scratchList of one weight table and word-statistics
	// table; biases are added after the memo, so the copies of a model that
	// share its weights share its scratch buffers.
	memoKeys []memoKey
	memo     []memoVal // by the index of its key
	misses   []miss
	ends     []int32          // ends of the scored tokens' pair features in x.feats
	sink     uint8            // keeps the reads of touchRows
	edge     tokenVecs        // the neighbour weights of the sentence edges
	zeroHint [numLabels]int32 // the weights of zeroHintFeatures
}

// miss is a word of the sentence being tagged that is not in the memo:
// its index, hash, and the ends of its five groups of feature hashes in
// extractor.feats (local, then neighbour at -2, -1, +1, +2), the first
// starting at ends[0].
type miss struct {
	i    int32
	word uint64
	ends [6]int32
}

// memoBits is the log2 of the memo's entries (direct-mapped by word hash).
const memoBits = 13

// tokenVecs are the summed weights of one word form's local features (self)
// and of the features it gives a token as that token's neighbour: m2 two to
// its left, m1 just left of it, p1 just right, p2 two to the right.
type tokenVecs struct {
	self, m2, m1, p1, p2 [numLabels]int32
}

// memoKey identifies the word form remembered in a memo slot by its 64-bit
// hash and its length (wlen = len+1, 0 marks an empty slot): two forms
// would have to agree in both to be confused. The keys are kept apart from
// the values, four to a cache line, so that a probe reads one line.
type memoKey struct {
	word uint64
	wlen int32
	hits uint8 // uses since it last kept its slot against a newcomer (saturating)
}

// memoVal is what the memo remembers of a word form.
type memoVal struct {
	info tokInfo
	vecs tokenVecs
}

// find returns the memo slot of the word with hash h and length n, or -1.
// The memo is two-way set associative: a word may be in either slot of
// its set.
func (s *scratch) find(h uint64, n int) int {
	k := int((h*0x9e3779b97f4a7c15)>>(64-memoBits+1)) * 2
	ks := (*[2]memoKey)(s.memoKeys[k : k+2])
	for j := range ks {
		if ks[j].word == h && ks[j].wlen == int32(n)+1 {
			if ks[j].hits < 255 {
				ks[j].hits++
			}
			return k + j
		}
	}
	return -1
}

// slotFor returns the slot the missing word with hash h may take, or -1.
// A word that was used again keeps its slot against newcomers for a while
// (most newcomers are rare words that never return): the newcomer takes
// an empty slot of its set, or the one with fewer uses if that has none
// left, else it only wears one use off it.
func (s *scratch) slotFor(h uint64) int {
	k := int((h*0x9e3779b97f4a7c15)>>(64-memoBits+1)) * 2
	ks := (*[2]memoKey)(s.memoKeys[k : k+2])
	j := 1 // newcomers churn the second slot while the first keeps its word
	switch {
	case ks[0].wlen == 0:
		j = 0
	case ks[1].wlen == 0:
	case ks[0].hits < ks[1].hits:
		j = 0
	}
	if ks[j].hits > 0 {
		ks[j].hits--
		return -1
	}
	return k + j
}

// scratchList keeps the scratch buffers of one weight table. Unlike a
// sync.Pool it is not emptied by garbage collection: a scratch's memo takes
// thousands of sentences to warm up, and a pool lost it at every cycle and
// whenever the tagging goroutine moved to another P.
type scratchList struct {
	mu   sync.Mutex
	free []*scratch
}

// maxFreeScratch bounds the scratch buffers a model keeps (each holds a memo
// of a few MB); more concurrent taggers get fresh ones.
const maxFreeScratch = 16

func (l *scratchList) get() *scratch {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.free); n > 0 {
		s := l.free[n-1]
		l.free = l.free[:n-1]
		return s
	}
	return new(scratch)
}

func (l *scratchList) put(s *scratch) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.free) < maxFreeScratch {
		l.free = append(l.free, s)
	}
}

// Tag labels one sentence of words. hints may be nil; otherwise hints[i] belongs
// to words[i] (a hints slice of another length is ignored). The labels are
// appended to out[:0] and returned; the result always has len(words) labels and
// is a valid BIO sequence.
func (m *Model) Tag(words []string, hints []Hint, out []Label) []Label {
	out = out[:0]
	n := len(words)
	if n == 0 {
		return out
	}
	if m == nil || len(m.w) == 0 {
		for range words {
			out = append(out, O)
		}
		return out
	}
	if len(hints) != n {
		hints = nil
	}
	s := m.scratch.get()
	defer m.scratch.put(s)
	x := &s.x
	x.stats, x.quotes = m.stats, m.quotes
	if s.memo == nil {
		// a new scratch of this model's list
		s.memoKeys = make([]memoKey, 1<<memoBits)
		s.memo = make([]memoVal, 1<<memoBits)
		s.edge = m.vecs(x, nil, "", nil)
		m.addRows(&s.zeroHint, zeroHintFeatures(nil))
	}
	x.lower = x.lower[:0]
	x.toks = x.toks[:0]
	vecs := s.vecs[:0]
	// Words missing from the memo get their feature hashes now and their
	// weight rows summed below: reading all the rows of a sentence's new
	// words in one loop lets their cache misses overlap.
	misses := s.misses[:0]
	x.feats = x.feats[:0]
	for i, w := range words {
		h := hashString(fnvOffset, w)
		if k := s.find(h, len(w)); k >= 0 {
			x.toks = append(x.toks, s.memo[k].info)
			vecs = append(vecs, s.memo[k].vecs)
			continue
		}
		ti := x.token(w, h)
		ms := miss{i: int32(i), word: h}
		x.vecFeatures(&ms.ends, &ti, w, x.lower[ti.lo:ti.hi])
		x.lower = x.lower[:ti.lo] // the lower-case bytes serve local features only
		ti.lo, ti.hi = 0, 0
		x.toks = append(x.toks, ti)
		vecs = append(vecs, tokenVecs{})
		misses = append(misses, ms)
	}
	if len(misses) > 0 {
		s.sink += m.touchRows(x.feats)
		for _, ms := range misses {
			v := &vecs[ms.i]
			m.sumVecs(v, x.feats, &ms.ends)
			if k := s.slotFor(ms.word); k >= 0 {
				s.memoKeys[k] = memoKey{word: ms.word, wlen: int32(len(words[ms.i])) + 1}
				s.memo[k] = memoVal{info: x.toks[ms.i], vecs: *v}
			}
		}
	}
	s.misses = misses
	s.vecs = vecs
	x.markQuotes(words)
	var free int
	s.mask, free = x.nameMask(s.mask)
	if free == 0 {
		for range words {
			out = append(out, O)
		}
		return out
	}
	if cap(s.emit) < n*numLabels {
		s.emit = make([]int64, n*numLabels)
		s.back = make([]uint8, n*numLabels)
	}
	emit := s.emit[:n*numLabels]
	edge := &s.edge
	// The pair and hint features of all scored tokens first, their rows
	// touched in one loop (as for the memo misses above).
	ends := s.ends[:0]
	x.feats = x.feats[:0]
	for i := range n {
		if s.mask[i] == 1<<O {
			continue
		}
		x.feats = x.pairFeatures(x.feats, hints, false, 0, i)
		if m.hints {
			if zeroHints(hints, n, i) {
				x.feats = append(x.feats, feat2(tHintShape, 0, x.toks[i].shape))
			} else {
				x.feats = x.hintFeatures(x.feats, hints, i)
			}
		}
		ends = append(ends, int32(len(x.feats)))
	}
	s.ends = ends
	s.sink += m.touchRows(x.feats)
	f0 := int32(0)
	for i := range n {
		if s.mask[i] == 1<<O {
			// O alone: its score is the same on every path
			clear(emit[i*numLabels : i*numLabels+numLabels])
			continue
		}
		e := vecs[i].self
		m2, m1, p1, p2 := &edge.m2, &edge.m1, &edge.p1, &edge.p2
		if i >= 2 {
			m2 = &vecs[i-2].m2
		}
		if i >= 1 {
			m1 = &vecs[i-1].m1
		}
		if i+1 < n {
			p1 = &vecs[i+1].p1
		}
		if i+2 < n {
			p2 = &vecs[i+2].p2
		}
		for l := range e {
			e[l] += m2[l] + m1[l] + p1[l] + p2[l]
		}
		// most tokens have no hints near them: four of their five hint
		// features are the same for all of them
		if m.hints && zeroHints(hints, n, i) {
			for l := range e {
				e[l] += s.zeroHint[l]
			}
		}
		f1 := ends[0]
		ends = ends[1:]
		m.addRows(&e, x.feats[f0:f1])
		f0 = f1
		e[O] -= m.oBias
		for l := range e {
			emit[i*numLabels+l] = int64(e[l]) + int64(m.lBias[l])
		}
	}
	return viterbi(&m.trans, emit, s.back[:n*numLabels], n, out, s.mask)
}

// vecs sums the weights of word form w's local features and of the
// features it gives its neighbours; t is its facts and low its lower-case
// bytes. With t nil it returns what the sentence edges give the tokens next
// to them.
func (m *Model) vecs(x *extractor, t *tokInfo, w string, low []byte) tokenVecs {
	var ends [6]int32
	x.feats = x.feats[:0]
	x.vecFeatures(&ends, t, w, low)
	var v tokenVecs
	m.sumVecs(&v, x.feats, &ends)
	return v
}

// vecFeatures appends to x.feats the feature hashes that make up a
// tokenVecs: the local features of w (none for a plain word or t nil), then
// those it gives its neighbours at -2, -1, +1 and +2. Group k is
// x.feats[ends[k]:ends[k+1]].
func (x *extractor) vecFeatures(ends *[6]int32, t *tokInfo, w string, low []byte) {
	ends[0] = int32(len(x.feats))
	if t != nil && t.class != classPlain {
		x.feats = x.localFeatures(x.feats, w, low, t, 0)
	}
	ends[1] = int32(len(x.feats))
	for k, off := range [...]int{-2, -1, 1, 2} {
		x.feats = x.neighbourFeatures(x.feats, t, off)
		ends[2+k] = int32(len(x.feats))
	}
}

// sumVecs adds to v the weight rows of the groups vecFeatures made.
func (m *Model) sumVecs(v *tokenVecs, feats []uint64, ends *[6]int32) {
	sums := [...]*[numLabels]int32{&v.self, &v.m2, &v.m1, &v.p1, &v.p2}
	for k, sum := range sums {
		m.addRows(sum, feats[ends[k]:ends[k+1]])
	}
}

// touchRows reads one byte of the weight row of each feature hash and
// returns their sum, which means nothing: a caller that touches the rows
// before adding them lets the CPU fetch them from memory in parallel.
func (m *Model) touchRows(feats []uint64) uint8 {
	var sum uint8
	for _, h := range feats {
		sum += m.codes[int(h>>m.shift)*numLabels]
	}
	return sum
}

// addRows adds the weight rows of the feature hashes feats to e.
func (m *Model) addRows(e *[numLabels]int32, feats []uint64) {
	for _, h := range feats {
		b := int(h>>m.shift) * numLabels
		r := (*[numLabels]uint8)(m.codes[b : b+numLabels])
		for l := range e {
			e[l] += m.levels[r[l]]
		}
	}
}

// compact sets codes and levels from w. The 127 magnitudes of each sign
// are placed where the weights are (one-dimensional k-means over their
// histogram, from a logarithmic start), which keeps the sum of squared
// rounding errors low; code 0 stands for 0. rows lists the rows of w that
// are not all zero, in any order, and hist[a] counts the weights of
// magnitude a (nil, nil: compact finds them).
func (m *Model) compact(rows []int32, hist []uint32) {
	if rows == nil {
		for r := range int32(len(m.w) / numLabels) {
			if !zeroRow(m.w[r*numLabels : r*numLabels+numLabels]) {
				rows = append(rows, r)
			}
		}
	}
	if hist == nil {
		hist = make([]uint32, 1<<15+1)
		for _, r := range rows {
			for _, v := range m.w[r*numLabels : r*numLabels+numLabels] {
				hist[abs(int(v))]++
			}
		}
	}
	maxAbs := 1
	for a := len(hist) - 1; a > 1; a-- {
		if hist[a] > 0 {
			maxAbs = a
			break
		}
	}
	// cnt[a], sum[a]: how many weights have magnitude in [1, a), and their sum
	cnt := make([]float64, maxAbs+2)
	sum := make([]float64, maxAbs+2)
	for a := 1; a <= maxAbs; a++ {
		cnt[a+1] = cnt[a] + float64(hist[a])
		sum[a+1] = sum[a] + float64(hist[a])*float64(a)
	}
	const k = 127
	var c [k + 1]float64 // c[1..k]: the magnitudes, increasing
	for i := 1; i <= k; i++ {
		c[i] = math.Pow(float64(maxAbs), float64(i-1)/(k-1))
	}
	for range 100 {
		lo := 1
		for i := 1; i <= k; i++ {
			hi := maxAbs + 1 // weights in [lo, hi) are nearest to c[i]
			if i < k {
				hi = min(maxAbs+1, max(lo, int(math.Floor((c[i]+c[i+1])/2))+1))
			}
			if n := cnt[hi] - cnt[lo]; n > 0 {
				c[i] = (sum[hi] - sum[lo]) / n
			}
			lo = hi
		}
		slices.Sort(c[1:])
	}
	var mags [k + 1]int
	for i := 1; i <= k; i++ {
		mags[i] = max(1, int(math.Round(c[i])))
	}
	m.levels = [256]int32{}
	for i := 1; i <= k; i++ {
		m.levels[i] = int32(mags[i])
		m.levels[256-i] = -int32(mags[i])
	}
	// code[a]: the code of the magnitude nearest to a
	code := make([]uint8, maxAbs+1)
	i := 1
	for a := 1; a <= maxAbs; a++ {
		for i < k && mags[i+1]-a <= a-mags[i] {
			i++
		}
		code[a] = uint8(i)
	}
	m.codes = make([]uint8, len(m.w))
	for _, r := range rows {
		j := r * numLabels
		for l, v := range m.w[j : j+numLabels] {
			switch {
			case v > 0:
				m.codes[j+int32(l)] = code[v]
			case v < 0:
				m.codes[j+int32(l)] = -code[-int(v)] // 256 - code
			}
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

const negInf = math.MinInt64 / 4

// viterbi decodes the best allowed label sequence from emission scores. If
// mask is not nil, label l is allowed at token i only if mask[i]&(1<<l) != 0.
func viterbi(trans *[numLabels + 1][numLabels]int32, emit []int64, back []uint8, n int, out []Label, mask []uint16) []Label {
	var prev, cur [numLabels]int64
	for l := range numLabels {
		if allowed[0][l] && (mask == nil || mask[0]&(1<<l) != 0) {
			prev[l] = int64(trans[0][l]) + emit[l]
		} else {
			prev[l] = negInf
		}
	}
	onlyO := false // prev is negInf for every label but O
	for i := 1; i < n; i++ {
		e := (*[numLabels]int64)(emit[i*numLabels : i*numLabels+numLabels])
		bk := (*[numLabels]uint8)(back[i*numLabels : i*numLabels+numLabels])
		if mask != nil && mask[i] == 1<<O {
			// O alone (most tokens when Tag prunes): one label to extend.
			// Only bk[O] is ever read back: the other labels are negInf.
			if onlyO {
				prev[O] += int64(trans[1][O]) + e[O]
				bk[O] = uint8(O)
				continue
			}
			best, arg := prev[0]+int64(trans[1][O]), 0
			for p := 1; p < numLabels; p++ {
				if v := prev[p] + int64(trans[p+1][O]); v > best {
					best, arg = v, p
				}
			}
			for l := range prev {
				prev[l] = negInf
			}
			bk[O] = uint8(arg)
			if best >= negInf/2 {
				prev[O] = best + e[O]
				onlyO = true
			}
			continue
		}
		onlyO = false
		for l := 0; l < numLabels; l++ {
			if mask != nil && mask[i]&(1<<l) == 0 {
				cur[l], bk[l] = negInf, 0
				continue
			}
			var best int64
			var arg int
			if l == 0 || l%2 == 1 {
				// O and B-X may follow anything
				best, arg = prev[0]+int64(trans[1][l]), 0
				for p := 1; p < numLabels; p++ {
					if v := prev[p] + int64(trans[p+1][l]); v > best {
						best, arg = v, p
					}
				}
			} else {
				// I-X follows B-X (l-1) or I-X (l)
				best, arg = prev[l-1]+int64(trans[l][l]), l-1
				if v := prev[l] + int64(trans[l+1][l]); v > best {
					best, arg = v, l
				}
			}
			if best < negInf/2 {
				cur[l] = negInf
			} else {
				cur[l] = best + e[l]
			}
			bk[l] = uint8(arg)
		}
		prev = cur
	}
	best, arg := int64(negInf), 0
	for l := range numLabels {
		if prev[l] > best {
			best, arg = prev[l], l
		}
	}
	base := len(out)
	for range n {
		out = append(out, O)
	}
	res := out[base:]
	for i := n - 1; i >= 0; i-- {
		res[i] = Label(arg)
		if i > 0 {
			arg = int(back[i*numLabels+arg])
		}
	}
	return out
}

// WriteTo writes the model: gzip of the magic bytes, the table size, the
// feature flags (hints, quotes, word statistics), the outside and per-label
// biases, the transition weights, the non-zero weight rows (delta-coded row
// index, then zig-zag varint weights) and the word statistics (delta-coded
// sorted keys, values). The output is a function of the model only (no time
// stamps).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	puts := func(v int64) { bw.Write(buf[:binary.PutVarint(buf[:], v)]) }
	bw.WriteString(magic2)
	bw.WriteByte(m.bits)
	bw.WriteByte(byte(b2u(m.hints) | b2u(m.quotes)<<1 | b2u(m.stats != nil)<<2))
	bw.WriteByte(numLabels)
	puts(int64(m.oBias))
	for _, b := range m.lBias {
		puts(int64(b))
	}
	for p := range m.trans {
		for l := range m.trans[p] {
			puts(int64(m.trans[p][l]))
		}
	}
	rows := len(m.w) / numLabels
	nz := 0
	for r := range rows {
		if !zeroRow(m.w[r*numLabels : r*numLabels+numLabels]) {
			nz++
		}
	}
	put(uint64(nz))
	last := -1
	for r := range rows {
		row := m.w[r*numLabels : r*numLabels+numLabels]
		if zeroRow(row) {
			continue
		}
		put(uint64(r - last))
		last = r
		for _, v := range row {
			puts(int64(v))
		}
	}
	if m.stats != nil {
		// word statistics: count, then delta-coded sorted keys and values
		keys, vals := m.stats.entries()
		put(uint64(len(keys)))
		var last uint64
		for i, k := range keys {
			put(k - last)
			last = k
			put(uint64(vals[i]))
		}
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, cw.err
}

func zeroRow(r []int16) bool {
	for _, v := range r {
		if v != 0 {
			return false
		}
	}
	return true
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// maxWordStats is the most word-statistics entries Load accepts.
const maxWordStats = 1 << 20

// MaxBits is the largest table size Load accepts (2^MaxBits rows).
const MaxBits = 22

// Load reads a model written by WriteTo. Malformed input is an ErrModel error.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	head := make([]byte, len(magic)+3)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrModel, err)
	}
	version := string(head[:len(magic)])
	if version != magic && version != magic2 {
		return nil, fmt.Errorf("%w: not a techschau NER model", ErrModel)
	}
	flags := head[len(magic)+1]
	m := &Model{bits: head[len(magic)], hints: flags&1 != 0, quotes: flags&2 != 0, scratch: new(scratchList)}
	if version == magic && flags > 1 || flags > 7 {
		return nil, fmt.Errorf("%w: unknown feature flags", ErrModel)
	}
	if m.bits < 1 || m.bits > MaxBits || head[len(magic)+2] != numLabels {
		return nil, fmt.Errorf("%w: unsupported table size or label set", ErrModel)
	}
	m.shift = uint(64 - m.bits)
	ob, err := binary.ReadVarint(br)
	if err != nil || ob < math.MinInt32 || ob > math.MaxInt32 {
		return nil, fmt.Errorf("%w: outside bias", ErrModel)
	}
	m.oBias = int32(ob)
	if version == magic2 {
		for l := range m.lBias {
			v, err := binary.ReadVarint(br)
			if err != nil || v < math.MinInt32/4 || v > math.MaxInt32/4 {
				return nil, fmt.Errorf("%w: label bias", ErrModel)
			}
			m.lBias[l] = int32(v)
		}
	}
	for p := range m.trans {
		for l := range m.trans[p] {
			v, err := binary.ReadVarint(br)
			if err != nil || v < math.MinInt32 || v > math.MaxInt32 {
				return nil, fmt.Errorf("%w: transitions", ErrModel)
			}
			m.trans[p][l] = int32(v)
		}
	}
	rows := 1 << m.bits
	nz, err := binary.ReadUvarint(br)
	if err != nil || nz > uint64(rows) {
		return nil, fmt.Errorf("%w: row count", ErrModel)
	}
	m.w = make([]int16, rows*numLabels)
	nonzero := make([]int32, 0, nz)
	hist := make([]uint32, 1<<15+1) // magnitudes of the weights, for compact
	r0 := -1
	for range nz {
		d, err := binary.ReadUvarint(br)
		if err != nil || d == 0 || d > uint64(rows) || r0+int(d) >= rows {
			return nil, fmt.Errorf("%w: row index", ErrModel)
		}
		r0 += int(d)
		nonzero = append(nonzero, int32(r0))
		row := m.w[r0*numLabels : r0*numLabels+numLabels]
		for l := range row {
			v, err := binary.ReadVarint(br)
			if err != nil || v < math.MinInt16 || v > math.MaxInt16 {
				return nil, fmt.Errorf("%w: weights", ErrModel)
			}
			row[l] = int16(v)
			hist[abs(int(v))]++
		}
	}
	if flags&4 != 0 {
		ns, err := binary.ReadUvarint(br)
		if err != nil || ns > maxWordStats {
			return nil, fmt.Errorf("%w: word statistics count", ErrModel)
		}
		m.stats = newWordStats(int(ns))
		var k uint64
		for i := range ns {
			d, err := binary.ReadUvarint(br)
			if err != nil || (d == 0 && i > 0) {
				return nil, fmt.Errorf("%w: word statistics key", ErrModel)
			}
			k += d
			v, err := binary.ReadUvarint(br)
			if err != nil || v > math.MaxUint32 {
				return nil, fmt.Errorf("%w: word statistics value", ErrModel)
			}
			m.stats.put(k, uint32(v))
		}
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("%w: trailing data", ErrModel)
	}
	m.compact(nonzero, hist)
	return m, nil
}
