package summarize

import (
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/sumscore"
)

// randomModel returns a model with random weights, so that every feature
// counts in TestValueMatchesReference.
func randomModel(seed uint64) *sumscore.Model {
	r := rand.New(rand.NewPCG(seed, 1))
	m := &sumscore.Model{R: 10 + 30*r.Float64(), Headline: r.Float64()}
	for i := range m.Sent {
		m.Sent[i] = r.NormFloat64()
	}
	for i := range m.Term {
		m.Term[i] = r.NormFloat64()
	}
	for i := range m.Set {
		m.Set[i] = r.NormFloat64() / 4
	}
	return m
}

// TestValueMatchesReference: the values summarize computes incrementally
// (single sentences and the sets of the beam search) equal
// sumscore.Model.Value on the Doc that Features returns.
func TestValueMatchesReference(t *testing.T) {
	texts := []string{chipArticle, "Huawei liefert 5 Chips. Nvidia liefert 7 Chips. Huawei wächst 2024 stark."}
	if all, _ := gnadTexts(t); len(all) > 0 {
		texts = append(texts, all[:40]...)
	}
	for i, text := range texts {
		seg := german.Segment(text)
		h := Hints{Entities: []EntityHint{{Salience: 0.8, Mentions: []german.Span{{Start: 0, End: 3}}}}}
		m := randomModel(uint64(i))
		s := mustNew(t, WithModel(m), WithSentences(3))
		d := s.Features(seg, h)
		sc := newScratch()
		sc.load(seg, h, false)
		sc.prepare(text, m, h)
		require.Len(t, d.Sents, len(sc.sents), "text %d", i)
		for k := range sc.sents {
			assert.InDelta(t, m.Value(d, []int{k}), sc.sents[k].val, 1e-5, "text %d sentence %d", i, k)
		}
		// the beam's states: every state of the last level
		chosen := sc.chooseSet(text, m, 3, 3, budgetFree, false, 0)
		require.NotEmpty(t, chosen)
		for _, st := range sc.beam.cur {
			set := make([]int, st.n)
			for j, x := range st.set[:st.n] {
				set[j] = int(x)
			}
			assert.InDelta(t, m.Value(d, set), st.val, 1e-5, "text %d set %v", i, set)
		}
		sc.reset()
	}
}

// TestLayout: the per-token structures keep their sizes (a wordTable slot of
// 32 bytes, a term of 32), and the word flags land on the sentence flags.
func TestLayout(t *testing.T) {
	assert.Equal(t, uintptr(16), unsafe.Sizeof(wordEntry{}))
	assert.Equal(t, uintptr(32), unsafe.Sizeof(wordSlot{}))
	assert.Equal(t, uintptr(32), unsafe.Sizeof(termState{}))
	for _, x := range []struct {
		w uint16
		s uint32
	}{{wNews, sNews}, {wSpeech, sSpeech}, {wSubj, sSubj}, {wDate, sDate}} {
		assert.Equal(t, x.s, uint32(x.w)<<wordToSent)
	}
}
