package analyze

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// binaryMagic are the opening bytes of common binary formats: a file that
// starts with one is not text, whatever follows.
var binaryMagic = []struct{ magic, name string }{
	{"%PDF-", "PDF"},
	{"PK\x03\x04", "ZIP (or DOCX, XLSX, ODT, JAR)"},
	{"PK\x05\x06", "ZIP"},
	{"\x89PNG\r\n\x1a\n", "PNG"},
	{"GIF87a", "GIF"},
	{"GIF89a", "GIF"},
	{"\xff\xd8\xff", "JPEG"},
	{"\x1f\x8b", "gzip"},
	{"\xfd7zXZ\x00", "xz"},
	{"\x28\xb5\x2f\xfd", "zstd"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip"},
	{"Rar!\x1a\x07", "RAR"},
	{"\x7fELF", "ELF executable"},
	{"\xca\xfe\xba\xbe", "Mach-O or Java class"},
	{"\xcf\xfa\xed\xfe", "Mach-O executable"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (DOC, XLS, PPT)"},
	{"SQLite format 3\x00", "SQLite"},
	{"OggS\x00", "Ogg"},
	{"fLaC\x00", "FLAC"},
	{"ID3\x03", "MP3"},
	{"ID3\x04", "MP3"},
	{"\x1a\x45\xdf\xa3", "Matroska or WebM"},
	{"wOFF", "WOFF font"},
	{"wOF2", "WOFF2 font"},
	{"\x00asm", "WebAssembly"},
	{"\xff\xfe", "UTF-16 (little endian; convert it to UTF-8)"},
	{"\xfe\xff", "UTF-16 (big endian; convert it to UTF-8)"},
}

// notText reports why text is not text, or "" when it is: it starts
// with a binary format's magic number, holds a NUL byte (no text does;
// binary files and UTF-16 do), or more than notTextShare of its bytes are
// control characters or invalid UTF-8 (counted in notTextSample's
// windows).
func notText(text string) string {
	for _, m := range binaryMagic {
		if strings.HasPrefix(text, m.magic) {
			return m.name + " data"
		}
	}
	if len(text) >= 12 {
		switch {
		case text[4:8] == "ftyp":
			return "MP4 or QuickTime data"
		case text[:4] == "RIFF" && (text[8:12] == "WAVE" || text[8:12] == "AVI " || text[8:12] == "WEBP"):
			return "RIFF (WAV, AVI, WebP) data"
		}
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return fmt.Sprintf("NUL byte at offset %d", i)
	}
	bad, n := 0, 0
	for _, w := range notTextSample(len(text)) {
		bad += badBytes(text[w[0]:w[1]])
		n += w[1] - w[0]
	}
	if float64(bad) > notTextShare*float64(n) {
		return fmt.Sprintf("%.0f%% of the bytes are control characters or invalid UTF-8", 100*float64(bad)/float64(n))
	}
	return ""
}

// notTextSample returns the windows of a text of n bytes that notText
// reads for its share of bad bytes: all of a text of up to 256 KB, else
// its first 128 KB and 32 windows of 4 KB spread over the rest, so that
// the check costs the same on 8 MB as on 256 KB.
func notTextSample(n int) [][2]int {
	const head, win, wins = 128 << 10, 4 << 10, 32
	if n <= 2*head {
		return [][2]int{{0, n}}
	}
	out := [][2]int{{0, head}}
	step := (n - head) / wins
	for k := range wins {
		s := head + k*step
		out = append(out, [2]int{s, min(s+win, n)})
	}
	return out
}

// badBytes counts the bytes of s that are control characters (not tab,
// line feed, vertical tab, form feed or carriage return; C1 controls
// too) or invalid UTF-8. A window may cut a rune at either end: the few
// bytes that makes look invalid do not move the share.
func badBytes(s string) int {
	bad := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && plainASCII8(s, i) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if controlByte[c] {
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r < 0xA0 {
			bad += n
		}
		i += n
	}
	return bad
}

// plainASCII8 reports whether the eight bytes of text at i are ASCII and
// none of them a control character: the common case, taken a word at a
// time.
func plainASCII8(text string, i int) bool {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	x := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
		uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
	if x&high != 0 {
		return false
	}
	below := (x - ones*0x20) &^ x & high // a byte < 0x20 (all bytes are < 0x80)
	del := x ^ ones*0x7f
	del = (del - ones) &^ del & high // a byte == 0x7f
	return below|del == 0
}

// controlByte flags the ASCII control characters other than tab, line
// feed, vertical tab, form feed and carriage return.
var controlByte = func() (t [utf8.RuneSelf]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	for _, c := range "\t\n\v\f\r" {
		t[c] = false
	}
	t[0x7f] = true
	return t
}()

// isBlank reports whether s holds nothing but white space (Unicode's, and
// the invisible byte order mark and zero-width space).
func isBlank(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ', '\t', '\n', '\r', '\v', '\f':
				i++
				continue
			}
			return false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) && r != '\uFEFF' && r != '\u200B' {
			return false
		}
		i += n
	}
	return true
}
