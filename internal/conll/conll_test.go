package conll_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/internal/conll"
	"github.com/techschau/techschau/internal/ner"
)

const germEval = "#\thttp://example.org/a\t[2010-07-04]\n" +
	"1\tDie\tO\tO\n" +
	"2\tdeutschen\tB-LOCderiv\tO\n" +
	"3\tSiemens-Werke\tB-ORGpart\tO\n" +
	"4\tin\tO\tO\n" +
	"5\tNew\tB-LOC\tO\n" +
	"6\tYork\tI-LOC\tO\n" +
	"7\tzeigen\tO\tO\n" +
	"8\tWindows\tB-OTH\tO\n" +
	"9\tvon\tO\tO\n" +
	"10\tBill\tB-PER\tO\n" +
	"11\tGates\tI-PER\tO\n" +
	"\n" +
	"#\thttp://example.org/b\t[2010-07-05]\n" +
	"1\tHallo\tO\tO\n" +
	"\n"

func TestReadGermEval(t *testing.T) {
	tests := []struct {
		name string
		fold conll.Fold
		want []ner.Label
	}{
		{"drop deriv and part", conll.FoldDrop,
			[]ner.Label{ner.O, ner.O, ner.O, ner.O, ner.BLOC, ner.ILOC, ner.O, ner.BMISC, ner.O, ner.BPER, ner.IPER}},
		{"fold into base type", conll.FoldBase,
			[]ner.Label{ner.O, ner.BLOC, ner.BORG, ner.O, ner.BLOC, ner.ILOC, ner.O, ner.BMISC, ner.O, ner.BPER, ner.IPER}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss, err := conll.ReadGermEval(strings.NewReader(germEval), tt.fold)
			require.NoError(t, err)
			require.Len(t, ss, 2)
			assert.Equal(t, tt.want, ss[0].Labels)
			assert.Equal(t, "Siemens-Werke", ss[0].Words[2])
			assert.Equal(t, []string{"#\thttp://example.org/a\t[2010-07-04]"}, ss[0].Comments)
			assert.Equal(t, []string{"Hallo"}, ss[1].Words)
		})
	}
}

func TestReadGermEvalErrors(t *testing.T) {
	_, err := conll.ReadGermEval(strings.NewReader("1\tDie\tO\tO\nkaputt\n"), conll.FoldDrop)
	assert.ErrorIs(t, err, conll.ErrFormat)
	assert.ErrorContains(t, err, "line 2")
	ss, err := conll.ReadGermEval(strings.NewReader("1\tDie\n2\tKatze\r\n"), conll.FoldDrop)
	require.NoError(t, err, "unlabelled input")
	require.Len(t, ss, 1)
	assert.Equal(t, []ner.Label{ner.O, ner.O}, ss[0].Labels)
}

func TestWriteGermEval(t *testing.T) {
	ss, err := conll.ReadGermEval(strings.NewReader(germEval), conll.FoldBase)
	require.NoError(t, err)
	var buf bytes.Buffer
	for _, s := range ss {
		require.NoError(t, conll.WriteGermEval(&buf, s, s.Labels))
	}
	want := strings.NewReplacer("LOCderiv", "LOC", "ORGpart", "ORG").Replace(germEval)
	assert.Equal(t, want, buf.String())

	// predictions replace column 3 only; a short prediction pads with O
	buf.Reset()
	require.NoError(t, conll.WriteGermEval(&buf, ss[0], []ner.Label{ner.BORG, ner.IORG, ner.BMISC}))
	lines := strings.Split(buf.String(), "\n")
	assert.Equal(t, "1\tDie\tB-ORG\tO", lines[1])
	assert.Equal(t, "3\tSiemens-Werke\tB-OTH\tO", lines[3])
	assert.Equal(t, "4\tin\tO\tO", lines[4])
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART- O\n\nDer\tO\nEU-Kommissar\tO\nGünther\tB-PER\nOettinger\tI-PER\nin\tO\nBrüssel\tB-LOC\n\n\nEuropäische\tB-ORG\nUnion\ti-org\nkaputt\n"
	ss, err := conll.ReadCoNLL(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, ss, 2)
	assert.Equal(t, []ner.Label{ner.O, ner.O, ner.BPER, ner.IPER, ner.O, ner.BLOC}, ss[0].Labels)
	assert.Equal(t, []string{"Europäische", "Union"}, ss[1].Words)
	assert.Equal(t, []ner.Label{ner.BORG, ner.IORG}, ss[1].Labels)
}

