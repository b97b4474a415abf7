package summarize

import (
	"slices"

	"github.com/techschau/techschau/internal/sumscore"
)

// The set search: a beam search over summaries of 1, 2, … sentences drawn
// from the best single sentences, each summary valued as a whole
// (sumscore.Model.Value): a term repeated by two sentences counts once, and
// the length of the whole summary divides the value.
const (
	// beamWidth is the number of partial summaries kept per size.
	beamWidth = 3
	// beamCandidates is the number of best single sentences the search
	// draws from.
	beamCandidates = 10
	// beamMaxSentences is the longest summary the search builds; longer
	// ones are chosen greedily (chooseGreedy).
	beamMaxSentences = 8
)

// beamState is a partial summary.
type beamState struct {
	set   [beamMaxSentences]int32 // indices into sc.sents, ascending
	n     int
	num   float64 // value numerator without the set part (setValue)
	toks  int
	runes int
	nstop int
	nent  int
	sal   float64
	pen   float64 // dupPenalty for each near-duplicate in the set
	val   float64
}

// better orders states by value, then by their sets, for determinism.
func (a *beamState) better(b *beamState) bool {
	if a.val != b.val {
		return a.val > b.val
	}
	return slices.Compare(a.set[:a.n], b.set[:b.n]) < 0
}

// beamScratch is the set search's working memory.
type beamScratch struct {
	cur, next []beamState
	cands     []int32
	stamp     uint32
	stopMark  [maxStops]uint32 // function words of the state being extended: stamp
}

// dupPenalty lowers the value of a summary with a near-duplicate sentence
// below that of any other (values are F1 estimates, well under 1), so that
// it is built only when nothing else is left.
const dupPenalty = 1

// budgetFree means no character budget.
const budgetFree = -1

// chooseSet chooses up to n sentences (indices into sc.sents) by the set
// search; budget ≥ 0 caps their total length in runes. Lines are
// candidates only when fewer than need other sentences are left. When no sentence
// fits the budget and soft is set, it returns the best single sentence.
// lambda > 0 skips near-duplicates of the summary so far.
func (sc *scratch) chooseSet(text string, m *sumscore.Model, n, need, budget int, soft bool, lambda float64) []int {
	b := &sc.beam
	sc.candidates(text, need, budget)
	if len(b.cands) == 0 {
		if soft && budget != budgetFree {
			return sc.chooseSet(text, m, 1, 1, budgetFree, false, lambda)
		}
		return nil
	}
	// the summaries of one sentence are the best candidates themselves
	b.cur = b.cur[:0]
	for _, c := range b.cands[:min(len(b.cands), beamWidth)] {
		b.cur = append(b.cur, sc.single(c))
	}
	for level := 1; level < n; level++ {
		b.next = b.next[:0]
		for i := range b.cur {
			sc.extend(text, m, &b.cur[i], budget, lambda)
		}
		if len(b.next) == 0 {
			break
		}
		b.cur, b.next = b.next, b.cur
	}
	best := &b.cur[0]
	out := sc.chosen[:0]
	for _, k := range best.set[:best.n] {
		out = append(out, int(k))
	}
	sc.chosen = out[:0]
	return out
}

// single returns the state of the summary of sentence c alone.
func (sc *scratch) single(c int32) beamState {
	si := &sc.sents[c]
	st := beamState{n: 1, num: si.num, toks: int(si.toks), runes: max(si.runes, 0), val: si.val}
	st.set[0] = c
	st.nstop = int(si.s1 - si.s0)
	st.nent = int(si.n1 - si.n0)
	for _, e := range sc.entList[si.n0:si.n1] {
		st.sal += sc.entSal[e]
	}
	return st
}

// candidates sets sc.beam.cands to the best beamCandidates sentences by
// value that fit the budget, lines (headings, list items) and sentences cut
// short by an ellipsis only when fewer than need others are left.
func (sc *scratch) candidates(text string, need, budget int) {
	b := &sc.beam
	b.cands = b.cands[:0]
	for pass := 0; pass < 2; pass++ {
		for k := range sc.sents {
			si := &sc.sents[k]
			if (si.line || si.has(sTrunc)) != (pass == 1) {
				continue
			}
			if budget != budgetFree {
				if si.runes < 0 {
					si.runes = runeCount(text, si.start, si.end)
				}
				if si.runes > budget {
					continue
				}
			}
			sc.offer(int32(k))
		}
		if pass == 0 && (len(b.cands) >= need || len(b.cands) == beamCandidates) {
			return // enough sentences that are no lines
		}
	}
}

