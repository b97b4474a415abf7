package analyze

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// The unit model: after the rules have decided (classifyUnits), a logistic
// model over features of each unit, its line, its neighbours and the page
// decides again for a page as scraped (sourcePage). The features are
// defined over the detector's own signals and the text's shape, never over
// words: the rules' decision and signals, length and punctuation, the
// line the unit stands in (a credit in it, a furniture lead at its start),
// its place on the page, repeats of the title and description lines,
// lines repeated elsewhere on the page, the content words it shares with
// the article and its title, and the neighbouring lines.

// unit model features
const (
	bfRuleBP = iota
	bfStrong
	bfHard
	bfProse
	bfCore
	bfHeadline
	bfAttached
	bfTopical
	bfHasLead
	bfLabel
	bfLeadMulti
	bfImper
	bfSecond
	bfInformal
	bfWe
	bfExcl
	bfQuestion
	bfQuoted
	bfList
	bfPipes
	bfHandles
	bfCues
	bfPrompt
	bfLeadCaption
	bfLeadAuthor
	bfLeadTeaser
	bfLeadPromo
	bfWords
	bfFinal
	bfLowerShare
	bfShort
	bfNumShare
	bfCapsShare
	bfColonLabel
	bfEllipsis
	bfSymStart
	bfSpacePunct
	bfParens
	bfCredit
	bfWhole
	bfLineUnits
	bfLineWords
	bfFirstInLine
	bfLastInLine
	bfLineCredit
	bfLineHard
	bfLineGlued
	bfLine0
	bfLine1
	bfRelPos
	bfBeforeCore
	bfAfterCore
	bfRepTitle
	bfRepDesc
	bfDupLine
	bfNextRep
	bfDoubled
	bfBylineEnd
	bfShared
	bfKeys
	bfSharedRatio
	bfTitleShared
	bfPrevBP
	bfNextBP
	bfPrevProse
	bfNextProse
	bfPrevCredit
	bfNextCredit
	bfBetweenProse
	bfLabelRun
	numBPFeatures
)

var bpFeatureNames = [numBPFeatures]string{
	"rule_bp", "strong", "hard", "prose", "core", "headline", "attached", "topical", "has_lead", "label",
	"lead_multi", "imper", "second", "informal", "we", "excl", "question", "quoted", "list", "pipes",
	"handles", "cues", "prompt", "lead_caption", "lead_author", "lead_teaser", "lead_promo", "words", "final", "lower_share",
	"short", "num_share", "caps_share", "colon_label", "ellipsis", "sym_start", "space_punct", "parens", "credit", "whole",
	"line_units", "line_words", "first_in_line", "last_in_line", "line_credit", "line_hard", "line_glued", "line0", "line1", "rel_pos",
	"before_core", "after_core", "rep_title", "rep_desc", "dup_line", "next_rep", "doubled", "byline_end", "shared", "keys",
	"shared_ratio", "title_shared", "prev_bp", "next_bp", "prev_prose", "next_prose", "prev_credit", "next_credit", "between_prose", "label_run",
}

type bpFeat [numBPFeatures]float32

