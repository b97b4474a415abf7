package trends

import (
	"fmt"
	"time"
)

// Period is the length of the time buckets of an aggregate: a day, an ISO week (Monday to
// Sunday) or a calendar month. The zero Period is not a valid period; an Aggregator
// without WithPeriod uses Week.
type Period uint8

// Periods.
const (
	Day   Period = iota + 1 // "day": one calendar day
	Week                    // "week": an ISO week, starting on Monday
	Month                   // "month": a calendar month, starting on its first day
)

var periodNames = [...]string{"", "day", "week", "month"}

// String returns "day", "week", "month", or "" for an invalid Period.
func (p Period) String() string {
	if int(p) < len(periodNames) {
		return periodNames[p]
	}
	return ""
}

// ParsePeriod returns the Period named "day", "week" or "month"; any other name is an error
// wrapping ErrBadOption.
func ParsePeriod(name string) (Period, error) {
	for i, n := range periodNames {
		if i > 0 && n == name {
			return Period(i), nil
		}
	}
	return 0, fmt.Errorf("%w: period %q: want day, week or month", ErrBadOption, name)
}

// MarshalText implements encoding.TextMarshaler.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Period) UnmarshalText(b []byte) error {
	q, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// day is a calendar date as the number of days since 1970-01-01.
type day int32

// Calendar dates an aggregate accepts: years 1 to 9999, so that every period start prints
// as YYYY-MM-DD.
var (
	minDay = dayOf(time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC))
	maxDay = dayOf(time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC))
)

// dayOf returns the calendar date of t in t's own location: a publication time
// "2024-04-03T23:30:00-05:00" is on 2024-04-03, the day its publisher printed.
func dayOf(t time.Time) day {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	return day(floorDiv(u, 86400))
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// validDay reports whether t lies in the years an aggregate accepts.
func validDay(t time.Time) (day, bool) {
	if t.IsZero() {
		return 0, false
	}
	y := t.Year()
	if y < 1 || y > 9999 {
		return 0, false
	}
	return dayOf(t), true
}

// time returns the day as midnight UTC.
func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// String returns the day as YYYY-MM-DD.
func (d day) String() string { return d.time().Format(time.DateOnly) }

// start returns the first day of the period that contains d.
func (p Period) start(d day) day {
	switch p {
	case Day:
		return d
	case Month:
		t := d.time()
		return dayOf(time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC))
	default: // Week. 1970-01-01 was a Thursday, so (d+3) mod 7 is 0 on Mondays.
		x := int64(d) + 3
		return d - day(x-floorDiv(x, 7)*7)
	}
}
