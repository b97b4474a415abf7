package summarize

import (
	"cmp"
	"math"
	"slices"

	"github.com/techschau/techschau/internal/sumscore"
)

// The centrality's length normalisation is shared weight / √(distinct
// terms).

// boostWeight turns Hints.Boost into value: a boost of b raises a sentence's
// value by boostWeight·b.
const boostWeight = 0.1

// prepare computes, for a loaded scratch, the statistics and values of the
// terms and the features and values of the sentences under model m.
func (sc *scratch) prepare(text string, m *sumscore.Model, h Hints) {
	sc.mapEntities(h)
	sc.termStats()
	n := len(sc.sents)
	for _, id := range sc.touched {
		ts := &sc.terms[id]
		if ts.df == 0 || !ts.has(tWhole) {
			continue // only in the headline, or only a part of compounds
		}
		ts.v = float32(sc.termValue(id, n, m))
	}
	sc.maxScore = 0
	sc.features(text, func(k int, f *[sumscore.NSent]float64) {
		si := &sc.sents[k]
		a := 0.0
		for j, x := range f {
			a += m.Sent[j] * x
		}
		if h.Boost != nil {
			if b := h.Boost(si.idx); b == b && !math.IsInf(b, 0) { // skip NaN, Inf
				a += boostWeight * b * (float64(si.toks) + m.R)
			}
		}
		si.a = a
		num := a
		for j := si.u0; j < si.u1; j++ {
			num += float64(sc.terms[sc.uniq[j]].v)
		}
		si.num = num
		sal := 0.0
		for _, e := range sc.entList[si.n0:si.n1] {
			sal += sc.entSal[e]
		}
		num += setValue(m, int(si.toks), int(si.s1-si.s0), sal, int(si.n1-si.n0))
		si.val = num / (float64(si.toks) + m.R)
		si.score = positive(si.val)
		sc.maxScore = max(sc.maxScore, si.score)
	})
}

// setValue is the part of a set's value numerator that depends on the set
// as a whole: its length in tokens, distinct function words and entities.
func setValue(m *sumscore.Model, toks, stops int, sal float64, ents int) float64 {
	l := float64(toks)
	return m.Set[sumscore.XLen]*l + m.Set[sumscore.XSqrtLen]*math.Sqrt(l) +
		m.Set[sumscore.XStops]*float64(stops) + m.Set[sumscore.XEntSal]*sal + m.Set[sumscore.XEnts]*float64(ents)
}

// salience clamps an entity hint's salience to [0, 1] (NaN counts 0).
func salience(s float64) float64 {
	if !(s > 0) {
		return 0
	}
	return min(s, 1)
}

// termStats sets df, first and tf3 of every term of the eligible sentences.
func (sc *scratch) termStats() {
	for k := range sc.sents {
		si := &sc.sents[k]
		for j := si.u0; j < si.u1; j++ {
			ts := &sc.terms[sc.uniq[j]]
			if ts.df == 0 {
				ts.first = int32(k)
			}
			if ts.df < math.MaxUint16 {
				ts.df++
			}
			if k < 3 {
				ts.tf3 = uint16(min(int32(ts.tf3)+sc.cnt[j], math.MaxUint16))
			}
		}
	}
}

// logSmall[n] is ln n for the counts termFeatures takes logarithms of
// (logSmall[0] is 0, a count of 0 never reaches it).
var logSmall = func() (t [256]float64) {
	for i := 1; i < len(t); i++ {
		t[i] = math.Log(float64(i))
	}
	return t
}()

// lnCount returns ln n for n ≥ 1 (0 for n < 1).
func lnCount(n int32) float64 {
	switch {
	case n < 1:
		return 0
	case n < int32(len(logSmall)):
		return logSmall[n]
	}
	return math.Log(float64(n))
}