func b2f(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

// unitFeatures computes the model's features of every unit into sc.feats.
// us are decided by the rules; keys are the sorted content-word keys.
func unitFeatures(us []unit, keys []uint64, text string, low *lowerText, sc *bpScratch) []bpFeat {
	n := len(us)
	feats := slices.Grow(sc.feats[:0], n)[:n]
	clear(feats)
	lines := buildLines(us, text, sc)
	lineOf := slices.Grow(sc.lineOf[:0], n)[:n]
	for li := range lines {
		for i := lines[li].first; i <= lines[li].last; i++ {
			lineOf[i] = int32(li)
		}
	}
	sc.lineOf = lineOf
	// lines whose text stands on another line too
	dup := make([]bool, len(lines))
	hs := sc.hashes[:0]
	for li := range lines {
		l := &lines[li]
		hs = append(hs, uint64(wordHash(low.word(us[l.first].start, us[l.last].end)))<<32|uint64(li))
	}
	slices.Sort(hs)
	for i := 0; i < len(hs); {
		j := i + 1
		for j < len(hs) && hs[j]>>32 == hs[i]>>32 {
			j++
		}
		if j-i > 1 {
			for k := i; k < j; k++ {
				dup[uint32(hs[k])] = true
			}
		}
		i = j
	}
	sc.hashes = hs
	// content words shared with the title (line 0) and description (line 1)
	titleShared := slices.Grow(sc.titleShared[:0], n)[:n]
	descShared := slices.Grow(sc.descShared[:0], n)[:n]
	clear(titleShared)
	clear(descShared)
	multiLine := len(lines) > 1 && lines[0].words <= 30
	if multiLine {
		for i := 0; i < len(keys); {
			h := keys[i] >> 32
			j := i
			inTitle, inDesc := false, false
			for j < len(keys) && keys[j]>>32 == h {
				switch lineOf[uint32(keys[j])] {
				case 0:
					inTitle = true
				case 1:
					inDesc = true
				}
				j++
			}
			if inTitle || inDesc {
				last := -1
				for k := i; k < j; k++ {
					v := int(uint32(keys[k]))
					if v == last {
						continue
					}
					last = v
					if inTitle {
						titleShared[v]++
					}
					if inDesc {
						descShared[v]++
					}
				}
			}
			i = j
		}
	}
	sc.titleShared, sc.descShared = titleShared, descShared
	// the article run
	coreA, coreB := n, -1
	for i := range us {
		if us[i].core {
			coreA = min(coreA, i)
			coreB = i
		}
	}
	for i := range us {
		u := &us[i]
		f := &feats[i]
		s := text[u.start:u.end]
		li := int(lineOf[i])
		l := &lines[li]
		f[bfRuleBP] = b2f(u.bp)
		f[bfStrong] = b2f(u.strong)
		f[bfHard] = b2f(u.hard)
		f[bfProse] = b2f(u.prose)
		f[bfCore] = b2f(u.core)
		f[bfHeadline] = b2f(u.headline)
		f[bfAttached] = b2f(u.attached)
		f[bfTopical] = b2f(u.topical())
		f[bfHasLead] = b2f(u.hasLead)
		f[bfLabel] = b2f(u.label)
		f[bfLeadMulti] = b2f(u.leadMulti)
		f[bfImper] = b2f(u.imper)
		f[bfSecond] = b2f(u.second)
		f[bfInformal] = b2f(u.informal)
		f[bfWe] = b2f(u.we)
		f[bfExcl] = b2f(u.excl)
		f[bfQuestion] = b2f(u.question)
		f[bfQuoted] = b2f(u.quoted)
		f[bfList] = b2f(u.list)
		f[bfPipes] = float32(min(u.pipes, 3))
		f[bfHandles] = b2f(u.handles > 0)
		f[bfCues] = float32(math.Log1p(float64(u.cueSum)))
		f[bfPrompt] = b2f(u.prompt > 0)
		if u.hasLead {
			switch u.lead {
			case KindCaption, KindCopyright:
				f[bfLeadCaption] = 1
			case KindAuthor, KindOther:
				f[bfLeadAuthor] = 1
			case KindTeaser, KindNavigation:
				f[bfLeadTeaser] = 1
			default:
				f[bfLeadPromo] = 1
			}
		}
		f[bfWords] = float32(math.Log1p(float64(u.words)))
		f[bfFinal] = b2f(u.final)
		if u.words > 0 {
			f[bfLowerShare] = float32(u.lower) / float32(u.words)
			f[bfCapsShare] = float32(u.caps) / float32(u.words)
		}
		f[bfShort] = b2f(u.words <= 4)
		f[bfNumShare] = float32(u.nums) / float32(u.words+u.nums+1)
		f[bfColonLabel] = b2f(l.label && int32(i) == l.first)
		f[bfEllipsis] = b2f(strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…"))
		f[bfSymStart] = b2f(symStart(text[us[l.first].start:]))
		f[bfSpacePunct] = b2f(strings.Contains(s, " ,") || strings.Contains(s, " ."))
		f[bfParens] = b2f(strings.IndexByte(s, '(') >= 0)
		f[bfCredit] = b2f(u.credit)
		f[bfWhole] = b2f(l.first == l.last)
		f[bfLineUnits] = float32(math.Log1p(float64(l.last - l.first)))
		f[bfLineWords] = float32(math.Log1p(float64(l.words)))
		f[bfFirstInLine] = b2f(int32(i) == l.first)
		f[bfLastInLine] = b2f(int32(i) == l.last)
		f[bfLineCredit] = b2f(l.credit)
		f[bfLineHard] = b2f(l.hard && !(u.hard && u.strong))
		f[bfLineGlued] = b2f(li > 0 && us[l.first].nlBefore == 1)
		f[bfLine0] = b2f(multiLine && li == 0)
		f[bfLine1] = b2f(multiLine && li == 1)
		f[bfRelPos] = float32(i) / float32(n)
		f[bfBeforeCore] = b2f(i < coreA)
		f[bfAfterCore] = b2f(i > coreB)
		if multiLine && li > 1 && u.keys >= 2 {
			f[bfRepTitle] = b2f(int(titleShared[i]) >= u.keys)
			f[bfRepDesc] = b2f(int(descShared[i]) >= u.keys)
		}
		f[bfDupLine] = b2f(dup[li])
		f[bfNextRep] = b2f(li+1 < len(lines) && us[lines[li+1].first].rep)
		f[bfDoubled] = b2f(doubledStart(text[us[l.first].start:us[l.last].end]))
		f[bfBylineEnd] = b2f(bylineEnd(text[us[l.first].start:us[l.last].end]))
		f[bfShared] = float32(math.Log1p(float64(u.shared)))
		f[bfKeys] = float32(math.Log1p(float64(u.keys)))
		if u.keys > 0 {
			f[bfSharedRatio] = float32(u.shared) / float32(u.keys)
		}
		f[bfTitleShared] = float32(math.Log1p(float64(titleShared[i])))
		if li > 0 {
			p := &lines[li-1]
			f[bfPrevBP] = b2f(us[p.first].bp)
			f[bfPrevProse] = b2f(p.prose)
			f[bfPrevCredit] = b2f(p.credit)
		}
		if li+1 < len(lines) {
			q := &lines[li+1]
			f[bfNextBP] = b2f(us[q.first].bp)
			f[bfNextProse] = b2f(q.prose)
			f[bfNextCredit] = b2f(q.credit)
		}
		f[bfBetweenProse] = f[bfPrevProse] * f[bfNextProse]
		run := 0
		for k := li; k >= 0 && lines[k].label && run < 5; k-- {
			run++
		}
		for k := li + 1; k < len(lines) && lines[k].label && run < 5; k++ {
			run++
		}
		if !l.label {
			run = 0
		}
		f[bfLabelRun] = float32(run)
	}
	sc.feats = feats
	return feats
}

// symStart reports whether s opens with a symbol rather than a letter, a
// digit, a quote or a bracket ("+++ …", "➤ …", "| …", "* …").
func symStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r >= 0xC0 && r < 0x2000:
		return false
	}
	switch r {
	case '"', '„', '“', '»', '«', '(', '\'', '‚', '‘', '[':
		return false
	}
	return true
}

