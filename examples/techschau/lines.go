package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// errLineTooLong is reported (wrapped in a *lineError) for a line longer than the reader's
// maximum; the line is skipped, the reader stays usable.
var errLineTooLong = errors.New("line too long")

// lineError is a problem with one input line. Line counts from 1.
type lineError struct {
	Line int
	Err  error
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *lineError) Unwrap() error { return e.Err }

// lineReader reads lines of at most max bytes from a stream, numbering them from 1, with
// memory bounded by max (plus bufio's buffer) whatever the input: a longer line is not kept
// but skipped to its end and reported as errLineTooLong.
//
// A line ends at "\n"; the "\n" and one "\r" before it are removed. A last line without a
// final newline is still a line; an input ending in "\n" has no empty line after it.
type lineReader struct {
	r    *bufio.Reader
	max  int
	line int
	buf  []byte
}

// newLineReader returns a lineReader on r that accepts lines of up to max bytes.
func newLineReader(r io.Reader, max int) *lineReader {
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
	return &lineReader{r: bufio.NewReaderSize(r, size), max: max}
}

// next returns the next line (without its terminator) and its number. The returned slice
// is valid only until the next call. At the end of input it returns io.EOF; a line too long
// gives a *lineError wrapping errLineTooLong (call next again for the following line); a
// read error is returned as it is and ends the stream.
func (lr *lineReader) next() ([]byte, int, error) {
	lr.buf = lr.buf[:0]
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
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
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
			return nil, lr.line, &lineError{Line: lr.line, Err: fmt.Errorf("%w (more than %d bytes)", errLineTooLong, lr.max)}
		}
		line := bytes.TrimSuffix(lr.buf, []byte("\n"))
		if len(line) < len(lr.buf) {
			line = bytes.TrimSuffix(line, []byte("\r"))
		}
		if len(line) > lr.max {
			return nil, lr.line, &lineError{Line: lr.line, Err: fmt.Errorf("%w (more than %d bytes)", errLineTooLong, lr.max)}
		}
		return line, lr.line, nil
	}
}
