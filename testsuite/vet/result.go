// defer.result: a deferred closure assigns a variable the function returns, but the
// results are not named: `return err` copied it before the closure ran. The clean
// shapes: a named result, a variable the closure only reads, a variable not returned.
package main

import (
	"errors"
	"fmt"
)

func parse(s string) error {
	var err error
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse %q: %v", s, r) // want `parse returns err at line 19 before this deferred assignment runs`
		}
	}()
	check(s)
	return err
}

func count(n int) (int, error) {
	total := 0
	defer func() { total += 100 }() // want `count returns total at line 28`
	for i := range n {
		total += i
	}
	return total, nil
}

func check(s string) {
	if s == "" {
		panic("empty")
	}
}

func parseNamed(s string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse %q: %v", s, r)
		}
	}()
	check(s)
	return nil
}

func readsOnly() error {
	err := errors.New("x")
	defer func() { fmt.Println("returning", err) }()
	return err
}

func notReturned() int {
	calls := 0
	defer func() { calls++ }()
	return 1
}

func returnedBeforeDefer(c bool) error {
	var err error
	if c {
		return err
	}
	defer func() { err = errors.New("late") }()
	return nil
}

func main() {
	fmt.Println(parse(""), parseNamed(""))
	fmt.Println(count(3))
	fmt.Println(readsOnly(), notReturned(), returnedBeforeDefer(true))
}
