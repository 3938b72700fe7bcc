package main

import "fmt"

// Objects reachable only from package variables, some set inside deferred calls (also
// while a panic unwinds), across collections.

type entry struct {
	key  string
	vals []string
	next *entry
}

var (
	head    *entry
	saved   interface{}
	lastErr error
	names   []string
)

func churn(seed int) int {
	s := 0
	for i := 0; i < 3000; i++ {
		e := &entry{key: fmt.Sprint("k", seed, i), vals: make([]string, 120)}
		s += len(e.key)
	}
	return s
}

func push(k string) {
	defer func() {
		head = &entry{key: k, vals: []string{k + "!", fmt.Sprint(len(k))}, next: head}
	}()
	churn(len(k))
}

func failing() {
	defer func() {
		if r := recover(); r != nil {
			saved = r
			lastErr = fmt.Errorf("wrapped: %v", r)
		}
	}()
	defer func() {
		names = append(names, fmt.Sprint("during ", "panic"))
	}()
	panic(fmt.Sprint("failure ", 7))
}

func main() {
	push("alpha")
	push("beta")
	failing()
	churn(9)
	for e := head; e != nil; e = e.next {
		fmt.Println(e.key, e.vals)
	}
	fmt.Println(saved, lastErr, names)
}