// bpModel is the unit model: boosted regression trees (and a linear part)
// over the unit features, giving the log-odds that a unit is boilerplate.
type bpModel struct {
	w         bpFeat
	bias      float64
	trees     [][]bpNode
	threshold float64
	all       bool // decide every unit, not only modelCandidate's
}

// bpNode is a node of a tree: an inner node sends a unit with
// feature <= cut to left, else to right; a leaf (feature < 0) holds its
// value.
type bpNode struct {
	feature     int8
	left, right int16
	cut         float32
	value       float32
}

// score returns the model's log-odds that a unit is boilerplate.
func (m *bpModel) score(f *bpFeat) float64 {
	z := m.bias
	for k := range f {
		z += float64(m.w[k]) * float64(f[k])
	}
	for _, t := range m.trees {
		j := 0
		for t[j].feature >= 0 {
			if f[t[j].feature] <= t[j].cut {
				j = int(t[j].left)
			} else {
				j = int(t[j].right)
			}
		}
		z += float64(t[j].value)
	}
	return z
}

// prob returns the model's probability that a unit is boilerplate.
func (m *bpModel) prob(f *bpFeat) float64 { return 1 / (1 + math.Exp(-m.score(f))) }

// modelCandidate reports whether the model decides unit u: a unit the
// rules keep as body that is not the title, a repeat, a kicker's line,
// nor part of a list the article introduces.
func modelCandidate(u *unit) bool {
	return !u.bp && !u.rep && !u.headline && !u.attached && u.opener == 0
}

// defaultBPModel returns the unit model the detector uses (nil: the rules
// alone).
func defaultBPModel() *bpModel { return nil }