func TestReadEuropeana(t *testing.T) {
	in := "# file: x\nDie O\nStadt O\nWien B-LOC\n. O\nHerr O\nDr B-PER\n. I-PER\nMüller I-PER\nsprach O\n(L3> O x\nB_PER\n! O\n# file: y\nEnde O\n"
	ss, err := conll.ReadEuropeana(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, ss, 3)
	assert.Equal(t, []string{"Die", "Stadt", "Wien", "."}, ss[0].Words)
	assert.Equal(t, []string{"Herr", "Dr", ".", "Müller", "sprach", "!"}, ss[1].Words, "no cut inside a name; malformed lines skipped")
	assert.Equal(t, []ner.Label{ner.O, ner.BPER, ner.IPER, ner.IPER, ner.O, ner.O}, ss[1].Labels)
	assert.Equal(t, []string{"Ende"}, ss[2].Words)
}

func TestReadSmartData(t *testing.T) {
	// offsets are code points: "Müller" starts at 4 in characters, 4 in bytes,
	// but "Zürich" starts at 27 characters / 28 bytes.
	text := "Der Müller-Konzern baut in Zürich.\nBosch AG und Siemens."
	in := `{"id":"a","text":` + quote(text) + `,"entities":[` +
		`[4,10,"organization-company","Müller"],` + // inside a token: dropped
		`[27,33,"location-city","Zürich"],` +
		`[27,30,"location","Zür"],` + // overlaps the earlier, longer one: dropped
		`[35,43,"organization-company","Bosch AG"],` +
		`[48,55,"organization","Siemens"],` +
		`[0,3,"date","Der"]]}` + "\n"
	ss, err := conll.ReadSmartData(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, ss, 2)
	assert.Equal(t, []string{"Der", "Müller-Konzern", "baut", "in", "Zürich", "."}, ss[0].Words)
	assert.Equal(t, []ner.Label{ner.O, ner.O, ner.O, ner.O, ner.BLOC, ner.O}, ss[0].Labels)
	assert.Equal(t, []string{"Bosch", "AG", "und", "Siemens", "."}, ss[1].Words)
	assert.Equal(t, []ner.Label{ner.BORG, ner.IORG, ner.O, ner.BORG, ner.O}, ss[1].Labels)

	_, err = conll.ReadSmartData(strings.NewReader("{kaputt\n"))
	assert.ErrorIs(t, err, conll.ErrFormat)
}

