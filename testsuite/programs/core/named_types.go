package main

import "fmt"

type ID int64
type Score uint8
type Label string
type Flags uint

const (
	Read Flags = 1 << iota
	Write
	Exec
)

const MaxScore Score = 250

func (f Flags) String2() string {
	s := ""
	if f&Read != 0 {
		s += "r"
	} else {
		s += "-"
	}
	if f&Write != 0 {
		s += "w"
	} else {
		s += "-"
	}
	if f&Exec != 0 {
		s += "x"
	} else {
		s += "-"
	}
	return s
}

func (l Label) Upper() Label {
	var out Label
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c >= 97 && c <= 122 {
			out += upper[c-97 : c-96]
		} else {
			out += l[i : i+1]
		}
	}
	return out
}

const upper Label = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

func (s Score) Add(d Score) Score { return s + d }

func main() {
	var id ID = 42
	id *= 1000000000000
	fmt.Println(id, int64(id)/7)
	fmt.Printf("%v %d %T\n", id, id, id)
	s := MaxScore
	s = s.Add(10)
	fmt.Println(s, MaxScore.Add(5))
	fmt.Printf("%T %v\n", s, s)
	for f := Flags(0); f < 8; f++ {
		fmt.Print(f.String2(), " ")
	}
	fmt.Println()
	perm := Read | Exec
	fmt.Println(perm, perm.String2(), (perm | Write).String2())
	var l Label = "hello, world"
	fmt.Println(l.Upper(), len(l))
	fmt.Printf("%T %q\n", l, l)
	fmt.Println(l + "!")
	ids := []ID{3, 1, 2}
	fmt.Println(ids)
}
