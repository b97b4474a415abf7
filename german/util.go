package german

import "unicode/utf8"

func decodeRuneStr(s string) (rune, int) { return utf8.DecodeRuneInString(s) }
