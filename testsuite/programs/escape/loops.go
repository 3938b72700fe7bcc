package main

import "fmt"

type holder struct {
	p *int
}

//go:noinline
func read(p *int) int {
	return *p
}

//go:noinline
func bump(p *int) {
	*p += 1
}

func each(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

// A closure from the previous iteration, kept in a variable declared outside the loop,
// must still see its own iteration's v.
func prevClosure() {
	var f func() int
	for i := 0; i < 3; i++ {
		v := i * 10
		if f != nil {
			fmt.Println("prev closure", f())
		}
		f = func() int { return v }
	}
	fmt.Println("last closure", f())
}

// A pointer to the previous iteration's variable.
func prevPointer() {
	var p *int
	for i := 0; i < 3; i++ {
		v := i + 100
		if p != nil {
			fmt.Println("prev pointer", *p, v)
		}
		p = &v
	}
	fmt.Println("last pointer", *p)
}

// A struct declared outside the loop holding a pointer to a per-iteration variable.
func prevHolder() {
	var h holder
	for i := 0; i < 3; i++ {
		v := i + 7
		if h.p != nil {
			fmt.Println("prev holder", *h.p)
		}
		h = holder{p: &v}
	}
	fmt.Println("last holder", *h.p)
}

// Per-iteration variables whose pointers die within the iteration.
func within() int {
	total := 0
	for i := 0; i < 4; i++ {
		depth, max := i, 0
		bump(&depth)
		max = read(&depth) * 2
		sum := 0
		each([]int{1, 2, 3}, func(x int) { sum += x * depth })
		total += max + sum
	}
	return total
}

// Go 1.22 loop variables: each closure sees its own i, modifications stay per
// iteration.
func loopVars() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { i += 10; return i })
		i++
	}
	for _, f := range fs {
		fmt.Print(f(), " ", f(), " ")
	}
	fmt.Println()
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	fmt.Println(*ps[0], *ps[1], *ps[2])
}

// Nested loops: an inner closure captures the outer iteration's variable and is called
// in a later outer iteration.
func nested() {
	var keep []func() int
	for i := 0; i < 2; i++ {
		o := i * 100
		for j := 0; j < 2; j++ {
			in := j
			g := func() int { return o + in }
			if j == 1 {
				keep = append(keep, g)
			}
			fmt.Print(g(), " ")
		}
	}
	fmt.Println()
	for _, g := range keep {
		fmt.Print(g(), " ")
	}
	fmt.Println()
}

// Deferred closures in a loop capture their iteration's variables.
func deferredInLoop() (out string) {
	for i := 0; i < 3; i++ {
		v := i * i
		f := func() { out += fmt.Sprint(v, ";") }
		defer f()
	}
	return "x"
}

// A closure kept across iterations through a variable declared in the loop, then
// reassigned outside it.
func recursiveInLoop() {
	var last func(int) int
	for i := 1; i <= 3; i++ {
		var fact func(int) int
		fact = func(n int) int {
			if n <= 1 {
				return i
			}
			return n * fact(n-1)
		}
		fmt.Print(fact(i+1), " ")
		last = fact
	}
	fmt.Println(last(3))
}

func clobber(d int) int {
	a, b, c, e := d, d*2, d*3, d*4
	f := func() int { return a + b + c + e }
	if d == 0 {
		return f()
	}
	return clobber(d-1) + f()
}

func main() {
	prevClosure()
	prevPointer()
	prevHolder()
	fmt.Println(within(), clobber(6))
	loopVars()
	nested()
	fmt.Println(deferredInLoop())
	recursiveInLoop()
}