// offer adds sentence k to the candidates if it is among the best.
func (sc *scratch) offer(k int32) {
	b := &sc.beam
	before := func(x, y int32) bool {
		vx, vy := sc.sents[x].val, sc.sents[y].val
		if vx != vy {
			return vx > vy
		}
		return x < y
	}
	if len(b.cands) == beamCandidates {
		if !before(k, b.cands[len(b.cands)-1]) {
			return
		}
		b.cands = b.cands[:len(b.cands)-1]
	}
	i := len(b.cands)
	b.cands = append(b.cands, k)
	for ; i > 0 && before(k, b.cands[i-1]); i-- {
		b.cands[i] = b.cands[i-1]
	}
	b.cands[i] = k
}

// extend offers every candidate added to state st to sc.beam.next.
func (sc *scratch) extend(text string, m *sumscore.Model, st *beamState, budget int, lambda float64) {
	b := &sc.beam
	b.stamp++
	if b.stamp == 0 {
		for _, id := range sc.touched {
			sc.terms[id].bm = 0
		}
		clear(b.stopMark[:])
		b.stamp = 1
	}
	for _, k := range st.set[:st.n] {
		si := &sc.sents[k]
		for j := si.u0; j < si.u1; j++ {
			sc.terms[sc.uniq[j]].bm = b.stamp
		}
		for _, s := range sc.stops[si.s0:si.s1] {
			b.stopMark[s] = b.stamp
		}
	}
	for _, c := range b.cands {
		if slices.Contains(st.set[:st.n], c) {
			continue
		}
		si := &sc.sents[c]
		if budget != budgetFree && st.runes+si.runes > budget {
			continue
		}
		gain, covered := si.a, 0
		for j := si.u0; j < si.u1; j++ {
			if ts := &sc.terms[sc.uniq[j]]; ts.bm == b.stamp {
				covered++
			} else {
				gain += float64(ts.v)
			}
		}
		penalty := 0.0
		if lambda > 0 && st.n > 0 && si.u1 > si.u0 && float64(covered) >= dupShare*float64(si.u1-si.u0) {
			penalty = dupPenalty // a near-duplicate of the summary so far: a last resort
		}
		// the value first: a state is copied only when it is kept
		nstop, nent, sal := st.nstop, st.nent, st.sal
		for _, s := range sc.stops[si.s0:si.s1] {
			if b.stopMark[s] != b.stamp {
				nstop++
			}
		}
		for _, e := range sc.entList[si.n0:si.n1] {
			if !sc.mentions(st, e) {
				nent++
				sal += sc.entSal[e]
			}
		}
		toks := st.toks + int(si.toks)
		pen := st.pen + penalty
		val := (st.num+gain+setValue(m, toks, nstop, sal, nent))/(float64(toks)+m.R) - pen
		if len(b.next) == beamWidth && val < b.next[len(b.next)-1].val {
			continue
		}
		next := *st
		next.nstop, next.nent, next.sal, next.toks, next.pen, next.val = nstop, nent, sal, toks, pen, val
		next.num += gain
		if budget != budgetFree {
			next.runes += si.runes
		}
		i := next.n
		next.n++
		for ; i > 0 && next.set[i-1] > c; i-- {
			next.set[i] = next.set[i-1]
		}
		next.set[i] = c
		sc.keep(&next)
	}
}

// mentions reports whether a sentence of st mentions entity e.
func (sc *scratch) mentions(st *beamState, e int32) bool {
	for _, k := range st.set[:st.n] {
		si := &sc.sents[k]
		if slices.Contains(sc.entList[si.n0:si.n1], e) {
			return true
		}
	}
	return false
}

// keep adds st to sc.beam.next if it is among the beamWidth best and not
// there already.
func (sc *scratch) keep(st *beamState) {
	b := &sc.beam
	for i := range b.next {
		if b.next[i].n == st.n && b.next[i].set == st.set {
			return
		}
	}
	if len(b.next) == beamWidth {
		if !st.better(&b.next[len(b.next)-1]) {
			return
		}
		b.next = b.next[:len(b.next)-1]
	}
	i := len(b.next)
	b.next = append(b.next, *st)
	for ; i > 0 && st.better(&b.next[i-1]); i-- {
		b.next[i] = b.next[i-1]
	}
	b.next[i] = *st
}
