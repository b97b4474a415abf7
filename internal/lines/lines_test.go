package lines

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type readLine struct {
	Text    string
	Num     int
	TooLong bool
}

func readAllLines(t testing.TB, r io.Reader, max int) ([]readLine, error) {
	lr := NewReader(r, max)
	var out []readLine
	for i := 0; ; i++ {
		if i > 1<<20 {
			t.Fatal("lineReader does not terminate")
		}
		line, num, err := lr.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if errors.Is(err, ErrTooLong) {
			out = append(out, readLine{Num: num, TooLong: true})
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, readLine{Text: string(line), Num: num})
	}
}

func TestLineReader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want []readLine
	}{
		{"empty", "", 10, nil},
		{"one line no newline", "abc", 10, []readLine{{"abc", 1, false}}},
		{"final newline adds no line", "abc\n", 10, []readLine{{"abc", 1, false}}},
		{"blank lines count", "a\n\nb\n", 10, []readLine{{"a", 1, false}, {"", 2, false}, {"b", 3, false}}},
		{"crlf", "a\r\nb\r\n", 10, []readLine{{"a", 1, false}, {"b", 2, false}}},
		{"lone cr kept", "a\rb\n", 10, []readLine{{"a\rb", 1, false}}},
		{"exactly max", "abcde\nx", 5, []readLine{{"abcde", 1, false}, {"x", 2, false}}},
		{"too long is skipped, numbering goes on", "abcdef\nxy\n", 5, []readLine{{"", 1, true}, {"xy", 2, false}}},
		{"too long last line", "ok\n" + strings.Repeat("z", 100), 5, []readLine{{"ok", 1, false}, {"", 2, true}}},
		{"max plus crlf fits", "abcde\r\n", 5, []readLine{{"abcde", 1, false}}},
		{"max plus cr without lf is too long", "abcde\r", 5, []readLine{{"", 1, true}}},
		{"umlauts", "Größe\nÄra\n", 10, []readLine{{"Größe", 1, false}, {"Ära", 2, false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readAllLines(t, strings.NewReader(tc.in), tc.max)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			// The same through a reader that returns one byte at a time.
			got, err = readAllLines(t, iotest.OneByteReader(strings.NewReader(tc.in)), tc.max)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestLineReaderLongLinesBoundedMemory(t *testing.T) {
	// A 10 MB line with a 1 KB limit: skipped, the reader's buffer stays small.
	in := strings.Repeat("x", 10<<20) + "\nnext\n"
	lr := NewReader(strings.NewReader(in), 1<<10)
	_, num, err := lr.Next()
	require.ErrorIs(t, err, ErrTooLong)
	assert.Equal(t, 1, num)
	var le *Error
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 1, le.Line)
	assert.Less(t, cap(lr.buf), 64<<10, "the line buffer must not grow with the skipped line")
	assert.Equal(t, strings.Repeat("x", HeadBytes), string(le.Head), "the error keeps the line's first bytes")
	line, num, err := lr.Next()
	require.NoError(t, err)
	assert.Equal(t, "next", string(line))
	assert.Equal(t, 2, num)
}

func TestLineReaderReadError(t *testing.T) {
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader("a\nb"), iotest.ErrReader(boom))
	lr := NewReader(r, 10)
	line, _, err := lr.Next()
	require.NoError(t, err)
	assert.Equal(t, "a", string(line))
	_, _, err = lr.Next()
	assert.ErrorIs(t, err, boom)
}

// FuzzLineReader checks the JSONL line reader on any input: it terminates, numbers lines
// 1, 2, 3, ..., and the lines it returns, joined with the skipped ones, give back the input.
func FuzzLineReader(f *testing.F) {
	for _, s := range []string{"", "\n", "a\nb", "{\"id\":1,\"text\":\"Größe\"}\r\n\r\n", "abc\rdef", "\xff\xfe\n\x00", strings.Repeat("x", 40) + "\nshort"} {
		f.Add(s, 8)
	}
	f.Fuzz(func(t *testing.T, in string, max int) {
		max = 1 + abs(max)%64
		got, err := readAllLines(t, strings.NewReader(in), max)
		require.NoError(t, err)
		var rebuilt strings.Builder
		physical := strings.SplitAfter(in, "\n")
		if len(physical) > 0 && physical[len(physical)-1] == "" {
			physical = physical[:len(physical)-1]
		}
		require.Len(t, got, len(physical), "one result per input line")
		for i, l := range got {
			assert.Equal(t, i+1, l.Num)
			want := strings.TrimSuffix(physical[i], "\n")
			if len(want) < len(physical[i]) {
				want = strings.TrimSuffix(want, "\r")
			}
			if l.TooLong {
				assert.Greater(t, len(want), max, "only lines over max are skipped")
				rebuilt.WriteString(physical[i])
				continue
			}
			assert.LessOrEqual(t, len(l.Text), max)
			assert.Equal(t, want, l.Text)
			rebuilt.WriteString(physical[i])
		}
		assert.Equal(t, in, rebuilt.String())
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // math.MinInt
			return 0
		}
		return -n
	}
	return n
}