// termFeatures returns the features of term id (sumscore.T…) in a text of n
// eligible sentences.
func (sc *scratch) termFeatures(id int32, n int) [sumscore.NTerm]float64 {
	var g [sumscore.NTerm]float64
	ts := &sc.terms[id]
	tf := max(ts.tf, 1)
	g[sumscore.TBias] = 1
	g[sumscore.TLogTF] = lnCount(tf)
	g[sumscore.TLogDF] = lnCount(int32(ts.df))
	first := ts.first
	if first == 0 {
		g[sumscore.TFirst0] = 1
	}
	if first < 3 {
		g[sumscore.TFirst3] = 1
	}
	g[sumscore.TInvFirst] = 1 / (1 + float64(first))
	if ts.has(tUpper) {
		g[sumscore.TUpper] = 1
		if tf >= 2 {
			g[sumscore.TUpperRepeated] = 1
			if first < 3 {
				g[sumscore.TUpperEarlyRepeated] = 1
			}
		}
		if first == 0 {
			g[sumscore.TUpperFirst0] = 1
		}
	}
	if ts.has(tNumber) {
		g[sumscore.TNumber] = 1
	}
	g[sumscore.TRelFirst] = float64(first) / float64(max(n, 1))
	g[sumscore.TLogTF3] = lnCount(1 + int32(ts.tf3))
	g[sumscore.TLen] = float64(ts.runes) / 20
	if tf == 1 {
		g[sumscore.TSingle] = 1
	}
	return g
}

// termValue returns Model.Term · termFeatures(id, n), plus the headline
// weight for a headline term, without building the feature vector.
func (sc *scratch) termValue(id int32, n int, m *sumscore.Model) float64 {
	w := &m.Term
	ts := &sc.terms[id]
	tf := max(ts.tf, 1)
	first := ts.first
	v := w[sumscore.TBias] + w[sumscore.TLogTF]*lnCount(tf) + w[sumscore.TLogDF]*lnCount(int32(ts.df)) +
		w[sumscore.TInvFirst]/(1+float64(first)) + w[sumscore.TRelFirst]*float64(first)/float64(max(n, 1)) +
		w[sumscore.TLogTF3]*lnCount(1+int32(ts.tf3)) + w[sumscore.TLen]*float64(ts.runes)/20
	if first == 0 {
		v += w[sumscore.TFirst0]
	}
	if first < 3 {
		v += w[sumscore.TFirst3]
	}
	if ts.has(tUpper) {
		v += w[sumscore.TUpper]
		if tf >= 2 {
			v += w[sumscore.TUpperRepeated]
			if first < 3 {
				v += w[sumscore.TUpperEarlyRepeated]
			}
		}
		if first == 0 {
			v += w[sumscore.TUpperFirst0]
		}
	}
	if ts.has(tNumber) {
		v += w[sumscore.TNumber]
	}
	if tf == 1 {
		v += w[sumscore.TSingle]
	}
	if ts.has(tHead) {
		v += m.Headline
	}
	return v
}

