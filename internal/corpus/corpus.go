// Package corpus reads the evaluation corpora in ../shared/data for tests,
// benchmarks and evaluation commands: the 10kGNAD CSV articles and the raw
// sentence text of Universal Dependencies CoNLL-U files.
package corpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// ErrFormat reports malformed input.
var ErrFormat = errors.New("corpus: malformed input")

// Article is one 10kGNAD row: a topic label and the article text.
type Article struct {
	Label string // Web, Wirtschaft, Wissenschaft, Panorama, International, Inland, Sport, Kultur, Etat
	Text  string
}

// ReadGNAD reads 10kGNAD CSV rows: UTF-8, CRLF or LF line ends, no header,
// `label;text` with separator ';' and quote character '\”. A quoted field
// ('…') may contain ';', line breaks and quotes doubled (”); an unquoted
// field runs to the end of the line.
func ReadGNAD(r io.Reader) ([]Article, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	var out []Article
	line := 0
	for {
		rec, n, err := readRecord(br)
		line += n
		if err != nil {
			if err == io.EOF {
				return out, nil
			}
			return out, fmt.Errorf("corpus: line %d: %w", line, err)
		}
		if rec == "" {
			continue
		}
		label, text, ok := strings.Cut(rec, ";")
		if !ok {
			return out, fmt.Errorf("corpus: line %d: no ';': %w", line, ErrFormat)
		}
		text, err = unquote(text)
		if err != nil {
			return out, fmt.Errorf("corpus: line %d: %w", line, err)
		}
		out = append(out, Article{Label: label, Text: text})
	}
}

// ReadGNADFile reads a 10kGNAD CSV file (see ReadGNAD).
func ReadGNADFile(path string) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadGNAD(f)
}

// readRecord reads one logical record (a quoted field may span lines) and
// returns it without its line end, and the number of physical lines read.
func readRecord(br *bufio.Reader) (string, int, error) {
	var sb strings.Builder
	lines := 0
	for {
		s, err := br.ReadString('\n')
		if s == "" && err != nil {
			if sb.Len() > 0 {
				return "", lines, fmt.Errorf("unterminated quote: %w", ErrFormat)
			}
			return "", lines, err
		}
		lines++
		sb.WriteString(s)
		rec := sb.String()
		if balanced(rec) || err != nil {
			rec = strings.TrimSuffix(rec, "\n")
			rec = strings.TrimSuffix(rec, "\r")
			return rec, lines, nil
		}
	}
}

// balanced reports whether the record's text field, when quoted, is closed.
func balanced(rec string) bool {
	_, text, ok := strings.Cut(rec, ";")
	if !ok || !strings.HasPrefix(text, "'") {
		return true
	}
	return strings.Count(text, "'")%2 == 0
}

// unquote removes the quotes of a quoted field and undoubles inner quotes.
func unquote(s string) (string, error) {
	if !strings.HasPrefix(s, "'") {
		return s, nil
	}
	if len(s) < 2 || !strings.HasSuffix(s, "'") {
		return "", fmt.Errorf("unterminated quote: %w", ErrFormat)
	}
	s = s[1 : len(s)-1]
	if !strings.Contains(s, "'") {
		return s, nil
	}
	return strings.ReplaceAll(s, "''", "'"), nil
}

// UDSentence is one sentence of a CoNLL-U file: its id and raw text.
type UDSentence struct {
	ID   string // the "# sent_id =" value, "" if absent
	Text string // the "# text =" value, or rebuilt from the tokens and SpaceAfter=No
}

// ReadCoNLLU reads the sentences of a CoNLL-U file. The raw text is taken
// from "# text =" lines; when a sentence has none it is rebuilt from the
// word forms (multi-word token lines where present), honouring
// SpaceAfter=No in the MISC column.
func ReadCoNLLU(r io.Reader) ([]UDSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	var out []UDSentence
	var cur UDSentence
	var rebuilt strings.Builder
	hasText, inSent := false, false
	skipUntil := 0 // last word id covered by a multi-word token
	flush := func() {
		if !inSent {
			return
		}
		if !hasText {
			cur.Text = strings.TrimRight(rebuilt.String(), " ")
		}
		out = append(out, cur)
		cur = UDSentence{}
		rebuilt.Reset()
		hasText, inSent = false, false
		skipUntil = 0
	}
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case line == "":
			flush()
		case strings.HasPrefix(line, "#"):
			inSent = true
			if v, ok := strings.CutPrefix(line, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(line, "# text = "); ok {
				cur.Text = v
				hasText = true
			}
		default:
			inSent = true
			cols := strings.Split(line, "\t")
			if len(cols) < 10 {
				return out, fmt.Errorf("corpus: conllu line %q: %w", line, ErrFormat)
			}
			id := cols[0]
			if strings.Contains(id, ".") {
				continue // empty node
			}
			if a, b, ok := strings.Cut(id, "-"); ok {
				_ = a
				skipUntil = atoi(b)
			} else if atoi(id) <= skipUntil {
				continue
			}
			rebuilt.WriteString(cols[1])
			if !strings.Contains(cols[9], "SpaceAfter=No") {
				rebuilt.WriteByte(' ')
			}
		}
	}
	if err := sc.Err(); err != nil {
		return out, err
	}
	flush()
	return out, nil
}

// ReadCoNLLUFile reads a CoNLL-U file (see ReadCoNLLU).
func ReadCoNLLUFile(path string) ([]UDSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadCoNLLU(f)
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// JoinSentences joins sentences with a single space, as for evaluating
// sentence splitting, and returns the text and the end offset of each
// sentence in it (the gold boundaries).
func JoinSentences(sents []UDSentence) (string, []int) {
	var sb strings.Builder
	ends := make([]int, 0, len(sents))
	for i, s := range sents {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(s.Text)
		ends = append(ends, sb.Len())
	}
	return sb.String(), ends
}

// Page is one news page of ../shared/data/news-pages/pages.jsonl.
type Page struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Text   string `json:"text"`
}

// ReadPages reads news pages, one JSON object a line; blank lines are
// skipped, a malformed line is an error naming its number.
func ReadPages(r io.Reader) ([]Page, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var out []Page
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var p Page
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			return out, fmt.Errorf("corpus: line %d: %v: %w", n, err, ErrFormat)
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

// ReadPagesFile reads a news-pages JSONL file (see ReadPages).
func ReadPagesFile(path string) ([]Page, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadPages(f)
}
