package main

import "fmt"

// Small helpers with defers, called in loops and from other helpers, where an inliner
// may copy them into the caller: each call's deferred calls run when that call returns,
// never at the caller's exit, and a panic inside one runs its defers before the caller's.

type mu struct {
	held  bool
	locks int
}

func (m *mu) Lock() {
	if m.held {
		panic("double lock")
	}
	m.held = true
	m.locks++
}

func (m *mu) Unlock() { m.held = false }

var total int

func add(m *mu, v int) int {
	m.Lock()
	defer m.Unlock()
	total += v
	return total
}

func checked(m *mu, xs []int, i int) (v int) {
	m.Lock()
	defer m.Unlock()
	defer func() { v *= 2 }()
	return xs[i]
}

func twice(m *mu, v int) int {
	defer fmt.Println("twice done", v)
	return add(m, v) + add(m, v)
}

func safeChecked(m *mu, xs []int, i int) (v int, err any) {
	defer func() { err = recover() }()
	return checked(m, xs, i), nil
}

func main() {
	m := &mu{}
	for i := range 5 {
		if add(m, i) > 5 {
			fmt.Println("over 5 at", i, "held", m.held)
		}
	}
	fmt.Println("total", total, "locks", m.locks, "held", m.held)
	v := twice(m, 1)
	fmt.Println(v, m.held)
	xs := []int{4, 5, 6}
	var err any
	for i := range 5 {
		v, err = safeChecked(m, xs, i)
		fmt.Println("checked", i, v, err, "held", m.held)
	}
	fmt.Println("locks", m.locks)
	defer fmt.Println("main defer runs last, held", m.held)
	m.Lock()
	defer m.Unlock()
	add(m, 1)
	fmt.Println("unreachable")
}