// mapEntities lists the entities of h.Entities that each eligible sentence
// mentions (sent.n0, n1 into sc.entList), each once.
func (sc *scratch) mapEntities(h Hints) {
	pairs := sc.entPairs[:0]
	sc.entSal = sc.entSal[:0]
	for ei, e := range h.Entities {
		sc.entSal = append(sc.entSal, salience(e.Salience))
		for _, m := range e.Mentions {
			k, found := slices.BinarySearchFunc(sc.sents, m.Start, func(s sent, off int) int {
				switch {
				case s.end <= off:
					return -1
				case s.start > off:
					return 1
				}
				return 0
			})
			if found && m.End <= sc.sents[k].end && m.Start < m.End {
				pairs = append(pairs, [2]int32{int32(k), int32(ei)})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int32) int {
		if c := cmp.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return cmp.Compare(a[1], b[1])
	})
	pairs = slices.Compact(pairs)
	sc.entPairs = pairs
	p := 0
	for k := range sc.sents {
		si := &sc.sents[k]
		si.n0 = int32(len(sc.entList))
		for ; p < len(pairs) && int(pairs[p][0]) == k; p++ {
			sc.entList = append(sc.entList, pairs[p][1])
		}
		si.n1 = int32(len(sc.entList))
	}
}

// features calls fn with the sentence features (sumscore.S…) of every
// eligible sentence.
func (sc *scratch) features(text string, fn func(k int, f *[sumscore.NSent]float64)) {
	maxCen := 0.0 // centralities go to si.val until fn has seen the features
	for k := range sc.sents {
		si := &sc.sents[k]
		dot := 0.0
		for j := si.u0; j < si.u1; j++ {
			dot += float64(sc.terms[sc.uniq[j]].tf - sc.cnt[j])
		}
		si.val = 0
		if n := si.u1 - si.u0; n > 0 {
			si.val = dot / math.Sqrt(float64(n)) // lenExp
		}
		maxCen = max(maxCen, si.val)
	}
	// mark the terms of the first three sentences: base..base+2 by sentence
	sc.nextStamp()
	sc.nextStamp()
	sc.nextStamp()
	base := sc.stamp - 2
	if base == 0 || base > sc.stamp { // wrapped meanwhile
		for i := range sc.terms {
			sc.terms[i].mark = 0
		}
		clear(sc.stopMark[:])
		sc.stamp, base = 3, 1
	}
	for k := min(len(sc.sents), 3) - 1; k >= 0; k-- {
		si := &sc.sents[k]
		for j := si.u0; j < si.u1; j++ {
			sc.terms[sc.uniq[j]].mark = base + uint32(k)
		}
	}
	n := float64(len(sc.sents))
	var f [sumscore.NSent]float64
	for k := range sc.sents {
		si := &sc.sents[k]
		clear(f[:])
		f[sumscore.SBias] = 1
		if k < 4 {
			f[sumscore.SFirst+k] = 1
		}
		pos := 1 / (1 + float64(k))
		f[sumscore.SPos] = pos
		f[sumscore.SRelPos] = float64(k) / n
		if maxCen > 0 {
			f[sumscore.SCen] = si.val / maxCen
		}
		if si.u1 > si.u0 {
			c, c3 := 0, 0
			for j := si.u0; j < si.u1; j++ {
				m := sc.terms[sc.uniq[j]].mark
				if m == base && k > 0 {
					c++
				}
				if m >= base && m != base+uint32(k) {
					c3++
				}
			}
			nu := float64(si.u1 - si.u0)
			f[sumscore.SLead] = float64(c) / nu
			f[sumscore.SLead3] = float64(c3) / nu
		}
		length := float64(min(si.words, 50)) / 50
		f[sumscore.SLength] = length
		l2 := float64(min(si.words, 40)) / 40
		f[sumscore.SLength2] = l2 * l2
		if si.words < 8 {
			f[sumscore.SShort] = 1
		}
		if si.words > 35 {
			f[sumscore.SLong] = 1
		}
		if k == 0 {
			f[sumscore.SFirstLen] = length
		}
		f[sumscore.SPosLen] = pos * length
		for _, x := range [...]struct {
			flag uint32
			f    int
		}{{sQuote, sumscore.SQuote}, {sQuoteStart, sumscore.SQuoteStart}, {sQuestion, sumscore.SQuestion},
			{sColon, sumscore.SColon}, {sParen, sumscore.SParen}, {sCommas, sumscore.SCommas},
			{sAnaphor, sumscore.SAnaphor}, {sOpener, sumscore.SOpener}, {sMeta, sumscore.SMeta},
			{sNews, sumscore.SNewsVerb}, {sSpeech, sumscore.SSpeech}, {sSubj, sumscore.SSubj}, {sDate, sumscore.SDate}} {
			if si.has(x.flag) {
				f[x.f] = 1
			}
		}
		f[sumscore.SNames] = float64(si.names) / float64(max(si.words, 1))
		f[sumscore.SNumbers] = float64(min(si.nums, 3)) / 3
		f[sumscore.SSpeechLen] = f[sumscore.SSpeech] * length
		f[sumscore.SNewsLen] = f[sumscore.SNewsVerb] * length
		f[sumscore.SDateLen] = f[sumscore.SDate] * length
		fn(k, &f)
	}
}

// doc returns the scorer's view of a prepared scratch (for fitting).
func (sc *scratch) doc() *sumscore.Doc {
	d := &sumscore.Doc{}
	index := map[int32]int32{}
	stopIndex := map[int16]int32{}
	n := len(sc.sents)
	for k := range sc.sents {
		si := &sc.sents[k]
		s := sumscore.Sent{Index: si.idx, Start: si.start, End: si.end, Len: int(si.toks)}
		for j := si.u0; j < si.u1; j++ {
			id := sc.uniq[j]
			if !sc.terms[id].has(tWhole) {
				continue
			}
			t, ok := index[id]
			if !ok {
				t = int32(len(d.Terms))
				index[id] = t
				d.Terms = append(d.Terms, sc.termFeatures(id, n))
				d.Headline = append(d.Headline, sc.terms[id].has(tHead))
			}
			s.Terms = append(s.Terms, t)
		}
		for _, st := range sc.stops[si.s0:si.s1] {
			t, ok := stopIndex[st]
			if !ok {
				t = int32(len(stopIndex))
				stopIndex[st] = t
			}
			s.Stops = append(s.Stops, t)
		}
		s.Entities = append(s.Entities, sc.entList[si.n0:si.n1]...)
		d.Sents = append(d.Sents, s)
	}
	return d
}
