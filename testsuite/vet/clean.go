// Every shape the analyzers look at, used correctly: no finding on any line.
package main

import (
	"errors"
	"fmt"
)

type mutex struct{ locked bool }

func (m *mutex) Lock()   { m.locked = true }
func (m *mutex) Unlock() { m.locked = false }

var mu mutex

func withLock(f func()) {
	mu.Lock()
	defer mu.Unlock()
	f()
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("div: %v", r)
		}
	}()
	return a / b, nil
}

func traced(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func work(n int) (total int) {
	defer traced("work")()
	for i := range n {
		func() {
			defer fmt.Println("iteration", i)
			total += i
		}()
	}
	status := "running"
	defer func() { fmt.Println("status:", status) }()
	status = "done"
	return total
}

func validate(s string) error {
	if s == "" {
		return errors.New("empty")
	}
	defer fmt.Println("validated", s)
	return nil
}

func main() {
	withLock(func() { fmt.Println("locked:", mu.locked) })
	fmt.Println(safeDiv(1, 0))
	fmt.Println(work(3))
	fmt.Println(validate(""), validate("x"))
}
