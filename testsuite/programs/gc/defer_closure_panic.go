package main

import "fmt"

// A deferred closure's captured variable is the only reference to its object while a
// panic unwinds through frames that allocate enough to collect several times.

type payload struct {
	name string
	vals []int
}

// churn allocates about 6 MB of garbage holding pointers, overwriting freed memory.
func churn(seed int) int {
	var keep []*payload
	s := 0
	for i := 0; i < 3000; i++ {
		p := &payload{name: fmt.Sprint("junk", i), vals: make([]int, 250)}
		p.vals[i%250] = seed + i
		if i%100 == 0 {
			keep = append(keep, p)
		}
		s += p.vals[i%250]
	}
	return s + len(keep)
}

func inner() {
	p := &payload{name: "captured", vals: []int{1, 2, 3}}
	defer func() {
		churn(1)
		fmt.Println("deferred sees", p.name, p.vals)
	}()
	p2 := &payload{name: "second", vals: []int{4, 5}}
	defer func() {
		r := recover()
		churn(2)
		fmt.Println("recovered", r, p2.name, p2.vals)
		panic(fmt.Sprint("again: ", r))
	}()
	churn(3)
	panic("boom")
}

func outer() (msg string) {
	defer func() {
		r := recover()
		churn(4)
		msg = fmt.Sprint("outer recovered: ", r)
	}()
	inner()
	return "not reached"
}

func main() {
	fmt.Println(outer())
	fmt.Println(churn(5) > 0)
}