func TestReadSmartDataPlaceAdjectives(t *testing.T) {
	// SmartData tags place adjectives as locations; GermEval's outer level does not
	tests := []struct {
		text string
		span [2]int
		want []ner.Label
	}{
		{"Die deutschen Firmen", [2]int{4, 13}, []ner.Label{ner.O, ner.O, ner.O}},
		{"Die US-amerikanische Firma", [2]int{4, 20}, []ner.Label{ner.O, ner.O, ner.O}},
		{"Die Berliner Polizei", [2]int{4, 12}, []ner.Label{ner.O, ner.O, ner.O}},
		{"Sie fahren nach Hannover .", [2]int{16, 24}, []ner.Label{ner.O, ner.O, ner.O, ner.BLOC, ner.O}},
		{"Die Stadt Münster wächst", [2]int{10, 17}, []ner.Label{ner.O, ner.O, ner.BLOC, ner.O}},
	}
	for _, tc := range tests {
		in := fmt.Sprintf(`{"id":"a","text":%s,"entities":[[%d,%d,"location","x"]]}`, quote(tc.text), tc.span[0], tc.span[1])
		ss, err := conll.ReadSmartData(strings.NewReader(in + "\n"))
		require.NoError(t, err)
		require.Len(t, ss, 1)
		assert.Equal(t, tc.want, ss[0].Labels, tc.text)
	}
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func TestTokenize(t *testing.T) {
	text := "„NVIDIA-Chips“ (3,5 Mrd.) am 12.04.2016: z.B. gut!"
	var got []string
	for _, tok := range conll.Tokenize(text) {
		assert.Equal(t, tok.Text, text[tok.Start:tok.End])
		got = append(got, tok.Text)
	}
	assert.Equal(t, []string{"„", "NVIDIA-Chips", "“", "(", "3,5", "Mrd", ".", ")", "am", "12.04.2016", ":", "z.B", ".", "gut", "!"}, got)
}

func TestEval(t *testing.T) {
	var e conll.Eval
	gold := []ner.Label{ner.BPER, ner.IPER, ner.O, ner.BORG, ner.O, ner.BLOC}
	pred := []ner.Label{ner.BPER, ner.IPER, ner.O, ner.BORG, ner.IORG, ner.BMISC}
	e.Add(gold, pred)
	assert.Equal(t, conll.Score{TP: 1}, e.Type("PER"))
	assert.Equal(t, conll.Score{FP: 1, FN: 1}, e.Type("ORG"), "strict: a longer span is wrong")
	assert.Equal(t, conll.Score{FN: 1}, e.Type("LOC"))
	assert.Equal(t, conll.Score{FP: 1}, e.Type("MISC"))
	all := e.Overall()
	assert.Equal(t, conll.Score{TP: 1, FP: 2, FN: 2}, all)
	assert.InDelta(t, 1.0/3, all.Precision(), 1e-9)
	assert.InDelta(t, 1.0/3, all.F1(), 1e-9)
	var buf bytes.Buffer
	require.NoError(t, e.WriteReport(&buf))
	assert.Contains(t, buf.String(), "overall")
	assert.Zero(t, conll.Score{}.F1())
}

func FuzzReadGermEval(f *testing.F) {
	f.Add(germEval)
	f.Add("1\tx\n\n\n#\n2\t\xff\tB-PERderiv\tI-OTHpart\textra\n")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := conll.ReadGermEval(strings.NewReader(in), conll.FoldBase)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		for _, s := range ss {
			require.Len(t, s.Labels, len(s.Words))
			require.NoError(t, conll.WriteGermEval(&buf, s, s.Labels))
		}
		// what we write reads back to the same words and labels
		back, err := conll.ReadGermEval(&buf, conll.FoldBase)
		require.NoError(t, err)
		var w1, w2 []string
		var l1, l2 []ner.Label
		for _, s := range ss {
			w1, l1 = append(w1, s.Words...), append(l1, s.Labels...)
		}
		for _, s := range back {
			w2, l2 = append(w2, s.Words...), append(l2, s.Labels...)
		}
		assert.Equal(t, w1, w2)
		assert.Equal(t, l1, l2)
	})
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("Der\tO\nGünther\tB-PER\n\nx y z B_LOC\n")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := conll.ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range ss {
			require.NotEmpty(t, s.Words)
			require.Len(t, s.Labels, len(s.Words))
		}
	})
}

func FuzzReadEuropeana(f *testing.F) {
	f.Add("Die O\nStadt O\nWien B-LOC\n. O\n# x\nA I-PER\n")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := conll.ReadEuropeana(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range ss {
			require.NotEmpty(t, s.Words)
			require.Len(t, s.Labels, len(s.Words))
			require.LessOrEqual(t, len(s.Words), conll.MaxSentence)
		}
	})
}

func FuzzReadSmartData(f *testing.F) {
	f.Add(`{"id":"a","text":"Bosch AG in Zürich.","entities":[[0,8,"organization-company","Bosch AG"],[12,18,"location","Zürich"]]}`)
	f.Add(`{"text":"\u00fc\ud800x","entities":[[1,2,"person"],[-1,99,"location"],["a"],[0,1,"person","x"]]}`)
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := conll.ReadSmartData(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range ss {
			require.NotEmpty(t, s.Words)
			require.Len(t, s.Labels, len(s.Words))
		}
	})
}

func FuzzTokenize(f *testing.F) {
	f.Add("„NVIDIA-Chips“ (3,5 Mrd.) \xff am 12.04.2016:")
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, tok := range conll.Tokenize(text) {
			require.Less(t, tok.Start, tok.End)
			require.GreaterOrEqual(t, tok.Start, end)
			require.Equal(t, tok.Text, text[tok.Start:tok.End])
			end = tok.End
		}
	})
}
