// Package lines reads a stream line by line with memory bounded by the
// longest line it accepts: a longer line is skipped to its end and
// reported, and reading goes on. It is shared by the JSONL batch format
// (analyze/jsonl) and the CLI's CoNLL reader.
package lines

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// ErrTooLong is reported (wrapped in an *Error) for a line longer than the
// reader's maximum; the line is skipped, the reader stays usable.
var ErrTooLong = errors.New("line too long")

// Error is a problem with one input line.
type Error struct {
	Line int   // counts from 1
	Err  error // what is wrong
	// Head holds the first bytes (at most HeadBytes) of a line too long to
	// read, so that a caller can still tell which record it was.
	Head []byte
}

// HeadBytes is the most bytes of a too-long line an Error keeps.
const HeadBytes = 4 << 10

// Error returns "LINE: message".
func (e *Error) Error() string { return fmt.Sprintf("%d: %v", e.Line, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Reader reads lines of at most max bytes from a stream, numbering them from 1, with
// memory bounded by max (plus bufio's buffer) whatever the input: a longer line is not kept
// but skipped to its end and reported as ErrTooLong.
//
// A line ends at "\n"; the "\n" and one "\r" before it are removed. A last line without a
// final newline is still a line; an input ending in "\n" has no empty line after it.
type Reader struct {
	r    *bufio.Reader
	max  int
	line int
	buf  []byte
	head []byte
}

// NewReader returns a Reader on r that accepts lines of up to max bytes.
func NewReader(r io.Reader, max int) *Reader {
	if max < 1 {
		max = 1
	}
	size := 64 << 10
	if max < size {
		size = max + 2
		if size < 16 {
			size = 16
		}
	}
	return &Reader{r: bufio.NewReaderSize(r, size), max: max}
}

// Next returns the next line (without its terminator) and its number. The returned slice
// is valid only until the next call. At the end of input it returns io.EOF; a line too long
// gives an *Error wrapping ErrTooLong (call Next again for the following line); a
// read error is returned as it is and ends the stream.
func (lr *Reader) Next() ([]byte, int, error) {
	lr.buf = lr.buf[:0]
	lr.head = lr.head[:0]
	tooLong := false
	read := false
	for {
		chunk, err := lr.r.ReadSlice('\n')
		if len(chunk) > 0 {
			read = true
		}
		if !tooLong {
			if len(lr.buf)+len(chunk) > lr.max+2 { // room for "\r\n"
				tooLong = true
				lr.head = append(lr.head, lr.buf[:min(len(lr.buf), HeadBytes)]...)
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		if tooLong {
			if n := HeadBytes - len(lr.head); n > 0 {
				lr.head = append(lr.head, chunk[:min(n, len(chunk))]...)
			}
		}
		switch {
		case err == nil:
			// chunk ends in '\n'.
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if !read {
				return nil, lr.line, io.EOF
			}
		default:
			return nil, lr.line, err
		}
		lr.line++
		if tooLong {
			return nil, lr.line, &Error{Line: lr.line, Err: fmt.Errorf("%w (more than %d bytes)", ErrTooLong, lr.max), Head: bytes.Clone(lr.head)}
		}
		line := bytes.TrimSuffix(lr.buf, []byte("\n"))
		if len(line) < len(lr.buf) {
			line = bytes.TrimSuffix(line, []byte("\r"))
		}
		if len(line) > lr.max {
			return nil, lr.line, &Error{Line: lr.line, Err: fmt.Errorf("%w (more than %d bytes)", ErrTooLong, lr.max), Head: bytes.Clone(line[:min(len(line), HeadBytes)])}
		}
		return line, lr.line, nil
	}
}
