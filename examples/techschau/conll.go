package main

import (
	"bufio"
	"bytes"
	"errors"
	"github.com/techschau/techschau/internal/lines"
	"io"
	"strings"
)

// This file holds the CLI's own reader and writer for GermEval-2014-style TSV:
//
//	#<TAB>source<TAB>[date]          comment line, kept as it is
//	1<TAB>Huawei<TAB>B-ORG<TAB>O     token line: index, token, outer tag, inner tag, ...
//	                                 blank line: end of a sentence
//
// The reader is streaming: it returns one block (the lines of one sentence, up to and
// including the blank line that ends it) at a time, so memory is bounded by the longest
// sentence (and at most maxBlockTokens token lines are kept before a block is cut).

// maxConllLine is the longest TSV line accepted (a longer one is reported and dropped).
const maxConllLine = 1 << 20

// maxBlockTokens cuts a block that runs this many token lines without a blank line (input
// with no sentence boundaries); the rest of it continues in the next block.
const maxBlockTokens = 10000

// conllKind says what a TSV line is.
type conllKind uint8

const (
	conllBlank     conllKind = iota // empty or only white space: ends a sentence
	conllComment                    // starts with '#'
	conllToken                      // index<TAB>token[<TAB>...]
	conllMalformed                  // anything else (no TAB): written back unchanged
)

// conllLine is one line of the input, without its line ending.
type conllLine struct {
	Num  int       // 1-based line number in the input
	Kind conllKind // what the line is
	Raw  string    // the line as read
	Cols []string  // the TAB-separated columns of a token line
}

// conllBlock is one sentence: its lines in input order, the index into Lines of each token
// line, and the line errors met while reading it.
type conllBlock struct {
	Lines  []conllLine
	Tokens []int
}

// TokenTexts returns the token column of each token line.
func (b *conllBlock) TokenTexts() []string {
	out := make([]string, len(b.Tokens))
	for i, li := range b.Tokens {
		out[i] = b.Lines[li].Cols[1]
	}
	return out
}

// conllReader reads blocks from a TSV stream.
type conllReader struct {
	lr   *lines.Reader
	errs []error // line errors (too long, malformed) since the last call to takeErrors
	done bool
}

func newConllReader(r io.Reader) *conllReader {
	return &conllReader{lr: lines.NewReader(r, maxConllLine)}
}

// takeErrors returns and clears the line errors collected so far (each a *lines.Error).
func (cr *conllReader) takeErrors() []error {
	e := cr.errs
	cr.errs = nil
	return e
}

// next returns the next block, or io.EOF when the input is exhausted. Malformed lines do not
// stop reading: they are kept in the block as conllMalformed (written back unchanged) and
// reported by takeErrors; an over-long line is dropped and reported. A read error ends the
// stream and is returned.
func (cr *conllReader) next() (*conllBlock, error) {
	if cr.done {
		return nil, io.EOF
	}
	b := &conllBlock{}
	for {
		raw, num, err := cr.lr.Next()
		if err != nil {
			var le *lines.Error
			if errors.As(err, &le) {
				cr.errs = append(cr.errs, le)
				continue
			}
			if errors.Is(err, io.EOF) {
				cr.done = true
				if len(b.Lines) == 0 {
					return nil, io.EOF
				}
				return b, nil
			}
			cr.done = true
			return nil, err
		}
		l := parseConllLine(string(raw), num)
		if l.Kind == conllMalformed {
			cr.errs = append(cr.errs, &lines.Error{Line: num, Err: errors.New("malformed token line: want index<TAB>token[<TAB>tag...]")})
		}
		b.Lines = append(b.Lines, l)
		if l.Kind == conllToken {
			b.Tokens = append(b.Tokens, len(b.Lines)-1)
		}
		if l.Kind == conllBlank || len(b.Tokens) >= maxBlockTokens {
			return b, nil
		}
	}
}

// parseConllLine classifies one line.
func parseConllLine(raw string, num int) conllLine {
	l := conllLine{Num: num, Raw: raw}
	switch {
	case strings.TrimSpace(raw) == "":
		l.Kind = conllBlank
	case raw[0] == '#':
		l.Kind = conllComment
	case strings.IndexByte(raw, '\t') < 0:
		l.Kind = conllMalformed
	default:
		l.Kind = conllToken
		l.Cols = strings.Split(raw, "\t")
	}
	return l
}

// writeConllBlock writes b with tags[i] as the third column of the i-th token line (a
// line with only two columns gets a third). Other lines are written unchanged. Every line
// ends in "\n".
func writeConllBlock(w *bufio.Writer, b *conllBlock, tags []string) error {
	ti := 0
	var line bytes.Buffer
	for _, l := range b.Lines {
		line.Reset()
		if l.Kind != conllToken {
			line.WriteString(l.Raw)
		} else {
			tag := "O"
			if ti < len(tags) && tags[ti] != "" {
				tag = tags[ti]
			}
			ti++
			line.WriteString(l.Cols[0])
			line.WriteByte('\t')
			line.WriteString(l.Cols[1])
			line.WriteByte('\t')
			line.WriteString(tag)
			for _, c := range l.Cols[min(3, len(l.Cols)):] {
				line.WriteByte('\t')
				line.WriteString(c)
			}
		}
		line.WriteByte('\n')
		if _, err := w.Write(line.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// germevalTag maps a BIO tag of the recogniser to GermEval's outer label set: PER, ORG,
// LOC, OTH (PRODUCT and MISC become OTH); anything unknown becomes O.
func germevalTag(tag string) string {
	if tag == "" || tag == "O" {
		return "O"
	}
	prefix, typ, ok := strings.Cut(tag, "-")
	if !ok || (prefix != "B" && prefix != "I") {
		return "O"
	}
	switch typ {
	case "PER", "ORG", "LOC", "OTH":
		return tag
	case "PRODUCT", "MISC":
		return prefix + "-OTH"
	}
	return "O"
}

// fixBIO repairs an I- tag that does not continue an entity of the same type (it becomes B-).
func fixBIO(tags []string) {
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") && prev[min(2, len(prev)):] != t[2:] {
			tags[i] = "B-" + t[2:]
		}
		prev = tags[i]
	}
}
