package entities

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/internal/golddata"
)

// prf counts mention-level true positives, false positives and false negatives.
type prf struct{ tp, fp, fn int }

func (c prf) scores() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

type spanKey struct {
	start, end int
	typ        string
}

// evalArticles scores the recognizer on the gold articles: exact span and type.
// With verbose, the errors are printed.
func evalArticles(t *testing.T, r *Recognizer, arts []golddata.Article, verbose bool) (prf, map[string]*prf) {
	var all prf
	per := map[string]*prf{}
	for _, ty := range golddata.Types {
		per[ty] = &prf{}
	}
	for _, a := range arts {
		gold := map[spanKey]string{}
		for _, m := range a.Entities {
			gold[spanKey{m.Start, m.End, m.Type}] = m.ID
		}
		pred := map[spanKey]string{}
		for _, e := range r.Recognize(a.Text) {
			for _, m := range e.Mentions {
				ty := e.Type.String()
				if m.Derived {
					ty = "LOC"
				}
				pred[spanKey{m.Start, m.End, ty}] = e.ID + "/" + e.Source
			}
		}
		var lines []string
		for k, id := range pred {
			if _, ok := gold[k]; ok {
				all.tp++
				per[k.typ].tp++
			} else {
				all.fp++
				if per[k.typ] != nil {
					per[k.typ].fp++
				}
				lines = append(lines, fmt.Sprintf("%6d FP %-7s %q (%s)", k.start, k.typ, a.Text[k.start:k.end], id))
			}
		}
		for k, id := range gold {
			if _, ok := pred[k]; !ok {
				all.fn++
				per[k.typ].fn++
				lines = append(lines, fmt.Sprintf("%6d FN %-7s %q (%s) ctx=%q", k.start, k.typ, a.Text[k.start:k.end], id, ctx(a.Text, k.start, k.end)))
			}
		}
		if verbose && len(lines) > 0 {
			sort.Strings(lines)
			t.Logf("%s:\n%s", a.Name, strings.Join(lines, "\n"))
		}
	}
	return all, per
}

func ctx(s string, a, b int) string {
	a = max(0, a-25)
	b = min(len(s), b+25)
	for a > 0 && (s[a]&0xC0) == 0x80 {
		a--
	}
	for b < len(s) && (s[b]&0xC0) == 0x80 {
		b++
	}
	return s[a:b]
}

// TestGoldArticles reports mention-level precision, recall and F1 (exact span and
// type) over testdata/articles. Run with -v to see the figures, and with
// TECHSCHAU_GOLD_ERRORS=1 to list every error.
func TestGoldArticles(t *testing.T) {
	dir, err := golddata.ArticlesDir()
	require.NoError(t, err)
	if _, err := os.Stat(dir); err != nil {
		t.Skip("gold articles: " + dir + " not found")
	}
	arts, err := golddata.LoadArticles(dir)
	require.NoError(t, err)
	if len(arts) == 0 {
		t.Skip("gold articles: none in " + dir)
	}
	for _, cfg := range []struct {
		name string
		opts []Option
	}{{"lexicon+rules", []Option{WithoutModel()}}, {"lexicon+rules+model", nil}} {
		r, err := New(cfg.opts...)
		require.NoError(t, err)
		all, per := evalArticles(t, r, arts, os.Getenv("TECHSCHAU_GOLD_ERRORS") != "" && cfg.opts == nil)
		p, rc, f := all.scores()
		t.Logf("%s: %d articles, P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", cfg.name, len(arts), p, rc, f, all.tp, all.fp, all.fn)
		for _, ty := range golddata.Types {
			c := per[ty]
			p, rc, f := c.scores()
			t.Logf("  %-7s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", ty, p, rc, f, c.tp, c.fp, c.fn)
		}
		assert.GreaterOrEqual(t, f, 0.95, cfg.name)
	}
}
