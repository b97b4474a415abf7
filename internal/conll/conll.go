package conll

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/techschau/techschau/internal/ner"
)

// ErrFormat is wrapped by every reader error about malformed input.
var ErrFormat = errors.New("conll: malformed input")

// maxLine is the longest line the readers accept.
const maxLine = 1 << 20

// Sentence is one tokenised sentence with gold labels. Words and Labels have the
// same length. Comments and Fields are kept by ReadGermEval so that WriteGermEval
// can write the sentence back unchanged apart from the predicted column.
type Sentence struct {
	Words  []string
	Labels []ner.Label
	// Comments are the sentence's comment lines as read, without the line end.
	Comments []string
	// Fields are the raw tab-separated columns of each token line (GermEval only).
	Fields [][]string
}

// Fold says how GermEval's deriv and part labels are read.
type Fold uint8

const (
	// FoldDrop reads deriv and part labels as O: only the four name types count.
	// "deutschen" (LOCderiv) and "Siemens-Chef" (ORGpart) are not names. This is
	// the folding the model is trained and evaluated with.
	FoldDrop Fold = iota
	// FoldBase reads LOCderiv and LOCpart as LOC, ORGpart as ORG and so on.
	FoldBase
)

// GermEvalLabel folds a GermEval outer or inner label ("B-LOCderiv", "I-OTH", "O")
// to a model label: OTH becomes MISC; deriv and part variants follow fold.
// Unknown labels read as O.
func GermEvalLabel(s string, fold Fold) ner.Label {
	base, ok := strings.CutSuffix(s, "deriv")
	if !ok {
		base, ok = strings.CutSuffix(s, "part")
	}
	if ok && fold == FoldDrop {
		return ner.O
	}
	l, _ := ner.ParseLabel(base)
	return l
}

// GermEvalTag writes a model label as a GermEval outer tag: "O", "B-PER",
// "I-ORG", "B-LOC", "B-OTH" (MISC is written as OTH).
func GermEvalTag(l ner.Label) string {
	switch l {
	case ner.BMISC:
		return "B-OTH"
	case ner.IMISC:
		return "I-OTH"
	}
	return l.String()
}

// ReadGermEval reads GermEval 2014 TSV: `#` comment lines, token lines
// `index<TAB>token<TAB>outer<TAB>inner`, a blank line between sentences. Gold
// labels come from the outer column, folded with fold. Lines with only an
// index and a token are accepted and read as O, so unlabelled input works.
// A token line with fewer than two columns is an ErrFormat error naming the line.
func ReadGermEval(r io.Reader, fold Fold) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 || len(cur.Comments) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if line[0] == '#' {
			if len(cur.Words) > 0 {
				flush()
			}
			cur.Comments = append(cur.Comments, line)
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[1] == "" {
			return out, fmt.Errorf("%w: line %d: want index<TAB>token<TAB>outer<TAB>inner", ErrFormat, n)
		}
		lab := ner.O
		if len(f) >= 3 {
			lab = GermEvalLabel(f[2], fold)
		}
		cur.Words = append(cur.Words, f[1])
		cur.Labels = append(cur.Labels, lab)
		cur.Fields = append(cur.Fields, f)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("conll: read GermEval: %w", err)
	}
	flush()
	return out, nil
}

// WriteGermEval writes s in GermEval format with pred (one label per word) in
// column 3 as PER/ORG/LOC/OTH outer tags; the other columns are written as read
// (missing ones are filled: index from 1, inner "O"). If pred is shorter than
// the sentence, the remaining words get "O".
func WriteGermEval(w io.Writer, s Sentence, pred []ner.Label) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	for i, word := range s.Words {
		tag := "O"
		if i < len(pred) {
			tag = GermEvalTag(pred[i])
		}
		var f []string
		if i < len(s.Fields) {
			f = s.Fields[i]
		}
		idx := fmt.Sprint(i + 1)
		if len(f) > 0 {
			idx = f[0]
		}
		inner := "O"
		if len(f) > 3 {
			inner = f[3]
		}
		bw.WriteString(idx)
		bw.WriteByte('\t')
		bw.WriteString(word)
		bw.WriteByte('\t')
		bw.WriteString(tag)
		bw.WriteByte('\t')
		bw.WriteString(inner)
		for j := 4; j < len(f); j++ {
			bw.WriteByte('\t')
			bw.WriteString(f[j])
		}
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

// parseIOB reads an IOB2 tag leniently: case-insensitive, '_' or '.' as the
// separator, OTH and PRODUCT as MISC. Anything unknown is O.
func parseIOB(s string) ner.Label {
	if s == "O" || len(s) < 3 {
		return ner.O
	}
	u := strings.ToUpper(s)
	if u[1] == '_' || u[1] == '.' {
		u = u[:1] + "-" + u[2:]
	}
	l, _ := ner.ParseLabel(u)
	return l
}

// ReadCoNLL reads CoNLL-2002-style files such as the Europarl annotations: one
// token a line, the token first and the IOB2 tag last, columns separated by tabs
// or spaces, a blank line between sentences. Lines starting with `#` and
// -DOCSTART- lines are skipped; a line with a single column is skipped too.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	var out []Sentence
	var cur Sentence
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		f := strings.Fields(line)
		if len(f) == 0 {
			if len(cur.Words) > 0 {
				out = append(out, cur)
				cur = Sentence{}
			}
			continue
		}
		if strings.HasPrefix(line, "#") || f[0] == "-DOCSTART-" || len(f) < 2 {
			continue
		}
		cur.Words = append(cur.Words, f[0])
		cur.Labels = append(cur.Labels, parseIOB(f[len(f)-1]))
	}
	if len(cur.Words) > 0 {
		out = append(out, cur)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("conll: read CoNLL: %w", err)
	}
	return out, nil
}

// MaxSentence is the longest sentence ReadEuropeana makes before cutting.
const MaxSentence = 120

// ReadEuropeana reads the Europeana Newspapers files: `token<SPACE>IOB2`, no
// sentence boundaries. A sentence ends after ".", "!" or "?" (when the next
// label is not I-), at a `#` line and after MaxSentence tokens. Lines that do
// not have exactly two space-separated columns (OCR debris) are skipped.
func ReadEuropeana(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	var out []Sentence
	var cur Sentence
	cut := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
			cur = Sentence{}
		}
	}
	prevEnd := false
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") {
			cut()
			prevEnd = false
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			continue
		}
		lab := parseIOB(f[1])
		if prevEnd && !lab.IsInside() || len(cur.Words) >= MaxSentence {
			cut()
		}
		cur.Words = append(cur.Words, f[0])
		cur.Labels = append(cur.Labels, lab)
		prevEnd = f[0] == "." || f[0] == "!" || f[0] == "?"
	}
	cut()
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("conll: read Europeana: %w", err)
	}
	return out, nil
}
