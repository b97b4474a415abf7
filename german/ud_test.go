package german

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const udDevPath = "../../shared/data/ud-german-gsd/de_gsd-ud-dev.conllu"

// readUDText returns the "# text =" sentences of a CoNLL-U file.
func readUDText(t testing.TB, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Skip("UD German GSD: " + path + " not found")
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "# text = "); ok {
			out = append(out, strings.TrimSpace(v))
		}
	}
	require.NoError(t, sc.Err())
	return out
}

// boundaryScores joins sents with spaces, splits the text and compares the
// sentence ends (the end of the text excluded).
func boundaryScores(sents []string) (p, r, f1 float64, fp, fn []int, text string) {
	text = strings.Join(sents, " ")
	gold := map[int]bool{}
	pos := 0
	for i, s := range sents {
		pos += len(s)
		if i < len(sents)-1 {
			gold[pos] = true
		}
		pos++
	}
	pred := map[int]bool{}
	for _, s := range Sentences(text) {
		if s.End < len(text) {
			pred[s.End] = true
		}
	}
	tp := 0
	for e := range pred {
		if gold[e] {
			tp++
		} else {
			fp = append(fp, e)
		}
	}
	for e := range gold {
		if !pred[e] {
			fn = append(fn, e)
		}
	}
	p = float64(tp) / float64(len(pred))
	r = float64(tp) / float64(len(gold))
	f1 = 2 * p * r / (p + r)
	return
}

func TestSentencesUDGerman(t *testing.T) {
	sents := readUDText(t, udDevPath)
	require.Len(t, sents, 799)
	p, r, f1, fp, fn, text := boundaryScores(sents)
	t.Logf("UD German GSD dev: %d sentences, boundary P=%.4f R=%.4f F1=%.4f (FP %d, FN %d)", len(sents), p, r, f1, len(fp), len(fn))
	if testing.Verbose() {
		show := func(what string, e int) {
			a, b := max(0, e-60), min(len(text), e+40)
			t.Logf("%s: %q | %q", what, text[a:e], text[e:b])
		}
		for _, e := range fp {
			show("FP", e)
		}
		for _, e := range fn {
			show("FN", e)
		}
	}
	assert.GreaterOrEqual(t, f1, 0.99, "boundary F1")
}
