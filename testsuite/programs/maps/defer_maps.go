package main

import (
	"errors"
	"fmt"
)

var calls = map[string]int{}

func track(name string) func() {
	calls[name+".enter"]++
	return func() { calls[name+".exit"]++ }
}

func report(m map[string]int, label string) {
	fmt.Println(label, m)
}

func work(n int) (err error) {
	defer track("work")()
	seen := map[int]bool{}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("work(%d) recovered %v after %d keys", n, r, len(seen))
		}
	}()
	for i := 0; i < n; i++ {
		seen[i%3] = true
	}
	if n > 4 {
		var m map[int]bool
		m[n] = true
	}
	return nil
}

func deleteLater(m map[string]int, k string) {
	defer delete(m, k)
	m[k] += 100
	fmt.Println("during:", m)
}

func snapshot() {
	m := map[string]int{"a": 1}
	defer report(m, "deferred sees the same map:")
	m["b"] = 2
	m = map[string]int{"fresh": 0}
	m["c"] = 3
}

func countPanics(fs []func()) (counts map[string]int) {
	counts = map[string]int{}
	for _, f := range fs {
		func() {
			defer func() {
				switch r := recover().(type) {
				case nil:
					counts["ok"]++
				case error:
					counts[r.Error()]++
				case string:
					counts["string:"+r]++
				}
			}()
			f()
		}()
	}
	return counts
}

func main() {
	fmt.Println(work(3))
	fmt.Println(work(7))
	fmt.Println(calls)

	m := map[string]int{"x": 1}
	deleteLater(m, "x")
	fmt.Println("after:", m)
	snapshot()

	var nilMap map[string]int
	errBoom := errors.New("boom")
	counts := countPanics([]func(){
		func() { nilMap["a"] = 1 },
		func() { _ = nilMap["a"] },
		func() { nilMap["a"]++ },
		func() { panic("map") },
		func() { delete(nilMap, "a") },
		func() { panic(errBoom) },
		func() {
			s := []int{1}
			idx := map[string]int{"k": 5}
			_ = s[idx["k"]]
		},
	})
	fmt.Println(counts)

	results := map[int]string{}
	func() {
		for i := 0; i < 3; i++ {
			defer func() { results[i] = fmt.Sprint("deferred ", i) }()
		}
	}()
	fmt.Println(results)

	total := map[string]int{"n": 0}
	func() {
		defer func(m map[string]int) { m["n"] *= 10 }(total)
		total["n"] += 4
	}()
	fmt.Println(total)
}
