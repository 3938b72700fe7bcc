package main

import "fmt"

// Receivers kept alive only by method values (a pointer receiver and a value receiver
// copied into the bound closure) and by a closure stored in a struct.

type counter struct {
	name  string
	count int
	hist  []int
}

func (c *counter) bump(n int) string {
	c.count += n
	c.hist = append(c.hist, n)
	return fmt.Sprint(c.name, "=", c.count, c.hist)
}

func (c counter) describe() string {
	return fmt.Sprint(c.name, " has ", len(c.hist))
}

type holder struct {
	f func(int) string
}

func churn(seed int) int {
	s := 0
	for i := 0; i < 3000; i++ {
		c := &counter{name: fmt.Sprint("g", seed, i), hist: make([]int, 200)}
		s += len(c.bump(i))
	}
	return s
}

func makeBound() (func(int) string, func() string) {
	c := &counter{name: fmt.Sprint("ptr", "recv")}
	v := counter{name: fmt.Sprint("val", "recv"), hist: []int{1, 2, 3}}
	return c.bump, v.describe
}

func makeHolder() holder {
	c := &counter{name: "held"}
	return holder{f: c.bump}
}

func main() {
	bump, describe := makeBound()
	h := makeHolder()
	fmt.Println(bump(1))
	churn(1)
	fmt.Println(bump(2))
	fmt.Println(describe())
	churn(2)
	fmt.Println(h.f(5), h.f(6))
}
