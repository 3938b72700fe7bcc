package main

import "fmt"

func main() {
	m := map[int]int{}
	for i := 0; i < 100; i++ {
		m[i] = i * 2
	}
	// Deleting entries not yet reached: they are never produced.
	seen := 0
	for k := range m {
		seen++
		if k%2 == 0 {
			delete(m, k+1)
		} else {
			delete(m, k-1)
		}
	}
	fmt.Println(seen, len(m))

	// Deleting the current entry is fine.
	for k := range m {
		delete(m, k)
	}
	fmt.Println(len(m), m)

	// Values updated during the loop are seen as updated.
	m = map[int]int{1: 1, 2: 2, 3: 3}
	sum := 0
	for k, v := range m {
		sum += v
		for j := range 4 {
			if j != k {
				m[j] *= 10
			}
		}
	}
	fmt.Println(len(m) >= 3, sum > 0)

	// Adding during the loop terminates; the new entries may or may not be produced.
	grow := map[int]bool{0: true}
	n := 0
	for k := range grow {
		n++
		if k < 1000 {
			grow[k+1000] = true
		}
	}
	fmt.Println(n >= 1, len(grow) >= 2)

	// Clearing during the loop: no more entries are produced.
	c := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4}
	visits := 0
	for range c {
		visits++
		clear(c)
	}
	fmt.Println(visits, len(c))

	// Growth while iterating: every entry present throughout is produced exactly once.
	g := map[int]int{}
	for i := 0; i < 8; i++ {
		g[i] = i
	}
	got := map[int]int{}
	for k := range g {
		got[k]++
		if k < 8 {
			for j := 0; j < 40; j++ {
				g[100+k*40+j] = j
			}
		}
	}
	once := true
	for k := 0; k < 8; k++ {
		if got[k] != 1 {
			once = false
		}
	}
	fmt.Println(once, len(g))

	// Range over a nil map runs zero times.
	var nm map[string]int
	for k, v := range nm {
		fmt.Println(k, v)
	}
	fmt.Println("done")
}
