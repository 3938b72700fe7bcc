package main

import "fmt"

// A named byte type with a String method: slices of it are still byte slices
// to fmt under %s %q %x %X, while %v calls String on each element and %d
// prints the numbers.
type Level uint8

func (l Level) String() string { return "L" + fmt.Sprint(uint8(l)) }

type Code uint8

func (c Code) Error() string { return fmt.Sprintf("code %d", uint8(c)) }

type rec struct {
	ls   []Level
	name string
	Ls   []Level
}

func main() {
	ls := []Level{72, 105}
	fmt.Printf("%v|%d|%s|%q|%x|%X\n", ls, ls, ls, ls, ls, ls)
	fmt.Println(ls, len(ls))
	fmt.Printf("%5s|%-6q|% x|%+v\n", ls, ls, ls, ls)

	var none []Level
	fmt.Printf("%v|%s|%q|%x|%d\n", none, none, none, none, none)
	fmt.Printf("%v|%s|\n", []Level{}, []Level{})

	cs := []Code{79, 75}
	fmt.Printf("%v|%s|%x\n", cs, cs, cs)
	fmt.Println(cs)

	r := rec{ls: []Level{65, 66}, name: "n", Ls: []Level{67}}
	fmt.Printf("%v\n%+v\n%s\n%x\n", r, r, r, r)
	fmt.Println(r)
	s := fmt.Sprint(r, ls)
	fmt.Println(len(s), s)
}
