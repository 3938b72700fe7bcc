package main

import (
	"errors"
	"fmt"
)

func rec(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

// Verbs that do not call Error() see the error values the runtime makes as Go
// defines them: errors.New gives a *errors.errorString (a pointer to struct{ s string }),
// runtime errors such as divide by zero are runtime.errorString (a string type).
func main() {
	e := errors.New("plain")
	fmt.Printf("%d|%t|%5d|%+v|%v|%s|%x|%q|%T\n", e, e, e, e, e, e, e, e, e)
	fmt.Printf("%#v\n", e)
	fmt.Printf("%d\n", fmt.Errorf("made %d", 1))
	z := 0
	r := rec(func() { _ = 1 / z })
	fmt.Printf("%d|%v|%T|%x|%t\n", r, r, r, r, r)
	var p *struct{ x int }
	r = rec(func() { _ = p.x })
	fmt.Printf("%d|%v|%T\n", r, r, r)
	fmt.Printf("%#v\n", r)
	fmt.Println([]error{e, nil})
	fmt.Printf("%v %s\n", []error{e}, []any{e})
}
