package analyze

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
)

// segmentChunk is the size of the pieces a large text is segmented in, so
// that a cancelled context stops segmentation quickly.
const segmentChunk = 64 << 10

// segment runs german.Segment, on large texts piece by piece between blank
// lines (a blank line always ends a sentence, so the result is the same),
// checking ctx between the pieces.
// A text that needs no pieces is segmented into dst (german.SegmentInto).
func segment(ctx context.Context, text string, dst *german.Segmented) (*german.Segmented, error) {
	if len(text) <= 2*segmentChunk {
		return german.SegmentInto(dst, text), nil
	}
	out := &german.Segmented{Text: text}
	for start := 0; start < len(text); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		end := chunkEnd(text, start)
		seg := german.Segment(text[start:end])
		if start == 0 {
			// room for all sentences at the first piece's density: growing
			// the slice piece by piece copies it over and over on a text
			// of a million tiny sentences
			n := len(seg.Sentences)*(len(text)/end+1) + 16
			out.Sentences = make([]german.Sentence, 0, n+n/8)
		}
		for _, s := range seg.Sentences {
			s.Start += start
			s.End += start
			for k := range s.Tokens {
				s.Tokens[k].Start += start
				s.Tokens[k].End += start
			}
			out.Sentences = append(out.Sentences, s)
		}
		start = end
	}
	return out, nil
}

// chunkEnd picks the end of the piece starting at start: after a blank
// line past segmentChunk bytes, else after a line break, else after a
// space, else at a rune boundary.
func chunkEnd(text string, start int) int {
	if len(text)-start <= 2*segmentChunk {
		return len(text)
	}
	from, to := start+segmentChunk, start+2*segmentChunk
	win := text[from:to]
	if i := strings.Index(win, "\n\n"); i >= 0 {
		return from + i + 2
	}
	if i := strings.Index(win, "\n\r\n"); i >= 0 {
		return from + i + 3
	}
	if i := strings.IndexByte(win, '\n'); i >= 0 {
		return from + i + 1
	}
	if i := strings.IndexByte(win, ' '); i >= 0 {
		return from + i + 1
	}
	e := to
	for e > from && !utf8.RuneStart(text[e]) {
		e--
	}
	return e
}
